//! Fuzz target: the Markdown export changes only checkbox characters, whatever the document
//! and whatever ticks are stated (including ids that match nothing).
#![no_main]

use libfuzzer_sys::fuzz_target;
use roadboard_core::progress::{export_markdown, ProgressState};

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let map = roadboard_core::parse(&text);
    let mut state = ProgressState::new();
    for (k, item) in map.items.iter().enumerate() {
        if (seed >> (k % 8)) & 1 == 1 {
            state.set(&item.id, k % 3 != 0, &item.text);
        }
    }
    state.set("i-no-such-item", true, "ghost");
    let out = export_markdown(&text, &map, &state);
    assert_eq!(out.len(), text.len());
    let boxes: Vec<usize> = map.items.iter().filter_map(|i| i.checkbox_offset).collect();
    for (k, (a, b)) in text.bytes().zip(out.bytes()).enumerate() {
        if a != b {
            assert!(boxes.contains(&k), "byte {k} changed outside a checkbox");
            assert!(matches!(b, b' ' | b'x'));
        }
    }
});
