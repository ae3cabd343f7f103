//! Small browser helpers the views share: the element an event came from, queries, performance
//! marks, yielding to the browser, and the one way a file is offered as a download.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The element an event came from, as `T`.
pub fn event_element<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    ev.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// Every element under `root` (the whole document when `None`) matching `selector`.
pub fn query_all(root: Option<&web_sys::Element>, selector: &str) -> Vec<web_sys::Element> {
    let list = match root {
        Some(r) => r.query_selector_all(selector).ok(),
        None => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(selector).ok()),
    };
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|k| {
            list.item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        })
        .collect()
}

/// Record a performance mark (read by `make bench`); a browser without the API is ignored.
pub fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Lets the browser paint and handle input before the rest of an async job: resolves in a new
/// task, so one long job becomes two shorter ones.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A signal that turns true right after the next frame is painted (a task after the next
/// animation frame): what a view draws under it never delays the first frame of the page.
pub fn after_next_frame() -> leptos::prelude::RwSignal<bool> {
    use leptos::prelude::*;
    let ready = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = ready.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    });
    ready
}

/// What a download holds.
#[derive(Debug, Clone, Copy)]
pub enum Download<'a> {
    /// Text of a MIME type (progress JSON, Markdown, SVG).
    Text {
        /// Its MIME type, e.g. `application/json`.
        mime: &'a str,
        /// The file's content.
        text: &'a str,
    },
    /// Content the browser already holds as an address (a canvas's PNG as a data URL).
    Url(&'a str),
}

/// Offer a file named `name` for download. Text is handed over as an object URL, or as a data
/// URL where the browser cannot make one.
pub fn download(name: &str, what: Download<'_>) -> Result<(), String> {
    match what {
        Download::Url(href) => click_download_link(href, name),
        Download::Text { mime, text } => match object_url(mime, text) {
            Some(url) => {
                let result = click_download_link(&url, name);
                let _ = web_sys::Url::revoke_object_url(&url);
                result
            }
            None => click_download_link(&data_url(mime, text), name),
        },
    }
}

/// An object URL for `text` of type `mime`, if the browser makes one.
fn object_url(mime: &str, text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// `text` of type `mime` as a `data:` URL.
pub fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Start a download of `href` named `name` through a temporary link.
fn click_download_link(href: &str, name: &str) -> Result<(), String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document.")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or("No link element.")?;
    a.set_href(href);
    a.set_download(name);
    let body = doc.body().ok_or("No page body.")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}
