//! "Download snapshot": the roadmap as one static HTML page (the core's snapshot, what
//! `roadboard html` writes), with this reader's ticks and board grouping.

use crate::doc::DocModel;
use crate::dom::{download, Download};
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::calendar::Date;
use roadboard_core::export::{snapshot_html, TimelineFile};
use std::sync::Arc;

/// Today in the browser's time zone, `YYYY-MM-DD`.
fn today_iso() -> Option<String> {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
    .map(|d| d.iso())
}

/// A button that downloads the static snapshot.
#[component]
pub fn SnapshotButton(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let on_click = move |_| {
        let m = &model;
        let group = session
            .view
            .with_untracked(|v| v.group)
            .unwrap_or(m.index.arrangement.group);
        let file = TimelineFile {
            as_of: today_iso(),
            source: Some(m.doc_id.last_segment().to_string()),
            ..TimelineFile::default()
        };
        let html = snapshot_html(&m.map, &|i| m.ticked_untracked(i), group, &file);
        let name = format!("{}-snapshot.html", m.download_name());
        let outcome = download(
            &name,
            Download::Text {
                mime: "text/html",
                text: &html,
            },
        );
        if let Err(e) = outcome {
            leptos::logging::warn!("snapshot download failed: {e}");
        }
    };
    view! {
        <button type="button" class="snapshot-button" on:click=on_click
            title="A static page of this roadmap as you see it now: board, phases, timeline. No scripts; opens anywhere.">
            "Download snapshot"
        </button>
    }
}
