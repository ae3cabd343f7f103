//! Claimed progress: "85% Complete", "80% production-ready", "Progress: 40%" — not targets
//! ("Target: 100%"), quotes ("You're 73% done!") or other percentages ("98.1% test pass
//! rate", "85% coverage") — and the words around a claim that say what it is about.

use super::number::number_at;

/// "85% Complete", "80% production-ready", "Progress: 60%": (percent, byte position).
///
/// A percentage is a progress claim only when a progress word follows it directly
/// (complete, completed, done, finished, progress, ready, production-ready, implemented) or
/// a progress label precedes it ("Progress:", "Completion:"), so "96% of tests pass" and
/// "85% coverage" are not claims. Not a claim either: a goal ("Target: 100% complete",
/// "Acceptance criterion: 100% production-ready"), or words in quotation marks.
pub(crate) fn claimed_percents(text: &str) -> Vec<(f64, usize)> {
    let mut out = Vec::new();
    if !text.as_bytes().contains(&b'%') {
        return out;
    }
    let lower = text.to_ascii_lowercase();
    let b = text.as_bytes();
    let mut quotes = Quotes::default();
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
            "progress",
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
        if [
            "target",
            "goal",
            "aim",
            "achieve",
            "reach",
            " to ",
            "criteri",
            "critère",
            "acceptance",
            "expected",
            "should",
            "must",
            "will ",
        ]
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
            // quotes counted from where the last claim left off: linear over the text
            quotes.advance(text, s);
            if !quotes.inside() {
                out.push((v, s));
            }
        }
    }
    out
}

/// Quotation marks counted from the start of a text up to a position.
#[derive(Default)]
struct Quotes {
    /// Counted up to this byte.
    at: usize,
    straight: usize,
    open: isize,
}

impl Quotes {
    /// Counts the marks of `text` up to byte `to` (from where the last call stopped).
    fn advance(&mut self, text: &str, to: usize) {
        if to > self.at {
            for c in text.get(self.at..to).unwrap_or("").chars() {
                match c {
                    '"' => self.straight += 1,
                    '“' => self.open += 1,
                    '”' => self.open -= 1,
                    _ => {}
                }
            }
            self.at = to;
        }
    }

    /// Inside quotation marks: an odd number of `"`, or more `“` than `”`.
    fn inside(&self) -> bool {
        self.straight % 2 == 1 || self.open > 0
    }
}

/// What the words around a claim say it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimSubject {
    /// The whole document: "Overall: 80% complete", "The project is 75% complete", a
    /// "Total" row.
    Document,
    /// Something named by a label before it: "**Backend**: 80% complete", a table row
    /// whose first cell names a thing.
    Named,
    /// Nothing said: where the claim is written decides.
    Unsaid,
}

/// Longest stretch of a line read for what a claim is about, in bytes.
const SUBJECT_WINDOW: usize = 160;

/// What the line a claim is on says it is about (see [`ClaimSubject`]); `pos` is where the
/// claim's number starts (as [`claimed_percents`] gives it).
pub(crate) fn claim_subject(line: &str, pos: usize) -> ClaimSubject {
    let before = line.get(..pos).unwrap_or(line);
    let row = line.trim_start().starts_with('|');
    // a table row: its first cell names what the row is about; else the clause before it
    let (lead, clause) = if row {
        let cells = before.trim_start().trim_start_matches('|');
        let first = cells.split('|').next().unwrap_or("");
        let own = before.rsplit('|').next().unwrap_or("");
        (Some(tail(first, SUBJECT_WINDOW)), tail(own, SUBJECT_WINDOW))
    } else {
        (None, tail(before, SUBJECT_WINDOW))
    };
    let says_document = |t: &str| {
        let lower = t.to_lowercase();
        let norm = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>();
        norm.iter()
            .any(|w| matches!(*w, "overall" | "total" | "altogether"))
            || norm.windows(2).any(|p| {
                matches!(
                    (p.first().copied(), p.get(1).copied()),
                    (
                        Some("whole" | "entire"),
                        Some("project" | "roadmap" | "plan")
                    ) | (
                        Some("project" | "roadmap"),
                        Some("is" | "status" | "progress" | "completion")
                    )
                )
            })
            || norm.last() == Some(&"project") && lower.trim_end().ends_with(':')
    };
    if lead.is_some_and(says_document) || says_document(clause) {
        return ClaimSubject::Document;
    }
    let label = match lead {
        Some(first) => Some(first),
        None => clause.split_once(':').map(|(l, _)| l),
    };
    match label.map(label_words) {
        Some(words) if !words.is_empty() && words.len() <= 6 => {
            if words
                .iter()
                .all(|w| PROGRESS_LABEL_WORDS.contains(&w.as_str()))
            {
                ClaimSubject::Unsaid
            } else {
                ClaimSubject::Named
            }
        }
        _ => ClaimSubject::Unsaid,
    }
}

