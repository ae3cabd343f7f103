//! Property tests for the diff of two versions (issue 17): a version compared with itself has
//! no changes; ticking items in the file changes only statuses (ids stay stable); a snapshot
//! survives its compact form; a corrupt stored snapshot never panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadboard_core::changes::{diff, diff_roadmaps, Snapshot};

const WORDS: &[&str] = &[
    "deploy", "database", "review", "tests", "docs", "cache", "auth", "metrics", "backup", "ui",
];

/// A document of sections of task items (phases in some titles), item texts unique.
fn render(sections: &[Vec<(usize, bool)>]) -> String {
    let mut s = String::from("# Plan\n\n");
    let mut n = 0;
    for (k, items) in sections.iter().enumerate() {
        if k % 2 == 0 {
            s.push_str(&format!("## Phase {k} (Week {}-{})\n\n", k + 1, k + 2));
        } else {
            s.push_str(&format!("## Area {k}\n\n"));
        }
        for (w, done) in items {
            n += 1;
            let word = WORDS.get(*w).copied().unwrap_or("x");
            let mark = if *done { 'x' } else { ' ' };
            s.push_str(&format!("- [{mark}] {word} task {n}\n"));
        }
        s.push('\n');
    }
    s
}

fn sections() -> impl Strategy<Value = Vec<Vec<(usize, bool)>>> {
    proptest::collection::vec(
        proptest::collection::vec((0..WORDS.len(), any::<bool>()), 0..6),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_version_against_itself_has_no_changes(secs in sections()) {
        let text = render(&secs);
        let map = roadboard_core::parse(&text);
        let c = diff_roadmaps(&map, &text, &map, &text);
        prop_assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn ticking_in_the_file_changes_only_statuses(secs in sections(), flip in any::<prop::sample::Index>()) {
        let old = render(&secs);
        let mut flipped = secs.clone();
        let total: usize = secs.iter().map(Vec::len).sum();
        if total > 0 {
            let mut k = flip.index(total);
            for items in &mut flipped {
                if k < items.len() {
                    if let Some(it) = items.get_mut(k) { it.1 = !it.1; }
                    break;
                }
                k -= items.len();
            }
        }
        let new = render(&flipped);
        let (a, b) = (roadboard_core::parse(&old), roadboard_core::parse(&new));
        let ids = |m: &roadboard_core::Roadmap| m.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a), ids(&b));
        let c = diff_roadmaps(&a, &old, &b, &new);
        prop_assert!(c.added.is_empty() && c.removed.is_empty() && c.edited.is_empty());
        prop_assert!(c.moved.is_empty() && c.redated.is_empty());
        prop_assert_eq!(c.status_changed.len(), usize::from(total > 0));
    }

    #[test]
    fn snapshots_survive_their_compact_form(secs in sections()) {
        let text = render(&secs);
        let map = roadboard_core::parse(&text);
        let snap = Snapshot::of(&map, &text, "2026-12-01");
        let back = snap.to_compact().map(|j| Snapshot::from_compact(&j));
        prop_assert_eq!(back, Some(Ok(snap.clone())));
        prop_assert!(diff(&snap, &snap).is_empty());
    }

    #[test]
    fn any_stored_value_reads_without_panicking(s in ".{0,200}") {
        let _ = Snapshot::from_compact(&s);
    }
}
