//! Timeline geometry on the seed roadmaps (issue 5's acceptance numbers) and on generated
//! documents: bar placement, open ends, ranges, calendar ticks, arrows that avoid labels,
//! the critical path and the standalone SVG export.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::Roadmap;
use roadboard_core::schedule::{
    layout, page_svg, text_width, to_svg, Anchor, Date, Options, Palette, RowKind, Timeline, Zoom,
    NOTE_FONT,
};
use std::path::PathBuf;

fn bundled(file: &str) -> Roadmap {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/roadmaps")
        .join(file);
    roadboard_core::parse(&std::fs::read_to_string(path).expect("bundled roadmap"))
}

const SEED_000: &str = "palytt-production-roadmap.md";
const SEED_001: &str = "miro-clone-cycle-35.md";
const SEED_002: &str = "lyoapp-production-readiness.md";
const SEED_003: &str = "sacred-shifter-implementation-plan.md";

fn opts(zoom: Zoom) -> Options {
    Options {
        zoom,
        width: 1200.0,
        label_width: 240.0,
        ..Options::default()
    }
}

fn spans(t: &Timeline) -> Vec<(f64, Option<f64>)> {
    t.rows.iter().map(|r| (r.start, r.end)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn seed_001_bars_at_0_1_2_3_5_7_days() {
    let t = layout(&bundled(SEED_001), &opts(Zoom::Day));
    assert_eq!(
        spans(&t),
        vec![
            (0.0, Some(1.0)),
            (1.0, Some(2.0)),
            (2.0, Some(3.0)),
            (3.0, Some(5.0)),
            (5.0, Some(7.0)),
        ]
    );
    // The drawn bars say the same thing: x from the start, width from the length.
    let px = t.px_per_day;
    for r in &t.rows {
        let end = r.end.expect("closed");
        assert!(close(r.bar.x, t.x0 + r.start * px), "{}", r.title);
        assert!(close(r.bar.w, (end - r.start) * px), "{}", r.title);
        assert!(!r.open_ended && r.band.is_none());
    }
    // Rows go down in document order.
    assert!(t.rows.windows(2).all(|w| w[0].y < w[1].y));
    assert_eq!(t.rows[3].duration_text, "Day 4-5");
    assert_eq!(t.rows[3].start_label, "Day 4");
    assert_eq!(t.rows[3].end_label, "Day 5");
}

#[test]
fn seed_003_six_phases_the_last_open_ended() {
    let t = layout(&bundled(SEED_003), &opts(Zoom::Fit));
    assert_eq!(t.rows.len(), 6);
    assert!(t.rows.iter().all(|r| r.kind == RowKind::Phase));
    let last = t.rows.last().expect("six rows");
    assert!(last.open_ended);
    assert_eq!(last.end, None);
    assert_eq!(last.duration_text, "Week 8+");
    assert_eq!(last.end_label, "open-ended");
    assert!(t.rows[..5].iter().all(|r| !r.open_ended && r.end.is_some()));
    // The chain runs on into the open end: all six are on the critical path.
    assert_eq!(t.critical_path.len(), 6);
    // The open end still gets room on the axis, past the last closed phase (day 35).
    assert!(t.span > 35.0);
    // Fit: the whole thing fits the width asked for.
    assert!(t.width <= 1200.0 + 0.5, "width {}", t.width);
}

#[test]
fn seed_000_lengths_2_4_6() {
    let t = layout(&bundled(SEED_000), &opts(Zoom::Fit));
    assert_eq!(t.rows.len(), 3);
    let lengths: Vec<f64> = t
        .rows
        .iter()
        .map(|r| r.end.expect("closed") - r.start)
        .collect();
    let unit = lengths[0] / 2.0;
    for (l, want) in lengths.iter().zip([2.0, 4.0, 6.0]) {
        assert!(close(*l / unit, want), "{lengths:?}");
    }
    // Two hours are a quarter of a working day; the bars are in the same ratio.
    assert!(close(lengths[0], 0.25));
    let w: Vec<f64> = t.rows.iter().map(|r| r.bar.w).collect();
    assert!(close(w[1] / w[0], 2.0) && close(w[2] / w[0], 3.0), "{w:?}");
    // Sub-day spans get hour ticks.
    assert!(
        t.ticks.iter().any(|k| k.label.ends_with(" h")),
        "{:?}",
        t.ticks
    );
}

#[test]
fn seed_002_day_1_day_2_3_day_4_5() {
    let t = layout(&bundled(SEED_002), &opts(Zoom::Day));
    assert_eq!(
        spans(&t),
        vec![(0.0, Some(1.0)), (1.0, Some(3.0)), (3.0, Some(5.0))]
    );
    let written: Vec<&str> = t.rows.iter().map(|r| r.duration_text.as_str()).collect();
    assert_eq!(written, ["Day 1", "Day 2-3", "Day 4-5"]);
}

#[test]
fn phase_order_arrows_and_the_critical_path() {
    let t = layout(&bundled(SEED_001), &opts(Zoom::Day));
    assert_eq!(t.arrows.len(), 4);
    for (a, w) in t.arrows.iter().zip(t.rows.windows(2)) {
        assert_eq!(a.from, w[0].id);
        assert_eq!(a.to, w[1].id);
        // The tip lands on the dependent's bar, the tail leaves the prerequisite's.
        let (tx, ty) = *a.points.last().expect("tip");
        assert!(close(ty, w[1].bar.y));
        assert!(tx >= w[1].bar.x && tx <= w[1].bar.x + w[1].bar.w);
        let (sx, sy) = a.points[0];
        assert!(close(sy, w[0].bar.y + w[0].bar.h));
        assert!(sx >= w[0].bar.x && sx <= w[0].bar.x + w[0].bar.w);
    }
    // All five phases follow each other: the whole chain is critical.
    let ids: Vec<&str> = t.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(t.critical_path, ids);
    assert!(t.arrows.iter().all(|a| a.critical));
    assert_eq!(
        t.rows[1].depends_on,
        vec!["Phase 1: Critical Fixes".to_string()]
    );
}

#[test]
fn the_critical_path_is_the_longest_chain_not_the_longest_list() {
    // Phase 3 depends on Phase 1 only: Phase 1 → 3 (1 + 10 days) beats 1 → 2 (1 + 2).
    let text = "# Plan\n\n## Phase 1: A (Day 1)\n- [ ] a\n\n## Phase 2: B (Day 2-3)\n- [ ] b\n\n\
                ## Phase 3: C (Week 1-2)\n**Depends on:** Phase 1\n- [ ] c\n";
    let map = roadboard_core::parse(text);
    let t = layout(&map, &opts(Zoom::Fit));
    assert_eq!(t.rows.len(), 3);
    assert!(t.rows[0].critical);
    assert!(t.rows[2].critical, "{:?}", t.critical_path);
    assert_eq!(t.critical_path.first(), Some(&t.rows[0].id));
    assert_eq!(t.critical_path.last(), Some(&t.rows[2].id));
}

/// Rectangles no arrow may cross: every row's bar (with band) and its note.
fn obstacles(t: &Timeline) -> Vec<(usize, [f64; 4])> {
    let mut out = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let right = r.band.map_or(r.bar.x + r.bar.w, |b| b.x + b.w);
        out.push((i, [r.bar.x, r.bar.y, right, r.bar.y + r.bar.h]));
        let total = r.items.len();
        let w = text_width(&r.note(total, total), NOTE_FONT);
        out.push((
            i,
            [r.note_x, r.mid_y() - 7.0, r.note_x + w, r.mid_y() + 7.0],
        ));
        // The label column.
        out.push((i, [0.0, r.y, t.label_width, r.y + r.height]));
    }
    out
}

fn segment_hits(p: (f64, f64), q: (f64, f64), b: [f64; 4]) -> bool {
    // Shrink the box a little: touching a bar's edge (the arrow's ends) is fine.
    let [l, t, r, bt] = [b[0] + 0.5, b[1] + 0.5, b[2] - 0.5, b[3] - 0.5];
    let (x1, x2) = (p.0.min(q.0), p.0.max(q.0));
    let (y1, y2) = (p.1.min(q.1), p.1.max(q.1));
    x1 < r && x2 > l && y1 < bt && y2 > t
}

fn assert_arrows_avoid_labels(t: &Timeline) {
    let obs = obstacles(t);
    for a in &t.arrows {
        for seg in a.points.windows(2) {
            // Horizontal or vertical only.
            assert!(close(seg[0].0, seg[1].0) || close(seg[0].1, seg[1].1));
            for (row, b) in &obs {
                let own = t.rows[*row].id == a.from || t.rows[*row].id == a.to;
                // An arrow may touch its own bars (it starts and ends on them), never a label.
                let is_bar = close(b[1], t.rows[*row].bar.y);
                if own && is_bar {
                    continue;
                }
                assert!(
                    !segment_hits(seg[0], seg[1], *b),
                    "arrow {} → {} crosses row {row} ({:?}) at {seg:?}",
                    a.from,
                    a.to,
                    b
                );
            }
        }
    }
}

#[test]
fn arrows_never_cross_bars_or_labels() {
    for file in [SEED_000, SEED_001, SEED_002, SEED_003] {
        for zoom in Zoom::ALL {
            assert_arrows_avoid_labels(&layout(&bundled(file), &opts(zoom)));
        }
    }
    // Long explicit edges over rows whose bars and notes stand in the way.
    let mut text = String::from("# Wide\n\n");
    for k in 1..=8 {
        text.push_str(&format!(
            "## Phase {k}: Stage number {k} (Day {k})\n- [ ] t{k}\n"
        ));
        if k >= 4 {
            text.push_str(&format!("Depends on: Phase {}\n", k - 3));
        }
        text.push('\n');
    }
    text.push_str("## Phase 9: Everything at once (Day 1-9)\nDepends on: Phase 8\n- [ ] all\n");
    let map = roadboard_core::parse(&text);
    assert!(
        map.dependencies
            .iter()
            .filter(|d| d.kind == roadboard_core::model::DependencyKind::Explicit)
            .count()
            >= 5,
        "{:?}",
        map.dependencies
    );
    for zoom in Zoom::ALL {
        let t = layout(&map, &opts(zoom));
        assert!(t.arrows.len() >= 10);
        assert_arrows_avoid_labels(&t);
    }
}

#[test]
fn ticks_never_overlap_their_labels() {
    for file in [SEED_000, SEED_001, SEED_002, SEED_003] {
        for zoom in Zoom::ALL {
            for start in [None, Some("2026-11-27".to_string())] {
                let o = Options {
                    start_date: start.clone(),
                    ..opts(zoom)
                };
                let t = layout(&bundled(file), &o);
                assert!(!t.ticks.is_empty(), "{file} {zoom:?}");
                for w in t.ticks.windows(2) {
                    let room = w[1].x - w[0].x;
                    let need = text_width(&w[0].label, NOTE_FONT) + 6.0;
                    assert!(
                        room >= need,
                        "{file} {zoom:?} {start:?}: {:?} and {:?} overlap",
                        w[0],
                        w[1]
                    );
                }
            }
        }
    }
}

#[test]
fn a_start_date_puts_working_days_on_the_calendar() {
    let o = Options {
        // A Friday: day 1 is the Monday after.
        start_date: Some("2026-11-27".into()),
        today: Some("2026-12-01".into()),
        ..opts(Zoom::Day)
    };
    let t = layout(&bundled(SEED_001), &o);
    assert!(matches!(t.anchor, Anchor::Chosen(_)));
    assert_eq!(t.rows[0].start_label, "Fri 27 Nov 2026");
    assert_eq!(t.rows[0].end_label, "Fri 27 Nov 2026");
    assert_eq!(t.rows[1].start_label, "Mon 30 Nov 2026");
    // Phase 5: days 5..7 → Fri 4 Dec to Mon 7 Dec (the weekend is skipped).
    assert_eq!(t.rows[4].start_label, "Fri 4 Dec 2026");
    assert_eq!(t.rows[4].end_label, "Mon 7 Dec 2026");
    let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels[..4], ["Nov 27", "Nov 30", "Dec 1", "Dec 2"]);
    assert!(!labels.iter().any(|l| *l == "Nov 28" || *l == "Nov 29"));
    // Today (Tue 1 Dec) is working day 2.
    assert_eq!(t.today_x, Some(t.x_of(2.0)));
    // Without a date there is no today line; a bad stored date is ignored.
    let bad = Options {
        start_date: Some("27/11/2026".into()),
        today: Some("2026-12-01".into()),
        ..opts(Zoom::Day)
    };
    let t = layout(&bundled(SEED_001), &bad);
    assert_eq!(t.anchor, Anchor::Relative);
    assert_eq!(t.today_x, None);
    assert_eq!(t.ticks[0].label, "Day 1");
}

