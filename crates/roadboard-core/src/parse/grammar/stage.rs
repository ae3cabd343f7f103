//! Stage names: "Phase 2", "Stage B", "Sprint 3", "Milestone 1", "Fase 0" as keys, and
//! stage arrows ("Phase 1 → Phase 2").

use super::lex::{skip_spaces, strip_leading_symbols, word_at};

/// "Phase 2", "Stage B", "Sprint 3", "Milestone 1", "Fase 0" at the start of a title, as a
/// normalised key ("phase 2") used to match "Phase N" references.
pub(crate) fn stage_key(title: &str) -> Option<String> {
    let t = strip_leading_symbols(title);
    let t = t.trim_start_matches(['*', '_', ' ']);
    let (w, end) = word_at(t, 0);
    let kw = match w.as_str() {
        "phase" | "fase" | "etapa" | "stage" => "phase",
        "sprint" => "sprint",
        "milestone" | "hito" => "milestone",
        _ => return None,
    };
    let k = skip_spaces(t, end);
    let rest = t.get(k..)?;
    let ident: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let ident = ident.trim_end_matches('.');
    let ok = !ident.is_empty()
        && (ident.chars().all(|c| c.is_ascii_digit() || c == '.')
            || ident.len() == 1
            || ident
                .chars()
                .all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X')));
    if !ok {
        return None;
    }
    Some(format!("{kw} {}", ident.to_lowercase()))
}

/// "Phase 1 → Phase 2: …" (also `->`, `⟶`): the second stage depends on the first.
/// Only stage names count on both sides, so prose arrows ("Frontend → Backend") do not.
pub(crate) fn stage_arrow(text: &str) -> Option<(String, String)> {
    // every arrow has a '>' or is '→' / '⟶' (byte searches)
    if !(text.as_bytes().contains(&b'>') || text.contains('→') || text.contains('⟶')) {
        return None;
    }
    let t = strip_leading_symbols(text);
    let left = stage_key(t)?;
    let (_, rest) = ["→", "->", "⟶", "=>"]
        .iter()
        .filter_map(|a| t.find(a).map(|p| (p, a)))
        .min_by_key(|(p, _)| *p)
        .and_then(|(p, a)| t.get(p + a.len()..).map(|r| (p, r)))?;
    // the left side is just the stage ("Phase 1 → …", not "Phase 1 ships → …")
    let before = t.get(..t.find(['→', '-', '⟶', '='])?)?.trim();
    if before.split_whitespace().count() != 2 {
        return None;
    }
    let right = stage_key(rest.trim_start())?;
    Some((left, right))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_keys() {
        assert_eq!(stage_key("🚀 Phase 1: Backend"), Some("phase 1".into()));
        assert_eq!(stage_key("**PHASE 3.1 - x**"), Some("phase 3.1".into()));
        assert_eq!(stage_key("Phases"), None);
        assert_eq!(stage_key("Phase Details"), None);
    }

    #[test]
    fn stage_arrows() {
        assert_eq!(
            stage_arrow("Phase 1 → Phase 2: Need telemetry first"),
            Some(("phase 1".into(), "phase 2".into()))
        );
        assert_eq!(stage_arrow("Frontend → Backend"), None);
        assert_eq!(stage_arrow("Phase 1 ships → Phase 2"), None);
    }
}
