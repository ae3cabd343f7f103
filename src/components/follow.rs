//! Following the file on disk: "Open roadmap file" through the browser's file picker (and
//! dropped files with a handle), the bar that redraws the board when the file changes on disk,
//! and "Write ticks to file". Where the browser has no such API, today's behaviour and a note.

use crate::doc::DocModel;
use crate::dom::query_all;
use crate::follow::{self, FollowNote, Handle};
use crate::session::Session;
use crate::storage::{doc_text_key, store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::docid::DocId;
use roadboard_core::follow::{
    boxes_changed, is_new_version, plan_write, updated_note, ReadFile, WriteRefusal,
};
use roadboard_core::load::decode_document;
use roadboard_core::progress::{export_markdown, ProgressState};
use std::sync::Arc;
use std::time::Duration;

/// The click on "Open roadmap file": where the browser hands out file handles, its picker
/// opens instead of the plain file dialog, and the board then follows the file.
pub fn open_through_picker(session: Session, ev: web_sys::MouseEvent) {
    if !follow::available() {
        follow::forget();
        return; // the plain file dialog opens, as before
    }
    ev.prevent_default();
    spawn_local(async move {
        match follow::pick().await {
            Ok(Some(h)) => open_handle(session, h).await,
            Ok(None) => {}
            Err(_) => session.refuse(COULD_NOT_OPEN),
        }
    });
}

const COULD_NOT_OPEN: &str =
    "The file could not be opened: the browser did not allow reading it. Try again, or drop it on the page.";

/// A dropped file: followed when the browser gives its handle, else opened as before.
pub fn open_dropped(session: Session, dt: Option<&web_sys::DataTransfer>, file: web_sys::File) {
    let Some(p) = dt.map(follow::drop_handle) else {
        follow::forget();
        session.open_file(file);
        return;
    };
    spawn_local(async move {
        match follow::dropped(p).await {
            Some(h) => open_handle(session, h).await,
            None => {
                follow::forget();
                session.open_file(file);
            }
        }
    });
}

/// Read the file behind `h`, follow it and show it.
async fn open_handle(session: Session, h: Handle) {
    let (name, stamp, bytes) = match follow::read(&h).await {
        Ok(r) => r,
        Err(_) => return session.refuse(COULD_NOT_OPEN),
    };
    match decode_document(&bytes) {
        Ok(text) => {
            let id = DocId::File(name.clone());
            follow::follow(
                id.clone(),
                h,
                ReadFile {
                    stamp,
                    text: text.clone(),
                },
            );
            session.open_text(id, text);
        }
        Err(e) => {
            follow::forget();
            session.refuse(format!("“{name}”: {e}"));
        }
    }
}

/// The line under "Open roadmap file" saying whether the board will follow the file.
#[component]
pub fn FollowHint() -> impl IntoView {
    let text = if follow::available() {
        "The board follows the file you open: save it in your editor and the board updates."
    } else {
        "This browser cannot follow a file on disk (no File System Access API): after saving it, open it again."
    };
    view! { <p class="hint follow-hint">{text}</p> }
}

/// Keep the new text of document `id` where the page reads it (storage, or this tab's memory).
fn keep_text(session: Session, id: &DocId, text: &str) {
    let in_memory = session.memory_docs.with_value(|m| m.contains_key(id));
    let stored = if in_memory {
        None
    } else {
        Some(store().and_then(|kv| kv.set(&doc_text_key(id), text)))
    };
    match stored {
        Some(Ok(())) => {}
        // Kept in this tab's memory, with why storage refused it (the page says so).
        Some(Err(e)) => session.memory_docs.update_value(|m| {
            m.insert(id.clone(), (text.to_string(), e));
        }),
        None => session.memory_docs.update_value(|m| {
            if let Some(kept) = m.get_mut(id) {
                kept.0 = text.to_string();
            }
        }),
    }
}

/// Where the reader is: window and panel scroll offsets and the focused element's id.
fn remember_place() -> impl FnOnce() {
    let window = web_sys::window();
    let (x, y) = window.as_ref().map_or((0.0, 0.0), |w| {
        (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))
    });
    const PANES: &str = "main .board, main .column, main .tl-scroll, main .table-wrap";
    let panes: Vec<(i32, i32)> = query_all(None, PANES)
        .iter()
        .map(|e| (e.scroll_left(), e.scroll_top()))
        .collect();
    let focused = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    move || {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(x, y);
        }
        for (e, (l, t)) in query_all(None, PANES).iter().zip(panes) {
            e.set_scroll_left(l);
            e.set_scroll_top(t);
        }
        let el = focused.and_then(|id| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
        });
        if let Some(el) =
            el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    }
}

