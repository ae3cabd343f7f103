//! What if it slips? (issue 19) The schedule step run again with the reader's delays: chains,
//! diamonds, slack, cycles, dated phases that do not move, nested phases, items, several
//! delays adding up; the drawing's ghosts and `data-whatif`; and, on every document we have,
//! that the slack it reports is the truth.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::Roadmap;
use roadboard_core::schedule::{layout, what_if, Delays, Options, WhatIf, MAX_DELAYS};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Roadmap {
    let text = std::fs::read_to_string(root().join("tests/fixtures").join(name)).expect("fixture");
    roadboard_core::parse(&text)
}

fn index(map: &Roadmap, title: &str) -> usize {
    map.phases
        .iter()
        .position(|p| p.title.starts_with(title))
        .unwrap_or_else(|| panic!("no phase {title:?}"))
}

fn id(map: &Roadmap, title: &str) -> String {
    map.phases
        .get(index(map, title))
        .map(|p| p.id.clone())
        .unwrap_or_default()
}

fn delays(list: &[(&str, u32)]) -> Delays {
    let mut d = Delays::new();
    for (id, days) in list {
        assert!(d.add(id, i64::from(*days)));
    }
    d
}

/// (start, end) of each phase with the delays.
fn spans(w: &WhatIf) -> Vec<(f64, Option<f64>)> {
    w.slots.iter().map(|s| (s.start, s.end)).collect()
}

const CHAIN: &str = "# Chain\n\n## Phase 1: Design (2 days)\n- [ ] a\n\n## Phase 2: Build (3 days)\n- [ ] b\n\n## Phase 3: Launch (1 day)\n- [ ] c\n";

const DIAMOND: &str = "# Diamond\n\n## Phase 1: Design (2 days)\n- [ ] a\n\n\
     ## Phase 2: Backend (5 days)\nDepends on: Phase 1\n- [ ] b\n\n\
     ## Phase 3: Frontend (2 days)\nDepends on: Phase 1\n- [ ] c\n\n\
     ## Phase 4: Launch (1 day)\nDepends on: Phase 2, Phase 3\n- [ ] d\n";

#[test]
fn a_chain_moves_behind_the_delay() {
    let map = roadboard_core::parse(CHAIN);
    assert_eq!(
        what_if(&map, &Delays::new()).slots,
        what_if(&map, &Delays::new()).planned
    );
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 1"), 5)]));
    assert_eq!(
        spans(&w),
        [(0.0, Some(7.0)), (7.0, Some(10.0)), (10.0, Some(11.0))]
    );
    assert_eq!((w.end_planned, w.end), (6.0, 11.0));
    assert_eq!(
        w.sentences(&map, None),
        ["Phase 3: Launch moves from day 6 to day 11: +5 working days."]
    );
    // A delay of the middle moves only what follows it.
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 2"), 1)]));
    assert_eq!(
        spans(&w),
        [(0.0, Some(2.0)), (2.0, Some(6.0)), (6.0, Some(7.0))]
    );
    assert!(!w.moved(0) && w.moved(1) && w.moved(2));
}

#[test]
fn a_diamond_has_slack_on_its_short_side() {
    let map = roadboard_core::parse(DIAMOND);
    let front = id(&map, "Phase 3");
    // Frontend 2..4 waits 3 days for Backend 2..7: one day of delay leaves 2 of slack.
    let w = what_if(&map, &delays(&[(&front, 1)]));
    assert_eq!(w.end_shift(), 0.0);
    assert_eq!(w.slack, Some(2.0));
    assert_eq!(
        w.sentences(&map, None),
        ["No effect on the end (day 8): 2 working days of slack."]
    );
    // Four days use the slack up and push the end by one.
    let w = what_if(&map, &delays(&[(&front, 4)]));
    assert_eq!((w.end_planned, w.end, w.slack), (8.0, 9.0, None));
    // The long side has none.
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 2"), 1)]));
    assert_eq!(w.end, 9.0);
}

#[test]
fn several_delays_add_up() {
    let map = roadboard_core::parse(CHAIN);
    let (a, b) = (id(&map, "Phase 1"), id(&map, "Phase 2"));
    let mut d = Delays::new();
    d.add(&a, 2);
    d.add(&b, 1);
    d.add(&a, 3);
    assert_eq!(d.get(&a), 5);
    assert_eq!(d.last(), Some(a.as_str()), "the latest change is last");
    assert_eq!(what_if(&map, &d).end, 12.0);
    // Taking a delay back to zero removes it.
    d.add(&b, -4);
    assert_eq!(d.get(&b), 0);
    assert_eq!(d.len(), 1);
    // A what-if holds at most MAX_DELAYS ids.
    let mut many = Delays::new();
    for k in 0..MAX_DELAYS {
        assert!(many.add(&format!("p-{k}"), 1));
    }
    assert!(!many.add("one-more", 1));
    assert!(many.add("p-0", 1), "an id already there can still change");
    assert!(!many.add("", 1));
}

