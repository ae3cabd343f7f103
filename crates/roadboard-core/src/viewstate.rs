//! The view as a query string, so a reload or a shared link reproduces it on any static host.
//!
//! `?src=roadmaps/plan.md&view=board&group=status&q=api&status=todo,blocked&priority=critical&hide=done&item=i-abc&start=2026-01-05&zoom=week`
//! (statuses: `todo`, `in_progress`, `blocked`, `done`, `out_of_scope`)
//!
//! The timeline's what-if travels too: `whatif=p-build:5,i-api:2` (id `:` working days, the
//! latest change last). It is read strictly — an entry that is not an id and a whole number of
//! days from 1 to [`MAX_DELAY_DAYS`] is dropped, as is a value longer than
//! [`MAX_WHATIF_CHARS`] — so a hostile link can neither fail nor grow the page's work.

use crate::board::{priority_from_key, priority_key, status_from_key, status_key, Filter, GroupBy};
use crate::docid::DocId;
use crate::schedule::{Delays, Zoom, MAX_DELAY_DAYS};

/// The longest `whatif` value read; a longer one is ignored whole.
pub const MAX_WHATIF_CHARS: usize = 4096;
/// The longest id a `whatif` entry may name.
const MAX_ID_BYTES: usize = 200;

/// Which tab is showing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// Columns of cards.
    #[default]
    Board,
    /// Phases on a time axis.
    Timeline,
    /// The whole document, rendered.
    Document,
}

impl View {
    /// All views, in tab order.
    pub const ALL: [View; 3] = [View::Board, View::Timeline, View::Document];

    /// The word used in the address.
    pub fn key(self) -> &'static str {
        match self {
            View::Board => "board",
            View::Timeline => "timeline",
            View::Document => "document",
        }
    }

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            View::Board => "Board",
            View::Timeline => "Timeline",
            View::Document => "Document",
        }
    }
}

/// Everything the address says about the view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// A document fetched by URL (`src`).
    pub src: Option<String>,
    /// A document opened from a file or paste, stored in this browser (`doc`). Its storage id
    /// is the address's text read by [`DocId::parse`]; the `src` address's id is
    /// `DocId::parse(src)` too.
    pub doc: Option<DocId>,
    /// The tab.
    pub view: View,
    /// The board grouping the reader chose (`None`: the document's default, see
    /// [`crate::arrange`]).
    pub group: Option<GroupBy>,
    /// Search and filters.
    pub filter: Filter,
    /// The selected item or phase id.
    pub item: Option<String>,
    /// The timeline's what-if: phases and items the reader delayed.
    pub whatif: Delays,
    /// The timeline's start date (`YYYY-MM-DD`), when the reader set one.
    pub start: Option<String>,
    /// The timeline zoom, when not "Fit".
    pub zoom: Option<Zoom>,
}

/// A real `YYYY-MM-DD` date, as written (anything else is `None`).
fn valid_date(s: &str) -> Option<String> {
    crate::calendar::Date::parse_iso(s).map(|_| s.to_string())
}

