//! The small phrase grammar of roadmaps: status marks and words, priorities, durations and
//! time ranges, claimed progress, dependency phrases. Hand-written scanners, all linear.

use crate::model::{Priority, Status};

/// Working days in a week, month and hour, for converting durations.
pub(crate) const DAYS_PER_WEEK: f64 = 5.0;
/// Working days in a month (4 weeks).
pub(crate) const DAYS_PER_MONTH: f64 = 20.0;
/// Working hours in a day.
pub(crate) const HOURS_PER_DAY: f64 = 8.0;
/// Longest span read as time: about a century of working days.
const MAX_DAYS: f64 = 26_000.0;

/// The status a leading mark stands for.
fn mark_status(c: char) -> Option<Status> {
    match c {
        '✅' | '✔' | '☑' | '✓' | '🗹' => Some(Status::Done),
        '❌' | '✗' | '✘' | '⛔' | '🚫' | '❎' => Some(Status::Blocked),
        '⚠' | '🚧' | '⏳' | '⌛' | '🔄' | '🔶' => Some(Status::InProgress),
        '⬜' | '☐' | '🔲' | '⏸' | '⭕' => Some(Status::Todo),
        _ => None,
    }
}

/// Skips emoji variation selectors and zero-width joiners.
fn is_modifier(c: char) -> bool {
    matches!(c, '\u{fe0e}' | '\u{fe0f}' | '\u{200d}')
}

/// A status mark at the start of `s` (after whitespace): its status and the rest of `s`.
pub(crate) fn leading_status_mark(s: &str) -> Option<(Status, &str)> {
    let t = s.trim_start();
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let status = mark_status(c)?;
    let mut rest = t.get(c.len_utf8()..).unwrap_or("");
    while let Some(m) = rest.chars().next().filter(|&m| is_modifier(m)) {
        rest = rest.get(m.len_utf8()..).unwrap_or("");
    }
    Some((status, rest.trim_start()))
}

/// A bracketed status label at the start of `s` ("[Completed] Prompt 065", "[WIP] x"):
/// its status and the rest. Single-character boxes are GFM's business, not this.
pub(crate) fn leading_status_label(s: &str) -> Option<(Status, &str)> {
    let t = s.trim_start().strip_prefix('[')?;
    let end = t.find(']')?;
    let label = t.get(..end)?.trim();
    if label.chars().count() < 2 || label.len() > 20 {
        return None;
    }
    let status = match ids_free_lower(label).as_str() {
        "done" | "completed" | "complete" | "finished" | "shipped" => Status::Done,
        "in progress" | "in-progress" | "wip" | "ongoing" | "partial" | "started" => {
            Status::InProgress
        }
        "todo" | "to do" | "planned" | "pending" | "not started" | "open" | "backlog" => {
            Status::Todo
        }
        "blocked" | "failed" | "cancelled" | "canceled" => Status::Blocked,
        _ => return None,
    };
    Some((status, t.get(end + 1..).unwrap_or("").trim_start()))
}

/// The status a `Status: …` field states ("**Status:** Missing", "Status: ✅ Done").
pub(crate) fn status_field(s: &str) -> Option<Status> {
    let t = s.trim_start();
    let head = t.get(..7)?;
    if !head.eq_ignore_ascii_case("status:") {
        return None;
    }
    let rest = t.get(7..)?.trim();
    let first_line = rest.split('\n').next().unwrap_or(rest);
    let w = ids_free_lower(first_line);
    if w.starts_with("missing") || w.starts_with("not started") || w.starts_with("todo") {
        return Some(Status::Todo);
    }
    Some(cell_status(first_line))
}

fn ids_free_lower(s: &str) -> String {
    s.trim().to_lowercase()
}

/// `s` without leading emoji, symbols and markup, for display ("✅ **Done**" → "Done**").
pub(crate) fn strip_leading_symbols(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '(' | '"' | '\'' | '[' | '`' | '“' | '¿' | '¡'))
    })
    .trim_end()
}

