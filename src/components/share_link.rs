//! Progress as a link (issue 19): "Share progress" in the Progress menu puts the reader's ticks
//! into the address's fragment (`#progress=…`, never sent to a server) in a "Progress link"
//! field with Copy; opening such a link asks "Adopt / Merge / Just look". The codec is the
//! core's ([`roadboard_core::sharelink`]); the ticks go through the document model's own
//! progress calls, so storage rules (read-only, blocked) apply as for any other change.

use crate::doc::DocModel;
use crate::storage::SaveMode;
use leptos::prelude::*;
use roadboard_core::progress::ProgressState;
use roadboard_core::sharelink::{decode, encode, from_fragment, Shared, FRAGMENT_KEY};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The page's fragment (`#…`), or empty.
fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Take the fragment out of the address (the link was answered).
fn clear_fragment() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The whole address of this page with `link` as its progress fragment.
fn link_url(link: &str) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}{}#{FRAGMENT_KEY}={link}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}

/// Copy `text` with the Clipboard API (a browser without it: the field is selected instead).
fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&w, &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    write.is_some_and(|f| f.call1(&clipboard, &text.into()).is_ok())
}

/// "Share progress": the reader's ticks as a link, in a field with Copy.
#[component]
pub fn ShareProgress(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let make = move |_| {
        let url = link_url(&encode(&model.map, &model.progress()));
        link.set(Some(url));
        copied.set(false);
    };
    let field = NodeRef::<leptos::html::Input>::new();
    let do_copy = move |_| {
        let text = link.get_untracked().unwrap_or_default();
        if let Some(input) = field.get_untracked() {
            input.select();
        }
        copied.set(copy(&text));
    };
    view! {
        <button type="button" on:click=make>"Share progress"</button>
        {move || link.get().map(|url| view! {
            <div class="share-link">
                <label for="progress-link">"Progress link"</label>
                <div class="share-row">
                    <input id="progress-link" type="text" readonly node_ref=field prop:value=url.clone()
                        on:focus=move |ev| {
                            if let Some(i) = crate::dom::event_element::<web_sys::HtmlInputElement>(&ev) { i.select(); }
                        }/>
                    <button type="button" on:click=do_copy>"Copy"</button>
                </div>
                <p class="share-hint" role="status">{move || if copied.get() {
                    "Copied. Whoever opens it is asked before their ticks change.".to_string()
                } else {
                    format!("{} characters; the ticks travel in the part after #, which is never sent to a server.", url.len())
                }}</p>
            </div>
        })}
    }
}

/// What the prompt shows: a link to answer, a refusal, or what was done (with its undo).
#[derive(Clone)]
enum Prompt {
    Ask(Arc<Shared>),
    Refused(String),
    Done {
        message: String,
        undo: Option<(ProgressState, SaveMode)>,
    },
}

/// The prompt for the progress link in the address, if there is one (a refused one leaves the
/// address at once).
fn read_link(model: &DocModel) -> Option<Prompt> {
    from_fragment(&fragment()).map(|link| match decode(link, &model.map) {
        Ok(shared) => Prompt::Ask(Arc::new(shared)),
        Err(e) => {
            clear_fragment();
            Prompt::Refused(e.to_string())
        }
    })
}

/// Opening a progress link: "Progress from a link: N ticks — Adopt / Merge / Just look".
#[component]
pub fn LinkPrompt(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let prompt = RwSignal::new(read_link(&model));
    // A link pasted into the address of this very page changes only the fragment.
    let listener = {
        let m = model.clone();
        window_event_listener(leptos::ev::hashchange, move |_| {
            if let Some(p) = read_link(&m) {
                prompt.set(Some(p));
            }
        })
    };
    on_cleanup(move || listener.remove());
    let answer = {
        let m = model.clone();
        move |choice: &'static str, shared: Arc<Shared>| {
            clear_fragment();
            let before = m.progress();
            let mode = m.mode.get_untracked();
            let n = shared.ticks();
            let (state, message) = match choice {
                "adopt" => (
                    shared.state.clone(),
                    format!("Adopted the link's progress: {n} ticks."),
                ),
                "merge" => {
                    let mut s = before.clone();
                    for (id, v) in shared.state.items.iter().filter(|(_, v)| **v) {
                        let label = shared.state.labels.get(id).map_or("", String::as_str);
                        s.set(id, *v, label);
                    }
                    (s, format!("Merged the link's {n} ticks with yours."))
                }
                _ => {
                    // Just look: shown, never saved (this tab only, until "Back to my ticks").
                    m.mode.set(SaveMode::MemoryOnly);
                    (
                        shared.state.clone(),
                        format!("Showing the link's progress ({n} ticks) without saving it."),
                    )
                }
            };
            // Where it was kept ("in this tab only") is said by the storage banner.
            let result = m.replace_all(state).map(|_| ());
            let failed = result.is_err();
            m.report(result);
            if !failed {
                prompt.set(Some(Prompt::Done {
                    message,
                    undo: Some((before, mode)),
                }));
            } else {
                prompt.set(None);
            }
        }
    };
    let undo = {
        let m = model.clone();
        move |before: ProgressState, mode: SaveMode| {
            m.mode.set(mode);
            let r = m.replace_all(before).map(|_| ());
            m.report(r);
            prompt.set(None);
        }
    };
    move || {
        let answer = answer.clone();
        let undo = undo.clone();
        prompt.get().map(|p| match p {
            Prompt::Ask(shared) => {
                let n = shared.ticks();
                let gone = shared.unmatched;
                let (a, b, c) = (answer.clone(), answer.clone(), answer.clone());
                let (s1, s2, s3) = (shared.clone(), shared.clone(), shared.clone());
                view! {
                    <div class="notice info link-prompt" role="alertdialog" aria-label="Progress from a link">
                        <span>{format!("Progress from a link: {n} tick{}", if n == 1 { "" } else { "s" })}</span>
                        {(gone > 0).then(|| view! {
                            <span class="notice-hint">{format!(" ({gone} did not match an item of this version of the roadmap)")}</span>
                        })}
                        <span class="link-actions">
                            <button type="button" on:click=move |_| a("adopt", s1.clone())
                                title="Replace your ticks with the link's (you can undo)">"Adopt"</button>
                            <button type="button" on:click=move |_| b("merge", s2.clone())
                                title="Keep your ticks and add the link's">"Merge"</button>
                            <button type="button" on:click=move |_| c("look", s3.clone())
                                title="Show the link's ticks without saving them">"Just look"</button>
                            <button type="button" class="link-button" on:click=move |_| { clear_fragment(); prompt.set(None); }>"Ignore"</button>
                        </span>
                    </div>
                }.into_any()
            }
            Prompt::Refused(msg) => view! {
                <div class="notice warn" role="alert">
                    <span>{msg}</span>
                    <button type="button" class="link-button" on:click=move |_| prompt.set(None)>"Dismiss"</button>
                </div>
            }.into_any(),
            Prompt::Done { message, undo: back } => {
                let looking = message.starts_with("Showing");
                view! {
                    <div class="notice info" role="status">
                        <span>{message}</span>
                        {back.map(|(before, mode)| {
                            let undo = undo.clone();
                            view! {
                                <button type="button" class="link-button" on:click=move |_| undo(before.clone(), mode)>
                                    {if looking { "Back to my ticks" } else { "Undo" }}
                                </button>
                            }
                        })}
                        {(!looking).then(|| view! {
                            <button type="button" class="link-button" on:click=move |_| prompt.set(None)>"Dismiss"</button>
                        })}
                    </div>
                }.into_any()
            }
        })
    }
}
