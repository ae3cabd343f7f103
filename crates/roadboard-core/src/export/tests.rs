//! The exports on every seed and corpus document: the SVG parses as XML and shows every
//! phase's full title; the HTML page has no scripts and asks for nothing outside itself.

use super::*;
use crate::board::GroupBy;
use crate::model::{Roadmap, Status};
use std::path::PathBuf;

/// Every seed and corpus document, with its file name.
fn documents() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let mut out = Vec::new();
    for dir in ["fixtures/seeds", "corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            let ext = p.extension().and_then(|x| x.to_str());
            if !matches!(ext, Some("md" | "txt")) {
                continue;
            }
            if let (Some(name), Ok(text)) = (name, std::fs::read_to_string(&p)) {
                out.push((name, text));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 30, "seeds and corpus found: {}", out.len());
    out
}

fn as_written(map: &Roadmap) -> impl Fn(usize) -> bool + '_ {
    |i| map.items.get(i).is_some_and(|it| it.status == Status::Done)
}

fn opts(name: &str) -> TimelineFile {
    TimelineFile {
        as_of: Some("2026-12-01".into()),
        source: Some(name.to_string()),
        ..TimelineFile::default()
    }
}

/// The text drawn (text and tspan content, not tooltips), without whitespace.
fn drawn_text(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .filter(|n| n.is_text())
        .filter(|n| {
            n.parent_element()
                .is_some_and(|p| matches!(p.tag_name().name(), "text" | "tspan"))
        })
        .filter_map(|n| n.text())
        .collect::<String>()
        .split_whitespace()
        .collect()
}

#[test]
fn every_timeline_svg_is_well_formed_xml_with_full_titles() {
    let mut drawn = 0;
    for (name, text) in documents() {
        let map = crate::parse_named(&text, Some(&name));
        let svg = timeline_svg(&map, &as_written(&map), &opts(&name));
        let doc = match roxmltree::Document::parse(&svg) {
            Ok(d) => d,
            Err(e) => panic!("{name}: not well-formed XML: {e}"),
        };
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{name}");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert!(!svg.contains("<script"), "{name}");
        assert!(!svg.contains("href="), "{name}: no links out");
        let shown = drawn_text(&doc);
        assert!(shown.contains("AsofTue1Dec2026"), "{name}: {shown}");
        for p in &map.phases {
            let title: String = p.title.split_whitespace().collect();
            let title = crate::schedule::xml_escape(&title);
            let title = title
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let title = title.replace("&quot;", "\"").replace("&apos;", "'");
            assert!(
                shown.contains(&title),
                "{name}: {:?} not drawn in full",
                p.title
            );
            drawn += 1;
        }
    }
    assert!(drawn > 100, "phases drawn: {drawn}");
}

#[test]
fn long_titles_wrap_and_rows_make_room_for_them() {
    let long = "Phase 1: ".to_string() + &"Production configuration and hardening ".repeat(6);
    let doc =
        format!("# Plan\n\n## {long}(Week 1-2)\n- [ ] a\n\n## Phase 2: Ship (Week 3)\n- [x] b\n");
    let map = crate::parse(&doc);
    let svg = timeline_svg(&map, &as_written(&map), &TimelineFile::default());
    let parsed = roxmltree::Document::parse(&svg).map_err(|e| e.to_string());
    let Ok(parsed) = parsed else {
        panic!("{parsed:?}")
    };
    let tspans = parsed
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .count();
    assert!(tspans >= 3, "the long title wraps onto lines: {tspans}");
    assert!(!svg.contains('…'), "nothing is cut");
    // The rows grew: the picture is taller than the same plan with short titles.
    let short = crate::parse(
        "# Plan\n\n## Phase 1: Build (Week 1-2)\n- [ ] a\n\n## Phase 2: Ship (Week 3)\n- [x] b\n",
    );
    let short_svg = timeline_svg(&short, &as_written(&short), &TimelineFile::default());
    let height = |s: &str| {
        roxmltree::Document::parse(s)
            .ok()
            .and_then(|d| d.root_element().attribute("height").map(str::to_string))
            .and_then(|h| h.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    assert!(height(&svg) > height(&short_svg) + 20.0);
}

#[test]
fn the_legend_names_what_is_drawn() {
    let doc = "# Plan\n\n## Phase 1: Build (Week 1-2)\n- [x] a\n\n## Phase 2: Test\n- [ ] b\n\n## Phase 3: Run (Week 8+)\n- [ ] c\n";
    let map = crate::parse(doc);
    let svg = timeline_svg(&map, &as_written(&map), &TimelineFile::default());
    for word in [
        "done",
        "to do",
        "no time written (nominal length)",
        "open-ended",
    ] {
        assert!(svg.contains(&format!(">{word}</text>")), "{word}: {svg}");
    }
    assert!(!svg.contains(">milestone</text>"));
    assert!(svg.contains(">1/3 done (33%)</text>"), "{svg}");
}

#[test]
fn a_plan_without_phases_still_makes_a_picture() {
    let map = crate::parse("# Notes\n\n- [ ] a\n");
    let svg = timeline_svg(&map, &as_written(&map), &TimelineFile::default());
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("no phases with a place in time"));
}

#[test]
fn every_snapshot_is_self_contained() {
    for (name, text) in documents() {
        let map = crate::parse_named(&text, Some(&name));
        let html = snapshot_html(&map, &as_written(&map), GroupBy::Section, &opts(&name));
        let lower = html.to_lowercase();
        assert!(lower.starts_with("<!doctype html>"), "{name}");
        assert!(!lower.contains("<script"), "{name}");
        for attr in [" src=", " href=", "@import", "<link", "<iframe", "<img"] {
            assert!(!lower.contains(attr), "{name}: {attr}");
        }
        // The only url(…) are the SVG's own definitions.
        assert!(
            lower
                .match_indices("url(")
                .all(|(i, _)| lower.get(i + 4..i + 5) == Some("#")),
            "{name}"
        );
        assert!(html.contains("As of Tue 1 Dec 2026"), "{name}");
        assert!(html.contains(&format!("from {}", crate::schedule::xml_escape(&name))));
        assert!(
            html.contains(&crate::schedule::xml_escape(&map.title)),
            "{name}"
        );
    }
}

#[test]
fn a_snapshot_shows_progress_columns_cards_and_statuses() {
    let doc = "# Plan\n\n## Now\n- [x] Write the schema\n- [ ] Migrate A & B\n\n## Later\n- [ ] Ship\n\n## Phase 1: Build (Week 1)\n- [ ] c\n";
    let map = crate::parse(doc);
    let html = snapshot_html(
        &map,
        &as_written(&map),
        GroupBy::Section,
        &TimelineFile::default(),
    );
    assert!(html.contains("1/4 done (25%)"), "{html}");
    assert!(
        html.contains("<h3>Now <span class=\"count\">1/2</span></h3>"),
        "{html}"
    );
    assert!(html.contains(
        "<span class=\"st done\">Done</span><span class=\"text\">Write the schema</span>"
    ));
    assert!(html.contains("Migrate A &amp; B"), "text is escaped");
    assert!(
        html.contains("<h2>Timeline</h2>") && html.contains("<svg "),
        "{html}"
    );
    assert!(!html.contains("xmlns="), "inline SVG needs no namespace");
    assert!(!html.contains("http"), "nothing outside the page: {html}");
    let by_status = snapshot_html(
        &map,
        &as_written(&map),
        GroupBy::Status,
        &TimelineFile::default(),
    );
    assert!(
        by_status.contains("<h3>To do <span class=\"count\">0/3</span></h3>"),
        "{by_status}"
    );
}
