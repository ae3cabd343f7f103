//! Following a roadmap file on disk (File System Access API, glue in `src/js/follow.js`): the
//! handle of a picked or dropped file, reading and writing it, which file is followed, and the
//! signal that redraws the opened document after it changed. Decisions live in
//! [`roadboard_core::follow`].

use leptos::prelude::*;
use roadboard_core::docid::DocId;
use roadboard_core::follow::{FileStamp, FollowProblem, ReadFile};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/follow.js")]
extern "C" {
    fn can_follow() -> bool;
    fn pick_file() -> js_sys::Promise;
    fn dropped_handle(dt: &web_sys::DataTransfer) -> js_sys::Promise;
    fn get_file(handle: &JsValue) -> js_sys::Promise;
    fn write_file(handle: &JsValue, bytes: &js_sys::Uint8Array) -> js_sys::Promise;
}

/// A file handle the browser gave (`FileSystemFileHandle`).
#[derive(Clone, Debug)]
pub struct Handle(JsValue);

/// The file that is followed: which document shows it, its handle and the version last read.
struct Followed {
    id: DocId,
    handle: Handle,
    read: ReadFile,
}

/// A message to show once the redrawn document is on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowNote {
    /// The words.
    pub text: String,
    /// A refusal or problem (shown as a warning) rather than news.
    pub warn: bool,
}

thread_local! {
    static FOLLOWED: RefCell<Option<Followed>> = const { RefCell::new(None) };
    static NOTE: RefCell<Option<FollowNote>> = const { RefCell::new(None) };
    // Reference-counted, not owned by any view: it outlives every page it redraws.
    static REVISION: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Whether this browser can follow files (it hands out handles from a file picker).
pub fn available() -> bool {
    can_follow()
}

/// The problem a rejected browser promise stands for.
fn problem(e: &JsValue) -> FollowProblem {
    let get = |k: &str| {
        js_sys::Reflect::get(e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    FollowProblem::from_error_name(&get("name"), &get("message"))
}

/// Ask the reader for a file; `None` when they cancel.
pub async fn pick() -> Result<Option<Handle>, FollowProblem> {
    let v = JsFuture::from(pick_file()).await.map_err(|e| problem(&e))?;
    Ok((!v.is_null() && !v.is_undefined()).then_some(Handle(v)))
}

/// Start asking for the handle of a dropped file (call during the drop event).
pub fn drop_handle(dt: &web_sys::DataTransfer) -> js_sys::Promise {
    dropped_handle(dt)
}

/// The handle a [`drop_handle`] promise gave, if any.
pub async fn dropped(p: js_sys::Promise) -> Option<Handle> {
    let v = JsFuture::from(p).await.ok()?;
    (!v.is_null() && !v.is_undefined()).then_some(Handle(v))
}

async fn file(h: &Handle) -> Result<web_sys::File, FollowProblem> {
    let v = JsFuture::from(get_file(&h.0))
        .await
        .map_err(|e| problem(&e))?;
    v.dyn_into::<web_sys::File>()
        .map_err(|_| FollowProblem::Other("not a file".into()))
}

fn stamp_of(f: &web_sys::File) -> FileStamp {
    FileStamp {
        modified_ms: f.last_modified().max(0.0) as u64,
        size: f.size().max(0.0) as u64,
    }
}

/// The file's modification time and size now.
pub async fn stamp(h: &Handle) -> Result<FileStamp, FollowProblem> {
    Ok(stamp_of(&file(h).await?))
}

/// The file's name, stamp and bytes now.
pub async fn read(h: &Handle) -> Result<(String, FileStamp, Vec<u8>), FollowProblem> {
    let f = file(h).await?;
    let buf = JsFuture::from(f.array_buffer())
        .await
        .map_err(|e| problem(&e))?;
    Ok((
        f.name(),
        stamp_of(&f),
        js_sys::Uint8Array::new(&buf).to_vec(),
    ))
}

/// Replace the file's content with `text` (asking for permission to write if needed).
pub async fn write(h: &Handle, text: &str) -> Result<(), FollowProblem> {
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    JsFuture::from(write_file(&h.0, &bytes))
        .await
        .map(|_| ())
        .map_err(|e| problem(&e))
}

/// Follow `handle` as document `id`, read as `read`.
pub fn follow(id: DocId, handle: Handle, read: ReadFile) {
    FOLLOWED.with(|f| *f.borrow_mut() = Some(Followed { id, handle, read }));
    let _ = take_note();
}

/// Stop following (a file was opened another way).
pub fn forget() {
    FOLLOWED.with(|f| *f.borrow_mut() = None);
}

/// The handle and the version last read, when document `id` is the followed file.
pub fn followed(id: &DocId) -> Option<(Handle, ReadFile)> {
    FOLLOWED.with(|f| {
        f.borrow()
            .as_ref()
            .filter(|x| &x.id == id)
            .map(|x| (x.handle.clone(), x.read.clone()))
    })
}

/// Record the version of document `id` just read (or written).
pub fn set_read(id: &DocId, read: ReadFile) {
    FOLLOWED.with(|f| {
        if let Some(x) = f.borrow_mut().as_mut().filter(|x| &x.id == id) {
            x.read = read;
        }
    });
}

/// Leave a message for the redrawn page.
pub fn leave_note(note: FollowNote) {
    NOTE.with(|n| *n.borrow_mut() = Some(note));
}

/// The message left for this page, once.
pub fn take_note() -> Option<FollowNote> {
    NOTE.with(|n| n.borrow_mut().take())
}

/// How many times the followed document was redrawn (tracked: the page depends on it).
pub fn revision() -> u32 {
    REVISION.with(|r| r.get())
}

/// Draw the opened document again from its stored text (view, filters and ticks stay).
pub fn redraw() {
    REVISION.with(|r| r.update(|n| *n = n.wrapping_add(1)));
}

/// The local time now, as (hours, minutes).
pub fn local_time() -> (u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_hours(), d.get_minutes())
}
