//! Browser entry point: panic hook, then mount the app once the loading shell has been painted.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The app mounts no later than this after start, even where nothing is painted (a tab opened in
/// the background): the shell is a courtesy, never a wait.
const MOUNT_AT_LATEST_MS: u64 = 1000;

fn main() {
    console_error_panic_hook::set_once();
    // index.html's static shell (title and introduction) is the page's first paint. On a slow
    // network it shows long before the wasm arrives. On a fast one the wasm can be ready before
    // anything was painted; the app then waits for that first paint (tens of milliseconds), so
    // the first thing a reader sees is never a blank page, and the browser's largest-paint
    // measure counts the shell rather than waiting for the app.
    let mounted = Rc::new(Cell::new(false));
    let mount = move || {
        if !mounted.replace(true) {
            mount_app();
        }
    };
    if painted() || !wait_for_first_paint(mount.clone()) {
        mount();
        return;
    }
    leptos::prelude::set_timeout(mount, Duration::from_millis(MOUNT_AT_LATEST_MS));
}

fn mount_app() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(roadboard::app::App);
}

/// Whether the page has had its first contentful paint (not merely its first paint, which can be
/// the blank background).
fn painted() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| {
            p.get_entries_by_name_with_entry_type(FIRST_CONTENTFUL_PAINT, "paint")
                .length()
                > 0
        })
}

const FIRST_CONTENTFUL_PAINT: &str = "first-contentful-paint";

/// Whether this browser reports paints to a `PerformanceObserver` (some never do: waiting for
/// one there would only delay the app).
fn paints_reported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window, &"PerformanceObserver".into())
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&"paint".into(), 0))
}

/// Calls `then` once the first contentful paint is reported; false when the browser cannot
/// report it.
fn wait_for_first_paint(then: impl Fn() + 'static) -> bool {
    if !paints_reported() {
        return false;
    }
    let callback = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new(
        move |_entries: JsValue, observer: web_sys::PerformanceObserver| {
            if !painted() {
                return; // the first (blank) paint; the contentful one follows
            }
            observer.disconnect();
            then();
        },
    );
    let Ok(observer) = web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()) else {
        return false;
    };
    callback.forget(); // one observer per page load
                       // `{type: "paint", buffered: true}` (web-sys only has the older `entryTypes` form).
    let options = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &k.into(), &v).is_ok();
    if !(set("type", "paint".into()) && set("buffered", true.into())) {
        return false;
    }
    observer.observe(options.unchecked_ref());
    true
}
