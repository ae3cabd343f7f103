//! Browser tests (wasm-bindgen-test in headless Chromium): storage and components.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use leptos::prelude::*;
use roadboard::components::roadmap::RoadmapView;
use roadboard::progress::ProgressState;
use roadboard::storage::{progress_key, read_progress, write_progress, KeyValue, LocalStorage};
use std::sync::Arc;
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

#[wasm_bindgen_test]
async fn ticking_a_checkbox_updates_progress_and_storage() {
    let map = Arc::new(roadboard::parse(
        "# Plan\n\n## Now\n- [ ] first\n- [x] second\n",
    ));
    let id = map.items[0].id.clone();
    let doc = "test-doc-3".to_string();
    local().remove_item(&progress_key(&doc)).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let _handle = leptos::mount::mount_to(host.clone(), {
        let map = map.clone();
        let doc = doc.clone();
        move || view! { <RoadmapView map=map doc=doc/> }
    });
    leptos::task::tick().await;

    let bar = host.query_selector("[role=progressbar]").unwrap().unwrap();
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("50"));
    let input: web_sys::HtmlInputElement = host
        .query_selector(&format!("[data-item-id='{id}'] input"))
        .unwrap()
        .expect("card of the first item")
        .unchecked_into();
    assert!(!input.checked());
    input.click();
    leptos::task::tick().await;

    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("100"));
    let saved = local()
        .get_item(&progress_key(&doc))
        .unwrap()
        .expect("saved");
    assert!(saved.contains(&format!("\"{id}\":true")), "{saved}");
}