/// Lowercase words (split on anything that is not a letter or digit) of `s`, as slices of
/// `norm`, which must be [`normalize`](super::ids::normalize)`(s)`: one allocation for all
/// the words instead of one per word.
fn words(norm: &str) -> Vec<&str> {
    norm.split(' ').filter(|w| !w.is_empty()).collect()
}

fn has_seq(ws: &[&str], seq: &[&str]) -> bool {
    !seq.is_empty()
        && ws
            .windows(seq.len())
            .any(|w| w.iter().zip(seq).all(|(a, b)| a == b))
}

/// What a heading says about the status of the items under it ("Completed", "Not Started").
#[cfg(test)]
pub(crate) fn heading_status(title: &str) -> Option<Status> {
    heading_status_in(title, &super::ids::normalize(title))
}

/// [`heading_status`] with `norm` = [`normalize`](super::ids::normalize)`(title)`.
pub(crate) fn heading_status_in(title: &str, norm: &str) -> Option<Status> {
    if let Some((s, _)) = leading_status_mark(title) {
        return Some(s);
    }
    let ws = words(norm);
    let w = &ws;
    if has_seq(&ws, &["not", "started"])
        || has_seq(&ws, &["not", "yet"])
        || has_seq(&ws, &["to", "do"])
        || has_seq(&ws, &["next", "steps"])
        || w.iter()
            .any(|x| matches!(*x, "todo" | "backlog" | "pending" | "remaining" | "planned"))
    {
        return Some(Status::Todo);
    }
    if has_seq(&ws, &["in", "progress"])
        || w.iter()
            .any(|x| matches!(*x, "partial" | "partially" | "wip" | "ongoing" | "underway"))
    {
        return Some(Status::InProgress);
    }
    if has_seq(&ws, &["critical", "issues"])
        || has_seq(&ws, &["not", "done"])
        || w.iter()
            .any(|x| matches!(*x, "blocked" | "failing" | "broken"))
    {
        return Some(Status::Blocked);
    }
    let done_word = |x: &str| {
        matches!(
            x,
            "completed" | "done" | "finished" | "shipped" | "achieved" | "achievements"
        )
    };
    for (i, x) in w.iter().enumerate() {
        let after_of = i > 0 && w.get(i - 1).is_some_and(|p| *p == "of");
        if done_word(x) && !after_of {
            return Some(Status::Done);
        }
    }
    // "Complete" is also a verb ("Complete Convex Deployment"): only as a label.
    let lower = title.to_lowercase();
    if lower.contains("(complete)") || w.last() == Some(&"complete") && w.len() > 1 {
        return Some(Status::Done);
    }
    None
}

/// The status a table cell states ("✅ Done", "In progress", "⏸️ Pending").
pub(crate) fn cell_status(cell: &str) -> Status {
    if let Some((s, _)) = leading_status_mark(cell) {
        return s;
    }
    let norm = super::ids::normalize(cell);
    let ws = words(&norm);
    let w = &ws;
    if w.iter().any(|x| {
        matches!(
            *x,
            "done" | "complete" | "completed" | "finished" | "shipped" | "yes" | "merged"
        )
    }) {
        Status::Done
    } else if has_seq(&ws, &["in", "progress"])
        || w.iter()
            .any(|x| matches!(*x, "wip" | "partial" | "started" | "ongoing" | "active"))
    {
        Status::InProgress
    } else if w
        .iter()
        .any(|x| matches!(*x, "blocked" | "failed" | "failing"))
    {
        Status::Blocked
    } else {
        Status::Todo
    }
}

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