/// Show `read` (the file as it is on disk now) in place of the document on screen: ticks,
/// view, filters, selection and scroll stay; `note` is said once it is drawn.
fn redraw_from(session: Session, model: &DocModel, read: ReadFile, note: FollowNote) {
    model.flush();
    keep_text(session, &model.doc_id, &read.text);
    follow::set_read(&model.doc_id, read);
    follow::leave_note(note);
    let restore = remember_place();
    follow::redraw();
    // After the new page is drawn (the redraw runs as a reactive effect).
    set_timeout(
        move || request_animation_frame(restore),
        Duration::from_millis(0),
    );
}

/// The bar's live note: its words and whether it is a warning (two plain signals).
#[derive(Clone, Copy)]
struct Note {
    text: RwSignal<Option<String>>,
    warn: RwSignal<bool>,
}

impl Note {
    fn say(self, n: FollowNote) {
        self.warn.set(n.warn);
        self.text.set(Some(n.text));
    }
}

fn updated_now() -> FollowNote {
    let (h, m) = follow::local_time();
    FollowNote {
        text: updated_note(h, m),
        warn: false,
    }
}

/// The bar of a followed document: its state, what changed, "Write ticks to file" and its
/// confirmation. Checks the file about once a second while the page is visible.
#[component]
pub fn FollowBar(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let id = model.doc_id.clone();
    if follow::followed(&id).is_none() {
        return ().into_any();
    }
    let name = id.name().to_string();
    let note = Note {
        text: RwSignal::new(None),
        warn: RwSignal::new(false),
    };
    let trouble = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<usize>);
    let busy = StoredValue::new(false);
    // A note left by the page this one replaced, said once this one is on screen (a live
    // region announces changes, not the text it is created with).
    if let Some(n) = follow::take_note() {
        set_timeout(move || note.say(n), Duration::from_millis(80));
    }

    // Look at the file about once a second while the page is visible.
    let check = {
        let (model, id, name) = (model.clone(), id.clone(), name.clone());
        move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden || busy.get_value() {
                return;
            }
            let Some((h, read)) = follow::followed(&id) else {
                return;
            };
            busy.set_value(true);
            let (model, id, name) = (model.clone(), id.clone(), name.clone());
            spawn_local(async move {
                check_once(session, &model, &id, &name, h, read, trouble).await;
                busy.set_value(false);
            });
        }
    };
    let timer = set_interval_with_handle(check, Duration::from_millis(1000)).ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
    });

    let ask = {
        let (model, id) = (model.clone(), id.clone());
        move |_| {
            let Some((_, read)) = follow::followed(&id) else {
                return;
            };
            let out = export_markdown(&read.text, &model.map, &model.progress());
            match boxes_changed(&read.text, &out) {
                0 => note.say(FollowNote {
                    text: WriteRefusal::NothingToWrite.to_string(),
                    warn: false,
                }),
                n => confirming.set(Some(n)),
            }
        }
    };
    let write = {
        let (model, id, name) = (model.clone(), id.clone(), name.clone());
        move |_| {
            confirming.set(None);
            if busy.get_value() {
                return;
            }
            let Some((h, read)) = follow::followed(&id) else {
                return;
            };
            busy.set_value(true);
            let job = WriteJob {
                name: name.clone(),
                h,
                read,
                progress: model.progress(),
            };
            let model = model.clone();
            spawn_local(async move {
                write_once(session, &model, job, note, trouble).await;
                busy.set_value(false);
            });
        }
    };
    let label = format!("Write your ticks into “{name}”?");
    view! {
        <section class="follow-bar" aria-label="Following the file">
            <div class="follow-row">
                <span class="follow-state">
                    <span class="follow-dot" class:lost=move || trouble.with(Option::is_some) aria-hidden="true"></span>
                    {format!("Following “{name}” on disk")}
                </span>
                <span class="follow-note" class:warn=move || note.warn.get()
                    role="status" aria-live="polite">
                    {move || note.text.get()}
                </span>
                <button type="button" class="menu-button follow-write" on:click=ask
                    aria-expanded=move || confirming.get().is_some().to_string()>
                    "Write ticks to file"
                </button>
            </div>
            {move || trouble.get().map(|t| view! { <p class="notice error follow-trouble" role="alert">{t}</p> })}
            {move || confirming.get().map(|n| {
                let write = write.clone();
                view! {
                    <div class="follow-confirm" role="group" aria-label=label.clone()>
                        <p>
                            <strong>{label.clone()}</strong>
                            {format!(
                                " {n} task {} will change to match your ticks; every other byte of the file stays as it is.",
                                if n == 1 { "box" } else { "boxes" }
                            )}
                        </p>
                        <button type="button" class="primary" on:click=write>"Write to file"</button>
                        <button type="button" class="menu-button" on:click=move |_| confirming.set(None)>"Cancel"</button>
                    </div>
                }
            })}
        </section>
    }
    .into_any()
}

