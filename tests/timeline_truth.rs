//! The timeline tells the truth (issue 15): order from what is written, what a phase is,
//! dates wherever they are written, dependencies drive placement, releases and milestones,
//! and the same facts in the JSON and the drawing. Fixture: `tests/fixtures/dated_phases.md`.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{DependencyKind, Phase, PhaseKind, Placement, Roadmap};
use roadboard_core::schedule::{layout, Date, Options, WorkCalendar};
use std::path::PathBuf;

fn fixture(name: &str) -> Roadmap {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    roadboard_core::parse(&std::fs::read_to_string(path).expect("fixture"))
}

fn phase<'m>(map: &'m Roadmap, title: &str) -> &'m Phase {
    map.phases
        .iter()
        .find(|p| p.title.starts_with(title))
        .unwrap_or_else(|| panic!("no phase {title:?} in {:?}", titles(map)))
}

fn titles(map: &Roadmap) -> Vec<&str> {
    map.phases.iter().map(|p| p.title.as_str()).collect()
}

fn order_edges(map: &Roadmap) -> Vec<(String, String)> {
    let title = |id: &str| {
        map.phases
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_string(), |p| p.title.clone())
    };
    map.dependencies
        .iter()
        .filter(|d| d.kind == DependencyKind::PhaseOrder)
        .map(|d| (title(&d.from), title(&d.to)))
        .collect()
}

/// Working days of the written span `a..=b` on the document's calendar.
fn written_days(map: &Roadmap, a: &str, b: &str) -> f64 {
    let first = map
        .phases
        .iter()
        .filter_map(|p| p.start_date.as_deref().and_then(Date::parse_iso))
        .min()
        .expect("a dated phase");
    let cal = WorkCalendar::new(first);
    let (a, b) = (
        Date::parse_iso(a).expect("iso"),
        Date::parse_iso(b).expect("iso"),
    );
    cal.day_of(Date(b.0 + 1)) - cal.day_of(a)
}

#[test]
fn a_dated_phase_table_places_phases_by_their_dates() {
    let map = fixture("dated_phases.md");
    for (title, a, b) in [
        ("Phase 1: Foundation", "2026-01-05", "2026-01-16"),
        ("Phase 2: Build", "2026-01-19", "2026-02-13"),
        ("Phase 3: Beta", "2026-02-16", "2026-03-06"),
    ] {
        let p = phase(&map, title);
        assert_eq!(p.placed_by, Placement::Dates, "{title}");
        assert!(!p.nominal, "{title}");
        assert_eq!(
            (p.start_date.as_deref(), p.end_date.as_deref()),
            (Some(a), Some(b))
        );
        let span = p.end.expect("an end") - p.start;
        assert!(
            span > 0.0 && span <= written_days(&map, a, b) + 1e-9,
            "{title}: {span}"
        );
    }
    assert_eq!(phase(&map, "Phase 1").start, 0.0);
    assert_eq!(phase(&map, "Phase 1").end, Some(10.0));
    assert_eq!(phase(&map, "Phase 2").start, 10.0);
}

#[test]
fn dependencies_place_undated_phases_and_nominal_ones_say_so() {
    let map = fixture("dated_phases.md");
    // "Depends on: Phase 2" starts when Phase 2 ends, not after Phase 3 above it
    let hardening = phase(&map, "Phase 4: Hardening");
    assert_eq!(hardening.placed_by, Placement::Nominal);
    assert!(hardening.nominal);
    assert_eq!(Some(hardening.start), phase(&map, "Phase 2").end);
    // "(in parallel)": no implicit order, it starts with the plan
    let guide = phase(&map, "Phase 5");
    assert!(guide.parallel);
    assert_eq!(guide.start, 0.0);
    assert!(!order_edges(&map)
        .iter()
        .any(|(f, _)| f.starts_with("Phase 5")));
    // the drawing says "no time written" for nominal phases only
    let t = layout(&map, &Options::default());
    for r in &t.rows {
        assert_eq!(
            r.nominal,
            r.note(0, 0).contains("no time written"),
            "{}",
            r.title
        );
    }
}

