//! Fuzz target: `parse` never panics on any bytes (decoded lossily, as the app decodes
//! nothing it cannot read), and its model is self-consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let map = roadboard::parse(&text);
    assert_eq!(map.progress.total, map.items.len());
    let ids: std::collections::HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), map.items.len(), "item ids are unique");
    for item in &map.items {
        if let Some(off) = item.checkbox_offset {
            assert!(off < text.len(), "checkbox offset inside the text");
        }
    }
    let _ = roadboard::render::document(&roadboard::render::display_text(&text));
});
