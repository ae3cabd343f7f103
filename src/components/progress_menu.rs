//! The "Progress" menu in the header: export and import (JSON), download the Markdown with the
//! boxes ticked, reset with confirmation and undo, and the backups of values roadboard could
//! not keep as they were (download, restore).

use crate::components::banners::{download_stored_value, export_progress, markdown_name};
use crate::components::share_link::ShareProgress;
use crate::doc::DocModel;
use crate::dom::{download, event_element, Download};
use crate::storage::{store, SaveMode};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::backup::{read_backups, Backup};
use roadboard_core::notice::Notice;
use roadboard_core::progress::{export_markdown, read_progress, read_progress_file};
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
    // Read when the menu opens (a backup may be made at any write).
    let backups = RwSignal::new(Vec::<Backup>::new());
    let doc_id = model.doc_id.clone();
    let toggle = move |_| {
        let now_open = !open.get_untracked();
        if now_open {
            backups.set(
                store()
                    .map(|kv| read_backups(kv.as_ref(), &doc_id))
                    .unwrap_or_default(),
            );
        }
        open.set(now_open);
    };
    let export_json = {
        let m = model.clone();
        move |_| export_progress(&m)
    };
    let export_md = {
        let m = model.clone();
        let name = markdown_name(&m);
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
                match read_progress_file(&bytes) {
                    Ok(read) => {
                        let n = read.state.items.len();
                        let mut done = format!("Imported {n} ticks from “{name}”.");
                        let k = read.skipped.len();
                        if k > 0 {
                            done.push_str(&format!(
                                " {k} entr{} could not be read and {} left out ({}).",
                                if k == 1 { "y" } else { "ies" },
                                if k == 1 { "was" } else { "were" },
                                read.skipped.first().map(String::as_str).unwrap_or_default()
                            ));
                        }
                        m.replace_undoably(done, read.state);
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
            m.reset();
        }
    };
    let ticked = {
        let m = model.clone();
        move || m.progress().items.len()
    };
    let m_locked = model.clone();
    let m_download = model.clone();
    let m_backups = model.clone();
    view! {
        <div class="progress-menu">
            <button type="button" class="menu-button" aria-expanded=move || open.get().to_string()
                aria-controls="progress-actions" on:click=toggle>
                "Progress ▾"
            </button>
            <div id="progress-actions" class="menu" role="group" aria-label="Progress actions" hidden=move || !open.get()>
                <button type="button" on:click=export_json>"Export progress"</button>
                <label class="menu-file" for="import-progress">"Import progress…"</label>
                <input id="import-progress" class="visually-hidden" type="file" accept=".json,application/json"
                    aria-label="Import progress file" on:change=import/>
                <button type="button" on:click=export_md>"Download Markdown"</button>
                <ShareProgress model=model.clone()/>
                {move || if confirming.get() {
                    let locked = m_locked.mode.get() == SaveMode::Locked;
                    let m = m_download.clone();
                    view! {
                        <div class="confirm" role="alertdialog" aria-label="Confirm reset">
                            <p>{format!("Forget all {} of your ticks for this roadmap?", ticked())}</p>
                            {locked.then(|| view! {
                                <p>"The stored value that could not be read is deleted too. "
                                    <button type="button" class="link-button" on:click=move |_| download_stored_value(&m)>"Download the stored value"</button>
                                    " first to keep it."</p>
                            })}
                            <button type="button" class="danger" on:click=do_reset.clone()>"Reset"</button>
                            <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="danger-text" on:click=move |_| confirming.set(true)>"Reset progress…"</button> }.into_any()
                }}
                <BackupList model=m_backups backups=backups open=open/>
            </div>
        </div>
    }
}

/// The backups of this document, newest first, each with "Download" and "Restore" (undoable,
/// as an import is). A backup that cannot be read as progress can only be downloaded.
#[component]
fn BackupList(
    model: Arc<DocModel>,
    backups: RwSignal<Vec<Backup>>,
    open: RwSignal<bool>,
) -> impl IntoView {
    move || {
        let list = backups.get();
        (!list.is_empty()).then(|| {
            let stem = model.download_name();
            let rows = list
                .into_iter()
                .enumerate()
                .map(|(k, b)| {
                    let when = b.when();
                    let readable = read_progress(&b.value).ok();
                    let (m1, m2) = (model.clone(), model.clone());
                    let day = b.taken.as_deref().and_then(|t| t.get(..10)).unwrap_or("undated").to_string();
                    let file = format!("{stem}.backup-{day}-{}.json", k + 1);
                    let value = b.value.clone();
                    let download_it = move |_| {
                        let d = Download::Text { mime: "application/json", text: &value };
                        m1.report(download(&file, d).map_err(Notice::outcome));
                    };
                    let restore = readable.map(|r| {
                        let when = when.clone();
                        view! {
                            <button type="button" class="link-button" aria-label=format!("Restore the backup of {when}")
                                on:click=move |_| {
                                    let n = r.state.items.len();
                                    m2.replace_undoably(format!("Restored the backup of {when} ({n} ticks)."), r.state.clone());
                                    open.set(false);
                                }>"Restore"</button>
                        }
                    });
                    view! {
                        <li>
                            <span class="backup-when">{when.clone()}</span>
                            <span class="backup-why">{b.reason.label()}</span>
                            <button type="button" class="link-button" aria-label=format!("Download the backup of {when}")
                                on:click=download_it>"Download"</button>
                            {restore}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="backups" role="group" aria-labelledby="backups-h">
                    <p class="menu-heading" id="backups-h">"Backups (newest first)"</p>
                    <ul class="backup-list">{rows}</ul>
                </div>
            }
        })
    }
}