/// Byte position of the first ASCII `needle` in `hay` (a byte scan: cheaper than a
/// substring searcher for the short texts of items).
pub(crate) fn find_ascii(hay: &str, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let b = hay.as_bytes();
    let mut from = 0;
    while let Some(p) = b.get(from..)?.iter().position(|&c| c == first) {
        let at = from + p;
        if b.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
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
    let norm = super::ids::normalize(text);
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
    heading_priority_in(title, &super::ids::normalize(title))
}

/// [`heading_priority`] with `norm` = [`normalize`](super::ids::normalize)`(title)`.
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
    // A heading that is just a level word ("High", "🟡 Medium").
    if let [only] = ws.as_slice() {
        if let Some(p) = level_word(only) {
            return Some(p);
        }
    }
    colour(title)
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

/// Reads a decimal number at byte `i`: (value, end).
fn number_at(b: &[u8], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    while b.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    if j == i {
        return None;
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
    }
    Some((decimal_value(b.get(i..j)?), j))
}

/// The value of `digits[.digits]`, without core's float parser (its tables weigh ~30 KB of wasm).
/// Up to 15 significant digits the result is exact and equal to `str::parse::<f64>` (an exact
/// integer divided by an exact power of ten is correctly rounded); longer numbers, which no
/// roadmap writes as a duration, are within a few units in the last place.
fn decimal_value(digits: &[u8]) -> f64 {
    let (mut mantissa, mut scale, mut fraction) = (0u64, 0i32, false);
    let mut lost = 0i32; // integer digits beyond u64 precision
    for &d in digits {
        if d == b'.' {
            fraction = true;
        } else if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            if fraction {
                scale += 1;
            }
        } else if !fraction {
            lost += 1;
        }
    }
    let v = mantissa as f64 / 10f64.powi(scale);
    if lost > 0 {
        v * 10f64.powi(lost)
    } else {
        v
    }
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    // bounded, so that scanning from every marker of a long run stays linear
    let limit = i + 8;
    while i < limit && b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += 1;
    }
    i
}

/// A range separator at `i` ("-", "–", "—", "to", "a"): index after it.
fn range_sep(s: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(s, i);
    let rest = s.get(j..)?;
    for sep in ["-", "–", "—", "to ", "a ", "or "] {
        if rest.starts_with(sep) {
            return Some(skip_spaces(s, j + sep.len()));
        }
    }
    None
}

/// A word lowercased: on the stack when it is short ASCII (every keyword is), else on the
/// heap.
struct LowerWord {
    buf: [u8; 16],
    len: usize,
    heap: Option<String>,
}

impl LowerWord {
    fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h.as_str(),
            None => self
                .buf
                .get(..self.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
        }
    }
}

