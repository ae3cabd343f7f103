//! Property tests for the Document view's parts (issue 13): a document read block by block is
//! the document read at once, and long lists given in parts lose and repeat nothing; progress
//! files are read whatever they hold, never with a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadboard_core::progress::read_progress_file;
use roadboard_core::render::{document, plain, Blocks, Node};

/// Markdown-ish lines: headings, tasks, ordered and nested items, quotes, code, tables, HTML.
fn markdown() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("# Title".to_string()),
        Just("## Section".to_string()),
        Just(String::new()),
        "[a-z ]{0,12}".prop_map(|t| format!("- [ ] {t}")),
        "[a-z ]{0,12}".prop_map(|t| format!("- [x] {t}")),
        "[a-z ]{0,12}".prop_map(|t| format!("  - {t}")),
        (1u32..20, "[a-z ]{0,8}").prop_map(|(n, t)| format!("{n}. {t}")),
        Just("> quoted".to_string()),
        Just("```".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_string()),
        Just("<b>html</b>".to_string()),
        "[a-z*_`\\[\\]()]{0,20}".prop_map(|t| t),
    ];
    prop::collection::vec(line, 0..60).prop_map(|l| l.join("\n"))
}

fn count_tasks(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Task { .. } => 1,
            Node::Element(e) => count_tasks(&e.children),
            Node::Text(_) => 0,
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn blocks_are_the_document(text in markdown(), part in 1usize..6) {
        let whole = document(&text);
        let one_by_one: Vec<Node> = Blocks::new(&text).collect();
        prop_assert_eq!(&one_by_one, &whole);
        let parts: Vec<Node> = Blocks::new(&text).split_lists(part).collect();
        prop_assert_eq!(plain(&parts), plain(&whole));
        prop_assert_eq!(count_tasks(&parts), count_tasks(&whole));
    }

    #[test]
    fn any_progress_file_is_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_progress_file(&bytes);
    }

    #[test]
    fn any_json_object_is_read_or_refused(text in "\\{[\"a-z0-9:,\\[\\]{} .-]{0,60}\\}") {
        let _ = read_progress_file(text.as_bytes());
    }
}
