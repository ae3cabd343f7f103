//! Issue 14: roadmaps written as outlines (rules 1–4 and 7 of the issue), pinned on
//! `tests/fixtures/outline.md` and on small inline documents, one rule per test.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{ItemKind, Priority, Roadmap, Status};

fn fixture() -> Roadmap {
    let path = format!("{}/tests/fixtures/outline.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    roadboard_core::parse(&text)
}

fn names(map: &Roadmap) -> Vec<String> {
    map.items
        .iter()
        .map(|i| i.title.clone().unwrap_or_else(|| i.text.clone()))
        .collect()
}

fn item<'m>(map: &'m Roadmap, start: &str) -> &'m roadboard_core::model::Item {
    map.items
        .iter()
        .find(|i| i.title.as_deref().unwrap_or(&i.text).starts_with(start))
        .unwrap_or_else(|| panic!("no item {start:?} in {:?}", names(map)))
}

/// Rule 1: leaf headings and top-level bullets of a plan are items, their body and nested
/// bullets the details; the document's own sections, legends, links, "None" and fields are
/// not.
#[test]
fn an_outline_is_a_plan() {
    let map = fixture();
    let offline = item(&map, "Offline mode");
    assert_eq!(offline.kind, ItemKind::Listed);
    assert_eq!(
        offline.details.as_deref(),
        Some("- cache the last 50 documents\n- sync when back online")
    );
    let sync = item(&map, "Faster sync");
    assert_eq!(sync.kind, ItemKind::Heading);
    assert_eq!(sync.details.as_deref(), Some("Sync only what changed."));
    // a heading whose bullets are only its attributes is the item
    let plugins = item(&map, "Plugins");
    assert!(plugins
        .details
        .as_deref()
        .is_some_and(|d| d.contains("**Owner**: Ana")));
    let all = names(&map);
    for not_items in [
        "Read the roadmap every month",
        "Jump to",
        "Not Started",
        "P0 - Critical",
        "None",
        "= done",
        "Owner",
        "not a task",
        "Widget roadmap",
        "Now — v1.0",
        "Summary",
        "cache the last 50 documents",
    ] {
        assert!(
            all.iter().all(|n| !n.starts_with(not_items)),
            "{not_items:?} is not an item: {all:?}"
        );
    }
    // a table with a title column and a Priority/Owner column is a list of items
    let pdf = item(&map, "Export to PDF");
    assert_eq!(
        (pdf.kind, pdf.priority),
        (ItemKind::TableRow, Some(Priority::Medium))
    );
}

/// Rule 2: statuses after a bold lead and in closing remarks, `Status:`/`Priority:` fields,
/// "Blockers" headings as critical priority.
#[test]
fn statuses_and_priorities_where_people_write_them() {
    let map = fixture();
    assert_eq!(item(&map, "Dark theme").status, Status::Done);
    assert_eq!(item(&map, "Keyboard shortcuts").status, Status::InProgress);
    let suite = item(&map, "Testing Suite");
    assert_eq!(suite.status, Status::InProgress, "Status: In Design");
    assert_eq!(suite.priority, Some(Priority::High));
    for blocker in ["Signing keys", "Store review"] {
        let it = item(&map, blocker);
        assert_eq!(
            (it.status, it.priority),
            (Status::Todo, Some(Priority::Critical))
        );
    }
    let doc = "# Bugs\n\n### Diff shows nothing\n\n**Priority: Major**\n\nThe diff is empty.\n";
    let map = roadboard_core::parse(doc);
    assert_eq!(
        item(&map, "Diff shows nothing").priority,
        Some(Priority::High)
    );
}

/// Rule 3: out of scope is not work: its own status, never counted; a ticked box stays done.
#[test]
fn out_of_scope_is_not_work() {
    let map = fixture();
    assert_eq!(item(&map, "A mobile app").status, Status::OutOfScope);
    assert_eq!(item(&map, "A desktop app").status, Status::OutOfScope);
    assert_eq!(item(&map, "A command line").status, Status::Done);
    let out = map
        .items
        .iter()
        .filter(|i| i.status == Status::OutOfScope)
        .count();
    assert_eq!(map.progress.total, map.items.len() - out);
    let json = serde_json::to_string(&map).unwrap_or_default();
    assert!(json.contains("\"status\":\"out_of_scope\""));
}

