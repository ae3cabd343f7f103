//! The browser's localStorage as a [`KeyValue`] (through `gloo-storage`), and the one place the
//! app gets its store (tests can install a faulty one). Every value the app keeps goes through
//! [`store`]: the core's store logic decides keys, formats and what a fault means.

use gloo_storage::Storage as _;
pub use roadboard_core::store::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The browser's localStorage.
///
/// Values are stored as they are (`gloo-storage`'s typed `get`/`set` would JSON-encode them and
/// change every stored value), and errors are read here, not by gloo: its typed calls throw on
/// blocked storage and do not tell a full store from a blocked one, and our messages depend on it.
pub struct LocalStorage(web_sys::Storage);

impl LocalStorage {
    /// Open localStorage, if the browser allows it.
    pub fn open() -> Result<Self, StorageError> {
        // Ask first: gloo's `raw()` throws (aborting the app) where the browser blocks storage.
        let allowed = web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))));
        if allowed {
            Ok(LocalStorage(gloo_storage::LocalStorage::raw()))
        } else {
            Err(StorageError::Unavailable)
        }
    }
}

/// What the browser's exception means for the reader.
fn js_error(e: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name.contains("Quota") {
        StorageError::QuotaExceeded
    } else if name.contains("Security") {
        StorageError::Unavailable
    } else {
        StorageError::Other(if name.is_empty() {
            format!("{e:?}")
        } else {
            name
        })
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(js_error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(js_error)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(js_error)
    }
    fn now(&self) -> Option<String> {
        js_sys::Date::new_0().to_iso_string().as_string()
    }
}

thread_local! {
    static INSTALLED: RefCell<Option<Rc<dyn KeyValue>>> = const { RefCell::new(None) };
}

/// Use `kv` instead of localStorage from now on (tests inject faults this way).
pub fn install(kv: Option<Rc<dyn KeyValue>>) {
    INSTALLED.with(|s| *s.borrow_mut() = kv);
}

/// The store to use: an installed one, else localStorage.
pub fn store() -> Result<Rc<dyn KeyValue>, StorageError> {
    if let Some(kv) = INSTALLED.with(|s| s.borrow().clone()) {
        return Ok(kv);
    }
    LocalStorage::open().map(|kv| Rc::new(kv) as Rc<dyn KeyValue>)
}
