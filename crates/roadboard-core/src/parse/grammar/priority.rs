//! Priority: P0–P3, level words ("High priority", "Nice to have") and colour circles, in
//! headings (words and colours) and item text (explicit forms only).

use super::lex::{has_seq, words};
use crate::model::Priority;

fn p_token(w: &str) -> Option<Priority> {
    match w {
        "p0" => Some(Priority::Critical),
        "p1" => Some(Priority::High),
        "p2" => Some(Priority::Medium),
        "p3" | "p4" => Some(Priority::Low),
        _ => None,
    }
}

fn level_word(w: &str) -> Option<Priority> {
    match w {
        "critical" | "urgent" | "highest" => Some(Priority::Critical),
        "high" => Some(Priority::High),
        "medium" | "moderate" | "normal" => Some(Priority::Medium),
        "low" | "lowest" => Some(Priority::Low),
        _ => None,
    }
}

fn colour(s: &str) -> Option<Priority> {
    // the circles are four-byte characters
    if !s.as_bytes().contains(&0xF0) {
        return None;
    }
    s.chars().find_map(|c| match c {
        '🔴' => Some(Priority::Critical),
        '🟠' => Some(Priority::High),
        '🟡' => Some(Priority::Medium),
        '🟢' => Some(Priority::Low),
        _ => None,
    })
}

/// Priority stated in item text: P0–P3, "High priority", "Priority: low", colour circles.
pub(crate) fn item_priority(text: &str) -> Option<Priority> {
    // cheap test first: most items say nothing about priority
    let b = text.as_bytes();
    // one pass for both: "p<digit>" and "riority" / "RIORITY"
    let mut has_p_token = false;
    let mut word = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'p' | b'P' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => has_p_token = true,
            b'r' if b.get(i + 1..i + 7) == Some(b"iority".as_slice()) => word = true,
            b'R' if b.get(i + 1..i + 7) == Some(b"IORITY".as_slice()) => word = true,
            _ => {}
        }
    }
    if !has_p_token && !word {
        return colour(text);
    }
    let norm = crate::parse::ids::normalize(text);
    let ws = words(&norm);
    for (i, &w) in ws.iter().enumerate() {
        if let Some(p) = p_token(w) {
            return Some(p);
        }
        if w == "priority" {
            let before = i.checked_sub(1).and_then(|j| ws.get(j));
            if let Some(p) = before.and_then(|b| level_word(b)) {
                return Some(p);
            }
            if let Some(p) = ws.get(i + 1).and_then(|a| level_word(a)) {
                return Some(p);
            }
        }
    }
    colour(text)
}

/// Priority stated by a heading: words first (P0, Critical, High Priority, Nice to Have,
/// "Must fix before production"), colour circles only when no word says it.
pub(crate) fn heading_priority(title: &str) -> Option<Priority> {
    heading_priority_in(title, &crate::parse::ids::normalize(title))
}

/// [`heading_priority`] with `norm` = [`normalize`](crate::parse::ids::normalize)`(title)`.
pub(crate) fn heading_priority_in(title: &str, norm: &str) -> Option<Priority> {
    let ws = words(norm);
    if let Some(p) = ws.iter().find_map(|w| p_token(w)) {
        return Some(p);
    }
    if let Some(p) = item_priority_words(&ws) {
        return Some(p);
    }
    if ws
        .iter()
        .any(|w| matches!(*w, "critical" | "blocker" | "blockers" | "urgent"))
        || has_seq(&ws, &["must", "fix"])
        || has_seq(&ws, &["must", "have"])
    {
        return Some(Priority::Critical);
    }
    if ws.contains(&"important") || has_seq(&ws, &["should", "have"]) {
        return Some(Priority::High);
    }
    if has_seq(&ws, &["nice", "to", "have"]) || has_seq(&ws, &["could", "have"]) {
        return Some(Priority::Low);
    }
    // A heading that is just a level word ("High", "🟡 Medium", "Must"): the walk keeps it
    // only among sibling headings that are priority levels too (see [`bare_level_word`]).
    if let [only] = ws.as_slice() {
        if let Some(p) = level_word(only).or_else(|| moscow_word(only)) {
            return Some(p);
        }
    }
    colour(title)
}

