//! Time: a 1 MB roadmap parses in under a second in the test profile, and parse time grows
//! linearly with the input. Separate from the property tests so they do not compete.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// About `bytes` of realistic roadmap text.
fn roadmap_of(bytes: usize) -> String {
    let mut s = String::from("# Big roadmap\n\n");
    let mut p = 0;
    while s.len() < bytes {
        p += 1;
        s.push_str(&format!(
            "## Phase {p}: Work (Week {p})\n\n**Depends on**: Phase {}\n\n",
            p.max(2) - 1
        ));
        for i in 0..50 {
            s.push_str(&format!(
                "- [{}] **Task {p}.{i}**: thing ⏱ `~2 hours` (after: Task {p}.{})\n  - ✅ sub\n",
                if i % 2 == 0 { 'x' } else { ' ' },
                i.max(1) - 1
            ));
        }
        s.push_str("\n| Task | Status |\n|---|---|\n| t | ✅ |\n\n1. step one\n2. step two\n\n");
    }
    s
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Timing tests run one at a time so they do not measure each other.
static SERIAL: Mutex<()> = Mutex::new(());

#[test]
fn one_megabyte_parses_within_a_second() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let text = roadmap_of(1 << 20);
    assert!(text.len() >= 1 << 20);
    // best of five, to be robust against a busy machine
    let best = (0..5)
        .map(|_| time(|| drop(roadboard_core::parse(&text))))
        .min()
        .unwrap_or_default();
    eprintln!("1 MB roadmap: {best:?}");
    assert!(best < Duration::from_secs(1), "1 MB took {best:?}");
}

#[test]
fn time_is_linear_in_input_size() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let small = roadmap_of(1 << 18);
    let big = roadmap_of(1 << 20);
    let t_small = (0..3)
        .map(|_| time(|| drop(roadboard_core::parse(&small))))
        .min()
        .unwrap_or_default();
    let t_big = (0..3)
        .map(|_| time(|| drop(roadboard_core::parse(&big))))
        .min()
        .unwrap_or_default();
    let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    eprintln!("256 KB {t_small:?}, 1 MB {t_big:?}, ratio {ratio:.1} (linear ≈ 4)");
    // 4× the input: generous bound that still catches quadratic behaviour (16×)
    assert!(ratio < 10.0, "ratio {ratio}");
}