/// Letters of a unit word at `i`: (word lowercased, end).
fn word_at(s: &str, i: usize) -> (LowerWord, usize) {
    let b = s.as_bytes();
    let mut end = i;
    let mut ascii = true;
    while let Some(&c) = b.get(end) {
        if c < 0x80 {
            if c.is_ascii_alphabetic() {
                end += 1;
                continue;
            }
            break;
        }
        match s.get(end..).and_then(|r| r.chars().next()) {
            Some(ch) if ch.is_alphabetic() => {
                ascii = false;
                end += ch.len_utf8();
            }
            _ => break,
        }
    }
    let word = s.get(i..end).unwrap_or("");
    let mut w = LowerWord {
        buf: [0; 16],
        len: 0,
        heap: None,
    };
    if ascii && word.len() <= w.buf.len() {
        for (d, c) in w.buf.iter_mut().zip(word.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        w.len = word.len();
    } else {
        w.heap = Some(word.to_lowercase());
    }
    (w, end)
}

/// Working days per unit word, if `w` is a time unit.
pub(crate) fn unit_days(w: &str) -> Option<f64> {
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

fn is_word_start(s: &str, i: usize) -> bool {
    i == 0
        || s.get(..i)
            .and_then(|p| p.chars().next_back())
            .is_some_and(|c| !c.is_alphanumeric())
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

/// ASCII-case-insensitive `ends_with`.
fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()
            .get(s.len() - suffix.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// Word forms that name a position on the time axis ("Day 4", "Week 2", "Month 3").
fn axis_unit(w: &str) -> Option<f64> {
    Some(match w {
        "day" | "days" | "dia" | "día" | "dias" | "días" => 1.0,
        "week" | "weeks" | "wk" | "semana" | "semanas" => DAYS_PER_WEEK,
        "month" | "months" | "mes" | "meses" => DAYS_PER_MONTH,
        _ => return None,
    })
}

/// An explicit place on the axis: "Day 4-5" → 3..5, "Week 1-2" → 0..10, "Week 5" → 20..25,
/// "Week 8+" → 35..open. Returns (start, end, phrase).
pub(crate) fn explicit_range(text: &str) -> Option<(f64, Option<f64>, String)> {
    let b = text.as_bytes();
    // every range has a number
    if !b.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if c.is_alphabetic() && is_word_start(text, i) {
            let (w, end) = word_at(text, i);
            if let Some(per) = axis_unit(w.as_str()) {
                // not "2 weeks" / "12-Week"
                let before = text.get(..i).unwrap_or("").trim_end_matches([' ', '-']);
                let preceded_by_number = before.ends_with(|c: char| c.is_ascii_digit());
                let k = skip_spaces(text, end);
                if let (false, Some((a, mut j))) = (preceded_by_number, number_at(b, k)) {
                    let mut last = a;
                    let mut open = false;
                    if b.get(j) == Some(&b'+') {
                        open = true;
                        j += 1;
                    } else if let Some(k2) = range_sep(text, j) {
                        let k2 = {
                            // "Week 1 - Week 2"
                            let (w2, e2) = word_at(text, k2);
                            if axis_unit(w2.as_str()).is_some() {
                                skip_spaces(text, e2)
                            } else {
                                k2
                            }
                        };
                        if let Some((v, e)) = number_at(b, k2) {
                            last = v;
                            j = e;
                        }
                    }
                    // "Day 3 hours" is not a position
                    let (next, _) = word_at(text, skip_spaces(text, j));
                    if unit_days(next.as_str()).is_none()
                        && a >= 1.0
                        && last >= a
                        && last * per <= MAX_DAYS
                    {
                        let start = (a - 1.0) * per;
                        let end_v = if open { None } else { Some(last * per) };
                        return Some((start, end_v, text.get(i..j).unwrap_or("").to_string()));
                    }
                }
            }
            i = end.max(i + c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
    None
}

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

/// Longest reference list read after a dependency phrase, in bytes.
const MAX_REFS_LEN: usize = 400;

/// Dependency phrases in `text`: `depends on:`, `after:`, `blocked by:`, `requires:`,
/// `needs:` (also `prerequisites:`), each with the reference list that follows.
/// Returns (references as written, byte position of the phrase).
///
/// Driven by the colons of `text`: each colon checks the words before it.
#[cfg(test)]
pub(crate) fn dependency_phrases(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    scan_dependency_phrases(text, |refs, i| {
        out.push((refs.to_string(), i));
        true
    });
    out
}

/// Byte position of the first dependency phrase of `text` (as [`dependency_phrases`]
/// finds them), without collecting the reference lists.
pub(crate) fn first_dependency_phrase(text: &str) -> Option<usize> {
    let mut first = None;
    scan_dependency_phrases(text, |_, i| {
        first = Some(i);
        false
    });
    first
}

/// Calls `found(references, position)` for each dependency phrase of `text`, in order,
/// until it returns false.
pub(crate) fn scan_dependency_phrases(text: &str, mut found: impl FnMut(&str, usize) -> bool) {
    // (byte scans: no searcher set up for the short texts of items)
    if !text.as_bytes().contains(&b':') {
        return;
    }
    let colons = text
        .as_bytes()
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == b':')
        .map(|(i, _)| i);
    for colon in colons {
        let head = text
            .get(..colon)
            .unwrap_or("")
            .trim_end_matches([' ', '*', '_']);
        // every keyword ends in one of these letters: most colons are rejected here
        if !head.as_bytes().last().is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase(),
                b'n' | b's' | b'y' | b'd' | b'r' | b'e'
            )
        }) {
            continue;
        }
        let Some(kw) = DEP_KEYWORDS
            .iter()
            .find(|kw| ends_with_ci(head, kw) && is_word_start(head, head.len() - kw.len()))
        else {
            continue;
        };
        let i = head.len() - kw.len();
        let before = head.get(..i).unwrap_or("");
        // from the end: stops at the nearest word, so repeated phrases stay linear
        let at_start = !before.chars().rev().any(char::is_alphanumeric);
        // Nouns are field labels only at the start of a line ("**Dependencies**: …"), not
        // the end of a bold title ("Third-party Dependencies: regular updates").
        let label_only = matches!(
            *kw,
            "dependencies" | "dependency" | "prerequisites" | "prerequisite" | "required"
        );
        if label_only && !at_start {
            continue;
        }
        // Short words ("after", "needs", "requires") also occur in prose ("each domain
        // needs: …"): only at the start or after a separator.
        let verb_phrase = matches!(
            *kw,
            "depends on" | "depend on" | "blocked by" | "waiting on"
        );
        let after_separator = before
            .trim_end_matches([' ', '*', '_'])
            .ends_with(['(', '[', ',', ';', '-', '|', '—', '–', '·', ':']);
        if !verb_phrase && !at_start && !after_separator {
            continue;
        }
        let start = colon + 1;
        // A reference list is short; bounding it keeps repeated phrases linear.
        let mut cap = (start + MAX_REFS_LEN).min(text.len());
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        let rest = text.get(start..cap).unwrap_or("");
        // up to an unmatched ')' or ']', a sentence end, or the end
        let mut depth = 0i32;
        let mut end = rest.len();
        let rb = rest.as_bytes();
        // (bytes: the delimiters are ASCII, never part of a longer character)
        for (k, &c) in rb.iter().enumerate() {
            match c {
                b'(' | b'[' => depth += 1,
                b')' | b']' => {
                    if depth == 0 {
                        end = k;
                        break;
                    }
                    depth -= 1;
                }
                b'.' if rb.get(k + 1).is_none_or(|n| *n == b' ') => {
                    end = k;
                    break;
                }
                _ => {}
            }
        }
        let refs = rest.get(..end).unwrap_or("").trim();
        if !refs.is_empty() && !found(refs, i) {
            return;
        }
    }
}

const DEP_KEYWORDS: [&str; 13] = [
    "depends on",
    "depend on",
    "dependencies",
    "dependency",
    "blocked by",
    "requires",
    "required",
    "needs",
    "after",
    "prerequisites",
    "prerequisite",
    "prereqs",
    "waiting on",
];

/// Longest plain lead read as a title, in words.
const MAX_LEAD_WORDS: usize = 6;

/// The plain lead of `Alpha: design the schema` ("Alpha"): a few words before the first
/// colon, which name the item as a bold `**Alpha**:` lead does, for matching references.
/// Not a colon inside a token ("https://…", "10:30", "x:y"), not a remark in parentheses,
/// not a dependency phrase ("needs: …"), not a sentence (more than six words).
pub(crate) fn plain_lead(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let lead = text.get(..colon)?.trim();
    let after = text.get(colon + 1..).unwrap_or("");
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    if lead.is_empty()
        || lead.contains(['(', ')', '[', ']', '/'])
        || !lead.chars().any(char::is_alphabetic)
        || lead.split_whitespace().count() > MAX_LEAD_WORDS
    {
        return None;
    }
    if first_dependency_phrase(text).is_some_and(|p| p < colon) {
        return None;
    }
    Some(lead)
}

/// `text` up to its first dependency phrase ("Write API (depends on: DB)" → "Write API"),
/// so that adding or editing a dependency does not change an item's id.
/// `cut` is [`first_dependency_phrase`] of `text`.
pub(crate) fn without_dependencies_at(text: &str, cut: Option<usize>) -> &str {
    let Some(cut) = cut else {
        return text;
    };
    let head = text.get(..cut).unwrap_or(text).trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | '-' | '—' | '–' | ',' | ';' | '|')
    });
    if head.trim().is_empty() {
        text
    } else {
        head
    }
}