/// Words of a label that say "progress" rather than name a thing: "**Current Status**:",
/// "Progress:", "Implementation:".
const PROGRESS_LABEL_WORDS: [&str; 22] = [
    "status",
    "progress",
    "completion",
    "complete",
    "completed",
    "done",
    "current",
    "state",
    "summary",
    "overview",
    "estimated",
    "actual",
    "implementation",
    "development",
    "readiness",
    "production",
    "ready",
    "percent",
    "percentage",
    "total",
    "overall",
    "project",
];

/// The last `n` bytes of `s` (at a character boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s.get(from..).unwrap_or("")
}

/// The lowercase words of a label, list marker, task box, emoji and markup dropped.
fn label_words(label: &str) -> Vec<String> {
    let t = label.trim_start();
    let t = t
        .strip_prefix(['-', '*', '+'])
        .map_or(t, str::trim_start)
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[');
    let t = match t.strip_prefix('[') {
        Some(rest) => rest.get(2..).unwrap_or(""),
        None => t,
    };
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
        assert_eq!(claimed_percents("about 40% progress so far").len(), 1);
    }

    #[test]
    fn not_claims() {
        // measures, not progress: no progress word right after the percentage
        assert!(claimed_percents("96% of tests pass").is_empty());
        assert!(claimed_percents("Testing: 85% coverage").is_empty());
        assert!(claimed_percents("coverage 80%").is_empty());
        // quotes and goals
        assert!(claimed_percents(r#"show users "You're 73% done!""#).is_empty());
        assert!(claimed_percents("say “60% complete - finish it!”").is_empty());
        assert!(
            claimed_percents("**Critère d'acceptation:** System 100% production-ready").is_empty()
        );
        assert!(claimed_percents("Acceptance criteria: 100% complete").is_empty());
        // a test phase's own progress is a claim (about that phase)
        assert_eq!(
            claimed_percents("Phase 1.1 – Test Fixes (96% Complete)").len(),
            1
        );
    }

    /// What `line` says its first claim of `percent` is about.
    fn subject_of(line: &str, percent: f64) -> ClaimSubject {
        let pos = claimed_percents(line)
            .into_iter()
            .find(|(v, _)| *v == percent)
            .map_or(line.len(), |(_, p)| p);
        claim_subject(line, pos)
    }

    #[test]
    fn subjects() {
        use ClaimSubject::*;
        let claim_subject = subject_of;
        assert_eq!(claim_subject("**Overall**: 80% complete", 80.0), Document);
        assert_eq!(
            claim_subject("The project is 75% complete.", 75.0),
            Document
        );
        assert_eq!(
            claim_subject("| **Total** | **8 weeks** | **25% complete** |", 25.0),
            Document
        );
        assert_eq!(
            claim_subject("- **Core Features**: ✅ 75% complete", 75.0),
            Named
        );
        assert_eq!(claim_subject("| Phase 1 | 80% complete |", 80.0), Named);
        assert_eq!(
            claim_subject("**Current Status**: 88% production-ready", 88.0),
            Unsaid
        );
        assert_eq!(claim_subject("**Status**: 70% complete", 70.0), Unsaid);
        assert_eq!(
            claim_subject("Victor AI is 75% complete with more", 75.0),
            Unsaid
        );
        assert_eq!(
            claim_subject("- [ ] Project setup (50% done)", 50.0),
            Unsaid
        );
    }
}
