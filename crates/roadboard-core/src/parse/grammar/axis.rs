//! Places on the working-day axis: "Day 4-5" → 3..5, "Week 1-2" → 0..10, "Week 8+" →
//! 35..open.

use super::duration::{unit_days, DAYS_PER_MONTH, DAYS_PER_WEEK, MAX_DAYS};
use super::lex::{is_word_start, skip_spaces, word_at};
use super::number::{number_at, range_sep};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
