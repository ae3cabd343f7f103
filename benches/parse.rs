//! Parse benchmark: roadboard's parse+model vs a bare pulldown-cmark event pass.

#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};

fn generated(n: usize) -> String {
    let mut s = String::from("# Generated roadmap\n\n");
    for p in 0..n / 50 + 1 {
        s.push_str(&format!("## Phase {}: Work (Week {})\n\n", p + 1, p + 1));
        for i in 0..50 {
            s.push_str(&format!(
                "- [{}] **Task {p}.{i}**: do the thing P1\n",
                if i % 3 == 0 { 'x' } else { ' ' }
            ));
        }
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = generated(20_000);
    c.bench_function("roadboard parse", |b| b.iter(|| roadboard::parse(&text)));
    c.bench_function("pulldown-cmark events", |b| {
        b.iter(|| pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::all()).count())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
