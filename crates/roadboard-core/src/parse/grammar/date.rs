//! Calendar spans, the one date grammar of the reader: ISO dates, written days ("Jan 20,
//! 2026", "20 Jan 2026", "Feb 2nd, 2026"), weeks of a month ("2nd week of May 2026"), months
//! ("November 2023"), quarters ("Q3 2025", "2025 Q3", "Q4'22"), halves ("H2 2026"), US
//! dates ("1/20/2025"), and ranges of any two ("Jan 6 – Feb 14, 2026",
//! "2026-01-20 → 2026-02-09"); and year headings that give the dates below them their year.
//!
//! ```text
//! span    = point , [ sep , point ] ;              the range runs from the first to the second
//! sep     = "-" | "–" | "—" | "→" | "->" | "~" | "to" | "through" | "until"
//! point   = iso | us | day | week | month | quarter | half ;
//! iso     = YYYY "-" MM "-" DD ;                   "2026-01-20"
//! us      = M "/" D [ "/" YYYY ] ;                 "1/20/2025"; without a year only with one in context
//! day     = month-name , D [ "st" | "nd" | "rd" | "th" ] , [ "," ] , [ year ]
//!         | D , month-name , [ "," ] , [ year ] ;  "Jan 20, 2026", "20 Jan 2026"
//! week    = ordinal , "week of" , month-name , [ year ] ;
//! month   = month-name , [ year ] ;                "November 2023", "Nov 2023"
//! quarter = "Q" 1-4 , [ "," | "'" ] , [ year | YY ] | year , "Q" 1-4 ;
//! half    = "H" 1-2 , [ year ] | year , "H" 1-2 ;
//! ```
//!
//! The first range in the text wins, else its most precise point ("Early Q4 (October)" is
//! October). A point without its year takes the year of the range's other end ("Jan 6 – Feb 14,
//! 2026"), else the year of an enclosing year heading (`### 2022`), else it is no date. A bare
//! month needs a year right after it unless its name is longer than three letters ("may" is
//! also a verb). Years are 1990–2100.

use super::lex::is_word_start;

/// Month names and their usual abbreviations, by month number − 1.
const MONTHS: [(&str, &str); 12] = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
];

/// A token of date text.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A lowercase word of letters.
    Word(String),
    /// A number: value, digit count, ordinal suffix ("2nd").
    Num(u32, usize, bool),
    /// `YYYY-MM-DD`.
    Iso(i32, u32, u32),
    /// `M/D` or `M/D/Y`.
    Slash(u32, u32, Option<i32>),
    /// "Q3".
    Quarter(u32),
    /// "H2".
    Half(u32),
    /// A range separator.
    Sep,
    /// `,` or an apostrophe: skipped between a quarter and its year.
    Glue,
    /// Anything else: ends a date.
    Other,
}

/// Splits `text` into date tokens (linear; every other character is `Other`), with the byte
/// offset where each starts and ends.
fn tokens(text: &str) -> (Vec<Tok>, Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let n = c.len_utf8();
        if c.is_ascii_digit() {
            if let Some((t, len)) = iso_at(text, i).or_else(|| slash_at(b, i)) {
                out.push(t);
                at.push((i, i + len));
                i += len;
                continue;
            }
            let mut j = i;
            let mut v: u64 = 0;
            while let Some(d) = b.get(j).filter(|d| d.is_ascii_digit()) {
                v = (v * 10 + u64::from(d - b'0')).min(1_000_000);
                j += 1;
            }
            let digits = j - i;
            let mut k = j;
            while b.get(k).is_some_and(u8::is_ascii_alphabetic) {
                k += 1;
            }
            let suffix = text.get(j..k).unwrap_or("").to_ascii_lowercase();
            let ordinal = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
            if suffix.is_empty() || ordinal {
                out.push(Tok::Num(v as u32, digits, ordinal));
            } else {
                out.push(Tok::Other);
            }
            at.push((i, k));
            i = k;
        } else if c.is_alphabetic() {
            let mut j = i;
            while let Some(ch) = text.get(j..).and_then(|r| r.chars().next()) {
                if !ch.is_alphanumeric() {
                    break;
                }
                j += ch.len_utf8();
            }
            let w = text.get(i..j).unwrap_or("").to_lowercase();
            out.push(word_token(&w));
            at.push((i, j));
            i = j;
        } else {
            let from = i;
            out.push(match c {
                '-' | '–' | '—' | '→' | '~' | '⟶' => {
                    if b.get(i + 1) == Some(&b'>') {
                        i += 1;
                    }
                    Tok::Sep
                }
                ',' | '\'' | '’' => Tok::Glue,
                c if c.is_whitespace() => {
                    i += n;
                    continue;
                }
                _ => Tok::Other,
            });
            i += n;
            at.push((from, i));
        }
    }
    (out, at)
}