/// A reference list split into single references; "none", "nothing" and parenthesised
/// remarks dropped.
#[cfg(test)]
pub(crate) fn split_refs(refs: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_ref(refs, |r| out.push(r.to_string()));
    out
}

/// Calls `f` with each reference of a reference list, as [`split_refs`] lists them.
pub(crate) fn for_each_ref(refs: &str, mut f: impl FnMut(&str)) {
    // drop parenthesised remarks, but keep `{#id}` braces
    let cleaned_buf;
    let cleaned = if refs.bytes().any(|c| c == b'(' || c == b')') {
        let mut c = String::with_capacity(refs.len());
        let mut depth = 0usize;
        for ch in refs.chars() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => c.push(ch),
                _ => {}
            }
        }
        cleaned_buf = c;
        cleaned_buf.as_str()
    } else {
        refs
    };
    // split on "," / ";", then " and ", then " & ", then " + " (in that order), as
    // `str::split` would, with byte searches
    for_each_part(cleaned, find_comma, |part| {
        for_each_part(
            part,
            |p| find_ascii(p, b" and ").map(|i| (i, 5)),
            |a| {
                for_each_part(
                    a,
                    |p| find_ascii(p, b" & ").map(|i| (i, 3)),
                    |b| {
                        for_each_part(
                            b,
                            |p| find_ascii(p, b" + ").map(|i| (i, 3)),
                            |sub| {
                                let r = sub.trim().trim_start_matches("and ").trim_matches(
                                    |c: char| {
                                        c.is_whitespace() || matches!(c, '.' | '*' | '_' | '`')
                                    },
                                );
                                if !(r.is_empty() || is_no_reference(r)) {
                                    f(r);
                                }
                            },
                        );
                    },
                );
            },
        );
    });
}