#[test]
fn documents_with_quarters_use_their_own_dates() {
    let text = "# Dated\n\n## Phase 1: Build (Q1 2026)\n- [ ] a\n\n## Phase 2: Ship (April 2026)\n- [ ] b\n\n\
                ## Phase 3: Grow (Q3 2026)\n- [x] c\n\n## Phase 4: Polish (Time: 1-2 weeks)\n- [ ] d\n";
    let map = roadboard_core::parse(text);
    // The reader's date does not override the document's.
    let o = Options {
        start_date: Some("2030-01-07".into()),
        ..opts(Zoom::Month)
    };
    let t = layout(&map, &o);
    let Anchor::Document(cal) = t.anchor else {
        panic!("expected document dates, got {:?}", t.anchor)
    };
    assert_eq!(cal.start, Date::parse_iso("2026-01-01").expect("date"));
    assert_eq!(t.rows[0].start_label, "Thu 1 Jan 2026");
    assert_eq!(t.rows[0].end_label, "Tue 31 Mar 2026");
    assert_eq!(t.rows[1].start_label, "Wed 1 Apr 2026");
    let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels[..3], ["Jan 2026", "Feb", "Mar"]);
    // "1-2 weeks" is a range: a band from one week to two.
    let polish = &t.rows[3];
    let band = polish.band.expect("a range band");
    assert!(close(polish.bar.w, 5.0 * t.px_per_day));
    assert!(close(band.w, 5.0 * t.px_per_day));
}

