//! Progress as a link (issue 19): round trips in both forms, a link from an older version of
//! the document, hostile and tampered input refused, and how long a link for 5,000 items is.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadboard_core::progress::ProgressState;
use roadboard_core::sharelink::{decode, encode, from_fragment, LinkError, IDS_UP_TO};
use roadboard_core::Roadmap;

fn doc(items: usize) -> String {
    let mut s = String::from("# Plan\n\n");
    for k in 0..items {
        if k % 100 == 0 {
            s.push_str(&format!(
                "\n## Phase {}: Work (Week {})\n\n",
                k / 100 + 1,
                k / 100 + 1
            ));
        }
        let done = if k % 11 == 0 { 'x' } else { ' ' };
        s.push_str(&format!("- [{done}] **Task {k}**: implement part {k}\n"));
    }
    s
}

/// Ticks every `step`th item and unticks the first item the document marks done.
fn ticks(map: &Roadmap, step: usize) -> ProgressState {
    let mut st = ProgressState::new();
    for (k, it) in map.items.iter().enumerate() {
        if k % step == 1 {
            st.set(&it.id, true, &it.text);
        }
    }
    if let Some(it) = map.items.first() {
        st.set(&it.id, false, &it.text);
    }
    st
}

fn same_entries(a: &ProgressState, b: &ProgressState) -> bool {
    a.items == b.items
}

#[test]
fn a_small_document_travels_as_ids_a_large_one_as_a_bitset() {
    let small = roadboard_core::parse(&doc(40));
    let st = ticks(&small, 3);
    let link = encode(&small, &st);
    assert!(link.len() <= IDS_UP_TO, "{}", link.len());
    let back = decode(&link, &small).expect("reads");
    assert!(same_entries(&back.state, &st));
    assert_eq!(back.unmatched, 0);
    assert_eq!(back.ticks(), st.items.values().filter(|v| **v).count());

    let large = roadboard_core::parse(&doc(5000));
    assert_eq!(large.items.len(), 5000);
    for step in [2, 3, 7, 50, 5000] {
        let st = ticks(&large, step);
        let link = encode(&large, &st);
        let back = decode(&link, &large).expect("reads");
        assert!(same_entries(&back.state, &st), "step {step}");
        println!(
            "5,000 items, every {step}th ticked ({} entries): link part {} characters",
            st.items.len(),
            link.len()
        );
        assert!(link.len() < 1500, "step {step}: {} characters", link.len());
    }
    // Every item ticked: one run.
    let mut all = ProgressState::new();
    for it in &large.items {
        all.set(&it.id, true, "");
    }
    assert!(encode(&large, &all).len() < 40);
}

#[test]
fn an_older_version_applies_to_the_items_that_still_exist() {
    let old = roadboard_core::parse("# P\n\n- [ ] Alpha\n- [ ] Beta\n- [ ] Gamma\n");
    let new = roadboard_core::parse("# P\n\n- [ ] Alpha\n- [ ] Gamma\n- [ ] Delta\n");
    let mut st = ProgressState::new();
    for it in &old.items {
        st.set(&it.id, true, &it.text);
    }
    let back = decode(&encode(&old, &st), &new).expect("reads");
    assert_eq!(back.ticks(), 2, "Alpha and Gamma");
    assert_eq!(back.unmatched, 1, "Beta is gone");
}

#[test]
fn a_bitset_link_on_another_version_is_refused_with_a_reason() {
    let a = roadboard_core::parse(&doc(5000));
    let b = roadboard_core::parse(&doc(4999));
    let link = encode(&a, &ticks(&a, 2));
    assert!(link.len() < 1500);
    let err = decode(&link, &b).expect_err("other version");
    assert_eq!(err, LinkError::OtherVersion { items: 5000 });
    assert!(err.to_string().contains("another version"));
}

#[test]
fn hostile_and_tampered_links_are_refused() {
    let map = roadboard_core::parse(&doc(40));
    let link = encode(&map, &ticks(&map, 3));
    for bad in [
        "",
        "%%%",
        "A",
        "AAAA",
        "not base64!",
        &"A".repeat(300_000),
        &link[..link.len() - 3],
        &format!("{link}AA"),
    ] {
        assert!(decode(bad, &map).is_err(), "{bad:.40}");
    }
    // Every single changed character is caught (the checksum, the canonical base64).
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (k, c) in link.char_indices() {
        let other = alphabet.chars().find(|&x| x != c).unwrap_or('A');
        let mut t = link.clone();
        t.replace_range(k..k + 1, &other.to_string());
        assert!(decode(&t, &map).is_err(), "tampered at {k}");
    }
    let err = decode("AAAAAAAA", &map).expect_err("bad");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(
        from_fragment(&format!("#progress={link}")),
        Some(link.as_str())
    );
}

proptest! {
    /// Whatever the reader ticked round-trips, in whichever form is chosen.
    #[test]
    fn entries_round_trip(items in 1usize..400, picks in proptest::collection::vec((0usize..400, any::<bool>()), 0..200)) {
        let map = roadboard_core::parse(&doc(items));
        let mut st = ProgressState::new();
        for (k, v) in picks {
            if let Some(it) = map.items.get(k % map.items.len().max(1)) {
                st.set(&it.id, v, &it.text);
            }
        }
        let link = encode(&map, &st);
        let back = decode(&link, &map).expect("reads");
        prop_assert_eq!(back.state.items, st.items);
        prop_assert_eq!(back.unmatched, 0);
    }

    /// Any text at all is read without a panic, and never yields more entries than items.
    #[test]
    fn any_text_is_read_safely(text in "[A-Za-z0-9_-]{0,400}") {
        let map = roadboard_core::parse(&doc(30));
        if let Ok(s) = decode(&text, &map) {
            prop_assert!(s.state.items.len() <= map.items.len());
        }
    }

    /// Ids of any shape (an author's `{#id}`) travel in the ids form, gone ones counted.
    #[test]
    fn any_ids_round_trip(ids in proptest::collection::btree_map("[^\\p{Cc}]{1,60}", any::<bool>(), 0..60)) {
        let map = roadboard_core::parse("# P\n\n- [ ] one\n");
        let mut st = ProgressState::new();
        for (id, v) in &ids {
            st.set(id, *v, "");
        }
        let back = decode(&encode(&map, &st), &map).expect("reads");
        let known = ids.keys().filter(|id| map.items.iter().any(|i| &i.id == *id)).count();
        prop_assert_eq!(back.state.items.len(), known);
        prop_assert_eq!(back.unmatched, ids.len() - known);
    }
}
