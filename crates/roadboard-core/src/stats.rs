//! A human summary of a roadmap, for `roadboard stats`: title, measured vs claimed
//! progress, per-phase and per-section progress, dependencies and diagnostics. Items out of
//! scope are never counted.

use crate::model::{Roadmap, Status};
use std::collections::HashMap;
use std::fmt::Write;

/// Title, done/total, per-phase and per-section progress, claimed vs measured,
/// dependency and diagnostics counts.
pub fn summary(map: &Roadmap) -> String {
    let mut out = String::new();
    let done_of: HashMap<&str, bool> = map
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.status == Status::Done))
        .collect();
    let _ = writeln!(out, "{}", map.title);
    if let Some(repair) = map.encoding_repair {
        let _ = writeln!(out, "encoding: repaired {} mojibake", repair.key());
    }
    let tasks = map.items.iter().filter(|i| i.checkbox).count();
    let out_of_scope = map.items.len() - map.progress.total;
    let _ = write!(
        out,
        "progress: {}/{} done ({}%), {} items of which {tasks} task boxes",
        map.progress.done,
        map.progress.total,
        map.progress.percent(),
        map.progress.total
    );
    // out-of-scope items never count; they are named so the totals add up
    if out_of_scope > 0 {
        let _ = write!(out, "; {out_of_scope} out of scope, not counted");
    }
    let _ = writeln!(out);
    for claim in &map.claimed_progress {
        if claim.scope == crate::model::DOCUMENT_SCOPE {
            let _ = writeln!(
                out,
                "claimed: {}% (line {}) · measured {}%",
                claim.percent,
                claim.line,
                map.progress.percent()
            );
        } else {
            let _ = writeln!(
                out,
                "claimed: {}% (line {}) · about {}",
                claim.percent,
                claim.line,
                scope_name(map, &claim.scope)
            );
        }
    }
    for phase in &map.phases {
        let d = phase
            .items
            .iter()
            .filter(|id| done_of.get(id.as_str()).copied().unwrap_or(false))
            .count();
        let t = phase.items.len();
        let end = phase.end.map_or("open".to_string(), |e| format!("{e}"));
        let indent = if phase.parent.is_some() { "  " } else { "" };
        let _ = writeln!(
            out,
            "{indent}phase {} [days {}..{}]: {d}/{t}",
            phase.title, phase.start, end
        );
    }
    let mut per_section: HashMap<&str, (usize, usize)> = HashMap::new();
    for item in map.items.iter().filter(|i| i.status.counts()) {
        if let Some(s) = item.section.as_deref() {
            let e = per_section.entry(s).or_default();
            e.1 += 1;
            if item.status == Status::Done {
                e.0 += 1;
            }
        }
    }
    for section in &map.sections {
        if let Some((d, t)) = per_section.get(section.id.as_str()) {
            let _ = writeln!(out, "section {}: {d}/{t}", section.title);
        }
    }
    let external = map.unresolved.iter().filter(|u| u.external).count();
    let _ = writeln!(
        out,
        "dependencies: {} ({} external prerequisites, {} broken, {} ambiguous, {} cycles)",
        map.dependencies.len(),
        external,
        map.unresolved.len() - external,
        map.ambiguous.len(),
        map.cycles.len()
    );
    let _ = writeln!(out, "diagnostics: {}", map.diagnostics.len());
    for d in &map.diagnostics {
        let _ = writeln!(out, "  line {}: {}", d.line, d.message);
    }
    out
}

/// "phase “Phase 1: Core”", "section “Backend”", "item “Deploy API”": what a claim is about.
fn scope_name(map: &Roadmap, id: &str) -> String {
    if let Some(p) = map.phases.iter().find(|p| p.id == id) {
        return format!("phase “{}”", p.title);
    }
    if let Some(s) = map.sections.iter().find(|s| s.id == id) {
        return format!("section “{}”", s.title);
    }
    map.items.iter().find(|i| i.id == id).map_or_else(
        || id.to_string(),
        |i| format!("item “{}”", i.title.as_deref().unwrap_or(&i.text)),
    )
}
