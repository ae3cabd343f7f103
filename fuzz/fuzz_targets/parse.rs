//! Fuzz target: `parse` never panics on any bytes (decoded lossily, as the app decodes
//! nothing it cannot read), its model is self-consistent, and the timeline drawn from it (every
//! phase expanded, dated from a fixed start) never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let map = roadboard_core::parse(&text);
    assert_eq!(map.progress.total, map.items.len());
    let ids: std::collections::HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), map.items.len(), "item ids are unique");
    for item in &map.items {
        if let Some(off) = item.checkbox_offset {
            assert!(off < text.len(), "checkbox offset inside the text");
        }
    }
    let _ = roadboard_core::render::document(&roadboard_core::render::display_text(&text));
    let options = roadboard_core::schedule::Options {
        width: 1200.0,
        label_width: 260.0,
        start_date: Some("2026-01-05".into()),
        today: Some("2026-03-02".into()),
        expanded: map.phases.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    };
    let timeline = roadboard_core::schedule::layout(&map, &options);
    let rows = roadboard_core::schedule::rows_between(&timeline, 0.0, timeline.height);
    let _ = roadboard_core::schedule::page_svg(&timeline, rows, &|r| (0, r.items.len()));
});
