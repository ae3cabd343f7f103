//! A card's details: what the document says about an item of an outline (a heading's text,
//! a bullet's nested lines), collapsed to a preview line; the whole text is drawn, safely,
//! only once the reader opens it.

use crate::components::rich::draw;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The collapsible details of a card.
#[component]
pub fn CardDetails(
    /// The item's details, as Markdown.
    details: String,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let preview = roadboard_core::render::details_preview(&details);
    view! {
        <details class="card-details" on:toggle=move |ev| {
            let now = ev.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|el| el.open());
            open.set(now);
        }>
            <summary>
                <span class="details-label">"Details"</span>
                {(!preview.is_empty()).then(|| view! { <span class="details-preview">{preview}</span> })}
            </summary>
            <div class="details-body">
                {move || open.get().then(|| draw(&roadboard_core::render::document(&details), None))}
            </div>
        </details>
    }
}