#[test]
fn estimated_items_expand_as_sub_bars_with_bands() {
    let text = "# Sprint\n\n## Phase 1: Build (Week 1)\n- [x] Schema ~2 hours\n- [ ] API Time: 1-2 days\n- [ ] Docs\n\n\
                ## Phase 2: Ship (Week 2)\n- [ ] Release\n";
    let map = roadboard_core::parse(text);
    let mut o = opts(Zoom::Day);
    let collapsed = layout(&map, &o);
    assert_eq!(collapsed.rows.len(), 2);
    assert!(collapsed.rows[0].expandable && !collapsed.rows[1].expandable);
    o.expanded.insert(collapsed.rows[0].id.clone());
    let t = layout(&map, &o);
    let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [RowKind::Phase, RowKind::Item, RowKind::Item, RowKind::Phase]
    );
    let (schema, api) = (&t.rows[1], &t.rows[2]);
    assert_eq!(schema.depth, 1);
    assert!(close(schema.start, 0.0) && close(schema.end.expect("end"), 0.25));
    // One after the other; the range "1-2 days" is a one-day bar and a one-day band.
    assert!(close(api.start, 0.25));
    assert!(close(api.bar.w, t.px_per_day));
    assert!(close(api.band.expect("band").w, t.px_per_day));
    assert_eq!(api.items.len(), 1);
    // The estimate is the note, not part of the title.
    assert_eq!(api.title, "API");
    assert_eq!(api.duration_text, "Time: 1-2 days");
}

