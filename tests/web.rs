//! Browser tests (wasm-bindgen-test in headless Chromium): storage faults and components.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use leptos::prelude::*;
use roadboard::components::docpage::RoadmapScreen;
use roadboard::doc::DocModel;
use roadboard::session::Session;
use roadboard::storage::{load_progress, progress_key, store, KeyValue, LocalStorage};
use roadboard_core::progress::ProgressState;
use roadboard_core::viewstate::ViewState;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC: &str = "# Plan\n\n## Now\n- [ ] first\n- [x] second\n";

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Mount the roadmap screen for `text`, with progress loaded from localStorage as the app does.
async fn mount(text: &str, doc: &str) -> (web_sys::HtmlElement, Arc<DocModel>) {
    let map = roadboard_core::parse(text);
    let kv = store().expect("localStorage");
    let loaded = load_progress(kv.as_ref(), doc);
    let model = DocModel::new(doc.to_string(), text.to_string(), map, loaded);
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("main").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let m = model.clone();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(Session::new(ViewState::default()));
        view! { <RoadmapScreen model=m/> }
    })
    .forget();
    leptos::task::tick().await;
    (host, model)
}

/// A two-phase plan opened as `doc`, on the Timeline tab, with the start date field set to
/// 2025-03-03 (a change event, as the reader's picker sends).
async fn timeline_started_on_2025_03_03(doc: &str) -> web_sys::HtmlElement {
    let plan = "# Plan\n\n## Phase 1 (Week 1)\n- [ ] a\n\n## Phase 2 (Week 2)\n- [ ] b\n";
    let (host, _) = mount(plan, doc).await;
    let tab: web_sys::HtmlElement = host
        .query_selector("#tab-timeline")
        .unwrap()
        .expect("timeline tab")
        .unchecked_into();
    tab.click();
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("#tl-start")
        .unwrap()
        .expect("start date field")
        .unchecked_into();
    input.set_value("2025-03-03");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    host
}

fn checkbox(host: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    host.query_selector(&format!(".card[data-item-id='{id}'] .card-check"))
        .unwrap()
        .expect("card")
        .unchecked_into()
}

fn text(host: &web_sys::HtmlElement) -> String {
    host.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn ticking_a_card_updates_progress_column_and_storage() {
    let doc = "test-tick";
    local().remove_item(&progress_key(doc)).unwrap();
    let (host, model) = mount(DOC, doc).await;
    let id = model.map.items[0].id.clone();
    let bar = host.query_selector("[role=progressbar]").unwrap().unwrap();
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("50"));
    let count = host.query_selector(".column-count").unwrap().unwrap();
    assert_eq!(count.text_content().as_deref(), Some("1/2"));
    checkbox(&host, &id).click();
    leptos::task::tick().await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("100"));
    assert_eq!(count.text_content().as_deref(), Some("2/2"));
    sleep(300).await; // writes are debounced
    let saved = local()
        .get_item(&progress_key(doc))
        .unwrap()
        .expect("saved");
    assert!(saved.contains(&format!("\"{id}\":true")), "{saved}");
    host.remove();
}

#[wasm_bindgen_test]
async fn corrupt_value_is_kept_aside_reported_and_the_app_works() {
    let doc = "test-corrupt";
    local().set_item(&progress_key(doc), "{not json").unwrap();
    let (host, model) = mount(DOC, doc).await;
    assert!(text(&host).contains("could not be read"), "{}", text(&host));
    let kv = LocalStorage::open().expect("localStorage");
    let backups = roadboard_core::backup::read_backups(&kv, doc);
    assert_eq!(backups.first().map(|b| b.value.as_str()), Some("{not json"));
    let id = model.map.items[0].id.clone();
    checkbox(&host, &id).click();
    leptos::task::tick().await;
    model.flush();
    let saved = local()
        .get_item(&progress_key(doc))
        .unwrap()
        .expect("saved");
    assert!(saved.contains(&id), "ticks are saved again: {saved}");
    host.remove();
}