#[test]
fn cycles_do_not_stop_the_what_if() {
    let doc = "# Cycle\n\n## Phase 1: A (2 days)\nDepends on: Phase 2\n\n## Phase 2: B (2 days)\nDepends on: Phase 1\n\n## Phase 3: C (1 day)\nDepends on: Phase 2\n";
    let map = roadboard_core::parse(doc);
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 1"), 3)]));
    assert!(w
        .slots
        .iter()
        .all(|s| s.start.is_finite() && s.end.is_some_and(f64::is_finite)));
    let (p, s) = (&w.planned, &w.slots);
    assert_eq!(
        s[0].end,
        p[0].end.map(|e| e + 3.0),
        "the delayed phase ends later"
    );
    assert!(
        s.iter().zip(p).all(|(a, b)| a.start >= b.start),
        "nothing moves earlier"
    );
    assert!(w.end >= w.end_planned);
}

#[test]
fn dated_phases_do_not_move_unless_delayed_themselves() {
    let map = fixture("dated_phases.md");
    let (p1, p2, p3, p4) = (
        index(&map, "Phase 1"),
        index(&map, "Phase 2"),
        index(&map, "Phase 3"),
        index(&map, "Phase 4"),
    );
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 2"), 5)]));
    assert!(
        w.moved(p2),
        "a delay of a dated phase moves it: the reader asked"
    );
    assert_eq!(w.slots[p2].end, w.planned[p2].end.map(|e| e + 5.0));
    assert!(!w.moved(p1) && !w.moved(p3), "other dated phases stay");
    assert!(w.moved(p4), "Phase 4 depends on Phase 2 and has no dates");
    // Phase 3 is dated right after Phase 2: it stays, and the summary says why.
    let words = w.sentences(&map, None).join(" ");
    assert!(
        words.contains("Phase 3: Beta is dated and does not move, though Phase 2: Build now ends after it starts."),
        "{words}"
    );
    // With the document's calendar the end is a date.
    let t = layout(
        &map,
        &Options {
            delays: delays(&[(&id(&map, "Phase 2"), 5)]),
            ..Options::default()
        },
    );
    assert!(
        t.whatif_summary.iter().any(|s| s.contains(" 2026")),
        "{:?}",
        t.whatif_summary
    );
}

#[test]
fn relative_ranges_move_when_what_they_follow_slips() {
    // Seed 001: "Day 1", "Day 2", "Day 3", "Day 4-5", "Day 6-7" in phase order.
    let text = std::fs::read_to_string(root().join("public/roadmaps/miro-clone-cycle-35.md"))
        .expect("seed");
    let map = roadboard_core::parse(&text);
    let w = what_if(&map, &delays(&[(&id(&map, "Phase 2"), 5)]));
    assert_eq!(
        spans(&w),
        [
            (0.0, Some(1.0)),
            (1.0, Some(7.0)),
            (7.0, Some(8.0)),
            (8.0, Some(10.0)),
            (10.0, Some(12.0)),
        ]
    );
    assert_eq!(
        w.sentences(&map, None),
        ["Phase 5: Optimization moves from day 7 to day 12: +5 working days."]
    );
}

#[test]
fn a_nested_phase_that_overruns_pushes_its_parent() {
    let map = fixture("nested_phases.md");
    let parent = index(&map, "Phase 1");
    let child = index(&map, "Day 3-5");
    let next = index(&map, "Phase 2");
    let w = what_if(&map, &delays(&[(&map.phases[child].id, 2)]));
    assert_eq!(w.slots[child].end, w.planned[child].end.map(|e| e + 2.0));
    assert_eq!(w.slots[parent].end, w.slots[child].end);
    assert!(w.moved(next), "what follows the parent moves too");
}

#[test]
fn an_item_delays_its_phase_and_its_sub_bar() {
    let doc = "# Items\n\n## Phase 1: Build (Week 1)\n- [ ] API ~2 days\n- [ ] Web ~1 day\n\n## Phase 2: Ship (2 days)\n- [ ] go\n";
    let map = roadboard_core::parse(doc);
    let api = map
        .items
        .iter()
        .find(|i| i.text.starts_with("API"))
        .map(|i| i.id.clone())
        .expect("item");
    let phase = id(&map, "Phase 1");
    let opts = Options {
        delays: delays(&[(&api, 3)]),
        expanded: [phase.clone()].into_iter().collect(),
        ..Options::default()
    };
    let t = layout(&map, &opts);
    let row = |id: &str| t.rows.iter().find(|r| r.id == id).expect("row");
    let web = map
        .items
        .iter()
        .find(|i| i.text.starts_with("Web"))
        .map(|i| i.id.clone())
        .expect("item");
    assert_eq!(row(&api).end, Some(5.0), "API: 2 days + 3");
    assert_eq!(row(&web).start, 5.0, "Web waits for API");
    assert_eq!(row(&phase).end, Some(8.0), "Week 1 ends 3 days later");
    let ship = id(&map, "Phase 2");
    assert_eq!((row(&ship).start, row(&ship).end), (8.0, Some(10.0)));
    // What moved carries its mark and its ghost; the rest does not.
    assert_eq!(row(&api).whatif.map(|m| m.key()), Some("delayed"));
    assert_eq!(row(&web).whatif.map(|m| m.key()), Some("moved"));
    assert_eq!(row(&ship).whatif.map(|m| m.key()), Some("moved"));
    let ghost = row(&ship).ghost.expect("ghost");
    assert!(ghost.x < row(&ship).bar.x);
    assert!(row(&ship).note(0, 1).ends_with("· +3 d"));
    let svg = roadboard_core::schedule::page_svg(&t, 0..t.rows.len(), &|_| (0, 0));
    assert_eq!(svg.matches("data-whatif=\"moved\"").count(), 3);
    assert_eq!(svg.matches("class=\"tl-ghost\"").count(), 4);
}

