//! Text for the drawing: approximate widths and truncation (so labels and notes fit without a
//! browser to measure them), and the number and XML escaping of the SVG output.

/// Approximate width of `text` in pixels at `font` px in a system sans-serif: enough to keep
/// labels apart and truncate them; the SVG never depends on it being exact.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | ' ' => {
                0.3
            }
            'f' | 't' | 'r' | '-' | '/' => 0.4,
            'm' | 'w' | 'M' | 'W' | '@' => 0.85,
            'A'..='Z' | '0'..='9' | '~' | '·' | '–' | '—' => 0.62,
            c if c.is_ascii() => 0.6,
            '\u{fe0f}' | '\u{200d}' => 0.0,
            c if (c as u32) >= 0x2000 => 1.15,
            _ => 0.6,
        })
        .sum::<f64>()
        * font
}

/// `text` cut to fit `width` pixels at `font` px, with "…" when cut.
pub fn truncate(text: &str, width: f64, font: f64) -> String {
    if text_width(text, font) <= width {
        return text.to_string();
    }
    let budget = width - text_width("…", font);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), font);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// `text` fitted to `width` pixels at `font` px on at most two lines (joined by `\n`): broken
/// at the last space that fits, the second line cut with "…" only when it still does not fit.
/// A text that fits one line stays one line; one with no space to break at is cut.
pub(super) fn wrap_two(text: &str, width: f64, font: f64) -> String {
    if text_width(text, font) <= width {
        return text.to_string();
    }
    let mut used = 0.0;
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        used += text_width(c.encode_utf8(&mut [0; 4]), font);
        if used > width {
            break;
        }
        if c == ' ' {
            last_space = Some(i);
        }
    }
    match last_space {
        Some(i) if i > 0 => {
            let (first, rest) = text.split_at(i);
            format!(
                "{}\n{}",
                first.trim_end(),
                truncate(rest.trim_start(), width, font)
            )
        }
        _ => truncate(text, width, font),
    }
}

/// A number for SVG output: at most two decimals, no trailing zeros.
pub fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_keeps_short_text_and_cuts_long_text() {
        assert_eq!(truncate("Deploy", 200.0, 13.0), "Deploy");
        let cut = truncate(&"Production Configuration ".repeat(5), 120.0, 13.0);
        assert!(cut.ends_with('…'));
        let two = wrap_two("Phase 3: Coverage and hardening", 120.0, 13.0);
        assert!(two.contains('\n') && two.starts_with("Phase 3:"), "{two}");
        assert!(
            two.split('\n').all(|l| text_width(l, 13.0) <= 120.0),
            "{two}"
        );
        assert_eq!(wrap_two("Short", 120.0, 13.0), "Short");
        assert!(text_width(&cut, 13.0) <= 120.0 + 0.01);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(3.456), "3.46");
        assert_eq!(num(2.5), "2.5");
    }
}
