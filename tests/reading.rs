//! How roadboard reads each real document, as a compact outline a reviewer can read: one
//! snapshot per seed, corpus document and fixture (`tests/snapshots/reading__*.snap`).
//!
//! Ids are redacted — they are hashes that churn with any text edit — and every reference is
//! written as the line it points to (`→L42`), so a diff shows what changed in the *reading*:
//! a new item, a status, a phase's span, an edge. The byte-exact model is covered elsewhere
//! (`roadboard json` in the CLI tests, ids in `parse_ids.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use roadboard_core::model::{ItemKind, Priority, Roadmap, Status};
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

/// Characters of a title kept in the outline.
const TITLE_CHARS: usize = 70;

fn short(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= TITLE_CHARS {
        s.to_string()
    } else {
        let cut: String = s.chars().take(TITLE_CHARS - 1).collect();
        format!("{cut}…")
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Todo => "todo",
        Status::InProgress => "in_progress",
        Status::Blocked => "blocked",
        Status::OutOfScope => "out_of_scope",
    }
}

fn priority(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Critical) => " P0",
        Some(Priority::High) => " P1",
        Some(Priority::Medium) => " P2",
        Some(Priority::Low) => " P3",
        None => "",
    }
}

fn kind(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Task => "task",
        ItemKind::StatusLine => "status-line",
        ItemKind::Listed => "listed",
        ItemKind::Heading => "heading",
        ItemKind::TableRow => "table-row",
    }
}

fn days(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    format!("{r}")
}