#[test]
fn delays_naming_nothing_are_said_and_ignored() {
    let map = roadboard_core::parse(CHAIN);
    let w = what_if(&map, &delays(&[("p-gone", 5)]));
    assert_eq!(w.slots, w.planned);
    assert_eq!(
        w.sentences(&map, None),
        ["1 delay names nothing on this timeline."]
    );
}

fn documents() -> Vec<(String, Roadmap)> {
    let mut out = Vec::new();
    for dir in [
        "tests/corpus",
        "tests/fixtures",
        "tests/fixtures/seeds",
        "public/roadmaps",
    ] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "md") {
                let text = std::fs::read(&p).expect("read");
                let text = String::from_utf8_lossy(&text);
                out.push((p.display().to_string(), roadboard_core::parse(&text)));
            }
        }
    }
    assert!(out.len() > 30);
    out
}

/// On every document: a delay of `d` days makes the phase end `d` days later (an open-ended
/// one start later), nothing moves earlier, dated phases stay, the end moves by at most `d`,
/// and the slack reported is exact — `d + slack` days leave the end where it is, one more
/// moves it one day.
#[test]
fn on_every_document_the_slack_is_the_truth() {
    let mut checked = 0;
    for (name, map) in documents() {
        for (k, p) in map.phases.iter().enumerate() {
            let d = 3;
            let w = what_if(&map, &delays(&[(&p.id, d)]));
            let (before, after) = (w.planned[k], w.slots[k]);
            match (before.end, after.end) {
                (Some(a), Some(b)) => assert!((b - a - 3.0).abs() < 1e-6, "{name}: {}", p.title),
                (None, None) => assert!((after.start - before.start - 3.0).abs() < 1e-6),
                _ => panic!("{name}: {} changed kind", p.title),
            }
            for (j, (a, b)) in w.planned.iter().zip(&w.slots).enumerate() {
                assert!(
                    b.start >= a.start - 1e-6,
                    "{name}: {} moved earlier",
                    map.phases[j].title
                );
                let dated = map.phases[j].placed_by == roadboard_core::model::Placement::Dates;
                if dated && j != k {
                    assert!(!w.moved(j), "{name}: dated {} moved", map.phases[j].title);
                }
            }
            let shift = w.end_shift();
            assert!((-1e-6..=3.0 + 1e-6).contains(&shift), "{name}: {shift}");
            if let Some(s) = w.slack {
                assert!(shift.abs() < 1e-6);
                let whole = (s.floor()) as u32;
                let at = what_if(&map, &delays(&[(&p.id, d + whole)]));
                assert!(at.end_shift().abs() < 1e-6, "{name}: {} slack {s}", p.title);
                let past = what_if(&map, &delays(&[(&p.id, d + whole + 1)]));
                let expect = (f64::from(whole) + 1.0 - s).max(0.0);
                assert!(
                    (past.end_shift() - expect).abs() < 1e-6,
                    "{name}: {} slack {s}, one more day moved the end {}",
                    p.title,
                    past.end_shift()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

mod link {
    use proptest::prelude::*;
    use roadboard_core::schedule::{Delays, MAX_DELAYS, MAX_DELAY_DAYS};
    use roadboard_core::viewstate::ViewState;

    proptest! {
        /// Whatever the address says, reading it never fails and gives a bounded, valid what-if.
        #[test]
        fn any_whatif_value_reads_safely(raw in ".{0,300}") {
            let st = ViewState::from_query(&format!("?view=timeline&whatif={raw}"));
            prop_assert!(st.whatif.len() <= MAX_DELAYS);
            for (id, d) in st.whatif.iter() {
                prop_assert!(!id.is_empty());
                prop_assert!((1..=MAX_DELAY_DAYS).contains(&d));
            }
        }

        /// Any what-if the page makes (ids are slugs or the author's `{#id}`: no spaces or
        /// control characters, but any punctuation) survives the link.
        #[test]
        fn delays_round_trip(entries in proptest::collection::vec(("[a-zA-Z0-9_.:,;%&=?#/+~ü✅{}-]{1,40}", 1u32..=999), 0..40)) {
            let mut whatif = Delays::new();
            for (id, d) in &entries {
                let _ = whatif.set(id, *d);
            }
            let st = ViewState { whatif, ..ViewState::default() };
            let back = ViewState::from_query(&st.to_query());
            prop_assert_eq!(back.whatif, st.whatif);
        }
    }
}