/// Position of the first ',' or ';', and the separator's length.
fn find_comma(s: &str) -> Option<(usize, usize)> {
    s.bytes()
        .position(|c| c == b',' || c == b';')
        .map(|i| (i, 1))
}

/// Calls `f` with each part of `s` between the separators `find` locates (position,
/// length), left to right, like `str::split`.
fn for_each_part<'a>(
    s: &'a str,
    find: impl Fn(&str) -> Option<(usize, usize)>,
    mut f: impl FnMut(&'a str),
) {
    let mut rest = s;
    while let Some((i, len)) = find(rest) {
        f(rest.get(..i).unwrap_or(""));
        rest = rest.get(i + len..).unwrap_or("");
    }
    f(rest);
}

/// "None", "Nothing", "n/a", … in any case: a reference list that names nothing.
fn is_no_reference(r: &str) -> bool {
    // Every word here is ASCII but "—"; no other character lowercases to ASCII letters
    // among these (the Kelvin sign lowercases to "k", which none contains).
    r == "—"
        || r.len() <= 7
            && [
                "none", "nothing", "n/a", "na", "-", "tbd", "nada", "ninguna",
            ]
            .iter()
            .any(|w| r.eq_ignore_ascii_case(w))
}

/// A calendar span named in `text`: quarters ("Q3 2025", "Q2, 2018", "Q4’22"; the year may
/// come from `year_ctx`), ISO dates, "March 2026". Returns ISO `(start, end)` dates.
pub(crate) fn calendar_span(text: &str, year_ctx: Option<i32>) -> Option<(String, String)> {
    calendar_span_in(text, year_ctx, &super::ids::normalize(text))
}

/// [`calendar_span`] with `norm` = [`normalize`](super::ids::normalize)`(text)`.
pub(crate) fn calendar_span_in(
    text: &str,
    year_ctx: Option<i32>,
    norm: &str,
) -> Option<(String, String)> {
    if let Some(d) = iso_date(text) {
        return Some((d.clone(), d));
    }
    if let Some(span) = month_year(norm, year_ctx) {
        return Some(span);
    }
    let b = text.as_bytes();
    // quarters
    let mut i = 0;
    while i + 1 < b.len() {
        if (b.get(i) == Some(&b'Q') || b.get(i) == Some(&b'q'))
            && is_word_start(text, i)
            && b.get(i + 1).is_some_and(|c| (b'1'..=b'4').contains(c))
            && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
        {
            let q = i32::from(b.get(i + 1).copied().unwrap_or(b'1') - b'0');
            let mut k = i + 2;
            while b
                .get(k)
                .is_some_and(|c| matches!(c, b' ' | b',' | b'\'' | b'-'))
            {
                k += 1;
            }
            if text.get(k..).is_some_and(|r| r.starts_with('’')) {
                k += '’'.len_utf8();
            }
            let mut year = None;
            if let Some((v, e)) = number_at(b, k) {
                let digits = e - k;
                if digits == 4 {
                    year = Some(v as i32);
                } else if digits == 2 {
                    year = Some(2000 + v as i32);
                }
            }
            if let Some(y) = year.or(year_ctx) {
                let m0 = (q - 1) * 3 + 1;
                let m1 = m0 + 2;
                return Some((
                    format!("{y:04}-{m0:02}-01"),
                    format!("{y:04}-{m1:02}-{:02}", month_len(y, m1)),
                ));
            }
        }
        i += 1;
    }
    None
}