#[test]
fn criteria_sections_are_not_phases_and_their_items_stay_with_the_phase() {
    let map = fixture("dated_phases.md");
    assert!(!titles(&map).iter().any(|t| t.contains("Complete When")));
    let build = phase(&map, "Phase 2: Build");
    let documented = map
        .items
        .iter()
        .find(|i| i.text == "Every endpoint documented")
        .expect("item");
    assert_eq!(documented.phase.as_deref(), Some(build.id.as_str()));
}

#[test]
fn release_tables_are_milestones_drawn_as_diamonds() {
    let map = fixture("dated_phases.md");
    let v1 = phase(&map, "v1.0.0");
    assert_eq!(v1.kind, PhaseKind::Milestone);
    assert_eq!(v1.start, v1.end.unwrap_or(-1.0));
    assert_eq!(v1.start_date.as_deref(), Some("2026-03-09"));
    assert_ne!(v1.track, phase(&map, "Phase 1").track);
    let opts = Options {
        today: Some("2026-03-20".into()),
        width: 1200.0,
        label_width: 240.0,
        ..Options::default()
    };
    let t = layout(&map, &opts);
    let row = |title: &str| t.rows.iter().find(|r| r.title == title).expect("row");
    let (a, b) = (row("v1.0.0"), row("v1.1.0"));
    assert!(a.milestone && (a.bar.w - a.bar.h).abs() < 1e-9);
    // a release dated before today is done; one after is not
    assert!(a.done && !b.done);
    assert!(t.today_x.is_some());
    let svg = roadboard_core::schedule::to_svg(
        &t,
        "x",
        &|_| (0, 0),
        false,
        &roadboard_core::schedule::Palette::LIGHT,
    );
    assert!(svg.contains("rbx-hatch") && svg.matches(" Z\"").count() >= 2);
}

#[test]
fn order_follows_what_is_written() {
    let doc = "# Plan\n\n## Timeline\n\n\
               ### Phase 1: Perf (Weeks 5-6)\n- [ ] a\n\n\
               ### Phase 2: UX (Weeks 6-7)\n- [ ] b\n\n\
               ### Phase 3: Models (Weeks 8-9)\n- [ ] c\n\n\
               ### Phase 4: Alerts (Week 1, Parallel)\n- [ ] d\n\n\
               ## Next steps\n\n### This Week (Week 5)\n- [ ] e\n";
    let map = roadboard_core::parse(doc);
    let edges = order_edges(&map);
    // overlapping weeks: parallel; a later, separate list: its own track; "Parallel": none
    assert_eq!(
        edges,
        [("Phase 3: Models".to_string(), "Phase 2: UX".to_string())]
    );
    assert_ne!(phase(&map, "This Week").track, phase(&map, "Phase 1").track);
}

#[test]
fn no_implicit_edge_points_backwards_and_written_contradictions_are_reported() {
    let doc =
        "# Plan\n\n## Monitoring (Week 8)\n- [ ] a\n\n## Documentation (Weeks 7-8)\n- [ ] b\n\n\
               ## Launch (2026-03-02 → 2026-03-06)\n- [ ] c\n\n\
               ## Prep (2026-03-09 → 2026-03-13)\nThis is blocked by: Launch\n\n- [ ] d\n\n\
               ## Wrap-up (2026-02-02)\nDepends on: Prep\n- [ ] e\n";
    let map = roadboard_core::parse(doc);
    for d in &map.dependencies {
        let (Some(a), Some(b)) = (
            map.phases.iter().find(|p| p.id == d.from),
            map.phases.iter().find(|p| p.id == d.to),
        ) else {
            continue;
        };
        if d.kind == DependencyKind::PhaseOrder {
            assert!(
                b.end.unwrap_or(b.start) <= a.start + 1e-9,
                "{} after {}",
                a.title,
                b.title
            );
        }
    }
    // written, contradicted by the dates: kept, and reported with both lines
    assert!(map
        .dependencies
        .iter()
        .any(|d| d.kind == DependencyKind::Explicit && d.text == "Prep"));
    assert!(
        map.diagnostics
            .iter()
            .any(|d| d.message.contains("\"Wrap-up\"") && d.message.contains("line")),
        "{:?}",
        map.diagnostics
    );
}

