//! A human summary of a roadmap, for `roadboard stats`.

use crate::model::{Roadmap, Status};
use std::fmt::Write;

/// Title, done/total, per-section progress, claimed vs measured, diagnostics count.
pub fn summary(map: &Roadmap) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", map.title);
    let _ = writeln!(
        out,
        "progress: {}/{} done ({}%)",
        map.progress.done,
        map.progress.total,
        map.progress.percent()
    );
    for claim in &map.claimed_progress {
        let _ = writeln!(
            out,
            "claimed: {}% (line {}) · measured {}%",
            claim.percent,
            claim.line,
            map.progress.percent()
        );
    }
    for phase in &map.phases {
        let (d, t) = count(map, |i| phase.items.contains(&i.id));
        let end = phase.end.map_or("open".to_string(), |e| format!("{e}"));
        let _ = writeln!(
            out,
            "phase {} [{}..{}]: {d}/{t}",
            phase.title, phase.start, end
        );
    }
    for section in &map.sections {
        let (d, t) = count(map, |i| i.section.as_deref() == Some(section.id.as_str()));
        if t > 0 {
            let _ = writeln!(out, "section {}: {d}/{t}", section.title);
        }
    }
    let _ = writeln!(out, "diagnostics: {}", map.diagnostics.len());
    out
}

fn count(map: &Roadmap, f: impl Fn(&crate::model::Item) -> bool) -> (usize, usize) {
    let sel: Vec<_> = map.items.iter().filter(|i| f(i)).collect();
    (
        sel.iter().filter(|i| i.status == Status::Done).count(),
        sel.len(),
    )
}