/// The outline of `map`: what a person checks when asking "did it read this right?".
fn outline(map: &Roadmap) -> String {
    // id → "L<line>" of whatever it names (item, phase, section)
    let mut at: HashMap<&str, String> = HashMap::new();
    for s in &map.sections {
        at.insert(&s.id, format!("§L{}", s.line));
    }
    for p in &map.phases {
        at.insert(&p.id, format!("phase@L{}", p.line));
    }
    for i in &map.items {
        at.insert(&i.id, format!("L{}", i.line));
    }
    let name = |id: &str| at.get(id).cloned().unwrap_or_else(|| "?".to_string());
    let section_level: HashMap<&str, u8> = map
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.level))
        .collect();
    let item_depth = {
        let pos = map.item_positions();
        let mut depth = vec![0usize; map.items.len()];
        for (k, it) in map.items.iter().enumerate() {
            let d = it
                .parent
                .as_deref()
                .and_then(|p| pos.get(p))
                .and_then(|&p| depth.get(p))
                .map_or(0, |d| d + 1);
            if let Some(slot) = depth.get_mut(k) {
                *slot = d;
            }
        }
        depth
    };

    let mut o = String::new();
    let _ = writeln!(o, "title: {}", map.title);
    let _ = writeln!(
        o,
        "items: {} ({} done, {} with a checkbox)",
        map.progress.total,
        map.progress.done,
        map.items.iter().filter(|i| i.checkbox).count()
    );
    if let Some(r) = map.encoding_repair {
        let _ = writeln!(o, "encoding repaired: {r:?}");
    }
    for c in &map.claimed_progress {
        let about = if c.scope == roadboard_core::model::DOCUMENT_SCOPE {
            "the document".to_string()
        } else {
            name(&c.scope)
        };
        let _ = writeln!(o, "claims {}% (L{}) about {about}", c.percent, c.line);
    }

    // Sections and items interleaved in document order (a heading before its own step item).
    let _ = writeln!(o, "\n-- outline");
    let mut rows: Vec<(usize, u8, String)> = Vec::new();
    for s in &map.sections {
        let mut line = format!("{} {}", "#".repeat(usize::from(s.level)), short(&s.title));
        if let Some(st) = s.status {
            let _ = write!(line, "  [status {}]", status(st));
        }
        if s.priority.is_some() {
            let _ = write!(line, "  [{}]", priority(s.priority).trim());
        }
        if s.phase.is_some() {
            line.push_str("  [phase]");
        }
        rows.push((s.line, 0, format!("L{:<4} {line}", s.line)));
    }
    for (k, it) in map.items.iter().enumerate() {
        let level = it
            .section
            .as_deref()
            .and_then(|s| section_level.get(s))
            .copied()
            .unwrap_or(0);
        let indent = "  ".repeat(usize::from(level) + item_depth.get(k).copied().unwrap_or(0));
        let mut line = format!(
            "L{:<4} {indent}- {}{} {}: {}",
            it.line,
            status(it.status),
            priority(it.priority),
            kind(it.kind),
            short(it.title.as_deref().unwrap_or(&it.text))
        );
        if it.checkbox {
            line.push_str("  [box]");
        }
        if let Some([lo, hi]) = it.estimate_days {
            let _ = write!(line, "  est {}..{}d", days(lo), days(hi));
        }
        if let Some(p) = &it.phase {
            let _ = write!(line, "  in {}", name(p));
        }
        if !it.depends_on.is_empty() {
            let deps: Vec<String> = it.depends_on.iter().map(|d| name(d)).collect();
            let _ = write!(line, "  needs {}", deps.join(","));
        }
        rows.push((it.line, 1, line));
    }
    rows.sort_by_key(|r| (r.0, r.1));
    for (_, _, line) in rows {
        let _ = writeln!(o, "{}", line.trim_end());
    }

    if !map.phases.is_empty() {
        let _ = writeln!(o, "\n-- phases");
        for p in &map.phases {
            let end = p.end.map_or_else(|| "open".to_string(), days);
            let mut line = format!(
                "L{:<4} {} {}..{end}",
                p.line,
                short(&p.title),
                days(p.start)
            );
            if !p.duration_text.is_empty() {
                let _ = write!(line, " {:?}", p.duration_text);
            }
            if p.nominal {
                line.push_str(" nominal");
            }
            if let (Some(a), Some(b)) = (&p.start_date, &p.end_date) {
                let _ = write!(line, " dates {a}..{b}");
            }
            if let Some(parent) = &p.parent {
                let _ = write!(line, " within {}", name(parent));
            }
            let _ = write!(line, " · {} items", p.items.len());
            let _ = writeln!(o, "{line}");
        }
    }
    if !map.dependencies.is_empty() {
        let _ = writeln!(o, "\n-- dependencies (dependent → prerequisite)");
        for d in &map.dependencies {
            let how = match d.kind {
                roadboard_core::model::DependencyKind::Explicit => format!("{:?}", d.text),
                roadboard_core::model::DependencyKind::PhaseOrder => "phase order".to_string(),
            };
            let _ = writeln!(
                o,
                "L{:<4} {} → {}  ({how})",
                d.line,
                name(&d.from),
                name(&d.to)
            );
        }
    }
    if !map.unresolved.is_empty() {
        let _ = writeln!(o, "\n-- unresolved references");
        for u in &map.unresolved {
            let what = if u.external { "" } else { "  (broken)" };
            let _ = writeln!(o, "L{:<4} {:?}{what}", u.line, u.text);
        }
    }
    if !map.ambiguous.is_empty() {
        let _ = writeln!(o, "\n-- ambiguous references");
        for a in &map.ambiguous {
            let cands: Vec<String> = a.candidates.iter().map(|c| name(c)).collect();
            let _ = writeln!(o, "L{:<4} {:?} → {}", a.line, a.text, cands.join(" | "));
        }
    }
    for c in &map.cycles {
        let ids: Vec<String> = c.ids.iter().map(|i| name(i)).collect();
        let _ = writeln!(o, "cycle (L{}): {}", c.line, ids.join(" → "));
    }
    if !map.diagnostics.is_empty() {
        let _ = writeln!(o, "\n-- diagnostics");
        for d in &map.diagnostics {
            let _ = writeln!(o, "L{:<4} {}", d.line, d.message);
        }
    }
    o
}

/// Every `.md`/`.txt` document under `dir`, sorted by name.
fn documents(dir: &Path) -> Vec<(String, String)> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("fixtures must be at {}: {e}", dir.display()));
    let mut docs: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
        .filter(|p| !p.ends_with("README.md"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_string();
            let text = std::fs::read_to_string(&p).ok()?;
            Some((name, text))
        })
        .collect();
    docs.sort();
    docs
}

fn snapshot_all(dir: &str, prefix: &str, expected: usize) {
    let root = common::workspace_root();
    let docs = documents(&root.join(dir));
    assert_eq!(docs.len(), expected, "{dir} holds {expected} documents");
    for (name, text) in docs {
        let map = roadboard_core::parse_named(&text, Some(&name));
        // seed file names carry a hash after the number: the snapshot is named by the number
        let key = if prefix == "seed" {
            name.split('_').next().unwrap_or(&name)
        } else {
            &name
        };
        insta::assert_snapshot!(format!("{prefix}_{key}"), outline(&map));
    }
}

#[test]
fn seeds_read_as_expected() {
    snapshot_all("tests/fixtures/seeds", "seed", 5);
}

#[test]
fn corpus_reads_as_expected() {
    snapshot_all("tests/corpus", "corpus", 30);
}

#[test]
fn fixtures_read_as_expected() {
    snapshot_all("tests/fixtures", "fixture", 7);
}
