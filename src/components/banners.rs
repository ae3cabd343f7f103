//! The messages on an opened document, where the reader is: what is not being kept (the
//! document's text, new ticks) with the downloads that keep it, what happened when the progress
//! was read, ticks whose item is gone, and "Undo" after a reset, an import or a restore. Also
//! the downloads the banners and the Progress menu share.

use crate::doc::DocModel;
use crate::dom::{download, Download};
use crate::storage::{store, stored_progress, SaveMode};
use leptos::prelude::*;
use roadboard_core::notice::{storage_banner, Notice};
use std::sync::Arc;

/// "Export progress": the reader's ticks as `{name}.progress.json`.
pub fn export_progress(m: &DocModel) {
    let json = serde_json::to_string_pretty(&m.progress()).unwrap_or_default();
    let file = Download::Text {
        mime: "application/json",
        text: &json,
    };
    let name = format!("{}.progress.json", m.download_name());
    m.report(download(&name, file).map_err(Notice::outcome));
}

/// "Download this document": the text exactly as it was opened.
pub fn download_document(m: &DocModel) {
    let file = Download::Text {
        mime: "text/markdown",
        text: &m.original,
    };
    m.report(download(&markdown_name(m), file).map_err(Notice::outcome));
}

/// The name of the document's Markdown download: its own file name, or `{name}.md`.
pub fn markdown_name(m: &DocModel) -> String {
    match m.doc_id.last_segment() {
        n if n.ends_with(".md") || n.ends_with(".markdown") => n.to_string(),
        _ => format!("{}.md", m.download_name()),
    }
}

/// "Download the stored value": the progress value that could neither be read nor kept aside.
pub fn download_stored_value(m: &DocModel) {
    let value = store().and_then(|kv| stored_progress(kv.as_ref(), &m.doc_id));
    let result = match value {
        Ok(Some(text)) => {
            let file = Download::Text {
                mime: "application/json",
                text: &text,
            };
            let name = format!("{}.stored-progress.json", m.download_name());
            download(&name, file).map_err(Notice::outcome)
        }
        Ok(None) => Err(Notice::outcome(
            "Nothing is stored for this roadmap any more.",
        )),
        Err(e) => Err(e.into()),
    };
    m.report(result);
}

/// Banners: what is not being kept, what happened, ticks whose item is gone, undo.
#[component]
pub fn ProgressBanners(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let reviewing = RwSignal::new(false);
    let m_orphans = model.clone();
    let m_undo = model.clone();
    let notice = model.notice;
    let orphans = model.orphans;
    let undo = model.undo;
    view! {
        <StorageBanner model=model.clone()/>
        {move || notice.get().map(|n| view! {
            <div class="notice warn" role="status">
                <span>{n.message}</span>
                <button type="button" class="link-button" on:click=move |_| notice.set(None)>"Dismiss"</button>
            </div>
        })}
        {move || {
            let list = orphans.get();
            (!list.is_empty()).then(|| {
                let n = list.len();
                let m = m_orphans.clone();
                view! {
                    <div class="notice info orphans" role="status">
                        <span>{format!("{n} saved tick{} no longer match{} an item in this document.", if n == 1 { "" } else { "s" }, if n == 1 { "es" } else { "" })}</span>
                        <button type="button" class="link-button" aria-expanded=move || reviewing.get().to_string()
                            on:click=move |_| reviewing.update(|r| *r = !*r)>"Review"</button>
                        <button type="button" class="link-button" on:click=move |_| {
                            // A failure is shown by the storage banner.
                            let _ = m.discard_orphans();
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
        {move || undo.get().map(|u| {
            let m = m_undo.clone();
            view! {
                <div class="notice info undo" role="status">
                    <span>{u.message}</span>
                    <button type="button" class="link-button" on:click=move |_| m.undo_last()>"Undo"</button>
                    <button type="button" class="link-button" on:click=move |_| undo.set(None)>"Dismiss"</button>
                </div>
            }
        })}
    }
}

/// What is not being kept, said on the document itself before anything could be lost: the
/// document's own text (with "Download this document"), new ticks (with "Export progress"), a
/// stored value that could neither be read nor kept aside (with its download and a real clear).
#[component]
fn StorageBanner(model: Arc<DocModel>) -> impl IntoView {
    let (storage, text_not_kept, mode) = (model.storage, model.text_not_kept, model.mode);
    move || {
        let text =
            text_not_kept.with(|t| storage.with(|s| storage_banner(t.as_ref(), s.as_ref())))?;
        let doc_lost = text_not_kept.with(Option::is_some);
        let locked = mode.get() == SaveMode::Locked;
        let (m1, m2, m3, m4) = (model.clone(), model.clone(), model.clone(), model.clone());
        Some(view! {
            <div class="notice warn storage" role="alert">
                <p>{text}</p>
                <div class="notice-actions">
                    {doc_lost.then(|| view! {
                        <button type="button" class="action" on:click=move |_| download_document(&m1)>"Download this document"</button>
                    })}
                    <button type="button" class="action" on:click=move |_| export_progress(&m2)>"Export progress"</button>
                    {locked.then(|| view! {
                        <button type="button" class="action" on:click=move |_| download_stored_value(&m3)>"Download the stored value"</button>
                        <button type="button" class="action danger-text" on:click=move |_| m4.clear_locked()>"Clear it and save ticks again"</button>
                    })}
                </div>
            </div>
        })
    }
}