/// Rule 4: a summary entry and its detail heading are one item, the heading; a summary
/// task box stays the item (task counts equal GitHub's).
#[test]
fn one_piece_of_work_one_card() {
    let map = fixture();
    let suites: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.text.contains("Testing Suite"))
        .collect();
    assert_eq!(suites.len(), 1, "{:?}", names(&map));
    assert_eq!(suites.first().map(|i| i.kind), Some(ItemKind::Heading));
    let doc = "# Plan\n\n## Summary of work\n- [ ] Testing Suite\n\n## Tasks\n\n### 2. Testing Suite\n\nUnit tests. ⏱ 2 days\n";
    let map = roadboard_core::parse(doc);
    let suites: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.text.contains("Testing Suite"))
        .collect();
    assert_eq!(suites.len(), 1);
    let task = suites.first().copied();
    assert!(task.is_some_and(|t| t.checkbox));
    assert!(task.is_some_and(|t| t.details.as_deref() == Some("Unit tests. ⏱ 2 days")));
    // a title that is the other plus words at its end (the shorter has three words or more)
    let doc = "# Roadmap\n\n## Next (v1.4)\n\n* Enhancing key management capabilities\n* Migration tools\n\n### Enhancing Key Management\n\nHSM support.\n\n### Migration Tools\n\nFrom Geth.\n";
    let map = roadboard_core::parse(doc);
    assert_eq!(names(&map), ["Enhancing Key Management", "Migration Tools"]);
}

/// Rule 1, the outline fallback: a document with no plan heading and no checklist is an
/// outline (corpus 011, curl: every setext heading is a feature).
#[test]
fn a_document_without_checklist_is_read_as_an_outline() {
    let doc = "curl next\n=========\n\nHSTS\n----\n\n Complete the PR.\n\nDNS-over-TLS\n------------\n\n Like DoH.\n";
    let map = roadboard_core::parse(doc);
    assert_eq!(map.title, "curl next");
    assert_eq!(names(&map), ["HSTS", "DNS-over-TLS"]);
    assert_eq!(
        item(&map, "HSTS").details.as_deref(),
        Some("Complete the PR.")
    );
    // a checklist anywhere keeps today's reading: nothing else becomes an item
    let doc = "# Notes\n\n## Ideas\n\nSome text.\n\n## Work\n- [ ] one\n";
    assert_eq!(names(&roadboard_core::parse(doc)), ["one"]);
}

/// A bare level word heading ("Medium") is a priority only among sibling headings that are
/// priority levels too: under Small / Medium / Large it is a size (corpus 019).
#[test]
fn a_level_word_among_sizes_is_not_a_priority() {
    let sizes = "# Deferred issues\n\n## Small\n\n- **D1: Rename**: ✓ Done\n\n## Medium\n\n- **D6: Document mode**: ✓ Done\n- **D8: Track iterators**: not yet\n\n## Large\n\n- **D12: Tuple unpacking**: later\n";
    let map = roadboard_core::parse(sizes);
    assert_eq!(item(&map, "D6").priority, None);
    assert_eq!(item(&map, "D8").priority, None);
    assert!(map.sections.iter().all(|s| s.priority.is_none()));

    let levels = "# Backlog\n\n## High\n\n- [ ] a\n\n## Medium\n\n- [ ] b\n\n### Sub\n\n- [ ] c\n\n## Low\n\n- [ ] d\n\n## Notes\n\nfree text\n";
    let map = roadboard_core::parse(levels);
    assert_eq!(item(&map, "a").priority, Some(Priority::High));
    assert_eq!(item(&map, "b").priority, Some(Priority::Medium));
    assert_eq!(item(&map, "c").priority, Some(Priority::Medium));
    assert_eq!(item(&map, "d").priority, Some(Priority::Low));

    // MoSCoW written bare, and a level word next to "High priority" in words
    let moscow = "# Plan\n\n## Must\n\n- [ ] a\n\n## Should\n\n- [ ] b\n\n## Could\n\n- [ ] c\n";
    let map = roadboard_core::parse(moscow);
    assert_eq!(item(&map, "a").priority, Some(Priority::Critical));
    assert_eq!(item(&map, "b").priority, Some(Priority::High));
    assert_eq!(item(&map, "c").priority, Some(Priority::Low));
    let mixed = "# Plan\n\n## High priority\n\n- [ ] a\n\n## Medium\n\n- [ ] b\n";
    assert_eq!(
        item(&roadboard_core::parse(mixed), "b").priority,
        Some(Priority::Medium)
    );

    // alone, with nothing to say it is a level, a bare word is not a priority; its own
    // words ("Medium priority") or a colour still are
    let alone = roadboard_core::parse("# Plan\n\n## Medium\n\n- [ ] b\n");
    assert_eq!(item(&alone, "b").priority, None);
    let colour = roadboard_core::parse("# Plan\n\n## 🟡 Medium\n\n- [ ] c\n");
    assert_eq!(item(&colour, "c").priority, Some(Priority::Medium));
}
