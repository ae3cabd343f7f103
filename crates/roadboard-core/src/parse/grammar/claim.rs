//! Claimed progress: "85% Complete", "80% production-ready", "Progress: 40%" — not targets
//! ("Target: 100%") or other percentages ("98.1% test pass rate").

use super::number::number_at;

/// "85% Complete", "80% production-ready", "Progress: 60%": (percent, byte position).
pub(crate) fn claimed_percents(text: &str) -> Vec<(f64, usize)> {
    let mut out = Vec::new();
    if !text.as_bytes().contains(&b'%') {
        return out;
    }
    let lower = text.to_ascii_lowercase();
    let b = text.as_bytes();
    for (pct, _) in text.match_indices('%') {
        let mut s = pct;
        while s > 0
            && b.get(s - 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
        {
            s -= 1;
        }
        let Some((v, e)) = number_at(b, s) else {
            continue;
        };
        if e != pct || !(0.0..=100.0).contains(&v) {
            continue;
        }
        let mut k = pct + 1;
        while b
            .get(k)
            .is_some_and(|c| matches!(c, b' ' | b'*' | b'_' | b'-' | b'('))
        {
            k += 1;
        }
        let after = lower.get(k..).unwrap_or("");
        let claim_after = [
            "complete",
            "done",
            "finished",
            "ready",
            "production-ready",
            "production ready",
            "implemented",
            "completado",
            "completo",
        ]
        .iter()
        .any(|w| {
            after.starts_with(w)
                && !after
                    .get(w.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
                || after.starts_with("complete")
        });
        let before = lower
            .get(..s)
            .unwrap_or("")
            .trim_end_matches([' ', '*', '_']);
        // "Target: 100% production-ready" is a goal, not a claim
        let mut from = before.len().saturating_sub(40);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let recent = before.get(from..).unwrap_or("");
        if ["target", "goal", "aim", "achieve", "reach", " to "]
            .iter()
            .any(|w| recent.contains(w))
        {
            continue;
        }
        let claim_before = [
            "progress:",
            "completion:",
            "complete:",
            "completed:",
            "done:",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        if claim_after || claim_before {
            out.push((v, s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims() {
        assert_eq!(
            claimed_percents("Integration is 85% Complete!"),
            vec![(85.0, 15)]
        );
        assert_eq!(claimed_percents("is 80% production-ready with").len(), 1);
        assert!(claimed_percents("98.1% test pass rate").is_empty());
        assert!(claimed_percents("Target: 100% production-ready").is_empty());
        assert_eq!(claimed_percents("Progress: 40%").len(), 1);
    }
}
