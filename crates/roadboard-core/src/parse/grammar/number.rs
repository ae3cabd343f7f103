//! Numbers and number ranges: "1.5", "1-2", "3 to 4", read from bytes without the float
//! parser.

use super::lex::skip_spaces;

/// Reads a decimal number at byte `i`: (value, end).
pub(super) fn number_at(b: &[u8], i: usize) -> Option<(f64, usize)> {
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

/// A range separator at `i` ("-", "–", "—", "to", "a"): index after it.
pub(super) fn range_sep(s: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(s, i);
    let rest = s.get(j..)?;
    for sep in ["-", "–", "—", "to ", "a ", "or "] {
        if rest.starts_with(sep) {
            return Some(skip_spaces(s, j + sep.len()));
        }
    }
    None
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
}
