//! Robustness: arbitrary input never panics, time stays linear, deep nesting does not
//! overflow the stack.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::time::{Duration, Instant};

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Markdown-ish fragments roadmaps are made of, to be mixed at random.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Title\n".to_string()),
        Just("## Phase 2: Build (Week 3-4)\n".to_string()),
        Just("### Day 4-5: Deploy\n".to_string()),
        Just("- [ ] task\n".to_string()),
        Just("- [x] done\n".to_string()),
        Just("  - [X] nested\n".to_string()),
        Just("- [~] partial\n".to_string()),
        Just("1. **Title**: text\n".to_string()),
        Just("- ✅ shipped\n".to_string()),
        Just("❌ broken\n".to_string()),
        Just("⚠️ careful ⏱ `~15 minutes`\n".to_string()),
        Just("depends on: Phase 1, {#x}\n".to_string()),
        Just("- [ ] a {#x} (after: a)\n".to_string()),
        Just("Time: 1-2 days\n".to_string()),
        Just("85% Complete\n".to_string()),
        Just("| Phase | Duration |\n|---|---|\n| Phase 1 | 2 weeks |\n".to_string()),
        Just("| Task | Status |\n|--|--|\n| x | ✅ |\n".to_string()),
        Just("```\n- [ ] code\n".to_string()),
        Just("```\n".to_string()),
        Just("<div>\n- [ ] html\n</div>\n".to_string()),
        Just("> quote - [ ] x\n".to_string()),
        Just("âœ… ðŸ”´ üöÄ ‚ö†Ô∏è Ã©\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t- [ ] tab\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("Q3 2025 2025-01-15 Week 8+\n".to_string()),
        "[ -~]{0,40}\n",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC*") {
        let map = roadboard_core::parse(&s);
        prop_assert!(map.progress.done <= map.progress.total);
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = roadboard_core::parse(&s);
    }

    #[test]
    fn markdownish_mixes_never_panic_and_stay_consistent(parts in proptest::collection::vec(fragment(), 0..40)) {
        let s: String = parts.concat();
        let map = roadboard_core::parse(&s);
        // every reference in the model points at something that exists
        let ids: std::collections::HashSet<&str> = map.items.iter().map(|i| i.id.as_str())
            .chain(map.phases.iter().map(|p| p.id.as_str()))
            .chain(map.sections.iter().map(|x| x.id.as_str()))
            .collect();
        for d in &map.dependencies {
            prop_assert!(ids.contains(d.from.as_str()) && ids.contains(d.to.as_str()));
        }
        let item_ids: std::collections::HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
        prop_assert_eq!(item_ids.len(), map.items.len(), "item ids are unique");
        for i in &map.items {
            if let Some(p) = &i.parent { prop_assert!(item_ids.contains(p.as_str())); }
            if let Some(off) = i.checkbox_offset {
                prop_assert!(matches!(s.as_bytes().get(off), Some(b' ' | b'x' | b'X')));
            }
        }
        for p in &map.phases {
            if let Some(e) = p.end { prop_assert!(e >= p.start - 1e-9, "{:?}", p); }
        }
        // the export round-trip with no ticks changes nothing
        let st = roadboard_core::progress::ProgressState::new();
        prop_assert_eq!(roadboard_core::progress::export_markdown(&s, &map, &st), s.clone());
    }
}

#[test]
fn pathological_inputs_stay_fast() {
    let n = 200_000;
    let cases = [
        "*".repeat(n),
        "[".repeat(n),
        "- ".repeat(n / 2),
        "> ".repeat(n / 2),
        "`".repeat(n),
        "depends on: ".repeat(n / 12),
        "(".repeat(n) + "2 days",
        "Week 1-".repeat(n / 7),
        "âœ".repeat(n / 2),
        "{#".repeat(n / 2),
        "| a |\n|---|\n".to_string() + &"| x |\n".repeat(n / 6),
        "~".repeat(n),
        "1%".repeat(n / 2),
        // claims and references (issue 14): many claims on one line, many ambiguous and
        // numbered references, long lists of nouns, ranges of numbers nothing has
        (0..n / 10).map(|k| format!("{}% done ", k % 100)).collect(),
        "- [ ] a\n".repeat(n / 16) + &"- [ ] b (after: a)\n".repeat(n / 32),
        "### 3. x\n".repeat(n / 18) + &"- [ ] y (depends on: Step 3)\n".repeat(n / 40),
        "- [ ] x (needs: a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s)\n".repeat(n / 80),
        "- [ ] T (needs: Tasks 1.1–1.49, 1.2-1.40, Phases 1-50)\n".repeat(n / 60),
        // thousands of phases with one title (their display titles were compared pairwise)
        "## Phase 1: Build (Week 1-2)\n- [ ] x\n".repeat(n / 40),
    ];
    // an ordinary roadmap of the same size: on a loaded machine a slow case is compared with
    // it, timed right after (a blow-up is many times slower; load slows both alike)
    let ordinary = "## Phase 1: Build (Week 1-2)\n- [ ] **Deploy API**: to production (2 days)\n- [x] Write docs\n".repeat(n / 80);
    for c in cases {
        let t = time(|| drop(roadboard_core::parse(&c)));
        if t >= Duration::from_secs(2) {
            let r = time(|| drop(roadboard_core::parse(&ordinary)));
            assert!(
                t < r * 10,
                "{:?}… took {t:?}, an ordinary roadmap {r:?}",
                c.get(..12)
            );
        }
    }
}

#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow() {
    let depth = 10_000;
    let mut lists = String::new();
    for _ in 0..depth {
        lists.push_str("- ");
    }
    lists.push_str("[ ] deepest\n");
    let quotes = "> ".repeat(depth) + "- [ ] quoted\n";
    let mut indented = String::new();
    for level in 0..depth {
        indented.push_str(&" ".repeat(2 * (level % 200)));
        indented.push_str("- [ ] item\n");
    }
    let headings: String = (0..depth)
        .map(|i| format!("{} h{i}\n", "#".repeat(1 + i % 6)))
        .collect();
    let emphasis = "*".repeat(depth) + "x" + &"*".repeat(depth);
    let links = "[".repeat(depth) + &"]".repeat(depth);
    for text in [lists, quotes, indented, headings, emphasis, links] {
        // run on a small stack to prove no recursion on nesting depth
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || roadboard_core::parse(&text).items.len())
            .expect("thread");
        assert!(handle.join().is_ok());
    }
}