/// Percent-encode a query component (RFC 3986 unreserved characters and `/` kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode a query component (`+` is a space; bad escapes are kept as written).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl ViewState {
    /// The default view of document `doc`: `doc=` for a file or paste kept in this browser,
    /// `src=` (the address to fetch) for the others.
    pub fn opening(doc: &DocId) -> Self {
        if doc.is_kept_here() {
            ViewState {
                doc: Some(doc.clone()),
                ..ViewState::default()
            }
        } else {
            ViewState {
                src: Some(doc.to_string()),
                ..ViewState::default()
            }
        }
    }

    /// Read a query string (with or without the leading `?`). Unknown values fall back to
    /// defaults; nothing here can fail.
    pub fn from_query(query: &str) -> Self {
        let mut st = ViewState::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(raw);
            let list = || {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            match k {
                "src" if !v.is_empty() => st.src = Some(v),
                "doc" if !v.is_empty() => st.doc = Some(DocId::parse(&v)),
                "view" => {
                    st.view = View::ALL
                        .into_iter()
                        .find(|x| x.key() == v)
                        .unwrap_or_default()
                }
                "group" => st.group = GroupBy::from_key(&v),
                "start" => st.start = valid_date(&v),
                "zoom" => {
                    st.zoom = Zoom::ALL
                        .into_iter()
                        .find(|z| z.key() == v && *z != Zoom::Fit)
                }
                "q" => st.filter.query = v,
                "status" => {
                    st.filter.statuses = list().iter().filter_map(|s| status_from_key(s)).collect()
                }
                "priority" => {
                    st.filter.priorities =
                        list().iter().filter_map(|s| priority_from_key(s)).collect()
                }
                "hide" => st.filter.hide_done = list().iter().any(|s| s == "done"),
                "ready" => st.filter.ready = v == "1",
                "item" if !v.is_empty() => st.item = Some(v),
                "whatif" => st.whatif = delays_from_param(raw),
                _ => {}
            }
        }
        st
    }

    /// The query string for this state (`?…`), defaults left out.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.src {
            parts.push(format!("src={}", encode(s)));
        }
        if let Some(d) = &self.doc {
            parts.push(format!("doc={}", encode(&d.to_string())));
        }
        if self.view != View::Board {
            parts.push(format!("view={}", self.view.key()));
        }
        if let Some(g) = self.group {
            parts.push(format!("group={}", g.key()));
        }
        if !self.filter.query.is_empty() {
            parts.push(format!("q={}", encode(&self.filter.query)));
        }
        if !self.filter.statuses.is_empty() {
            let v: Vec<_> = self
                .filter
                .statuses
                .iter()
                .map(|s| status_key(*s))
                .collect();
            parts.push(format!("status={}", v.join(",")));
        }
        if !self.filter.priorities.is_empty() {
            let v: Vec<_> = self
                .filter
                .priorities
                .iter()
                .map(|p| priority_key(*p))
                .collect();
            parts.push(format!("priority={}", v.join(",")));
        }
        if self.filter.hide_done {
            parts.push("hide=done".into());
        }
        if self.filter.ready {
            parts.push("ready=1".into());
        }
        if let Some(i) = &self.item {
            parts.push(format!("item={}", encode(i)));
        }
        if let Some(d) = &self.start {
            parts.push(format!("start={}", encode(d)));
        }
        if let Some(z) = self.zoom.filter(|z| *z != Zoom::Fit) {
            parts.push(format!("zoom={}", z.key()));
        }
        if !self.whatif.is_empty() {
            parts.push(format!("whatif={}", delays_param(&self.whatif)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The `whatif` value of `delays`: `id:days` pairs, ids percent-encoded, joined by `,`.
pub fn delays_param(delays: &Delays) -> String {
    delays
        .iter()
        .map(|(id, d)| format!("{}:{d}", encode(id)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Read a `whatif` value as written in the address (not yet decoded); what is not a valid
/// entry is dropped (see the module doc). Repeated ids add up.
pub fn delays_from_param(raw: &str) -> Delays {
    let mut delays = Delays::new();
    if raw.len() > MAX_WHATIF_CHARS {
        return delays;
    }
    for entry in raw.split(',') {
        let Some((id, days)) = entry.rsplit_once(':') else {
            continue;
        };
        let whole = !days.is_empty() && days.len() <= 3 && days.bytes().all(|b| b.is_ascii_digit());
        let Some(days) = days
            .parse::<u32>()
            .ok()
            .filter(|&d| whole && (1..=MAX_DELAY_DAYS).contains(&d))
        else {
            continue;
        };
        let id = decode(id);
        let clean = !id.is_empty()
            && id.len() <= MAX_ID_BYTES
            && !id
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\u{FFFD}');
        if clean {
            delays.add(&id, i64::from(days));
        }
    }
    delays
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Priority, Status};

    #[test]
    fn round_trip() {
        let st = ViewState {
            src: Some("roadmaps/a b&c.md".into()),
            doc: None,
            view: View::Document,
            group: Some(GroupBy::Priority),
            filter: Filter {
                query: "api & ✅ 100%".into(),
                statuses: vec![Status::Todo, Status::Blocked, Status::OutOfScope],
                priorities: vec![Priority::Critical],
                hide_done: true,
                ready: true,
            },
            item: Some("i-abc".into()),
            start: Some("2026-01-05".into()),
            zoom: Some(Zoom::Week),
            whatif: {
                let mut d = Delays::new();
                d.add("p-build", 5);
                d.add("i-a:b,c", 2);
                d
            },
        };
        let q = st.to_query();
        assert_eq!(ViewState::from_query(&q), st, "{q}");
        assert!(
            q.starts_with("?src=roadmaps/a%20b%26c.md&view=document&group=priority"),
            "{q}"
        );
        assert!(q.contains("status=todo,blocked,out_of_scope"), "{q}");
        assert!(q.ends_with("&whatif=p-build:5,i-a:b%2Cc:2"), "{q}");
    }

    /// A link is anyone's to write: the what-if takes only ids and whole days in range, and
    /// nothing in it can fail or grow without bound.
    #[test]
    fn hostile_whatif_values_are_refused() {
        let read = |v: &str| ViewState::from_query(&format!("?whatif={v}")).whatif;
        let pairs = |d: &Delays| -> Vec<(String, u32)> {
            d.iter().map(|(i, n)| (i.to_string(), n)).collect()
        };
        for bad in [
            "",
            "p",
            "p:",
            ":5",
            "p:0",
            "p:-5",
            "p:+5",
            "p:1000",
            "p:99999999999999999999",
            "p:5.5",
            "p:NaN",
            "p:inf",
            "p: 5",
            "p:%35",
            "%00:5",
            "a%20b:5",
            "p:5:x",
            ",,,",
            "%FF:5",
            "\u{1F600}:\u{1F600}",
            "p:\u{0665}",
        ] {
            assert!(read(bad).is_empty(), "{bad:?} → {:?}", read(bad));
        }
        assert_eq!(
            pairs(&read("p:5,bad,q:2,p:1")),
            [("q".into(), 2), ("p".into(), 6)]
        );
        assert_eq!(pairs(&read("p:999,p:999")), [("p".into(), 999)], "capped");
        assert_eq!(pairs(&read("p%3Ax:3")), [("p:x".into(), 3)]);
        // Too many or too long: bounded.
        let many: Vec<String> = (0..200).map(|k| format!("p{k}:1")).collect();
        assert_eq!(read(&many.join(",")).len(), crate::schedule::MAX_DELAYS);
        let long = format!("{}:1", "x".repeat(300));
        assert!(read(&long).is_empty());
        assert!(
            read(&"p:1,".repeat(2000)).is_empty(),
            "too long a value is ignored whole"
        );
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        let st = ViewState::from_query("?view=nope&group=&status=zzz&%zz=1&q=%E2%9C%85%&src");
        assert_eq!(st.view, View::Board);
        assert_eq!(st.group, None);
        let dates = ViewState::from_query("?start=2026-02-30&zoom=fit");
        assert_eq!((dates.start, dates.zoom), (None, None));
        let dates = ViewState::from_query("?start=2026-02-27&zoom=month");
        assert_eq!(dates.start.as_deref(), Some("2026-02-27"));
        assert_eq!(dates.zoom, Some(Zoom::Month));
        assert_eq!(dates.to_query(), "?start=2026-02-27&zoom=month");
        let chosen = ViewState::from_query("?group=section");
        assert_eq!(chosen.group, Some(GroupBy::Section));
        assert_eq!(chosen.to_query(), "?group=section");
        assert!(st.filter.statuses.is_empty());
        assert_eq!(st.filter.query, "✅%");
        assert_eq!(st.src, None);
        assert_eq!(ViewState::default().to_query(), "");
    }

    /// Links to files and pastes are in readers' bookmarks: `doc=` reads and writes the id's
    /// exact text, whatever it holds.
    #[test]
    fn doc_links_keep_their_exact_text() {
        for (query, id) in [
            ("?doc=file:plan.md", "file:plan.md"),
            ("?doc=file:a:b%20c.md", "file:a:b c.md"),
            ("?doc=file:%C3%BCber%3F%23.md", "file:über?#.md"),
            ("?doc=paste:untitled-roadmap", "paste:untitled-roadmap"),
            ("?doc=roadmaps/odd.md", "roadmaps/odd.md"),
        ] {
            let st = ViewState::from_query(query);
            assert_eq!(
                st.doc.as_ref().map(ToString::to_string).as_deref(),
                Some(id)
            );
            assert_eq!(st.to_query(), query);
        }
        let file = DocId::parse("file:plan.md");
        assert_eq!(ViewState::opening(&file).to_query(), "?doc=file:plan.md");
        let src = DocId::parse("roadmaps/plan.md");
        assert_eq!(ViewState::opening(&src).to_query(), "?src=roadmaps/plan.md");
    }
}