/// Days in month `m` of year `y` (the calendar's, in the grammar's integer type).
fn month_len(y: i32, m: i32) -> i32 {
    crate::calendar::month_len(i64::from(y), u32::try_from(m).unwrap_or(0)) as i32
}

fn iso_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 10 <= b.len() {
        let w = b.get(i..i + 10)?;
        let shape = w.iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        if shape && is_word_start(text, i) && !b.get(i + 10).is_some_and(u8::is_ascii_digit) {
            let s = std::str::from_utf8(w).ok()?;
            let m: i32 = s.get(5..7)?.parse().ok()?;
            let d: i32 = s.get(8..10)?.parse().ok()?;
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(s.to_string());
            }
        }
        i += 1;
    }
    None
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "March 2026", or "October" with the year of the heading above.
/// `norm` is the normalised text.
fn month_year(norm: &str, year_ctx: Option<i32>) -> Option<(String, String)> {
    let ws = words(norm);
    for (k, &w) in ws.iter().enumerate() {
        if let Some(m) = MONTHS
            .iter()
            .position(|name| w == *name || (w.len() == 3 && name.starts_with(w)))
        {
            let explicit = ws
                .get(k + 1)
                .filter(|y| y.len() == 4)
                .and_then(|y| y.parse::<i32>().ok());
            // "may" is also a verb: a bare month needs its year right after it
            let bare_ok = w.len() > 3;
            if let Some(y) = explicit.or(year_ctx.filter(|_| bare_ok)) {
                let m = m as i32 + 1;
                return Some((
                    format!("{y:04}-{m:02}-01"),
                    format!("{y:04}-{m:02}-{:02}", month_len(y, m)),
                ));
            }
        }
    }
    None
}

