//! The board's default arrangement on every seed and corpus document (issue 16): the grouping
//! and heading level it opens with, and its largest column's share of the cards, written to
//! `tests/snapshots/arrangement.txt` (read the diff after a change) and checked against the
//! rule: no default column holds most of a board that has enough cards to spread, unless no
//! heading level and no phase split spreads it.

use roadboard_core::arrange::{base_level, fit, MIN_CARDS_TO_SPREAD};
use roadboard_core::board::GroupBy;

fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures/seeds", "tests/corpus"] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let ok = f.extension().is_some_and(|e| e == "md" || e == "txt");
            if let (true, Ok(text)) = (ok, std::fs::read_to_string(&f)) {
                out.push((f.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn every_document_opens_in_an_arrangement_that_fits() {
    let docs = documents();
    assert!(docs.len() >= 30, "documents missing: {}", docs.len());
    let mut table = String::from(
        "document | cards | grouping | opened into sub-sections | columns | largest column\n",
    );
    for (name, text) in &docs {
        let map = roadboard_core::parse(text);
        let a = fit(&map);
        let cards = map.items.iter().filter(|i| i.parent.is_none()).count();
        let group = match a.group {
            GroupBy::Phase => "phase",
            _ => "section",
        };
        let mut opened: Vec<usize> = a.opened.iter().copied().collect();
        opened.sort_unstable();
        let opened: Vec<&str> = opened
            .iter()
            .filter_map(|&i| map.sections.get(i).map(|s| s.title.as_str()))
            .collect();
        table.push_str(&format!(
            "{name} | {cards} | {group} | {} | {} | {}%\n",
            if opened.is_empty() {
                "-".to_string()
            } else {
                opened.join("; ")
            },
            a.columns,
            a.largest_share
        ));
        assert!(a.columns >= 1 || cards == 0, "{name}");
        assert!(a.level >= base_level(&map).min(a.level), "{name}");
        if cards >= MIN_CARDS_TO_SPREAD && a.largest_share > 50 {
            // Only a board whose crowded column has no sub-sections to open stays crowded.
            assert!(
                a.opened.is_empty() || a.group == GroupBy::Phase || a.columns > 1,
                "{name}"
            );
        }
    }
    let path = "tests/snapshots/arrangement.txt";
    let old = std::fs::read_to_string(path).unwrap_or_default();
    if std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always") || old.is_empty() {
        std::fs::write(path, &table).expect("write the table");
    } else {
        assert_eq!(
            old, table,
            "the default arrangements changed: INSTA_UPDATE=always to accept"
        );
    }
}
