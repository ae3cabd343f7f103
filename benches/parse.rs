//! Parse benchmark: roadboard's parse+model vs a bare pulldown-cmark event pass over the
//! same generated 1 MB roadmap. Goal: ratio ≤ 2×. Run with
//! `cargo bench -p roadboard --no-default-features --bench parse`; the ratio is printed at the end,
//! then how parse time grows with the input (256 KB vs 1 MB: linear is 4×; quadratic would be
//! 16×) — timings live here, never in tests, so a busy machine cannot fail the test run.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, Criterion};
    use std::time::{Duration, Instant};

    /// A roadmap of about `bytes` bytes with phases, tasks, status lines, estimates,
    /// priorities and dependencies, like the seeds.
    pub(crate) fn generated(bytes: usize) -> String {
        let mut s = String::from("# Generated roadmap\n\nThe project is 40% complete.\n\n");
        let mut p = 0;
        while s.len() < bytes {
            p += 1;
            s.push_str(&format!("## Phase {p}: Work package {p} (Week {p})\n\n"));
            s.push_str(&format!("**Depends on**: Phase {}\n\n", p.max(2) - 1));
            s.push_str("### ✅ Completed\n");
            for i in 0..5 {
                s.push_str(&format!("- ✅ **Shipped {p}.{i}**: done and dusted\n"));
            }
            s.push_str("\n### 🔴 Critical (P0)\n");
            for i in 0..40 {
                s.push_str(&format!(
                    "- [{}] **Task {p}.{i}**: do the thing ⏱ `~{} hours` (depends on: Task {p}.{})\n",
                    if i % 3 == 0 { 'x' } else { ' ' },
                    1 + i % 4,
                    i.max(1) - 1
                ));
                if i % 10 == 0 {
                    s.push_str("  - [ ] a nested sub-task with `code` and a [link](http://x)\n");
                }
            }
            s.push_str("\n```bash\n- [ ] not a task\n```\n\n| Task | Status |\n|---|---|\n| Table task | ✅ Done |\n\n");
        }
        s
    }

    /// The seed fixtures concatenated and repeated to about `bytes`.
    fn seeds_of(bytes: usize) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
        let mut all = String::new();
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                all.push_str(&std::fs::read_to_string(p).unwrap_or_default());
                all.push('\n');
            }
        }
        if all.is_empty() {
            return all;
        }
        let mut s = String::with_capacity(bytes + all.len());
        while s.len() < bytes {
            s.push_str(&all);
        }
        s
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

    fn bare_pass(text: &str) -> usize {
        let mut opts = pulldown_cmark::Options::empty();
        opts.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
        opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
        opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
        pulldown_cmark::Parser::new_ext(text, opts)
            .into_offset_iter()
            .count()
    }

    /// Criterion benches, then the ratio of medians printed as one line.
    pub(crate) fn run() {
        let text = generated(1 << 20);
        let mut c = Criterion::default()
            .configure_from_args()
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        c.bench_function("roadboard parse 1MB", |b| {
            b.iter(|| roadboard_core::parse(black_box(&text)))
        });
        c.bench_function("pulldown-cmark events 1MB", |b| {
            b.iter(|| bare_pass(black_box(&text)))
        });
        c.final_summary();
        let ours = median(
            || {
                black_box(roadboard_core::parse(black_box(&text)));
            },
            15,
        );
        let bare = median(
            || {
                black_box(bare_pass(black_box(&text)));
            },
            15,
        );
        let ratio = ours.as_secs_f64() / bare.as_secs_f64().max(1e-9);
        println!(
            "generated: parse+model {:.2} ms, bare pulldown-cmark {:.2} ms, ratio {ratio:.2}x (goal <= 2x), {} bytes, {} items",
            ours.as_secs_f64() * 1e3,
            bare.as_secs_f64() * 1e3,
            text.len(),
            roadboard_core::parse(&text).items.len()
        );
        // Growth: 4× the input should cost about 4× the time.
        let small = generated(1 << 18);
        let t_small = median(
            || {
                black_box(roadboard_core::parse(black_box(&small)));
            },
            9,
        );
        let growth = ours.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
        println!(
            "growth: 256 KB {:.2} ms, 1 MB {:.2} ms, ratio {growth:.1}x (linear = 4x, quadratic = 16x)",
            t_small.as_secs_f64() * 1e3,
            ours.as_secs_f64() * 1e3,
        );
        // The five seed documents repeated to 1 MB: what real roadmaps cost.
        let seeds = seeds_of(1 << 20);
        if !seeds.is_empty() {
            let ours = median(
                || {
                    black_box(roadboard_core::parse(black_box(&seeds)));
                },
                15,
            );
            let bare = median(
                || {
                    black_box(bare_pass(black_box(&seeds)));
                },
                15,
            );
            println!(
                "seeds x N: parse+model {:.2} ms, bare pulldown-cmark {:.2} ms, ratio {:.2}x, {} bytes",
                ours.as_secs_f64() * 1e3,
                bare.as_secs_f64() * 1e3,
                ours.as_secs_f64() / bare.as_secs_f64().max(1e-9),
                seeds.len()
            );
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
