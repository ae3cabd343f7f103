//! Browser tests (wasm-bindgen-test in headless Chromium): storage and components.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use leptos::prelude::*;
use roadboard::app::Session;
use roadboard::components::docpage::RoadmapScreen;
use roadboard::components::state::DocModel;
use roadboard::progress::ProgressState;
use roadboard::storage::{progress_key, read_progress, write_progress, KeyValue, LocalStorage};
use roadboard::viewstate::ViewState;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn progress_round_trips_through_local_storage() {
    let kv = LocalStorage::open().expect("localStorage");
    let mut st = ProgressState::new();
    st.items.insert("i-abc".into(), true);
    write_progress(&kv, "test-doc-1", &st).expect("write");
    let (back, msg) = read_progress(&kv, "test-doc-1");
    assert_eq!(back, st);
    assert_eq!(msg, None);
}

#[wasm_bindgen_test]
fn corrupt_progress_is_kept_aside_and_reported() {
    let kv = LocalStorage::open().expect("localStorage");
    kv.set(&progress_key("test-doc-2"), "{not json").unwrap();
    let (state, msg) = read_progress(&kv, "test-doc-2");
    assert!(state.items.is_empty());
    assert!(msg.expect("a message").contains("backup"));
    assert_eq!(
        local()
            .get_item("roadboard:backup:test-doc-2")
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
}

fn mount_screen(text: &str, doc: &str) -> (web_sys::HtmlElement, roadboard::Roadmap) {
    let map = roadboard::parse(text);
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let model = DocModel::new(
        doc.to_string(),
        text.to_string(),
        map.clone(),
        ProgressState::new(),
        None,
    );
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Session {
            view: RwSignal::new(ViewState::default()),
            memory_docs: StoredValue::new(HashMap::new()),
            load_error: RwSignal::new(None),
            dragging: RwSignal::new(false),
            goto_line: RwSignal::new(None),
        });
        view! { <RoadmapScreen model=model/> }
    });
    handle.forget();
    (host, map)
}

#[wasm_bindgen_test]
async fn ticking_a_card_updates_progress_column_and_storage() {
    let doc = "test-doc-3";
    local().remove_item(&progress_key(doc)).unwrap();
    let (host, map) = mount_screen("# Plan\n\n## Now\n- [ ] first\n- [x] second\n", doc);
    let id = map.items[0].id.clone();
    leptos::task::tick().await;

    let bar = host.query_selector("[role=progressbar]").unwrap().unwrap();
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("50"));
    let count = host.query_selector(".column-count").unwrap().unwrap();
    assert_eq!(count.text_content().as_deref(), Some("1/2"));
    let input: web_sys::HtmlInputElement = host
        .query_selector(&format!("[data-item-id='{id}'] input"))
        .unwrap()
        .expect("card of the first item")
        .unchecked_into();
    assert!(!input.checked());
    input.click();
    leptos::task::tick().await;

    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("100"));
    assert_eq!(count.text_content().as_deref(), Some("2/2"));
    let saved = local()
        .get_item(&progress_key(doc))
        .unwrap()
        .expect("saved");
    assert!(saved.contains(&format!("\"{id}\":true")), "{saved}");
    host.remove();
}

#[wasm_bindgen_test]
async fn document_markup_is_never_live_html() {
    let (host, _) = mount_screen(
        "# T\n\n- [ ] <img src=x onerror=\"window.__bad=1\"> **bold** [x](javascript:alert(1))\n",
        "test-doc-4",
    );
    leptos::task::tick().await;
    assert!(host.query_selector("img").unwrap().is_none());
    assert!(host
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    assert!(
        host.query_selector(".card strong").unwrap().is_some(),
        "bold is rendered"
    );
    let text = host.text_content().unwrap_or_default();
    assert!(
        text.contains("<img src=x"),
        "raw HTML shown as text: {text}"
    );
    host.remove();
}