/// Whether the bar (and so the page and its model) is still on screen after an await: the
/// reader may have left the page meanwhile.
fn alive(trouble: RwSignal<Option<String>>) -> bool {
    trouble.try_with_untracked(|_| ()).is_some()
}

/// One look at the file: redraw when it changed, say so when it cannot be read.
async fn check_once(
    session: Session,
    model: &DocModel,
    id: &DocId,
    name: &str,
    h: Handle,
    read: ReadFile,
    trouble: RwSignal<Option<String>>,
) {
    let now = follow::stamp(&h).await;
    if !alive(trouble) {
        return;
    }
    let now = match now {
        Ok(s) => s,
        Err(p) => return trouble.set(Some(p.message(name))),
    };
    if trouble.with_untracked(Option::is_some) {
        trouble.set(None);
    }
    if !now.differs_from(&read.stamp) {
        return;
    }
    let got = follow::read(&h).await;
    if !alive(trouble) {
        return;
    }
    let (_, stamp, bytes) = match got {
        Ok(r) => r,
        Err(p) => return trouble.set(Some(p.message(name))),
    };
    match decode_document(&bytes) {
        Ok(text) if is_new_version(&read, &text) => {
            redraw_from(session, model, ReadFile { stamp, text }, updated_now());
        }
        Ok(_) => follow::set_read(id, ReadFile { stamp, ..read }),
        Err(e) => {
            // Not shown, and not read again until it changes again.
            follow::set_read(id, ReadFile { stamp, ..read });
            trouble.set(Some(format!(
                "“{name}” changed on disk but cannot be shown: {e} The last version read stays on screen."
            )));
        }
    }
}

/// What "Write to file" needs: the file, the version read and the reader's ticks then.
struct WriteJob {
    name: String,
    h: Handle,
    read: ReadFile,
    progress: ProgressState,
}

/// "Write to file": re-read the file, refuse if it changed since it was read (and show it),
/// else write the ticks into its boxes and show the file as written.
async fn write_once(
    session: Session,
    model: &DocModel,
    job: WriteJob,
    note: Note,
    trouble: RwSignal<Option<String>>,
) {
    let WriteJob {
        name,
        h,
        read,
        progress,
    } = job;
    let got = follow::read(&h).await;
    if !alive(trouble) {
        return;
    }
    let (_, stamp, bytes) = match got {
        Ok(r) => r,
        Err(p) => return trouble.set(Some(p.message(&name))),
    };
    let on_disk = String::from_utf8(bytes).unwrap_or_default();
    match plan_write(&read, &on_disk, &model.map, &progress) {
        Err(WriteRefusal::ChangedOnDisk) => {
            let refusal = FollowNote {
                text: WriteRefusal::ChangedOnDisk.to_string(),
                warn: true,
            };
            match decode_document(on_disk.as_bytes()) {
                Ok(text) => redraw_from(session, model, ReadFile { stamp, text }, refusal),
                Err(_) => note.say(refusal),
            }
        }
        Err(r) => note.say(FollowNote {
            text: r.to_string(),
            warn: false,
        }),
        Ok(out) => {
            if let Err(p) = follow::write(&h, &out).await {
                return trouble.set(Some(p.message(&name)));
            }
            let stamp = follow::stamp(&h).await.unwrap_or(stamp);
            let written = ReadFile { stamp, text: out };
            // Known as written even if the reader left meanwhile: not taken for a change.
            follow::set_read(&model.doc_id, written.clone());
            if !alive(trouble) {
                return;
            }
            let (hh, mm) = follow::local_time();
            let note = FollowNote {
                text: format!("Ticks written to “{name}” {hh:02}:{mm:02}"),
                warn: false,
            };
            redraw_from(session, model, written, note);
        }
    }
}
