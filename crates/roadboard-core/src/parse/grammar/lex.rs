//! Words and bytes: the scanning primitives the grammars share (word starts, lowercase
//! words, ASCII searches), written for the short texts of headings and items.

/// `s` without leading emoji, symbols and markup, for display ("✅ **Done**" → "Done**").
pub(crate) fn strip_leading_symbols(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '(' | '"' | '\'' | '[' | '`' | '“' | '¿' | '¡'))
    })
    .trim_end()
}

/// Lowercase words (split on anything that is not a letter or digit) of `s`, as slices of
/// `norm`, which must be [`normalize`](crate::parse::ids::normalize)`(s)`: one allocation for all
/// the words instead of one per word.
pub(super) fn words(norm: &str) -> Vec<&str> {
    norm.split(' ').filter(|w| !w.is_empty()).collect()
}

pub(super) fn has_seq(ws: &[&str], seq: &[&str]) -> bool {
    !seq.is_empty()
        && ws
            .windows(seq.len())
            .any(|w| w.iter().zip(seq).all(|(a, b)| a == b))
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

pub(super) fn skip_spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    // bounded, so that scanning from every marker of a long run stays linear
    let limit = i + 8;
    while i < limit && b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += 1;
    }
    i
}

/// A word lowercased: on the stack when it is short ASCII (every keyword is), else on the
/// heap.
pub(super) struct LowerWord {
    buf: [u8; 16],
    len: usize,
    heap: Option<String>,
}

impl LowerWord {
    pub(super) fn as_str(&self) -> &str {
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
pub(super) fn word_at(s: &str, i: usize) -> (LowerWord, usize) {
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

pub(super) fn is_word_start(s: &str, i: usize) -> bool {
    i == 0
        || s.get(..i)
            .and_then(|p| p.chars().next_back())
            .is_some_and(|c| !c.is_alphanumeric())
}

/// ASCII-case-insensitive `ends_with`.
pub(super) fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()
            .get(s.len() - suffix.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(suffix.as_bytes()))
}