#[test]
fn progress_notes_and_labels() {
    let t = layout(&bundled(SEED_001), &opts(Zoom::Day));
    let r = &t.rows[3];
    assert_eq!(r.note(2, 5), "Day 4-5 · 2/5");
    assert!(close(r.fill_width(0, 5), 0.0));
    assert!(close(r.fill_width(5, 5), r.bar.w));
    assert!(close(r.fill_width(2, 0), 0.0));
    let aria = r.aria_label(2, 5);
    assert!(
        aria.starts_with("Phase Phase 4: Deployment: from Day 4 to Day 5"),
        "{aria}"
    );
    assert!(aria.contains("2 of 5 done"), "{aria}");
    assert!(
        aria.contains("depends on Phase 3: Production Configuration"),
        "{aria}"
    );
    // Long titles wrap to two lines in the label column (phase rows), each never wider than it;
    // a second line that still does not fit is cut.
    let narrow = layout(
        &bundled(SEED_003),
        &Options {
            label_width: 120.0,
            ..opts(Zoom::Fit)
        },
    );
    for r in &narrow.rows {
        for line in r.label.split('\n') {
            assert!(text_width(line, 13.0) <= 120.0, "{}", r.label);
        }
    }
    assert!(narrow.rows.iter().any(|r| r.label.contains('\n')));
    assert!(narrow.rows.iter().all(|r| r
        .label
        .split('\n')
        .next()
        .is_some_and(|l| !l.ends_with('…'))
        || !r.title.contains(' ')));
}

