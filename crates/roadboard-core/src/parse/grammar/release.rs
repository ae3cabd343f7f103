//! Release names: a heading that names a version of the product ("v3.6.0", "Release 2.0",
//! "etcd 3.4 (Q2, 2018)", "1.8 - February 2018") rather than a piece of work.
//!
//! The rule a reader can predict — a heading is a release when, within its first words, it has
//! - a `v`-version (`v3`, `v3.6.0`, `V1.2-beta`), or
//! - "Release", "Version" or "Versión" followed by a number, or
//! - a dotted version number (`3.4`, `1.13`, `0.4.0`) that ends the heading or is followed by
//!   a date in parentheses, a dash, a colon or nothing more than "release"/"roadmap" (then
//!   the heading's end, a parenthesis or a dash: "4.4 Release Preparation" is a numbered
//!   section) — at the start, or after a product name of one or two words.
//!
//! A numbered section ("1.1 Runtime improvements": the number is followed by its title) and a
//! numbered thing ("Phase 1.1", "Task 2.3", "Step 3") are not releases, nor is a feature that
//! mentions a version ("Support Go 1.21 modules").

use super::lex::strip_leading_symbols;

/// Words that number a piece of a plan, never a product: "Task 1.1" is not a release.
const NUMBERED_THINGS: [&str; 24] = [
    "phase",
    "fase",
    "stage",
    "etapa",
    "sprint",
    "milestone",
    "hito",
    "task",
    "step",
    "story",
    "epic",
    "section",
    "part",
    "chapter",
    "item",
    "issue",
    "bug",
    "week",
    "day",
    "month",
    "wave",
    "tier",
    "iteration",
    "level",
];

/// Words that may follow a version without making the heading a sentence.
const RELEASE_WORDS: [&str; 8] = [
    "release", "roadmap", "plan", "planning", "goals", "lts", "beta", "rc",
];

/// The version a release heading names ("3.6.0" for "v3.6.0 — Cleanup"), or `None` when the
/// heading is not a release (see the module doc for the rule).
pub(crate) fn release_version(title: &str) -> Option<String> {
    let t = strip_leading_symbols(title).trim_start_matches(['[', '*', '_', '`']);
    let tokens: Vec<&str> = t.split_whitespace().take(5).collect();
    for (k, raw) in tokens.iter().enumerate().take(3) {
        let tok = raw.trim_matches(|c: char| matches!(c, '[' | ']' | '*' | '_' | '`' | ','));
        let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
        if prev.is_some_and(|p| is_one_of(p, &NUMBERED_THINGS)) {
            return None;
        }
        let after = tokens.get(k + 1).copied();
        let ends_heading = match after {
            None => true,
            Some(a) => {
                a.starts_with('(')
                    || a.starts_with(['-', '–', '—', ':'])
                    || raw.ends_with(':')
                    // "1.8 Release", "3.4 Roadmap (Q2)", not "4.4 Release Preparation"
                    || is_one_of(a, &RELEASE_WORDS)
                        && tokens.get(k + 2).is_none_or(|w| {
                            w.starts_with(['(', '-', '–', '—', ':'])
                                || is_one_of(w, &RELEASE_WORDS)
                        })
            }
        };
        // v-versions: "v3", "v3.6.0", "V1.2-beta:" — first, or ending what a product name began
        if let Some(rest) = tok.strip_prefix(['v', 'V']) {
            if let Some(v) = version_number(rest, false) {
                if k == 0 || ends_heading {
                    return Some(v);
                }
                return None;
            }
        }
        // "Release 2.0", "Version 3"
        if is_one_of(tok, &["release", "version", "versión", "versao"]) {
            let next = tokens.get(k + 1).map(|w| w.trim_start_matches(['v', 'V']));
            if let Some(v) = next.and_then(|w| version_number(w, false)) {
                return Some(v);
            }
            continue;
        }
        // dotted versions: "3.4", "1.13 (November 2023)", "1.8 - February 2018"
        if let Some(v) = version_number(tok, true) {
            // numbering glued to its title ("1.1 Runtime improvements") is not a release
            return ends_heading.then_some(v);
        }
        // only a product name of one or two words may come before the version
        if k >= 2 {
            break;
        }
    }
    None
}

/// `w` without the punctuation around it is one of `words` (lower case), in any case: no
/// allocation, as every heading with a digit asks.
fn is_one_of(w: &str, words: &[&str]) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    words
        .iter()
        .any(|x| x.len() == w.len() && w.to_lowercase() == *x)
}

/// `3`, `3.6.0`, `1.2-beta` (at the start of `s`, up to a trailing `:`/`,`/`)`) as the
/// version text; `dotted` requires at least one dot ("3.4", not "3").
fn version_number(s: &str, dotted: bool) -> Option<String> {
    let s = s.trim_end_matches([':', ',', ')', ']', '*', '_', '`']);
    let digits_end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let num = s.get(..digits_end)?.trim_end_matches('.');
    let rest = s.get(digits_end..)?;
    let parts = num.split('.').count();
    let well_formed = !num.is_empty()
        && num.split('.').all(|p| !p.is_empty() && p.len() <= 4)
        && parts <= 4
        && (!dotted || parts >= 2);
    // a suffix is a pre-release tag ("-beta", "-rc1", "+build"), never more words glued on
    let suffix_ok = rest.is_empty()
        || (rest.starts_with(['-', '+'])
            && rest
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_alphanumeric() || c == '.'));
    // years are dates, not versions ("2024.1" is a version, "2024" alone is not dotted anyway)
    (well_formed && suffix_ok).then(|| format!("{num}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_headings_name_their_version() {
        for (title, v) in [
            ("v3.6.0", "3.6.0"),
            ("🚀 v3.6.0 — Cleanup", "3.6.0"),
            ("v2", "2"),
            ("IDF v6.0", "6.0"),
            ("[v0.1 - Foundations](https://example.org)", "0.1"),
            ("v1.2: Page builder (March 2015)", "1.2"),
            ("v0.4.0 Roadmap(Release Plan: 2021.5)", "0.4.0"),
            ("Release 2.0", "2.0"),
            ("Version 3", "3"),
            ("1.13", "1.13"),
            ("1.8 - February 2018", "1.8"),
            ("etcd 3.4 (Q2, 2018)", "3.4"),
            ("Rook Ceph 1.13 (November 2023)", "1.13"),
            ("2.0 release", "2.0"),
            ("v1.0-beta", "1.0-beta"),
            ("Sluice v0.3 (next)", "0.3"),
        ] {
            assert_eq!(release_version(title).as_deref(), Some(v), "{title}");
        }
    }

    #[test]
    fn numbered_sections_and_things_are_not_releases() {
        for title in [
            "1.1 Runtime improvements",
            "2.3 Internal decoupling",
            "4.4 Release Preparation (P2)",
            "Phase 1.1 – Test Fixes",
            "Task 1.1: File Upload System",
            "Step 3",
            "Week 1.5",
            "Support Go 1.21 modules",
            "Python 3.12 support",
            "Roadmap",
            "1. Features and refactoring",
            "Q3 2025",
            "2024",
            "Improve performance by 2.5x",
            "Very long product name 2.0",
            "Support v2 API",
            "Migrate to v2 endpoints",
        ] {
            assert_eq!(release_version(title), None, "{title}");
        }
    }
}
