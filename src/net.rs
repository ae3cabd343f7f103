//! Fetching a Markdown document by URL (bundled roadmaps and `?src=`), without credentials:
//! read as a stream that stops at the size limit (a 20 MB file is refused after 5 MB, not
//! downloaded whole), with its progress reported for large files.

use roadboard_core::load::{decode_document, LoadError, MAX_DOCUMENT_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetch `url` and decode it as a roadmap document; every failure is a sentence for the user.
/// `progress(received, total)` is called as bytes arrive (`total` when the server says it).
pub async fn fetch_document(
    url: &str,
    progress: impl Fn(usize, Option<usize>),
) -> Result<String, String> {
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
    let subject = format!("“{url}”");
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(bytes) = total.filter(|t| *t > MAX_DOCUMENT_BYTES) {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(LoadError::TooLarge { bytes }.describe(&subject));
    }
    let bytes = match response.body() {
        Some(body) => read_stream(&body, total, &progress)
            .await
            .map_err(|e| e.map_or_else(interrupted, |e| e.describe(&subject)))?,
        None => {
            let buffer = response.array_buffer().map_err(|_| interrupted())?;
            let buffer = JsFuture::from(buffer).await.map_err(|_| interrupted())?;
            js_sys::Uint8Array::new(&buffer).to_vec()
        }
    };
    decode_document(&bytes).map_err(|e| e.describe(&subject))
}

fn interrupted() -> String {
    "The download was interrupted.".to_string()
}

/// Read a response body chunk by chunk, stopping (and cancelling the download) as soon as it
/// is over the size limit. `Err(None)`: the stream broke.
async fn read_stream(
    body: &web_sys::ReadableStream,
    total: Option<usize>,
    progress: &impl Fn(usize, Option<usize>),
) -> Result<Vec<u8>, Option<LoadError>> {
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| None)?;
    let mut bytes = Vec::with_capacity(total.unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| None)?;
        let part: js_sys::Uint8Array = value.dyn_into().map_err(|_| None)?;
        let n = part.length() as usize;
        if bytes.len() + n > MAX_DOCUMENT_BYTES {
            let _ = reader.cancel();
            return Err(Some(LoadError::OverLimit));
        }
        let start = bytes.len();
        bytes.resize(start + n, 0);
        if let Some(dst) = bytes.get_mut(start..) {
            part.copy_to(dst);
        }
        progress(bytes.len(), total);
    }
}
