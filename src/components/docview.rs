//! The Document view: the whole document rendered safely, with the same live checkboxes.

use crate::components::rich::draw;
use crate::components::state::DocModel;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole document, sanitised, with live checkboxes.
#[component]
pub fn DocumentView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let nodes = crate::render::document(&model.text);
    view! {
        <article class="document" aria-label="Document">
            {draw(&nodes, Some(&model))}
        </article>
    }
}
