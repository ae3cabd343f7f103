//! The reader's progress controls and messages: export and import (JSON), download the
//! Markdown with the boxes ticked, reset with confirmation and undo, and the banners for
//! ticks whose item is gone and for storage problems.

use crate::doc::DocModel;
use crate::dom::{download, event_element, Download};
use crate::storage::SaveMode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::load::decode_document;
use roadboard_core::notice::Notice;
use roadboard_core::progress::{export_markdown, migrate};
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// The "Progress" menu in the header.
#[component]
pub fn ProgressMenu(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let open = RwSignal::new(false);
    let stem = model.download_name();
    let export_json = {
        let (m, stem) = (model.clone(), stem.clone());
        move |_| {
            let json = serde_json::to_string_pretty(&m.progress()).unwrap_or_default();
            let file = Download::Text {
                mime: "application/json",
                text: &json,
            };
            m.report(download(&format!("{stem}.progress.json"), file).map_err(Notice::outcome));
        }
    };
    let export_md = {
        let m = model.clone();
        let name = match m.doc_id.last_segment() {
            n if n.ends_with(".md") || n.ends_with(".markdown") => n.to_string(),
            _ => format!("{stem}.md"),
        };
        move |_| {
            let text = export_markdown(&m.original, &m.map, &m.progress());
            let file = Download::Text {
                mime: "text/markdown",
                text: &text,
            };
            m.report(download(&name, file).map_err(Notice::outcome));
        }
    };
    let import = {
        let m = model.clone();
        move |ev: leptos::ev::Event| {
            let input: Option<web_sys::HtmlInputElement> = event_element(&ev);
            let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            if let Some(i) = input {
                i.set_value("");
            }
            let m = m.clone();
            spawn_local(async move {
                let name = file.name();
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                    Err(_) => {
                        m.notice.set(Some(Notice::outcome(format!(
                            "“{name}” could not be read."
                        ))));
                        return;
                    }
                };
                let parsed = decode_document(&bytes)
                    .map_err(|e| e.to_string())
                    .and_then(|t| migrate(&t).map_err(|e| e.to_string()));
                match parsed {
                    Ok(state) => {
                        let n = state.items.len();
                        match m.replace_all(state) {
                            Ok(()) => m.notice.set(Some(Notice::outcome(format!(
                                "Imported {n} ticks from “{name}”."
                            )))),
                            Err(e) => m.notice.set(Some(e.into())),
                        }
                    }
                    Err(e) => m.notice.set(Some(Notice::outcome(format!(
                        "“{name}” was not imported: {e}."
                    )))),
                }
            });
            open.set(false);
        }
    };
    let do_reset = {
        let m = model.clone();
        move |_| {
            confirming.set(false);
            open.set(false);
            m.report(m.reset());
        }
    };
    let ticked = {
        let m = model.clone();
        move || m.progress().items.len()
    };
    view! {
        <div class="progress-menu">
            <button type="button" class="menu-button" aria-expanded=move || open.get().to_string()
                aria-controls="progress-actions" on:click=move |_| open.update(|o| *o = !*o)>
                "Progress ▾"
            </button>
            <div id="progress-actions" class="menu" role="group" aria-label="Progress actions" hidden=move || !open.get()>
                <button type="button" on:click=export_json>"Export progress"</button>
                <label class="menu-file" for="import-progress">"Import progress…"</label>
                <input id="import-progress" class="visually-hidden" type="file" accept=".json,application/json"
                    aria-label="Import progress file" on:change=import/>
                <button type="button" on:click=export_md>"Download Markdown"</button>
                {move || if confirming.get() {
                    view! {
                        <div class="confirm" role="alertdialog" aria-label="Confirm reset">
                            <p>{format!("Forget all {} of your ticks for this roadmap?", ticked())}</p>
                            <button type="button" class="danger" on:click=do_reset.clone()>"Reset"</button>
                            <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="danger-text" on:click=move |_| confirming.set(true)>"Reset progress…"</button> }.into_any()
                }}
            </div>
        </div>
    }
}

/// Banners: storage problems, ticks whose item is gone, and undo after a reset.
#[component]
pub fn ProgressBanners(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let reviewing = RwSignal::new(false);
    let m1 = model.clone();
    let m2 = model.clone();
    let m3 = model.clone();
    let m4 = model.clone();
    let notice = model.notice;
    let mode = model.mode;
    let orphans = model.orphans;
    let undo = model.undo;
    view! {
        {move || notice.get().map(|n| {
            let not_saved = mode.get() != SaveMode::Saved || n.ticks_stay_in_tab();
            view! {
                <div class="notice warn" role="status">
                    <span>{n.message}</span>
                    {not_saved.then(|| view! { <span class="notice-hint">" Use Progress ▾ → Export progress to keep a copy."</span> })}
                    <button type="button" class="link-button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            }
        })}
        {move || {
            let list = orphans.get();
            (!list.is_empty()).then(|| {
                let n = list.len();
                let m = m1.clone();
                view! {
                    <div class="notice info orphans" role="status">
                        <span>{format!("{n} saved tick{} no longer match{} an item in this document.", if n == 1 { "" } else { "s" }, if n == 1 { "es" } else { "" })}</span>
                        <button type="button" class="link-button" aria-expanded=move || reviewing.get().to_string()
                            on:click=move |_| reviewing.update(|r| *r = !*r)>"Review"</button>
                        <button type="button" class="link-button" on:click=move |_| {
                            m.report(m.discard_orphans());
                            reviewing.set(false);
                        }>"Discard"</button>
                        {move || reviewing.get().then(|| view! {
                            <ul class="orphan-list">
                                {list.iter().map(|(_, label)| view! { <li>{label.clone()}</li> }).collect_view()}
                            </ul>
                        })}
                    </div>
                }
            })
        }}
        {move || undo.get().map(|prev| {
            let n = prev.items.len();
            let m = m2.clone();
            let m_close = m3.clone();
            view! {
                <div class="notice info" role="status">
                    <span>{format!("Progress reset ({n} tick{} forgotten).", if n == 1 { "" } else { "s" })}</span>
                    <button type="button" class="link-button" on:click=move |_| {
                        m.report(m.undo_reset());
                    }>"Undo"</button>
                    <button type="button" class="link-button" on:click=move |_| m_close.undo.set(None)>"Dismiss"</button>
                </div>
            }
        })}
        {move || (m4.mode.get() == SaveMode::ReadOnly && m4.notice.with(Option::is_none)).then(|| view! {
            <div class="notice warn" role="status">"Saved progress is read-only here: new ticks are kept only in this tab."</div>
        })}
    }
}
