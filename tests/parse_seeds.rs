//! The five seed documents roadboard was specified from: pinned ids, task counts
//! against GFM, phase placement, encoding repair.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use roadboard_core::model::{EncodingRepair, Roadmap, Status};

use common::seed_path;

fn seed(prefix: &str) -> (String, Roadmap) {
    let text = std::fs::read_to_string(seed_path(prefix)).expect("utf-8 seed");
    let map = roadboard_core::parse(&text);
    (text, map)
}

/// Task items and checked task items as GFM (pulldown-cmark's task list extension) counts them.
fn gfm_counts(text: &str) -> (usize, usize) {
    use pulldown_cmark::{Event, Options, Parser};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut total = 0;
    let mut checked = 0;
    for ev in Parser::new_ext(text, opts) {
        if let Event::TaskListMarker(c) = ev {
            total += 1;
            checked += usize::from(c);
        }
    }
    (total, checked)
}

fn our_counts(map: &Roadmap) -> (usize, usize) {
    let tasks: Vec<_> = map.items.iter().filter(|i| i.checkbox).collect();
    let checked = tasks.iter().filter(|i| i.status == Status::Done).count();
    (tasks.len(), checked)
}

fn spans(map: &Roadmap) -> Vec<(f64, Option<f64>)> {
    map.phases
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| (p.start, p.end))
        .collect()
}

#[test]
fn task_counts_equal_gfm_for_every_seed() {
    let expected = [
        ("000", (22, 0)),
        ("001", (0, 0)),
        ("002", (18, 11)),
        ("003", (126, 36)),
        ("004", (129, 11)),
    ];
    for (prefix, want) in expected {
        let (text, map) = seed(prefix);
        assert_eq!(gfm_counts(&text), want, "GFM reference for seed {prefix}");
        assert_eq!(our_counts(&map), want, "seed {prefix}");
    }
}

#[test]
fn seed_001_phases_are_days() {
    let (_, map) = seed("001");
    assert_eq!(
        spans(&map),
        vec![
            (0.0, Some(1.0)),
            (1.0, Some(2.0)),
            (2.0, Some(3.0)),
            (3.0, Some(5.0)),
            (5.0, Some(7.0))
        ]
    );
    // the numbered lists under "Immediate Priority (P0)" are critical requirements
    let fix = map
        .items
        .iter()
        .find(|i| i.title.as_deref() == Some("Fix Build Errors"))
        .expect("requirement item");
    assert_eq!(
        fix.priority,
        Some(roadboard_core::model::Priority::Critical)
    );
    let blocked = map
        .items
        .iter()
        .filter(|i| i.status == Status::Blocked)
        .count();
    assert_eq!(blocked, 5, "the ❌ critical issues");
}

#[test]
fn seed_003_six_phases_first_two_weeks_last_open() {
    let (_, map) = seed("003");
    let s = spans(&map);
    assert_eq!(s.len(), 6);
    assert_eq!(s.first(), Some(&(0.0, Some(10.0))));
    assert_eq!(s.last().map(|x| x.1), Some(None));
    assert_eq!(
        s,
        vec![
            (0.0, Some(10.0)),
            (10.0, Some(20.0)),
            (20.0, Some(25.0)),
            (25.0, Some(30.0)),
            (30.0, Some(35.0)),
            (35.0, None)
        ]
    );
    // implicit phase order: Phase 2 depends on Phase 1, …
    let order = map
        .dependencies
        .iter()
        .filter(|d| d.kind == roadboard_core::model::DependencyKind::PhaseOrder)
        .count();
    assert_eq!(order, 5);
}

#[test]
fn seed_000_phase_lengths_are_2_4_6() {
    let (_, map) = seed("000");
    let lengths: Vec<f64> = spans(&map)
        .iter()
        .map(|(s, e)| e.unwrap_or(f64::NAN) - s)
        .collect();
    assert_eq!(lengths.len(), 3);
    let unit = lengths[0] / 2.0;
    assert!(unit > 0.0);
    for (l, want) in lengths.iter().zip([2.0, 4.0, 6.0]) {
        assert!((l / unit - want).abs() < 1e-9, "{lengths:?}");
    }
    // hours are eighths of a working day
    assert_eq!(lengths[0], 0.25);
    assert_eq!(map.claimed_progress.first().map(|c| c.percent), Some(85.0));
}

#[test]
fn seed_002_days_and_mac_roman_repair() {
    let (_, map) = seed("002");
    assert_eq!(map.encoding_repair, Some(EncodingRepair::MacRoman));
    assert_eq!(map.title, "🚀 LyoApp Production Readiness: Action Plan");
    assert_eq!(
        spans(&map),
        vec![(0.0, Some(1.0)), (1.0, Some(3.0)), (3.0, Some(5.0))]
    );
    let db = map
        .items
        .iter()
        .find(|i| i.text == "Database Production Setup")
        .expect("step heading item");
    assert_eq!(db.estimate_days, Some([1.0, 2.0]));
    assert_eq!(db.priority, Some(roadboard_core::model::Priority::Critical));
    let email = map
        .items
        .iter()
        .find(|i| i.text == "Email System")
        .expect("step heading item");
    assert_eq!(email.priority, Some(roadboard_core::model::Priority::High));
    assert_eq!(map.claimed_progress.first().map(|c| c.percent), Some(80.0));
    assert!(!map
        .items
        .iter()
        .any(|i| i.text.contains('√') || i.text.contains("üöÄ")));
}

#[test]
fn seed_004_windows_1252_repair() {
    let (text, map) = seed("004");
    assert_eq!(map.encoding_repair, Some(EncodingRepair::Windows1252));
    assert!(map
        .sections
        .iter()
        .any(|s| s.raw_title == "✅ Completed (Production-Ready)"
            && s.title == "Completed (Production-Ready)"));
    let critical = map
        .sections
        .iter()
        .find(|s| s.title.starts_with("Critical (Before Launch)"))
        .expect("critical section");
    assert_eq!(
        critical.priority,
        Some(roadboard_core::model::Priority::Critical)
    );
    // checkbox offsets point into the original (unrepaired) bytes
    for item in map.items.iter().filter(|i| i.checkbox) {
        let off = item.checkbox_offset.expect("offset");
        assert!(matches!(text.as_bytes().get(off), Some(b' ' | b'x' | b'X')));
        assert_eq!(text.as_bytes().get(off - 1), Some(&b'['));
    }
}

/// The ids of every section, item and phase of each seed, pinned: readers' saved ticks are
/// keyed by them, so a change here loses progress and must be deliberate. (How each seed is
/// *read* is snapshotted compactly in `reading.rs`.)
#[test]
fn seed_ids_are_pinned() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (_, map) = seed(prefix);
        let mut ids = String::new();
        for s in &map.sections {
            ids.push_str(&format!("L{} section {}\n", s.line, s.id));
        }
        for i in &map.items {
            ids.push_str(&format!("L{} item {}\n", i.line, i.id));
        }
        for p in &map.phases {
            ids.push_str(&format!("L{} phase {}\n", p.line, p.id));
        }
        insta::assert_snapshot!(format!("seed_{prefix}_ids"), ids);
    }
}
