//! Calendar spans: ISO dates, "March 2026", quarters ("Q3 2025", "Q4’22"), and year
//! headings that give quarters below them their year.

use super::lex::{is_word_start, words};
use super::number::number_at;

/// A calendar span named in `text`: quarters ("Q3 2025", "Q2, 2018", "Q4’22"; the year may
/// come from `year_ctx`), ISO dates, "March 2026". Returns ISO `(start, end)` dates.
pub(crate) fn calendar_span(text: &str, year_ctx: Option<i32>) -> Option<(String, String)> {
    calendar_span_in(text, year_ctx, &crate::parse::ids::normalize(text))
}

/// [`calendar_span`] with `norm` = [`normalize`](crate::parse::ids::normalize)`(text)`.
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
