//! The application shell: reads the address, shows the home page or a roadmap.

use crate::components::{home::HomePage, roadmap::RoadmapPage};
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The view state carried in the address's query string, so links reproduce a view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    /// `?src=`: the document's URL (relative or absolute).
    pub src: Option<String>,
}

impl Route {
    /// Read the current address.
    pub fn current() -> Self {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |k: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(k))
                .filter(|v| !v.is_empty())
        };
        Route { src: get("src") }
    }
}

/// The link that opens a bundled roadmap.
pub fn bundled_href(file: &str) -> String {
    format!(
        "?src={}",
        js_sys::encode_uri_component(&format!("roadmaps/{file}"))
    )
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let route = Route::current();
    match route.src {
        Some(src) => view! { <RoadmapPage src=src/> }.into_any(),
        None => view! { <HomePage/> }.into_any(),
    }
}