#[wasm_bindgen_test]
async fn unknown_future_version_is_read_only_and_untouched() {
    let doc = "test-future";
    let raw = r#"{"version":42,"items":{},"shape":"new"}"#;
    local().set_item(&progress_key(doc), raw).unwrap();
    let (host, model) = mount(DOC, doc).await;
    assert!(
        text(&host).contains("newer version of roadboard"),
        "{}",
        text(&host)
    );
    let id = model.map.items[0].id.clone();
    let input = checkbox(&host, &id);
    input.click();
    leptos::task::tick().await;
    assert!(input.checked(), "the app keeps working in memory");
    model.flush();
    assert_eq!(
        local().get_item(&progress_key(doc)).unwrap().as_deref(),
        Some(raw),
        "not overwritten"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn quota_exceeded_keeps_ticks_in_memory_and_says_so() {
    let doc = "test-quota";
    local().remove_item(&progress_key(doc)).unwrap();
    let (host, model) = mount(DOC, doc).await;
    // Fill the origin's storage to the brim.
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler-{n}"), &chunk).is_ok() {
        n += 1;
        assert!(n < 200, "storage never filled");
    }
    let (mut small, mut k) = (64 * 1024, 0);
    while small > 0 {
        k += 1;
        if local()
            .set_item(&format!("filler-small-{k}"), &"y".repeat(small))
            .is_err()
        {
            small /= 2;
        }
        assert!(k < 10_000, "storage never filled");
    }
    let id = model.map.items[0].id.clone();
    let input = checkbox(&host, &id);
    input.click();
    leptos::task::tick().await;
    model.flush();
    leptos::task::tick().await;
    assert!(input.checked(), "the tick is kept in the tab");
    assert!(
        text(&host).contains("storage for this site is full"),
        "{}",
        text(&host)
    );
    assert_eq!(model.progress().items.get(&id), Some(&true), "exportable");
    // Room again: the next flush saves everything that was kept.
    for k in 0..n {
        local().remove_item(&format!("filler-{k}")).unwrap();
    }
    let keys: Vec<String> = (0..local().length().unwrap())
        .filter_map(|k| local().key(k).unwrap())
        .filter(|k| k.starts_with("filler-small"))
        .collect();
    for k in keys {
        local().remove_item(&k).unwrap();
    }
    checkbox(&host, &model.map.items[1].id).click();
    leptos::task::tick().await;
    model.flush();
    let saved = local()
        .get_item(&progress_key(doc))
        .unwrap()
        .expect("saved after room");
    assert!(saved.contains(&id), "{saved}");
    host.remove();
}

#[wasm_bindgen_test]
async fn blocked_storage_runs_in_memory_with_a_banner() {
    let off: std::rc::Rc<dyn KeyValue> =
        std::rc::Rc::new(roadboard::storage::MemoryStore::blocked());
    roadboard::storage::install(Some(off));
    let (host, model) = mount(DOC, "test-blocked").await;
    roadboard::storage::install(None);
    assert!(text(&host).contains("blocked storage"), "{}", text(&host));
    let input = checkbox(&host, &model.map.items[0].id);
    input.click();
    leptos::task::tick().await;
    assert!(input.checked());
    host.remove();
}

#[wasm_bindgen_test]
async fn document_markup_is_never_live_html() {
    let (host, _) = mount(
        "# T\n\n- [ ] <img src=x onerror=\"window.__bad=1\"> **bold** [x](javascript:alert(1))\n",
        "test-xss",
    )
    .await;
    assert!(host.query_selector("img").unwrap().is_none());
    assert!(host
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    assert!(
        host.query_selector(".card strong").unwrap().is_some(),
        "bold is rendered"
    );
    let bad = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__bad".into()).unwrap();
    assert!(bad.is_undefined(), "an event handler from the document ran");
    host.remove();
}

#[wasm_bindgen_test]
fn local_storage_round_trips() {
    let kv = LocalStorage::open().expect("localStorage");
    let mut st = ProgressState::new();
    st.set("i-abc", true, "abc");
    roadboard::storage::replace_progress(&kv, "test-rt", &st).expect("write");
    assert_eq!(load_progress(&kv, "test-rt").state, st);
}

/// The timeline's start date is kept through the store seam, like progress (issue 12): with a
/// store installed, nothing reaches localStorage.
#[wasm_bindgen_test]
async fn the_start_date_is_kept_through_the_store_seam() {
    let doc = "test-start";
    let key = "roadboard:start:test-start";
    local().remove_item(key).unwrap();
    let mem = std::rc::Rc::new(roadboard::storage::MemoryStore::new());
    roadboard::storage::install(Some(mem.clone()));
    let host = timeline_started_on_2025_03_03(doc).await;
    roadboard::storage::install(None);
    assert_eq!(mem.get(key).unwrap().as_deref(), Some("2025-03-03"));
    assert_eq!(
        local().get_item(key).unwrap(),
        None,
        "localStorage untouched"
    );
    host.remove();
}

/// A notice is cleared by a successful save because of its kind, never its wording.
#[wasm_bindgen_test]
async fn a_save_clears_storage_notices_only() {
    use roadboard_core::notice::Notice;
    use roadboard_core::store::StorageError;
    let doc = "test-notice-kind";
    local().remove_item(&progress_key(doc)).unwrap();
    let (host, model) = mount(DOC, doc).await;
    let id = model.map.items[0].id.clone();
    let outcome = Notice::outcome("Imported 2 ticks from “storage.progress.json”.");
    model.notice.set(Some(outcome.clone()));
    model.storage.set(Some(outcome.clone()));
    checkbox(&host, &id).click();
    leptos::task::tick().await;
    model.flush();
    assert_eq!(model.notice.get_untracked(), Some(outcome.clone()), "kept");
    assert_eq!(model.storage.get_untracked(), Some(outcome), "kept");
    model
        .storage
        .set(Some(Notice::from(StorageError::QuotaExceeded)));
    checkbox(&host, &id).click();
    leptos::task::tick().await;
    model.flush();
    assert_eq!(model.storage.get_untracked(), None, "the save succeeded");
    host.remove();
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function block_local_storage(on) {
    if (on) {
        window.__rbStorage = Object.getOwnPropertyDescriptor(window, "localStorage");
        Object.defineProperty(window, "localStorage", {
            configurable: true,
            get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
        });
    } else if (window.__rbStorage) {
        Object.defineProperty(window, "localStorage", window.__rbStorage);
    } else {
        delete window.localStorage;
    }
}
"#)]
extern "C" {
    /// Make `window.localStorage` throw a SecurityError, as a browser that blocks storage does.
    fn block_local_storage(on: bool);
}

/// Storage the browser blocks is "unavailable", never an exception through the adapter.
#[wasm_bindgen_test]
fn storage_blocked_by_the_browser_is_unavailable() {
    use roadboard::storage::StorageError;
    block_local_storage(true);
    let opened = LocalStorage::open().map(|_| ());
    let from_store = store().map(|_| ());
    block_local_storage(false);
    assert_eq!(opened, Err(StorageError::Unavailable));
    assert_eq!(from_store, Err(StorageError::Unavailable));
    assert!(LocalStorage::open().is_ok(), "unblocked again");
}

/// Blocked after the page opened: ticks stay in the tab, the reader is told, nothing is written.
#[wasm_bindgen_test]
async fn storage_blocked_later_keeps_ticks_in_the_tab() {
    let doc = "test-blocked-later";
    local().remove_item(&progress_key(doc)).unwrap();
    let (host, model) = mount(DOC, doc).await;
    let input = checkbox(&host, &model.map.items[0].id);
    block_local_storage(true);
    input.click();
    leptos::task::tick().await;
    model.flush();
    leptos::task::tick().await;
    block_local_storage(false);
    assert!(input.checked(), "the tick is kept in the tab");
    assert!(text(&host).contains("blocked storage"), "{}", text(&host));
    assert_eq!(local().get_item(&progress_key(doc)).unwrap(), None);
    host.remove();
}

fn button(host: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    roadboard::dom::query_all(Some(host), "button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button {name:?} in {}", text(host)))
        .unchecked_into()
}

/// Issue 13: reset (and import) in read-only mode reported success without writing, and the
/// outcome hid the read-only banner.
#[wasm_bindgen_test]
async fn r13_reset_in_read_only_mode_says_it_is_kept_in_this_tab_only() {
    let doc = "test-r13-readonly";
    let raw = r#"{"version":42,"items":{}}"#;
    local().set_item(&progress_key(doc), raw).unwrap();
    let (host, model) = mount(DOC, doc).await;
    checkbox(&host, &model.map.items[0].id).click();
    leptos::task::tick().await;
    model.reset();
    leptos::task::tick().await;
    let undo = model.undo.get_untracked().expect("undo offered");
    assert!(undo.message.contains("this tab only"), "{}", undo.message);
    let page = text(&host);
    assert!(page.contains("this tab only"), "{page}");
    assert!(
        page.contains("newer version of roadboard"),
        "the read-only banner stays: {page}"
    );
    assert_eq!(
        local().get_item(&progress_key(doc)).unwrap().as_deref(),
        Some(raw)
    );
    host.remove();
}

/// Issue 13, point 5: a stored value too big to back up: the page says new ticks are not
/// saved, offers the value, and "Clear it" really clears it and saves again.
#[wasm_bindgen_test]
async fn r13_5_a_locked_value_is_said_offered_and_cleared() {
    let doc = "test-r13-locked";
    let big = format!("{{not json {}", "x".repeat(300));
    let mem = std::rc::Rc::new(roadboard::storage::MemoryStore::with_quota(400));
    mem.set(&progress_key(doc), &big).unwrap();
    roadboard::storage::install(Some(mem.clone()));
    let (host, model) = mount(DOC, doc).await;
    let page = text(&host);
    assert!(page.contains("new ticks are not being saved"), "{page}");
    button(&host, "Download the stored value");
    checkbox(&host, &model.map.items[0].id).click();
    leptos::task::tick().await;
    model.flush();
    assert_eq!(
        mem.get(&progress_key(doc)).unwrap(),
        Some(big),
        "not overwritten"
    );
    button(&host, "Clear it and save ticks again").click();
    leptos::task::tick().await;
    roadboard::storage::install(None);
    let saved = mem.get(&progress_key(doc)).unwrap().expect("saved");
    assert!(saved.contains(&model.map.items[0].id), "{saved}");
    assert!(
        !text(&host).contains("new ticks are not being saved"),
        "{}",
        text(&host)
    );
    host.remove();
}

/// Issue 13: a failed start-date write was silent.
#[wasm_bindgen_test]
async fn r13_a_failed_start_date_write_is_said() {
    let mem = std::rc::Rc::new(roadboard::storage::MemoryStore::with_quota(10));
    roadboard::storage::install(Some(mem));
    let host = timeline_started_on_2025_03_03("test-r13-start").await;
    roadboard::storage::install(None);
    let page = text(&host);
    assert!(
        page.contains("start date is used in this tab but could not be saved"),
        "{page}"
    );
    host.remove();
}

/// Issue 13, point 8: the storage notice said "Export your progress to keep it. Use Progress ▾
/// → Export progress to keep a copy."; now the banner says what happened once and offers the
/// export as its button.
#[wasm_bindgen_test]
async fn r13_8_the_storage_banner_says_it_once() {
    let off: std::rc::Rc<dyn KeyValue> =
        std::rc::Rc::new(roadboard::storage::MemoryStore::blocked());
    roadboard::storage::install(Some(off));
    let (host, _) = mount(DOC, "test-r13-once").await;
    roadboard::storage::install(None);
    let banner = host
        .query_selector(".notice.storage")
        .unwrap()
        .expect("a storage banner");
    let words = banner.text_content().unwrap_or_default();
    assert_eq!(words.matches("Export").count(), 1, "{words}");
    assert_eq!(words.matches("blocked storage").count(), 1, "{words}");
    host.remove();
}