#[test]
fn dates_are_read_wherever_they_are_written() {
    let doc = "# Plan\n\n## Phase 1: Core\n**Target:** Q3 2025\n\n- [ ] a\n\n\
               ## Rook Ceph 1.13\nTargeted for v1.13 (November 2023).\n\n\
               ## Phase 2: Jan 6 – Feb 14, 2026\n- [ ] b\n";
    let map = roadboard_core::parse(doc);
    let core = phase(&map, "Phase 1");
    assert_eq!(
        (core.start_date.as_deref(), core.end_date.as_deref()),
        (Some("2025-07-01"), Some("2025-09-30"))
    );
    let rook = phase(&map, "Rook Ceph 1.13");
    assert_eq!(rook.kind, PhaseKind::Milestone);
    assert_eq!(rook.end_date.as_deref(), Some("2023-11-30"));
    let two = phase(&map, "Phase 2");
    assert_eq!(two.start_date.as_deref(), Some("2026-01-06"));
    assert_eq!(two.end_date.as_deref(), Some("2026-02-14"));
}

#[test]
fn the_schedule_step_is_idempotent() {
    let mut map = fixture("dated_phases.md");
    let before = map.clone();
    roadboard_core::schedule::place(&mut map);
    assert_eq!(map.phases, before.phases);
    assert_eq!(map.dependencies, before.dependencies);
}

/// A single date written as an end ("Estimated Completion: …", "Completed 2026-01-20", a
/// Completed column) ends the phase; it runs from where the phase before it ends. The first
/// phase, and a single date that is not an end ("Kick-off 2026-02-16"), stay one day.
#[test]
fn a_date_written_as_an_end_runs_from_the_phase_before() {
    let headings = roadboard_core::parse(
        "# Plan\n\n## Phase 1: Foundation - Estimated Completion: March 9, 2024\n- [ ] a\n\n\
         ## Phase 2: Core - Estimated Completion: October 26, 2024\n- [ ] b\n\n\
         ## Phase 3: Beta (2024-11-04)\n- [ ] c\n",
    );
    let body = roadboard_core::parse(
        "# Plan\n\n## Phase 1: Setup\n\nCompleted 2026-01-20\n\n- [x] a\n\n\
         ## Phase 2: Build\n\nDue: Feb 9, 2026\n\n- [ ] b\n\n\
         ## Phase 3: Pilot\n\nKick-off 2026-02-16\n\n- [ ] c\n",
    );
    let table = roadboard_core::parse(
        "# Plan\n\n| Phase | Status | Completed |\n|---|---|---|\n\
         | Phase 1: Setup | Done | 2026-01-20 |\n| Phase 2: Build | Done | 2026-02-09 |\n",
    );
    for (name, map) in [("headings", &headings), ("body", &body), ("table", &table)] {
        let (one, two) = (&map.phases[0], &map.phases[1]);
        assert!(one.end_only && two.end_only, "{name}: {:?}", map.phases);
        assert_eq!(
            one.end.map(|e| e - one.start),
            Some(1.0),
            "{name}: first stays a day"
        );
        assert_eq!(
            Some(two.start),
            one.end,
            "{name}: the second starts where the first ends"
        );
        assert!(
            two.end.is_some_and(|e| e - two.start > 10.0),
            "{name}: {two:?}"
        );
        assert_eq!(
            two.start_date, two.end_date,
            "{name}: the written date is kept"
        );
    }
    assert_eq!(phase(&headings, "Phase 2").title, "Phase 2: Core");
    for map in [&headings, &body] {
        let three = &map.phases[2];
        assert!(!three.end_only, "{three:?}");
        assert_eq!(three.end.map(|e| e - three.start), Some(1.0), "{three:?}");
    }
    // the JSON says it
    let json = serde_json::to_string(&table).expect("json");
    assert!(json.contains("\"end_only\":true"), "{json}");
}