/// MoSCoW written bare, as a heading: "Must", "Should", "Could".
fn moscow_word(w: &str) -> Option<Priority> {
    match w {
        "must" => Some(Priority::Critical),
        "should" => Some(Priority::High),
        "could" => Some(Priority::Low),
        _ => None,
    }
}

/// The heading is only a level word ("Medium", "High", "Must") with no colour circle: a
/// priority only when its sibling headings are priority levels too ("High" / "Medium" /
/// "Low", "P0" / "P1", "Must" / "Should" / "Could"); under "Small" / "Medium" / "Large"
/// it is a size. `norm` = [`normalize`](crate::parse::ids::normalize)`(title)`.
pub(crate) fn bare_level_word(title: &str, norm: &str) -> bool {
    matches!(words(norm).as_slice(), [only] if level_word(only).or_else(|| moscow_word(only)).is_some())
        && colour(title).is_none()
}

/// Field labels whose value is a priority.
const PRIORITY_LABELS: [&str; 3] = ["priority", "severity", "importance"];

/// The priority a `Priority: …` / `Severity: …` field states ("**Priority: Critical**",
/// "**Severity:** High", "Priority: P2", "Priority: nice to have").
pub(crate) fn priority_field(line: &str) -> Option<Priority> {
    let (label, value) = super::field::field_label(line)?;
    let value = value.split('\n').next().unwrap_or(value).trim();
    if !PRIORITY_LABELS.contains(&label.as_str()) {
        return None;
    }
    let norm = crate::parse::ids::normalize(value);
    let ws = words(&norm);
    let first = *ws.first()?;
    if let Some(p) = p_token(first).or_else(|| level_word(first)) {
        return Some(p);
    }
    match first {
        "blocker" | "showstopper" => Some(Priority::Critical),
        "major" | "important" => Some(Priority::High),
        "minor" | "trivial" => Some(Priority::Low),
        "nice" if has_seq(&ws, &["nice", "to", "have"]) => Some(Priority::Low),
        _ => colour(value),
    }
}

fn item_priority_words(ws: &[&str]) -> Option<Priority> {
    for (i, &w) in ws.iter().enumerate() {
        if w == "priority" {
            let before = i.checked_sub(1).and_then(|j| ws.get(j));
            if let Some(p) = before.and_then(|b| level_word(b)) {
                return Some(p);
            }
            if let Some(p) = ws.get(i + 1).and_then(|a| level_word(a)) {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_words_beat_colours() {
        assert_eq!(
            heading_priority("🟡 HIGH PRIORITY (Core features incomplete)"),
            Some(Priority::High)
        );
        assert_eq!(
            heading_priority("🔴 CRITICAL BLOCKERS (Must fix before production)"),
            Some(Priority::Critical)
        );
        assert_eq!(
            heading_priority("Immediate Priority (P0)"),
            Some(Priority::Critical)
        );
        assert_eq!(
            heading_priority("🟢 Nice to Have (Future Enhancements)"),
            Some(Priority::Low)
        );
        assert_eq!(heading_priority("🟡 Something"), Some(Priority::Medium));
        assert!(bare_level_word("Medium", "medium"));
        assert!(bare_level_word("**Must**", "must"));
        assert!(!bare_level_word("🟡 Medium", "medium"));
        assert!(!bare_level_word("Medium priority", "medium priority"));
        assert!(!bare_level_word("Large", "large"));
        assert_eq!(item_priority("fix the thing P1"), Some(Priority::High));
        assert_eq!(item_priority("tests for critical paths"), None);
    }

    #[test]
    fn priority_fields() {
        assert_eq!(
            priority_field("Priority: Critical"),
            Some(Priority::Critical)
        );
        assert_eq!(priority_field("**Priority: Major**"), Some(Priority::High));
        assert_eq!(
            priority_field("Priority: Minor (first minor to tackle)"),
            Some(Priority::Low)
        );
        assert_eq!(priority_field("Severity: High"), Some(Priority::High));
        assert_eq!(priority_field("Priority: P2"), Some(Priority::Medium));
        assert_eq!(
            priority_field("Priority: nice to have"),
            Some(Priority::Low)
        );
        assert_eq!(priority_field("Where: Settings dialog"), None);
    }
}
