//! Unit tests of the diff: each kind of change from a small pair of documents.

use super::*;
use crate::model::Status;

fn changes(old: &str, new: &str) -> Changes {
    diff_roadmaps(&crate::parse(old), old, &crate::parse(new), new)
}

fn titles(list: &[Change]) -> Vec<&str> {
    list.iter().map(|c| c.title.as_str()).collect()
}

const OLD: &str = "# Plan

## Phase 1: Setup (Week 1-2)

- [ ] Set up CI
- [ ] Write the documentaiton
- [x] Pick a licence
- [ ] Drop this one

## Phase 2: Build (Week 3-4)

- [ ] Build the parser
";

const NEW: &str = "# Plan

## Phase 1: Setup (Week 1-3)

- [x] Set up CI
- [ ] Write the documentation
- [x] Pick a licence

## Phase 2: Build (Week 4-5)

- [ ] Build the parser
- [ ] Add a brand new exporter
";

#[test]
fn the_same_text_has_no_changes() {
    let c = changes(OLD, OLD);
    assert!(c.is_empty(), "{c:?}");
    assert_eq!(c.summary(), "no changes to items or dates");
}

#[test]
fn each_kind_of_change_is_found() {
    let c = changes(OLD, NEW);
    assert_eq!(titles(&c.added), ["Add a brand new exporter"]);
    assert_eq!(titles(&c.removed), ["Drop this one"]);
    assert_eq!(titles(&c.edited), ["Write the documentation"]);
    assert_eq!(
        c.edited.first().and_then(|e| e.old_title.as_deref()),
        Some("Write the documentaiton")
    );
    assert_eq!(titles(&c.status_changed), ["Set up CI"]);
    let done = c.status_changed.first();
    assert_eq!(done.and_then(|d| d.from), Some(Status::Todo));
    assert_eq!(done.and_then(|d| d.to), Some(Status::Done));
    assert!(c.moved.is_empty(), "{:?}", c.moved);
    assert_eq!(c.redated.len(), 2, "{:?}", c.redated);
    assert!(c.redated.iter().all(|r| r.phase && r.old_span.is_some()));
    // Lines: the newer version's, the older's for removed items.
    assert_eq!(c.added.first().map(|a| a.line), Some(12));
    assert_eq!(c.removed.first().map(|a| a.line), Some(8));
    assert!(c.added.iter().all(|a| a.checkbox));
    assert_eq!(
        c.summary(),
        "1 done, 1 new, 1 removed, 2 re-dated, 1 edited"
    );
    let marks = c.marks();
    assert_eq!(
        marks
            .values()
            .filter(|k| **k == ChangeKind::Redated)
            .count(),
        2
    );
    assert_eq!(
        marks.values().filter(|k| **k == ChangeKind::Added).count(),
        1
    );
}

#[test]
fn an_item_under_another_heading_is_moved_not_removed_and_added() {
    let new = OLD.replace("- [ ] Build the parser\n", "").replace(
        "- [ ] Drop this one\n",
        "- [ ] Drop this one\n- [ ] Build the parser\n",
    );
    let c = changes(OLD, &new);
    assert!(c.added.is_empty() && c.removed.is_empty(), "{c:?}");
    assert_eq!(titles(&c.moved), ["Build the parser"]);
    let m = c.moved.first();
    assert_eq!(
        m.and_then(|m| m.to_place.as_deref()),
        Some("Phase 1: Setup")
    );
    assert_eq!(c.summary(), "1 moved to Phase 1: Setup");
}

#[test]
fn different_items_in_the_same_section_are_not_paired() {
    let c = changes(
        "# P\n\n## Work\n\n- [ ] Write the parser\n",
        "# P\n\n## Work\n\n- [ ] Ship the mobile app\n",
    );
    assert_eq!((c.added.len(), c.removed.len(), c.edited.len()), (1, 1, 0));
}

#[test]
fn a_slip_counts_working_days() {
    let c = changes(OLD, NEW);
    let slips: Vec<Option<f64>> = c.redated.iter().map(Change::slip_days).collect();
    assert_eq!(slips, [Some(5.0), Some(5.0)]);
}

#[test]
fn the_json_has_the_contract_arrays() {
    let c = changes(OLD, NEW);
    let v = serde_json::to_value(&c).unwrap_or_default();
    for k in [
        "added",
        "removed",
        "edited",
        "status_changed",
        "moved",
        "redated",
    ] {
        assert!(v.get(k).is_some_and(serde_json::Value::is_array), "{k}");
    }
    let s = v.pointer("/status_changed/0").cloned().unwrap_or_default();
    assert_eq!(s.get("from"), Some(&serde_json::json!("todo")));
    assert_eq!(s.get("to"), Some(&serde_json::json!("done")));
    assert_eq!(s.get("checkbox"), Some(&serde_json::json!(true)));
    assert!(v.pointer("/redated/0/old/start").is_some());
    assert!(v.pointer("/redated/0/new/end").is_some());
}
