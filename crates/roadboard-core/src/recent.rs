//! The "recently opened" list on the home page: pure list logic, stored as JSON by the shell.

use crate::docid::DocId;
use crate::model::Roadmap;
use crate::viewstate::ViewState;
use serde::{Deserialize, Serialize};

/// How many recent documents are remembered.
pub const MAX_RECENT: usize = 12;

/// A document the reader opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentDoc {
    /// The query that reopens it (`src=…` or `doc=…`, without `?`).
    pub query: String,
    /// Its title when it was opened.
    pub title: String,
    /// Where it came from, for display ("roadmaps/plan.md", "file plan.md", "pasted text").
    pub origin: String,
}

impl RecentDoc {
    /// The entry for document `doc` titled `title`: the query that reopens it (`doc=` for a
    /// file or paste kept in this browser, `src=` for an address) and where it came from.
    pub fn new(doc: &DocId, title: String) -> Self {
        let query = ViewState::opening(doc).to_query();
        RecentDoc {
            query: query.trim_start_matches('?').to_string(),
            title,
            origin: doc.origin(),
        }
    }
}

impl RecentDoc {
    /// The entry for document `doc`, read as `map`. A paste's origin also says how many items
    /// it has and what its first one is, so pastes with the same title are told apart
    /// ("pasted text · 3 items · Buy milk").
    pub fn opened(doc: &DocId, map: &Roadmap) -> Self {
        let mut entry = RecentDoc::new(doc, map.title.clone());
        if matches!(doc, DocId::Paste(_)) {
            let n = map.items.len();
            entry.origin = format!("pasted text · {n} item{}", if n == 1 { "" } else { "s" });
            if let Some(first) = map.items.first() {
                let text: String = first.text.chars().take(40).collect();
                let cut = if text.len() < first.text.len() {
                    "…"
                } else {
                    ""
                };
                entry.origin.push_str(&format!(" · {text}{cut}"));
            }
        }
        entry
    }
}

/// Put `doc` first, dropping an older entry for the same document and the oldest beyond
/// [`MAX_RECENT`].
pub fn remember(list: &mut Vec<RecentDoc>, doc: RecentDoc) {
    list.retain(|d| d.query != doc.query);
    list.insert(0, doc);
    list.truncate(MAX_RECENT);
}

/// Read a stored list; anything unreadable is an empty list.
pub fn from_json(raw: Option<&str>) -> Vec<RecentDoc> {
    raw.and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(q: &str) -> RecentDoc {
        RecentDoc {
            query: q.into(),
            title: q.to_uppercase(),
            origin: String::new(),
        }
    }

    #[test]
    fn most_recent_first_no_duplicates_bounded() {
        let mut l = Vec::new();
        for i in 0..20 {
            remember(&mut l, doc(&format!("src={i}")));
        }
        remember(&mut l, doc("src=15"));
        assert_eq!(l.len(), MAX_RECENT);
        assert_eq!(l[0].query, "src=15");
        assert_eq!(l[1].query, "src=19");
        assert_eq!(l.iter().filter(|d| d.query == "src=15").count(), 1);
        assert!(from_json(Some("{broken")).is_empty());
        assert!(from_json(None).is_empty());
    }

    #[test]
    fn entries_reopen_kept_documents_with_doc_and_addresses_with_src() {
        let cases = [
            (
                "file:my plan.md",
                "doc=file:my%20plan.md",
                "file my plan.md",
            ),
            ("paste:untitled", "doc=paste:untitled", "pasted text"),
            (
                "roadmaps/plan.md",
                "src=roadmaps/plan.md",
                "roadmaps/plan.md",
            ),
            ("roadmaps/a:b.md", "src=roadmaps/a:b.md", "roadmaps/a:b.md"),
            (
                "https://x.org/r.md?raw=1#top",
                "src=https://x.org/r.md%3Fraw%3D1%23top",
                "https://x.org/r.md?raw=1#top",
            ),
        ];
        for (id, query, origin) in cases {
            let d = RecentDoc::new(&DocId::parse(id), "T".into());
            assert_eq!(
                (d.query.as_str(), d.origin.as_str()),
                (query, origin),
                "{id}"
            );
            let st = ViewState::from_query(&d.query);
            let reopened = st.src.map(DocId::from).or(st.doc);
            assert_eq!(reopened.map(|d| d.to_string()).as_deref(), Some(id));
        }
    }

    /// Issue 13, point 1: the recent list tells two pastes with the same title apart.
    #[test]
    fn r13_1_pastes_are_told_apart() {
        let (a, b) = ("- [ ] Buy milk\n", "- [ ] Fix roof\n- [ ] Paint\n");
        let ea = RecentDoc::opened(
            &DocId::paste_for_text(a),
            &crate::parse_named(a, Some("Pasted roadmap")),
        );
        let eb = RecentDoc::opened(
            &DocId::paste_for_text(b),
            &crate::parse_named(b, Some("Pasted roadmap")),
        );
        assert_eq!(ea.title, eb.title);
        assert_ne!(ea.query, eb.query);
        assert_eq!(ea.origin, "pasted text · 1 item · Buy milk");
        assert_eq!(eb.origin, "pasted text · 2 items · Fix roof");
        let mut list = vec![];
        remember(&mut list, ea);
        remember(&mut list, eb);
        assert_eq!(list.len(), 2, "the second paste does not replace the first");
    }
}