#[test]
fn the_svg_export_stands_alone() {
    let t = layout(
        &bundled(SEED_003),
        &Options {
            start_date: Some("2026-11-23".into()),
            today: Some("2026-11-30".into()),
            ..opts(Zoom::Week)
        },
    );
    let svg = to_svg(
        &t,
        "Plan <A & B>",
        &|r| (1, r.items.len()),
        true,
        &Palette::LIGHT,
    );
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
    assert!(svg.contains("<title>Plan &lt;A &amp; B&gt;</title>"));
    assert!(
        !svg.contains("var("),
        "no CSS variables in a standalone file"
    );
    assert_eq!(svg.matches("<g data-phase-id=").count(), t.rows.len());
    assert_eq!(
        svg.matches("<g>").count() + svg.matches("<g ").count(),
        svg.matches("</g>").count()
    );
    assert!(svg.contains("url(#rbx-fade)"), "the open-ended phase fades");
    assert!(!svg.contains("#tl-"), "ids of its own, not the page's");
    assert!(
        svg.contains("#d4452b"),
        "the critical path is drawn when asked"
    );
    assert!(svg.contains(">today<"));
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn the_page_markup_escapes_document_text() {
    let text =
        "# X\n\n## Phase 1: <script>alert(1)</script> \"quoted\" & more (Day 1)\n- [ ] a\n\n\
                ## Phase 2: <img src=x onerror=alert(2)> (Day 2)\n- [ ] b\n";
    let map = roadboard_core::parse(text);
    let t = layout(&map, &opts(Zoom::Day));
    assert_eq!(t.rows.len(), 2);
    let html = page_svg(&t, 0..t.rows.len(), &|r| (0, r.items.len()));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&quot;quoted&quot; &amp; more"), "{html}");
    // Two SVGs: the label column and the chart, each bar focusable with a description.
    assert_eq!(html.matches("<svg ").count(), 2);
    assert_eq!(
        html.matches(r#"tabindex="0" role="button" aria-label="Phase "#)
            .count(),
        2
    );
    assert_eq!(html.matches("data-phase-id=").count(), 2);
    assert!(
        !html.contains("fill=\"#"),
        "page colours come from the stylesheet"
    );
}

#[test]
fn a_long_timeline_draws_only_the_rows_near_the_screen() {
    let mut text = String::from("# Big\n\n");
    for k in 1..=200 {
        text.push_str(&format!("## Phase {k}: Task {k} (Day {k})\n- [ ] s{k}\n\n"));
    }
    let t = layout(&roadboard_core::parse(&text), &opts(Zoom::Fit));
    let rows = roadboard_core::schedule::rows_between(&t, 0.0, 800.0);
    assert_eq!(rows.start, 0);
    assert!(rows.end > 15 && rows.end < 30, "{rows:?}");
    let mid = roadboard_core::schedule::rows_between(&t, 3000.0, 3800.0);
    assert!(
        t.rows[mid.start].y <= 3000.0 && t.rows[mid.start].y + t.rows[mid.start].height >= 3000.0
    );
    let html = page_svg(&t, mid.clone(), &|r| (0, r.items.len()));
    assert_eq!(html.matches("data-phase-id=").count(), mid.len());
    // Arrows into and out of the window are drawn, the others are not.
    let arrows = html.matches("<path class=\"tl-arrow").count();
    assert!(
        arrows >= mid.len() - 1 && arrows <= mid.len() + 1,
        "{arrows} for {mid:?}"
    );
    // Out of range asks give nothing, never a panic.
    assert!(roadboard_core::schedule::rows_between(&t, 1e9, 2e9).is_empty());
    assert_eq!(
        page_svg(&t, 500..900, &|_| (0, 0))
            .matches("data-phase-id")
            .count(),
        0
    );
}

#[test]
fn no_phases_no_rows_and_no_panic() {
    let t = layout(
        &roadboard_core::parse("# Nothing\n\n- [ ] a task\n"),
        &opts(Zoom::Fit),
    );
    assert!(t.rows.is_empty() && t.arrows.is_empty());
    // Degenerate widths and zooms still give finite geometry.
    let t = layout(
        &bundled(SEED_001),
        &Options {
            width: 0.0,
            label_width: 0.0,
            ..opts(Zoom::Fit)
        },
    );
    assert!(t.rows.iter().all(|r| r.bar.x.is_finite() && r.bar.w > 0.0));
}

#[test]
fn five_hundred_phases_lay_out_quickly() {
    let mut text = String::from("# Big\n\n");
    for k in 1..=500 {
        text.push_str(&format!(
            "## Phase {k}: Task {k} (Day {k})\n- [ ] step {k}\n\n"
        ));
    }
    let map = roadboard_core::parse(&text);
    assert_eq!(map.phases.len(), 500);
    let start = std::time::Instant::now();
    let t = layout(&map, &opts(Zoom::Day));
    let took = start.elapsed();
    assert_eq!(t.rows.len(), 500);
    assert_eq!(t.arrows.len(), 499);
    assert_eq!(t.critical_path.len(), 500);
    assert!(took.as_millis() < 500, "layout took {took:?}");
}

/// "Fit" fits: a plan dated over two years is drawn within a desktop width (the axis then
/// counts quarters) instead of scrolling away most of the plan, and its ticks stay apart.
#[test]
fn fit_keeps_a_plan_of_two_years_on_screen() {
    let doc = "# Plan\n\n## Phase 1: Build (Q1 2025)\n- [ ] a\n\n## Phase 2: Scale (Q3 2025)\n- [ ] b\n\n\
               ## Phase 3: Grow (Q2 2026)\n- [ ] c\n\n## Phase 4: Harvest (Q4 2026)\n- [ ] d\n";
    let t = layout(&roadboard_core::parse(doc), &opts(Zoom::Fit));
    assert!(t.width <= 1200.0, "fit drew {} px for 1200 px", t.width);
    assert!(t.ticks.len() >= 4, "{:?}", t.ticks);
    for w in t.ticks.windows(2) {
        assert!(
            w[1].x - w[0].x >= text_width(&w[0].label, NOTE_FONT) + 6.0,
            "{:?}",
            t.ticks
        );
    }
}

/// A phase's written status that the bar cannot show ("**Status:** In Progress") starts its
/// note; a phase with none keeps its note as it was.
#[test]
fn a_written_phase_status_is_in_the_note() {
    let doc = "# Plan\n\n## Phase 1 (Week 1)\n\n**Status:** In Progress\n\n- [ ] a\n- [x] b\n\n\
               ## Phase 2 (Week 2)\n\n- [ ] c\n";
    let t = layout(&roadboard_core::parse(doc), &opts(Zoom::Fit));
    let notes: Vec<String> = t.rows.iter().map(|r| r.note(1, 2)).collect();
    assert_eq!(notes, ["In progress · Week 1 · 1/2", "Week 2 · 1/2"]);
    assert!(
        t.rows[0]
            .aria_label(1, 2)
            .contains("(Week 1), in progress, 1 of 2 done"),
        "{}",
        t.rows[0].aria_label(1, 2)
    );
}
