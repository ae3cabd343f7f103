//! The public corpus (`tests/corpus/`, sources and licences in its SOURCES.tsv): every file
//! parses, task counts equal GFM's, and clean documents are never "repaired".
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::model::{EncodingRepair, Status};
use std::path::PathBuf;

/// Corpus files that really carry Windows-1252 mojibake (SOURCES.tsv marks them).
const MOJIBAKE: [&str; 2] = ["023.md", "057.md"];

/// How many documents `tests/corpus/` holds (one row each in its SOURCES.tsv).
const CORPUS_SIZE: usize = 30;

/// Every corpus document, by file name, sorted. Panics if the corpus is missing or
/// incomplete: a test over nothing must fail, not pass.
fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus must be at {}: {e}", dir.display()));
    let mut files: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| !p.ends_with("README.md"))
        .map(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
            (name, text)
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        CORPUS_SIZE,
        "tests/corpus must hold its {CORPUS_SIZE} documents"
    );
    files
}

#[test]
fn every_corpus_document_has_its_source() {
    let sources = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/SOURCES.tsv"),
    )
    .expect("tests/corpus/SOURCES.tsv");
    let mut lines = sources.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    for column in ["file", "repo", "path", "commit", "licence"] {
        assert!(
            header.contains(&column),
            "SOURCES.tsv has a {column} column"
        );
    }
    let listed: Vec<&str> = lines.filter_map(|l| l.split('\t').next()).collect();
    for (name, _) in corpus() {
        assert!(
            listed.contains(&name.as_str()),
            "{name} is listed in SOURCES.tsv"
        );
    }
}

fn gfm_counts(text: &str) -> (usize, usize) {
    use pulldown_cmark::{Event, Options, Parser};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(text, opts).fold((0, 0), |(t, c), ev| match ev {
        Event::TaskListMarker(x) => (t + 1, c + usize::from(x)),
        _ => (t, c),
    })
}

#[test]
fn every_corpus_file_parses_with_gfm_task_counts() {
    let files = corpus();
    for (name, text) in &files {
        let map = roadboard_core::parse_named(text, Some(name));
        let tasks: Vec<_> = map.items.iter().filter(|i| i.checkbox).collect();
        let checked = tasks.iter().filter(|i| i.status == Status::Done).count();
        assert_eq!(
            (tasks.len(), checked),
            gfm_counts(text),
            "{name}: task items / checked vs GFM"
        );
        // every checkbox can be exported
        assert!(tasks.iter().all(|i| i.checkbox_offset.is_some()), "{name}");
        eprintln!(
            "{name}: {} tasks ({checked} checked), {} items, {} phases, {} deps, {} unresolved, repair {:?}",
            tasks.len(),
            map.items.len(),
            map.phases.len(),
            map.dependencies.len(),
            map.unresolved.len(),
            map.encoding_repair
        );
    }
}

#[test]
fn clean_corpus_documents_are_never_repaired() {
    for (name, text) in corpus() {
        let map = roadboard_core::parse(&text);
        if MOJIBAKE.contains(&name.as_str()) {
            assert_eq!(
                map.encoding_repair,
                Some(EncodingRepair::Windows1252),
                "{name}"
            );
        } else {
            assert_eq!(map.encoding_repair, None, "{name} is clean");
        }
    }
}

#[test]
fn corpus_mojibake_is_repaired_for_reading() {
    for (name, text) in corpus() {
        if name == "057.md" {
            let map = roadboard_core::parse(&text);
            assert_eq!(
                map.title,
                "🗺\u{fe0f} ROADMAP DE DESARROLLO - Academias Rivales"
            );
            assert!(map.sections.iter().any(|s| s.title == "VISIÓN GENERAL"));
        }
        if name == "023.md" {
            let map = roadboard_core::parse(&text);
            assert!(map
                .sections
                .iter()
                .any(|s| s.raw_title.starts_with("✅ Phase 1")));
        }
    }
}
