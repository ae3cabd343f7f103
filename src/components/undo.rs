//! The "Undo" toast after a tick, untick, import or reset, and Ctrl/Cmd+Z anywhere on the page
//! (except while typing in a text field, where the browser's own undo applies).

use crate::doc::DocModel;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How long a toast stays on screen.
const TOAST_MS: u64 = 6000;

/// The toast and the undo shortcut of an opened document.
#[component]
pub fn UndoToast(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let toast = model.history.toast;
    // Each toast hides itself after a while, unless a newer one replaced it.
    Effect::new(move |_| {
        if let Some(serial) = toast.with(|t| t.as_ref().map(|t| t.serial)) {
            set_timeout(
                move || {
                    if toast.with_untracked(|t| t.as_ref().is_some_and(|t| t.serial == serial)) {
                        toast.set(None);
                    }
                },
                std::time::Duration::from_millis(TOAST_MS),
            );
        }
    });
    let m_key = model.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        let z = ev.key().eq_ignore_ascii_case("z");
        if !z || !(ev.ctrl_key() || ev.meta_key()) || ev.shift_key() || ev.alt_key() {
            return;
        }
        if typing(&ev) {
            return;
        }
        ev.prevent_default();
        m_key.undo_recent();
    });
    on_cleanup(move || keys.remove());
    let m_click = model.clone();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || toast.get().map(|t| {
                let m = m_click.clone();
                view! {
                    <div class="toast">
                        <span class="toast-text">{t.message}</span>
                        {t.can_undo.then(|| view! {
                            <button type="button" class="toast-undo" aria-keyshortcuts="Control+Z Meta+Z"
                                on:click=move |_| { m.undo_recent(); }>"Undo"</button>
                        })}
                        <button type="button" class="toast-close" aria-label="Dismiss"
                            on:click=move |_| toast.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// Whether the key went to a field the reader types in (its own undo applies there).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset"
            )
        }
        _ => el
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false"),
    }
}
