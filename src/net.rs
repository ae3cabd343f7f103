//! Fetching a Markdown document by URL (bundled roadmaps and `?src=`), without credentials.

use roadboard_core::load::{decode_document, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetch `url` and decode it as a roadmap document; every failure is a sentence for the user.
pub async fn fetch_document(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("No browser window.")?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let request = web_sys::Request::new_with_str_and_init(url, &init)
        .map_err(|_| format!("“{url}” is not a valid address."))?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| {
            format!(
                "Could not load “{url}”. The server did not answer, or it does not allow other sites to read this file (CORS). Download the file and open it with “Open roadmap file” instead."
            )
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "The browser returned something unexpected.".to_string())?;
    if !response.ok() {
        return Err(format!(
            "Could not load “{url}”: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "Could not read the response.".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "The download was interrupted.".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode_document(&bytes).map_err(|e: LoadError| e.to_string())
}
