//! Stage 6, who depends on what: every dependency phrase the walk found becomes statements
//! "this owner depends on that reference", for [`crate::deps::resolve`] to match.

use super::fxhash::FastMap;
use super::phases::Built;
use super::walk::{RawItem, RawSection};
use crate::deps::{Owner, Statement};

/// The dependency statements of a document, in the order the resolver reads them: items'
/// (in document order), then sections' (a phrase in a heading's own text belongs to the
/// phase the heading names, else to the section), then stage arrows ("Phase 1 → Phase 2":
/// the later stage depends on the earlier one). A reference list stays whole: the resolver
/// splits it, as only it knows which parts name things.
pub(super) fn statements(
    items: &[RawItem],
    sections: &[RawSection],
    arrows: &[(String, String, usize)],
    phases: &Built,
) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        for (refs, line) in &it.deps {
            push_refs(&mut out, Owner::Item(k), refs, *line);
        }
    }
    for (k, s) in sections.iter().enumerate() {
        let owner = phases
            .section_phase
            .get(k)
            .copied()
            .flatten()
            .filter(|&p| p < phases.phases.len())
            .map_or(Owner::Section(k), Owner::Phase);
        for (refs, line) in &s.deps {
            push_refs(&mut out, owner, refs, *line);
        }
    }
    let mut phase_by_key: FastMap<&str, usize> = FastMap::default();
    for (i, p) in phases.phases.iter().enumerate() {
        if let Some(k) = p.key.as_deref() {
            phase_by_key.entry(k).or_insert(i);
        }
    }
    for (before, after, line) in arrows {
        if let Some(&dependent) = phase_by_key.get(after.as_str()) {
            out.push(Statement {
                from: Owner::Phase(dependent),
                references: before.clone(),
                line: *line,
            });
        }
    }
    out
}

/// The statement "`from` depends on the reference list `refs`".
fn push_refs(out: &mut Vec<Statement>, from: Owner, refs: &str, line: usize) {
    out.push(Statement {
        from,
        references: refs.to_string(),
        line,
    });
}