/// A word, or a quarter/half ("q3", "h2").
fn word_token(w: &str) -> Tok {
    let mut cs = w.chars();
    if let (Some(l), Some(d), None) = (cs.next(), cs.next(), cs.next()) {
        let n = d.to_digit(10).unwrap_or(0);
        match l {
            'q' if (1..=4).contains(&n) => return Tok::Quarter(n),
            'h' if (1..=2).contains(&n) => return Tok::Half(n),
            _ => {}
        }
    }
    if w.chars().all(char::is_alphabetic) {
        Tok::Word(w.to_string())
    } else {
        Tok::Other
    }
}

/// `YYYY-MM-DD` at `i` (a word start, not followed by a digit).
fn iso_at(text: &str, i: usize) -> Option<(Tok, usize)> {
    let w = text.as_bytes().get(i..i + 10)?;
    let shape = w.iter().enumerate().all(|(k, c)| {
        if k == 4 || k == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !shape
        || !is_word_start(text, i)
        || text.as_bytes().get(i + 10).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let s = std::str::from_utf8(w).ok()?;
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((Tok::Iso(y, m, d), 10))
}

/// `M/D` or `M/D/YYYY` (or `/YY`) at `i`.
fn slash_at(b: &[u8], i: usize) -> Option<(Tok, usize)> {
    if i > 0
        && b.get(i - 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/')
    {
        return None;
    }
    let num = |k: usize, max: usize| -> Option<(u32, usize)> {
        let mut j = k;
        let mut v = 0u32;
        while let Some(d) = b.get(j).filter(|d| d.is_ascii_digit()) {
            v = v * 10 + u32::from(d - b'0');
            j += 1;
            if j - k > max {
                return None;
            }
        }
        (j > k).then_some((v, j))
    };
    let (m, j) = num(i, 2)?;
    if b.get(j) != Some(&b'/') {
        return None;
    }
    let (d, mut k) = num(j + 1, 2)?;
    let mut y = None;
    if b.get(k) == Some(&b'/') {
        let (v, e) = num(k + 1, 4)?;
        let digits = e - k - 1;
        y = match digits {
            4 => Some(v as i32),
            2 => Some(2000 + v as i32),
            _ => return None,
        };
        k = e;
    }
    if b.get(k)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/')
    {
        return None;
    }
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((Tok::Slash(m, d, y), k - i))
}

/// The month a word names (1–12).
fn month_of(w: &str) -> Option<(u32, bool)> {
    MONTHS
        .iter()
        .position(|(full, abbr)| w == *full || w == *abbr || (*abbr == "sep" && w == "sept"))
        .map(|m| (m as u32 + 1, w.len() > 3))
}

/// A four-digit year in range.
fn year4(t: Option<&Tok>) -> Option<i32> {
    match t {
        Some(Tok::Num(v, 4, false)) if (1990..=2100).contains(v) => Some(*v as i32),
        _ => None,
    }
}

/// A point whose year may still be missing.
#[derive(Debug, Clone, Copy)]
enum Unit {
    /// A day of a month.
    Day(u32, u32),
    /// Days `from..=to` of a month (a week of it).
    Days(u32, u32, u32),
    /// A month; `long` when its name is longer than three letters.
    Month(u32, bool),
    /// A quarter.
    Quarter(u32),
    /// A half-year.
    Half(u32),
}

/// A point: what it is, its own year, and the index of the token after it.
type Point = (Unit, Option<i32>, usize);

/// The point starting at token `i`.
fn point(t: &[Tok], i: usize) -> Option<Point> {
    match t.get(i)? {
        Tok::Iso(y, m, d) => Some((Unit::Day(*m, *d), Some(*y), i + 1)),
        Tok::Slash(m, d, y) => Some((Unit::Day(*m, *d), *y, i + 1)),
        Tok::Quarter(q) => {
            let mut j = i + 1;
            while t.get(j) == Some(&Tok::Glue) {
                j += 1;
            }
            match t.get(j) {
                Some(Tok::Num(v, 2, false)) => {
                    Some((Unit::Quarter(*q), Some(2000 + *v as i32), j + 1))
                }
                n => match year4(n) {
                    Some(y) => Some((Unit::Quarter(*q), Some(y), j + 1)),
                    None => Some((Unit::Quarter(*q), None, i + 1)),
                },
            }
        }
        Tok::Half(h) => match year4(t.get(i + 1)) {
            Some(y) => Some((Unit::Half(*h), Some(y), i + 2)),
            None => Some((Unit::Half(*h), None, i + 1)),
        },
        Tok::Num(v, digits, ordinal) => {
            if let Some(y) = year4(t.get(i)) {
                return match t.get(i + 1) {
                    Some(Tok::Quarter(q)) => Some((Unit::Quarter(*q), Some(y), i + 2)),
                    Some(Tok::Half(h)) => Some((Unit::Half(*h), Some(y), i + 2)),
                    _ => None,
                };
            }
            if *digits > 2 || *v == 0 || *v > 31 {
                return None;
            }
            // "2nd week of May 2026"
            if let (true, Some(Tok::Word(w)), Some(Tok::Word(of)), Some(Tok::Word(m))) =
                (*ordinal, t.get(i + 1), t.get(i + 2), t.get(i + 3))
            {
                if w == "week" && of == "of" && (1..=5).contains(v) {
                    let (m, _) = month_of(m)?;
                    let from = (v - 1) * 7 + 1;
                    return Some((
                        Unit::Days(m, from, from + 6),
                        year4(t.get(i + 4)),
                        i + 4 + usize::from(year4(t.get(i + 4)).is_some()),
                    ));
                }
            }
            // "20 Jan 2026"
            let Some(Tok::Word(w)) = t.get(i + 1) else {
                return None;
            };
            let (m, _) = month_of(w)?;
            let (y, next) = year_after(t, i + 2);
            Some((Unit::Day(m, *v), y, next))
        }
        Tok::Word(w) => {
            let (m, long) = month_of(w)?;
            match t.get(i + 1) {
                Some(Tok::Num(d, digits, _)) if *digits <= 2 && (1..=31).contains(d) => {
                    let (y, next) = year_after(t, i + 2);
                    Some((Unit::Day(m, *d), y, next))
                }
                n => match year4(n) {
                    Some(y) => Some((Unit::Month(m, long), Some(y), i + 2)),
                    None => Some((Unit::Month(m, long), None, i + 1)),
                },
            }
        }
        _ => None,
    }
}

/// A year right after a day (", 2026" or " 2026"): (year, next token).
fn year_after(t: &[Tok], i: usize) -> (Option<i32>, usize) {
    let j = if t.get(i) == Some(&Tok::Glue) {
        i + 1
    } else {
        i
    };
    match year4(t.get(j)) {
        Some(y) => (Some(y), j + 1),
        None => (None, i),
    }
}

/// First and last day of `unit` in year `y`.
fn days_of(unit: Unit, y: i32) -> Option<(String, String)> {
    let iso = |m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}");
    let last = |m: u32| crate::calendar::month_len(i64::from(y), m);
    Some(match unit {
        Unit::Day(m, d) => {
            crate::calendar::Date::from_ymd(i64::from(y), m, d)?;
            (iso(m, d), iso(m, d))
        }
        Unit::Days(m, a, b) => {
            if a > last(m) {
                return None;
            }
            (iso(m, a), iso(m, b.min(last(m))))
        }
        Unit::Month(m, _) => (iso(m, 1), iso(m, last(m))),
        Unit::Quarter(q) => {
            let m0 = (q - 1) * 3 + 1;
            (iso(m0, 1), iso(m0 + 2, last(m0 + 2)))
        }
        Unit::Half(h) => {
            let m0 = (h - 1) * 6 + 1;
            (iso(m0, 1), iso(m0 + 5, last(m0 + 5)))
        }
    })
}

/// A point alone may use the context year only if it is not a bare short month ("may").
fn ctx_ok(unit: Unit) -> bool {
    !matches!(unit, Unit::Month(_, false))
}

/// A calendar span named in `text` (see the module doc): ISO `(first day, last day)`.
/// `year_ctx` is the year of an enclosing year heading.
pub(crate) fn calendar_span(text: &str, year_ctx: Option<i32>) -> Option<(String, String)> {
    calendar_phrase(text, year_ctx).map(|(span, _)| span)
}

/// [`calendar_span`] and the phrase that wrote it ("Jan 6 – Feb 14, 2026"), as a slice of
/// `text`.
pub(crate) fn calendar_phrase(
    text: &str,
    year_ctx: Option<i32>,
) -> Option<((String, String), &str)> {
    // every date has a digit, or is a month under a year heading
    if year_ctx.is_none() && !text.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (t, at) = tokens(text);
    let phrase = |i: usize, j: usize| {
        let a = at.get(i).map_or(0, |x| x.0);
        let b = j
            .checked_sub(1)
            .and_then(|k| at.get(k))
            .map_or(text.len(), |x| x.1);
        text.get(a..b.max(a)).unwrap_or("")
    };
    // the first range wins, else the most precise point (the first of equals)
    let mut best: Option<Best> = None;
    for i in 0..t.len() {
        let Some((a, ya, next)) = point(&t, i) else {
            continue;
        };
        // a range: "Jan 6 – Feb 14, 2026"
        let b = match t.get(next) {
            Some(Tok::Sep) => point(&t, next + 1),
            Some(Tok::Word(w)) if matches!(w.as_str(), "to" | "through" | "until" | "till") => {
                point(&t, next + 1)
            }
            _ => None,
        };
        if let Some((bu, yb, end)) = b {
            let yb = yb.or(ya).or(year_ctx);
            let ya2 = ya.or(yb);
            if let (Some(y1), Some(y2)) = (ya2, yb) {
                if let (Some((s, _)), Some((_, e))) = (days_of(a, y1), days_of(bu, y2)) {
                    if s <= e {
                        return Some(((s, e), phrase(i, end)));
                    }
                }
            }
        }
        let y = ya.or(year_ctx.filter(|_| ctx_ok(a)));
        if let Some(span) = y.and_then(|y| days_of(a, y)) {
            if best.as_ref().is_none_or(|(r, _, _)| precision(a) > *r) {
                best = Some((precision(a), span, (i, next)));
            }
        }
    }
    best.map(|(_, s, (i, j))| (s, phrase(i, j)))
}

/// The best single point so far: its precision, its span, its token range.
type Best = (u8, (String, String), (usize, usize));

/// How precise a point is: a day beats a week, a week a month, a month a quarter.
fn precision(u: Unit) -> u8 {
    match u {
        Unit::Day(..) => 4,
        Unit::Days(..) => 3,
        Unit::Month(..) => 2,
        Unit::Quarter(_) => 1,
        Unit::Half(_) => 0,
    }
}

/// [`calendar_span`]; `_norm` (the normalised text) is kept for callers that have it.
pub(crate) fn calendar_span_in(
    text: &str,
    year_ctx: Option<i32>,
    _norm: &str,
) -> Option<(String, String)> {
    calendar_span(text, year_ctx)
}

/// Words that say a date is when something ends ("Estimated Completion: March 9, 2024",
/// "(completed 2026-03-30)", "Due by Jan 5", a Completed or Target date column).
const END_WORDS: [&str; 19] = [
    "completion",
    "completed",
    "complete",
    "done",
    "due",
    "deadline",
    "target",
    "targeted",
    "eta",
    "by",
    "until",
    "released",
    "shipped",
    "finish",
    "finished",
    "end",
    "ends",
    "ended",
    "delivered",
];

/// A word that introduces a date in a title ("Estimated Completion: March 9, 2024", "Release
/// date: Q3"): an end word, or one that says the date is planned.
pub(crate) fn leads_in_date(word: &str) -> bool {
    END_WORDS.contains(&word)
        || matches!(
            word,
            "estimated" | "est" | "expected" | "planned" | "date" | "release"
        )
}

/// `words` ends with a word that makes the date after it an end ("Estimated Completion",
/// "completed", "Target date"): one of its last two words is an end word.
pub(crate) fn says_end(words: &str) -> bool {
    let norm = crate::parse::ids::normalize(words);
    norm.split(' ')
        .rev()
        .take(2)
        .any(|w| END_WORDS.contains(&w))
}

/// The date `phrase` (a slice found in `text`) is introduced as an end ("Estimated
/// Completion: March 9, 2024"); "Kick-off March 9, 2024" is not.
pub(crate) fn introduces_end(text: &str, phrase: &str) -> bool {
    text.find(phrase)
        .is_some_and(|p| says_end(text.get(..p).unwrap_or("")))
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

    fn span(s: &str, y: Option<i32>) -> Option<(String, String)> {
        calendar_span(s, y)
    }

    #[test]
    fn phrases() {
        let p = |s: &str| calendar_phrase(s, None).map(|x| x.1.to_string());
        assert_eq!(
            p("Launch (2026-03-02 → 2026-03-06)").as_deref(),
            Some("2026-03-02 → 2026-03-06")
        );
        assert_eq!(
            p("Phase 2: Jan 6 – Feb 14, 2026").as_deref(),
            Some("Jan 6 – Feb 14, 2026")
        );
        assert_eq!(p("etcd 3.4 (Q2, 2018)").as_deref(), Some("Q2, 2018"));
    }

    fn is(s: &str, a: &str, b: &str) {
        assert_eq!(span(s, None), Some((a.into(), b.into())), "{s}");
    }

    #[test]
    fn calendar() {
        assert_eq!(
            span("etcd 3.4 (Q2, 2018)", None),
            Some(("2018-04-01".into(), "2018-06-30".into()))
        );
        assert_eq!(
            span("Early Q4 (October)", Some(2022)),
            Some(("2022-10-01".into(), "2022-10-31".into()))
        );
        assert_eq!(
            span("Sometime Q4", Some(2022)),
            Some(("2022-10-01".into(), "2022-12-31".into()))
        );
        assert_eq!(
            span("October", Some(2022)),
            Some(("2022-10-01".into(), "2022-10-31".into()))
        );
        assert_eq!(span("We may ship", Some(2022)), None);
        is("March 2026", "2026-03-01", "2026-03-31");
        assert_eq!(span("no dates", None), None);
    }

    #[test]
    fn dates_introduced_as_ends() {
        assert!(introduces_end(
            "Phase 1: Rollout - Estimated Completion: March 9, 2024",
            "March 9, 2024"
        ));
        assert!(introduces_end(
            "Phase 1 (completed 2026-03-30)",
            "2026-03-30"
        ));
        assert!(introduces_end("**Due by** Jan 5, 2026", "Jan 5, 2026"));
        assert!(says_end("Target date"));
        assert!(!introduces_end("Kick-off March 9, 2024", "March 9, 2024"));
        assert!(!introduces_end("Sprint 3 (2026-02-02)", "2026-02-02"));
        assert!(!says_end("Date"));
        assert!(!says_end("Start"));
    }

    #[test]
    fn days_weeks_and_ranges() {
        is("2026-01-20", "2026-01-20", "2026-01-20");
        is("Jan 20, 2026", "2026-01-20", "2026-01-20");
        is("January 20 2026", "2026-01-20", "2026-01-20");
        is("20 Jan 2026", "2026-01-20", "2026-01-20");
        is("Feb 2nd, 2026", "2026-02-02", "2026-02-02");
        is(
            "Estimated Completion: March 9, 2024",
            "2024-03-09",
            "2024-03-09",
        );
        is("January 11th, 2024", "2024-01-11", "2024-01-11");
        is("2nd week of May 2026", "2026-05-08", "2026-05-14");
        is("Rook Ceph 1.13 (November 2023)", "2023-11-01", "2023-11-30");
        is("Nov 2023", "2023-11-01", "2023-11-30");
        is("Q3 2025", "2025-07-01", "2025-09-30");
        is("2025 Q3", "2025-07-01", "2025-09-30");
        is("Roadmap Q4'22", "2022-10-01", "2022-12-31");
        is("Q4’22", "2022-10-01", "2022-12-31");
        is("H2 2026", "2026-07-01", "2026-12-31");
        is("2024 H1", "2024-01-01", "2024-06-30");
        is("Jan 6 – Feb 14, 2026", "2026-01-06", "2026-02-14");
        is("2026-01-20 → 2026-02-09", "2026-01-20", "2026-02-09");
        is("1/20/2025-1/26/2025", "2025-01-20", "2025-01-26");
        is("v0.3.0, July ~ August 2021", "2021-07-01", "2021-08-31");
        assert_eq!(
            span("12/2-12/9", Some(2024)),
            Some(("2024-12-02".into(), "2024-12-09".into()))
        );
        assert_eq!(span("12/2-12/9", None), None);
        // numbers that are not dates
        for s in [
            "Phase 1 (Week 1-2)",
            "v1.13",
            "Sprint 3-4 (Weeks 3-4)",
            "1000 hours",
            "2 weeks",
            "Top 10 items",
            "Feb 30, 2026",
            "Step 2 of May",
        ] {
            assert_eq!(span(s, None), None, "{s}");
        }
    }
}
