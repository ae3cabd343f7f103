//! The roadmap as files to keep and share: the timeline as a standalone SVG ([`timeline_svg`],
//! `roadboard svg` and the web app's Download SVG/PNG) and the whole roadmap as a static HTML
//! page ([`snapshot_html`], `roadboard html` and the web app's Download snapshot).
//!
//! Both are pure functions of the model, the reader's ticks and an "as of" date: no scripts,
//! no external resources, every title in full.

mod snapshot;
mod timeline;

pub use self::snapshot::snapshot_html;
pub use self::timeline::{timeline_drawing, timeline_svg, Drawing, TimelineFile};

use crate::calendar::Date;

/// "1 Dec 2026" for `YYYY-MM-DD`, the text itself otherwise.
fn long_date(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(|| iso.to_string(), Date::long)
}

#[cfg(test)]
mod tests;
