//! What-if benchmark (issue 19): the 5,000-item benchmark document (`tests/e2e/bench.mjs`'s
//! generator: 50 phases of 100 items, dependencies between items), time per delay — the
//! what-if recomputation alone and the whole timeline layout the page redoes on each delay.
//! Budget: < 16 ms per delay. Also prints how long a progress link for that document is. Run with
//! `cargo bench -p roadboard --no-default-features --bench whatif`; writes
//! `bench-results/whatif.json` for the summary (`scripts/bench-summary.py`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use roadboard_core::progress::ProgressState;
    use roadboard_core::schedule::{layout, what_if, Delays, Options};
    use roadboard_core::sharelink::encode;
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    /// The 5,000-item roadmap of `tests/e2e/bench.mjs`.
    pub(crate) fn generated(items: usize) -> String {
        let mut lines = vec![
            "# Generated roadmap (5,000 items)".to_string(),
            String::new(),
            "Claimed: 40% complete.".to_string(),
            String::new(),
        ];
        let per = 100;
        for s in 0..items / per {
            lines.push(format!(
                "## Phase {}: Workstream {} (Week {})",
                s + 1,
                s + 1,
                s + 1
            ));
            lines.push(String::new());
            for i in 0..per {
                let n = s * per + i;
                let bx = if n % 3 == 0 { 'x' } else { ' ' };
                let prio = ["P0", "P1", "P2", "P3"][n % 4];
                let deps: Vec<String> = [n.checked_sub(1), n.checked_sub(7)]
                    .into_iter()
                    .flatten()
                    .map(|d| format!("Task {d}"))
                    .collect();
                let dep = if deps.is_empty() {
                    String::new()
                } else {
                    format!(" (depends on: {})", deps.join(", "))
                };
                lines.push(format!("- [{bx}] **Task {n}**: implement part {n} of workstream {} ({prio}) — ⏱ `~2 hours`{dep}", s + 1));
            }
            lines.push(String::new());
        }
        lines.join("\n")
    }

    fn median(mut f: impl FnMut(), runs: usize) -> Duration {
        let mut v: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        v.sort();
        v.get(runs / 2).copied().unwrap_or_default()
    }

    /// Times one delay after another on the document; prints and writes the figures.
    pub(crate) fn run() {
        let text = generated(5000);
        let map = roadboard_core::parse(&text);
        let phases: Vec<String> = map.phases.iter().map(|p| p.id.clone()).collect();
        let mut delays = Delays::new();
        let mut k = 0usize;
        let mut next = || {
            // each run adds one more working day somewhere: "several delays add up"
            let id = phases
                .get(k % phases.len().max(1))
                .cloned()
                .unwrap_or_default();
            k += 7;
            delays.add(&id, 1);
            delays.clone()
        };
        let runs = 41;
        let alone = median(|| drop(black_box(what_if(&map, &next()))), runs);
        let opts = |d: Delays| Options {
            delays: d,
            ..Options::default()
        };
        let whole = median(|| drop(black_box(layout(&map, &opts(next())))), runs);
        let plain = median(|| drop(black_box(layout(&map, &Options::default()))), runs);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "what-if on {} items / {} phases: recomputation {:.2} ms, layout with the what-if {:.2} ms per delay (budget < 16 ms); layout without {:.2} ms",
            map.items.len(),
            map.phases.len(),
            ms(alone),
            ms(whole),
            ms(plain)
        );
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/bench-results");
        let _ = std::fs::create_dir_all(dir);
        let json = format!(
            "{{\"items\": {}, \"phases\": {}, \"whatif_ms\": {:.3}, \"layout_with_whatif_ms\": {:.3}, \"layout_ms\": {:.3}}}\n",
            map.items.len(),
            map.phases.len(),
            ms(alone),
            ms(whole),
            ms(plain)
        );
        let _ = std::fs::write(format!("{dir}/whatif.json"), json);
        // The progress link for the same document (issue 19): the first 40% ticked, and every
        // third item ticked (scattered: the worst case for runs).
        let mut block = ProgressState::new();
        let mut every = ProgressState::new();
        for (k, it) in map.items.iter().enumerate() {
            if k < map.items.len() * 2 / 5 {
                block.set(&it.id, true, "");
            }
            if k % 3 == 1 {
                every.set(&it.id, true, "");
            }
        }
        println!(
            "progress link for {} items: {} characters (first 40% ticked), {} characters (every third ticked)",
            map.items.len(),
            encode(&map, &block).len(),
            encode(&map, &every).len()
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
