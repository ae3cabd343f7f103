//! Property tests for progress that is never lost (issue 7): random documents, random edit
//! sequences (insert, delete, move section, toggle in the file, CRLF), saved ticks survive for
//! every item that survives; exported Markdown differs only in checkbox characters.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadboard_core::progress::{export_markdown, ProgressState};
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Doc {
    sections: Vec<(String, Vec<(String, bool)>)>,
    crlf: bool,
}

impl Doc {
    fn render(&self) -> String {
        let mut s = String::from("# Plan\n\nIntro text.\n\n");
        for (title, items) in &self.sections {
            s.push_str(&format!("## {title}\n\n"));
            for (text, done) in items {
                s.push_str(&format!("- [{}] {text}\n", if *done { 'x' } else { ' ' }));
            }
            s.push('\n');
        }
        if self.crlf {
            s = s.replace('\n', "\r\n");
        }
        s
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize, usize),
    MoveSection(usize, usize),
    ToggleInFile(usize, usize),
    Crlf,
}

const WORDS: &[&str] = &[
    "deploy", "database", "review", "tests", "docs", "cache", "auth", "metrics", "backup", "ui",
];

fn doc_strategy() -> impl Strategy<Value = Doc> {
    proptest::collection::vec(
        proptest::collection::vec((0..WORDS.len(), any::<bool>()), 0..6),
        1..5,
    )
    .prop_map(|secs| {
        let mut n = 0;
        Doc {
            sections: secs
                .into_iter()
                .enumerate()
                .map(|(k, items)| {
                    let items = items
                        .into_iter()
                        .map(|(w, done)| {
                            n += 1;
                            (format!("{} task {n}", WORDS[w]), done)
                        })
                        .collect();
                    (format!("Section {k}"), items)
                })
                .collect(),
            crlf: false,
        }
    })
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Delete(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::MoveSection(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::ToggleInFile(a, b)),
        Just(Edit::Crlf),
    ]
}

fn apply(doc: &mut Doc, edit: &Edit, fresh: &mut usize) {
    let ns = doc.sections.len();
    match *edit {
        Edit::Insert(s, at) => {
            let items = &mut doc.sections[s % ns].1;
            *fresh += 1;
            items.insert(at % (items.len() + 1), (format!("new item {fresh}"), false));
        }
        Edit::Delete(s, at) => {
            let items = &mut doc.sections[s % ns].1;
            if !items.is_empty() {
                let k = at % items.len();
                items.remove(k);
            }
        }
        Edit::MoveSection(a, b) => doc.sections.swap(a % ns, b % ns),
        Edit::ToggleInFile(s, at) => {
            let items = &mut doc.sections[s % ns].1;
            if !items.is_empty() {
                let k = at % items.len();
                items[k].1 = !items[k].1;
            }
        }
        Edit::Crlf => doc.crlf = !doc.crlf,
    }
}

/// (section title, item text) → item id.
fn ids(text: &str) -> HashMap<(String, String), String> {
    let map = roadboard_core::parse(text);
    map.items
        .iter()
        .map(|i| {
            let sec = map
                .sections
                .iter()
                .find(|s| Some(&s.id) == i.section.as_ref())
                .map(|s| s.title.clone())
                .unwrap_or_default();
            ((sec, i.text.clone()), i.id.clone())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn saved_ticks_survive_edits(doc in doc_strategy(), ticks in proptest::collection::vec(any::<bool>(), 0..30), edits in proptest::collection::vec(edit_strategy(), 0..8)) {
        let before = doc.render();
        let before_ids = ids(&before);
        // The reader ticks (or unticks) some items.
        let mut state = ProgressState::new();
        let mut saved: HashMap<(String, String), bool> = HashMap::new();
        for ((key, id), t) in before_ids.iter().zip(ticks.iter()) {
            state.set(id, *t, &key.1);
            saved.insert(key.clone(), *t);
        }
        let mut doc = doc;
        let mut fresh = 0;
        for e in &edits {
            apply(&mut doc, e, &mut fresh);
        }
        let after = doc.render();
        let after_map = roadboard_core::parse(&after);
        for (key, id) in ids(&after) {
            if let Some(old_id) = before_ids.get(&key) {
                prop_assert_eq!(&id, old_id, "id of surviving item {:?} changed", key);
                if let Some(t) = saved.get(&key) {
                    prop_assert_eq!(state.is_done(&after_map, &id), *t, "tick of {:?} lost", key);
                }
            }
        }
    }

    #[test]
    fn export_changes_only_checkbox_characters(doc in doc_strategy(), ticks in proptest::collection::vec(any::<bool>(), 0..30), crlf in any::<bool>(), bom in any::<bool>()) {
        let mut doc = doc;
        doc.crlf = crlf;
        let mut text = doc.render();
        if bom {
            text.insert(0, '\u{feff}');
        }
        let map = roadboard_core::parse(&text);
        let mut state = ProgressState::new();
        for (item, t) in map.items.iter().zip(ticks.iter()) {
            state.set(&item.id, *t, &item.text);
        }
        let out = export_markdown(&text, &map, &state);
        prop_assert_eq!(out.len(), text.len());
        let boxes: Vec<usize> = map.items.iter().filter_map(|i| i.checkbox_offset).collect();
        for (k, (a, b)) in text.bytes().zip(out.bytes()).enumerate() {
            if a != b {
                prop_assert!(boxes.contains(&k), "byte {} changed outside a checkbox", k);
                prop_assert!(matches!((a, b), (b' ', b'x') | (b'x', b' ')));
            }
        }
        // Re-parsing the export shows exactly the reader's ticks on task boxes (the only
        // items a file can record a tick for; an outline's heading item has no box).
        let again = roadboard_core::parse(&out);
        for item in again.items.iter().filter(|i| i.checkbox) {
            if let Some(t) = state.items.get(&item.id) {
                prop_assert_eq!(item.status == roadboard_core::model::Status::Done, *t);
            }
        }
    }
}

/// Seeds 002 and 004 carry mojibake: export must keep every other byte as it was.
#[test]
fn export_keeps_mojibake_bytes() {
    for seed in [
        "lyoapp-production-readiness.md",
        "production-roadmap-future-improvements.md",
    ] {
        let path = format!("{}/public/roadmaps/{seed}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("seed");
        let map = roadboard_core::parse(&text);
        let mut state = ProgressState::new();
        for item in map.items.iter().filter(|i| i.checkbox) {
            state.set(
                &item.id,
                item.status != roadboard_core::model::Status::Done,
                &item.text,
            );
        }
        let out = export_markdown(&text, &map, &state);
        let changed = text
            .bytes()
            .zip(out.bytes())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(
            changed,
            map.items
                .iter()
                .filter(|i| i.checkbox_offset.is_some())
                .count(),
            "{seed}"
        );
        assert_eq!(out.len(), text.len());
    }
}