/// A bare year heading ("### 2022"), used as the year for quarters below it.
pub(crate) fn year_heading(title: &str) -> Option<i32> {
    let t = title.trim();
    if t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_equal_the_float_parser_up_to_15_digits() {
        for text in [
            "0",
            "7",
            "1.5",
            "0.3",
            "2.25",
            "0.1",
            "12.75",
            "999999999999999",
            "0.000000000000001",
            "3.141592653589",
            "100.01",
            "4.35",
            "0.7",
            "1.0000000000001",
        ] {
            let want: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(decimal_value(text.as_bytes()), want, "{text}");
        }
        // Every two-place decimal up to 100, as in "1.25 days" or "12.5 h".
        for n in 0..10_000u32 {
            let text = format!("{}.{:02}", n / 100, n % 100);
            let want: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(decimal_value(text.as_bytes()), want, "{text}");
        }
        // Absurdly long numbers stay finite and close.
        let long = decimal_value(b"123456789012345678901234.5");
        assert!(
            (long / 1.234_567_890_123_456_8e23 - 1.0).abs() < 1e-12,
            "{long}"
        );
    }

    #[test]
    fn marks() {
        assert_eq!(
            leading_status_mark("✅ done").map(|x| x.0),
            Some(Status::Done)
        );
        assert_eq!(
            leading_status_mark("⚠️ partial").map(|x| x.1),
            Some("partial")
        );
        assert_eq!(leading_status_mark("plain"), None);
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

    #[test]
    fn labels_and_fields() {
        assert_eq!(
            leading_status_label("[Completed] Prompt 065").map(|x| x.0),
            Some(Status::Done)
        );
        assert_eq!(
            leading_status_label("[In Progress] x").map(|x| x.1),
            Some("x")
        );
        assert_eq!(leading_status_label("[link] text"), None);
        assert_eq!(status_field("Status: Missing"), Some(Status::Todo));
        assert_eq!(status_field("Status: ✅ Done"), Some(Status::Done));
        assert_eq!(status_field("Plain text"), None);
    }

    #[test]
    fn heading_statuses() {
        assert_eq!(
            heading_status("Completed (Production-Ready)"),
            Some(Status::Done)
        );
        assert_eq!(heading_status("Critical Issues"), Some(Status::Blocked));
        assert_eq!(
            heading_status("In Progress / Partial"),
            Some(Status::InProgress)
        );
        assert_eq!(heading_status("Not Started"), Some(Status::Todo));
        assert_eq!(heading_status("1. Complete Convex Deployment"), None);
        assert_eq!(heading_status("Definition of Done"), None);
    }

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
        assert_eq!(item_priority("fix the thing P1"), Some(Priority::High));
        assert_eq!(item_priority("tests for critical paths"), None);
    }

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

    #[test]
    fn ranges() {
        let r = |s: &str| explicit_range(s).map(|x| (x.0, x.1));
        assert_eq!(r("Phase 4: Deployment (Day 4-5)"), Some((3.0, Some(5.0))));
        assert_eq!(r("Phase 1 (Week 1-2)"), Some((0.0, Some(10.0))));
        assert_eq!(r("Week 5"), Some((20.0, Some(25.0))));
        assert_eq!(
            r("Phase 6: Post-Launch Support (Week 8+)"),
            Some((35.0, None))
        );
        assert_eq!(r("12-Week Implementation Timeline"), None);
        assert_eq!(r("2 weeks"), None);
        assert_eq!(r("Weeks 4-5"), Some((15.0, Some(25.0))));
    }

    #[test]
    fn stage_keys() {
        assert_eq!(stage_key("🚀 Phase 1: Backend"), Some("phase 1".into()));
        assert_eq!(stage_key("**PHASE 3.1 - x**"), Some("phase 3.1".into()));
        assert_eq!(stage_key("Phases"), None);
        assert_eq!(stage_key("Phase Details"), None);
    }

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

    #[test]
    fn dependency_phrase_lists() {
        let p = dependency_phrases("Deploy (depends on: DB setup, Auth) now");
        assert_eq!(p.len(), 1);
        assert_eq!(split_refs(&p[0].0), vec!["DB setup", "Auth"]);
        assert_eq!(
            split_refs("Phase 7, Phase 8, and Phase 9"),
            vec!["Phase 7", "Phase 8", "Phase 9"]
        );
        assert!(split_refs("Nothing (first phase)").is_empty());
        assert!(dependency_phrases("apps that depend on services").is_empty());
    }

    #[test]
    fn plain_leads() {
        assert_eq!(plain_lead("Alpha: design the schema"), Some("Alpha"));
        assert_eq!(plain_lead("User Auth Flow: login"), Some("User Auth Flow"));
        assert_eq!(plain_lead("See https://example.com for docs"), None);
        assert_eq!(plain_lead("http://x.y: link"), None);
        assert_eq!(plain_lead("Standup at 10:30 daily"), None);
        assert_eq!(plain_lead("10: ten"), None);
        assert_eq!(plain_lead("needs: Alpha"), None);
        assert_eq!(plain_lead("Deploy (depends on: Alpha)"), None);
        assert_eq!(
            plain_lead("One two three four five six seven: too long"),
            None
        );
        assert_eq!(plain_lead("no colon here"), None);
    }

    #[test]
    fn calendar() {
        assert_eq!(
            calendar_span("etcd 3.4 (Q2, 2018)", None),
            Some(("2018-04-01".into(), "2018-06-30".into()))
        );
        assert_eq!(
            calendar_span("Early Q4 (October)", Some(2022)),
            Some(("2022-10-01".into(), "2022-10-31".into()))
        );
        assert_eq!(
            calendar_span("Sometime Q4", Some(2022)),
            Some(("2022-10-01".into(), "2022-12-31".into()))
        );
        assert_eq!(calendar_span("We may ship", Some(2022)), None);
        assert_eq!(
            calendar_span("March 2026", None),
            Some(("2026-03-01".into(), "2026-03-31".into()))
        );
        assert_eq!(calendar_span("no dates", None), None);
    }
}
