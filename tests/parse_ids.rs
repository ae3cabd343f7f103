//! Stable ids: saved progress must survive edits elsewhere in the document.
//! An id depends on normalised text + section path (+ occurrence), never on position,
//! checkbox state or line endings.
#![cfg(not(target_arch = "wasm32"))]

use roadboard_core::progress::{export_markdown, ProgressState};
use std::collections::BTreeMap;

const DOC: &str = "# Plan

## Backend

- [ ] Set up the database
- [x] Write the API
- [ ] Write the API

## Frontend

- [ ] Build the login page
- ✅ Pick a framework
";

/// text → id, for items with unique text (duplicates keyed with their occurrence).
fn ids(text: &str) -> BTreeMap<String, String> {
    let map = roadboard_core::parse(text);
    let mut out = BTreeMap::new();
    for item in &map.items {
        let mut key = format!("{}|{}", item.section.as_deref().unwrap_or(""), item.text);
        while out.contains_key(&key) {
            key.push('+');
        }
        out.insert(key, item.id.clone());
    }
    out
}

fn id_of(text: &str, item_text: &str) -> String {
    roadboard_core::parse(text)
        .items
        .iter()
        .find(|i| i.text == item_text)
        .map(|i| i.id.clone())
        .unwrap_or_else(|| panic!("no {item_text}"))
}

#[test]
fn ids_survive_reordering_sections() {
    let reordered = "# Plan

## Frontend

- [ ] Build the login page
- ✅ Pick a framework

## Backend

- [ ] Set up the database
- [x] Write the API
- [ ] Write the API
";
    assert_eq!(ids(DOC), ids(reordered));
}

#[test]
fn ids_survive_adding_items_and_sections() {
    let added = "# Plan

## Intro

- [ ] Something new

## Backend

- [ ] A brand new first task
- [ ] Set up the database
- [ ] Another new task
- [x] Write the API
- [ ] Write the API

## Frontend

- [ ] Build the login page
- ✅ Pick a framework
";
    let before = ids(DOC);
    let after = ids(added);
    for (k, v) in &before {
        assert_eq!(after.get(k), Some(v), "{k}");
    }
}

#[test]
fn ids_survive_crlf_and_bom() {
    let crlf = DOC.replace('\n', "\r\n");
    assert_eq!(ids(DOC), ids(&crlf));
    assert_eq!(ids(DOC), ids(&format!("\u{feff}{crlf}")));
}

#[test]
fn ids_survive_typo_fixes_elsewhere() {
    let fixed = DOC.replace("Build the login page", "Build the log-in page");
    let before = roadboard_core::parse(DOC);
    let after = roadboard_core::parse(&fixed);
    for (b, a) in before.items.iter().zip(&after.items) {
        if b.text.contains("login") {
            assert_ne!(b.id, a.id, "the edited item itself is a new item");
        } else {
            assert_eq!(b.id, a.id, "{}", b.text);
        }
    }
}

#[test]
fn ids_do_not_depend_on_checkbox_state_markup_or_dependencies() {
    let a = id_of(DOC, "Set up the database");
    let ticked = DOC.replace("- [ ] Set up the database", "- [X] Set up the database");
    assert_eq!(id_of(&ticked, "Set up the database"), a);
    let bold = DOC.replace("Set up the database", "Set up **the** database");
    assert_eq!(id_of(&bold, "Set up the database"), a);
    let star = DOC.replace("- [ ] Set up the database", "* [ ] Set up the database");
    assert_eq!(id_of(&star, "Set up the database"), a);
    let with_dep = DOC.replace(
        "Set up the database",
        "Set up the database (depends on: Pick a framework)",
    );
    assert_eq!(
        id_of(
            &with_dep,
            "Set up the database (depends on: Pick a framework)"
        ),
        a,
        "adding a dependency keeps the id"
    );
}

#[test]
fn same_text_in_different_sections_differs_and_duplicates_get_occurrences() {
    let map = roadboard_core::parse("# P\n## A\n- [ ] Test\n- [ ] Test\n## B\n- [ ] Test\n");
    let all: Vec<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(all.len(), 3);
    let unique: std::collections::HashSet<&&str> = all.iter().collect();
    assert_eq!(unique.len(), 3);
    assert!(all[1].ends_with("-2"), "{all:?}");
}

#[test]
fn saved_progress_survives_an_edited_document() {
    let map = roadboard_core::parse(DOC);
    let mut state = ProgressState::new();
    for item in map.items.iter().filter(|i| i.checkbox) {
        state.items.insert(item.id.clone(), true);
    }
    // The document changes: sections swapped, CRLF, a new task, a typo fixed.
    let edited = "# Plan\r\n\r\n## Frontend\r\n\r\n- [ ] Build the login page\r\n- ✅ Pick a framework\r\n\r\n## Backend\r\n\r\n- [ ] New task\r\n- [ ] Set up the database\r\n- [ ] Write the API\r\n- [ ] Write the API\r\n";
    let map2 = roadboard_core::parse(edited);
    let out = export_markdown(edited, &map2, &state);
    assert_eq!(
        out,
        "# Plan\r\n\r\n## Frontend\r\n\r\n- [x] Build the login page\r\n- ✅ Pick a framework\r\n\r\n## Backend\r\n\r\n- [ ] New task\r\n- [x] Set up the database\r\n- [x] Write the API\r\n- [x] Write the API\r\n"
    );
}

#[test]
fn export_after_encoding_repair_touches_only_the_box() {
    // Windows-1252 mojibake before the task on the same line and in the heading
    let text = "# Plan\n\n### âœ… Done\n- [ ] cafÃ© task âœ…\n";
    let map = roadboard_core::parse(text);
    assert!(map.encoding_repair.is_some());
    assert_eq!(map.items[0].text, "café task ✅");
    let mut st = ProgressState::new();
    st.items.insert(map.items[0].id.clone(), true);
    assert_eq!(
        export_markdown(text, &map, &st),
        "# Plan\n\n### âœ… Done\n- [x] cafÃ© task âœ…\n"
    );
}
