//! Durations and estimates: "~2 hours", "1-2 days", "15min", "(2-3 semanas)" after a
//! marker (⏱, "~", "Time:", "Estimate:", …), in working days.

use super::lex::{ends_with_ci, is_word_start, skip_spaces, word_at};
use super::number::{number_at, range_sep};

/// Working days in a week, for converting durations.
pub(super) const DAYS_PER_WEEK: f64 = 5.0;

/// Working days in a month (4 weeks).
pub(super) const DAYS_PER_MONTH: f64 = 20.0;

/// Working hours in a day.
const HOURS_PER_DAY: f64 = 8.0;

/// Longest span read as time: about a century of working days.
pub(super) const MAX_DAYS: f64 = 26_000.0;

/// Working days per unit word, if `w` is a time unit.
pub(super) fn unit_days(w: &str) -> Option<f64> {
    Some(match w {
        "m" | "min" | "mins" | "minute" | "minutes" | "minuto" | "minutos" => {
            1.0 / (60.0 * HOURS_PER_DAY)
        }
        "h" | "hr" | "hrs" | "hour" | "hours" | "hora" | "horas" => 1.0 / HOURS_PER_DAY,
        "d" | "day" | "days" | "dia" | "dias" | "día" | "días" => 1.0,
        "w" | "wk" | "wks" | "week" | "weeks" | "semana" | "semanas" => DAYS_PER_WEEK,
        "mo" | "month" | "months" | "mes" | "meses" => DAYS_PER_MONTH,
        _ => return None,
    })
}

/// A duration starting at byte `i` of `s` ("~2 hours", "1-2 days", "15min"): working days
/// `[min, max]` and the end index.
pub(crate) fn duration_at(s: &str, i: usize) -> Option<([f64; 2], usize)> {
    let b = s.as_bytes();
    let mut i = skip_spaces(s, i);
    let mut skipped = 0;
    while let Some(c) = b.get(i) {
        if skipped < 4 && matches!(c, b'~' | b'`' | b'*' | b'_' | b'<' | b'>') {
            i += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    for prefix in ["≈", "±"] {
        if s.get(i..).is_some_and(|r| r.starts_with(prefix)) {
            i += prefix.len();
        }
    }
    let i = skip_spaces(s, i);
    let (a, mut j) = number_at(b, i)?;
    let mut bnum = a;
    if let Some(k) = range_sep(s, j) {
        if let Some((v, e)) = number_at(b, k) {
            bnum = v;
            j = e;
        }
    }
    let k = skip_spaces(s, j);
    // "2-week" as an adjective
    let k = if b.get(k) == Some(&b'-') { k + 1 } else { k };
    let (w, end) = word_at(s, k);
    let per = unit_days(w.as_str())?;
    let (lo, hi) = if a <= bnum { (a, bnum) } else { (bnum, a) };
    // beyond a century of working days is not an estimate (and keeps JSON numbers finite)
    if !(hi * per).is_finite() || hi * per > MAX_DAYS {
        return None;
    }
    Some(([lo * per, hi * per], end))
}

/// An estimate written on an item or in its body: after ⏱, "~", "Time:", "Estimate:",
/// "Effort:", "Duration:", "ETA:", or alone in parentheses ("(2-3 days)").
/// Returns working days `[min, max]` and the phrase as written.
///
/// Driven by the digits of `text`: each number looks back a few bytes for a marker, so
/// the cost is linear with a small constant.
pub(crate) fn find_estimate(text: &str) -> Option<([f64; 2], String)> {
    let b = text.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if !c.is_ascii_digit()
            || i > 0
                && b.get(i - 1)
                    .is_some_and(|p| p.is_ascii_digit() || *p == b'.')
        {
            continue;
        }
        let Some(start) = marker_before(text, i) else {
            continue;
        };
        let Some((d, end)) = duration_at(text, i) else {
            continue;
        };
        let paren = text.get(start..).is_some_and(|r| r.starts_with('('));
        if paren && b.get(skip_spaces(text, end)) != Some(&b')') {
            continue;
        }
        let phrase = text.get(start..end).unwrap_or("");
        let phrase = if paren {
            phrase.get(1..).unwrap_or(phrase)
        } else {
            phrase
        };
        return Some((d, phrase.trim().to_string()));
    }
    None
}

const ESTIMATE_LABELS: [&str; 13] = [
    "time",
    "estimate",
    "estimated",
    "estimated time",
    "est.",
    "est",
    "effort",
    "duration",
    "eta",
    "timeline",
    "tiempo",
    "duración",
    "duracion",
];

/// The start of an estimate marker right before byte `i` (over a few spaces, backticks,
/// emphasis marks and "~").
fn marker_before(text: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut tilde = None;
    for _ in 0..8 {
        let prev = text.get(..j)?.chars().next_back()?;
        if matches!(prev, ' ' | '\t' | '`' | '*' | '_' | '~' | '≈') {
            j -= prev.len_utf8();
            if matches!(prev, '~' | '≈') {
                tilde = Some(j);
            }
        } else {
            break;
        }
    }
    let head = text.get(..j)?;
    // every marker ends in one of these bytes ('⏱', '⏰', '🕐', '⌛', VS16, '(', ':')
    if !head
        .as_bytes()
        .last()
        .is_some_and(|c| matches!(c, 0xB1 | 0xB0 | 0x90 | 0x9B | 0x8F | b'(' | b':'))
    {
        return tilde;
    }
    let h = head.strip_suffix('\u{fe0f}').unwrap_or(head);
    for m in ["⏱", "⏰", "🕐", "⌛"] {
        if let Some(x) = h.strip_suffix(m) {
            return Some(x.len());
        }
    }
    if head.ends_with('(') {
        return Some(j - 1);
    }
    if let Some(lab) = head.strip_suffix(':') {
        let lab = lab.trim_end_matches([' ', '*', '_']);
        for l in ESTIMATE_LABELS {
            if ends_with_ci(lab, l) && is_word_start(lab, lab.len() - l.len()) {
                return Some(lab.len() - l.len());
            }
        }
    }
    tilde
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates() {
        let d = |s: &str| find_estimate(s).map(|x| x.0);
        assert_eq!(
            d("Deploy ⏱ `~15 minutes`"),
            Some([15.0 / 480.0, 15.0 / 480.0])
        );
        assert_eq!(d("Time: 1-2 days"), Some([1.0, 2.0]));
        assert_eq!(d("about ~2 hours"), Some([0.25, 0.25]));
        assert_eq!(d("Setup (1-2 semanas)"), Some([5.0, 10.0]));
        assert_eq!(d("Sub-2 second post creation"), None);
        assert_eq!(d("version (v2.0)"), None);
        assert_eq!(d("~99999999999999999999999 weeks"), None);
    }
}
