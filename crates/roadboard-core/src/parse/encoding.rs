//! Mojibake repair: UTF-8 text that was once decoded as Windows-1252 or MacRoman
//! ("âœ…" for "✅", "üöÄ" for "🚀"), detected per run of non-ASCII characters.
//!
//! A run is repaired only when mapping its characters back to single bytes yields valid
//! UTF-8 whose characters are plausible text, so clean accented or non-Latin text (whose
//! bytes never form valid UTF-8 sequences this way) is left alone. The document picks the
//! one encoding that explains more runs; newlines and ASCII are never touched, so line
//! numbers and ASCII columns stay those of the original.

use super::fxhash::FastMap;
use crate::model::EncodingRepair;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Windows-1252 bytes 0x80..=0x9F; `\0` marks the five undefined bytes.
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// MacRoman bytes 0x80..=0xFF.
const MAC_ROMAN: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// Bytes that Windows-1252 leaves undefined; decoders often drop them, so a missing
/// continuation byte is tried as one of these.
const CP1252_UNDEFINED: [u8; 5] = [0x8F, 0x8D, 0x90, 0x81, 0x9D];

fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xA0..=0xFF).contains(&u) || (0x80..=0x9F).contains(&u) {
        // Latin-1 range, and C1 controls standing in for undefined bytes.
        return u8::try_from(u).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c && h != '\0')
        .and_then(|p| u8::try_from(0x80 + p).ok())
}

fn mac_roman_byte(c: char) -> Option<u8> {
    static TABLE: OnceLock<FastMap<char, u8>> = OnceLock::new();
    if c == '¤' {
        return Some(0xDB); // older MacRoman tables
    }
    TABLE
        .get_or_init(|| {
            MAC_ROMAN
                .chars()
                .enumerate()
                .filter_map(|(p, m)| u8::try_from(0x80 + p).ok().map(|b| (m, b)))
                .collect()
        })
        .get(&c)
        .copied()
}

fn encode(kind: EncodingRepair, c: char) -> Option<u8> {
    match kind {
        EncodingRepair::Windows1252 => cp1252_byte(c),
        EncodingRepair::MacRoman => mac_roman_byte(c),
    }
}

fn utf8_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// Characters a repair may produce.
fn plausible(c: char) -> bool {
    let u = c as u32;
    !((0x80..=0x9F).contains(&u)
        || (0xE000..=0xF8FF).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
        || (0xF0000..).contains(&u))
}

/// Characters a guessed (dropped-byte) repair may produce: emoji, symbols, VS16.
fn plausible_guess(c: char) -> bool {
    let u = c as u32;
    u == 0xFE0F || (0x2600..=0x27BF).contains(&u) || (0x1F000..=0x1FAFF).contains(&u)
}

/// Decodes `bytes` as UTF-8 made only of multi-byte sequences; with `guess`, one dropped
/// Windows-1252-undefined continuation byte per sequence is restored.
fn decode_run(bytes: &[u8], guess: bool) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let lead = *bytes.get(i)?;
        let need = utf8_len(lead)?;
        let have = 1 + bytes
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .take(need - 1)
            .take_while(|b| is_cont(**b))
            .count();
        if have == need {
            let s = std::str::from_utf8(bytes.get(i..i + need)?).ok()?;
            let c = s.chars().next()?;
            if !plausible(c) {
                return None;
            }
            out.push(c);
            i += need;
        } else if guess && have + 1 == need {
            let got = bytes.get(i..i + have)?;
            let mut found = None;
            'positions: for pos in 1..need {
                for cand in CP1252_UNDEFINED {
                    let mut seq: Vec<u8> = Vec::with_capacity(need);
                    seq.extend_from_slice(got.get(..pos)?);
                    seq.push(cand);
                    seq.extend_from_slice(got.get(pos..)?);
                    if let Some(c) = std::str::from_utf8(&seq)
                        .ok()
                        .and_then(|s| s.chars().next())
                    {
                        if plausible_guess(c) {
                            found = Some(c);
                            break 'positions;
                        }
                    }
                }
            }
            out.push(found?);
            i += have;
        } else {
            return None;
        }
    }
    Some(out)
}

/// The repair of one run of non-ASCII characters, if it is mojibake in `kind`.
fn repair_run(kind: EncodingRepair, run: &str) -> Option<String> {
    // most runs of clean text fail on their first character: no allocation for them
    encode(kind, run.chars().next()?)?;
    let mut bytes = Vec::with_capacity(run.len());
    for c in run.chars() {
        bytes.push(encode(kind, c)?);
    }
    if bytes.len() < 2 {
        return None;
    }
    decode_run(&bytes, kind == EncodingRepair::Windows1252)
}

/// Splits `text` into maximal runs of non-ASCII characters: (byte start, byte end).
fn runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        i += b.get(i..)?.iter().position(|c| !c.is_ascii())?;
        let start = i;
        i += b
            .get(i..)?
            .iter()
            .position(u8::is_ascii)
            .unwrap_or(b.len() - i);
        Some((start, i))
    })
}

/// The outcome of [`repair`].
pub(crate) struct Repaired<'a> {
    /// The text to parse (repaired, or the input).
    pub(crate) text: Cow<'a, str>,
    /// Which repair was applied.
    pub(crate) kind: Option<EncodingRepair>,
    /// How many runs of characters were repaired.
    pub(crate) runs: usize,
    /// 1-based lines that were changed (first few), for the diagnostic.
    pub(crate) first_line: Option<usize>,
}

/// Detects and repairs Windows-1252 or MacRoman mojibake in `text`.
pub(crate) fn repair(text: &str) -> Repaired<'_> {
    let unchanged = |t| Repaired {
        text: Cow::Borrowed(t),
        kind: None,
        runs: 0,
        first_line: None,
    };
    if text.is_ascii() {
        return unchanged(text);
    }
    // both encodings counted in one pass over the runs
    let (mut win, mut mac) = (0, 0);
    for (s, e) in runs(text) {
        let Some(r) = text.get(s..e) else { continue };
        win += usize::from(repair_run(EncodingRepair::Windows1252, r).is_some());
        mac += usize::from(repair_run(EncodingRepair::MacRoman, r).is_some());
    }
    let kind = if win == 0 && mac == 0 {
        return unchanged(text);
    } else if win >= mac {
        EncodingRepair::Windows1252
    } else {
        EncodingRepair::MacRoman
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut n = 0;
    let mut first = None;
    for (s, e) in runs(text) {
        let Some(run) = text.get(s..e) else { continue };
        if let Some(fixed) = repair_run(kind, run) {
            out.push_str(text.get(last..s).unwrap_or(""));
            out.push_str(&fixed);
            last = e;
            n += 1;
            if first.is_none() {
                first = Some(text.get(..s).map_or(0, |p| p.matches('\n').count()) + 1);
            }
        }
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Repaired {
        text: Cow::Owned(out),
        kind: Some(kind),
        runs: n,
        first_line: first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_emoji_and_accents() {
        let r = repair("### âœ… Completed\nVISIÃ“N y migraciÃ³n ðŸ”´\n");
        assert_eq!(r.kind, Some(EncodingRepair::Windows1252));
        assert_eq!(r.text, "### ✅ Completed\nVISIÓN y migración 🔴\n");
    }

    #[test]
    fn windows_1252_dropped_bytes_are_guessed() {
        // 0x8F of U+FE0F and of 🏫 were dropped by the decoder.
        let r = repair("ðŸ—ºï¸ mapa ðŸ« escuela â\u{9d}Œ");
        assert_eq!(r.text, "🗺\u{fe0f} mapa 🏫 escuela ❌");
    }

    #[test]
    fn mac_roman() {
        let r = repair("# \u{f8ff}üöÄ LyoApp\n### ‚ö†Ô∏è **In Progress**\n");
        assert_eq!(r.kind, Some(EncodingRepair::MacRoman));
        assert_eq!(r.text, "# 🚀 LyoApp\n### ⚠️ **In Progress**\n");
    }

    #[test]
    fn clean_text_is_left_alone() {
        for clean in [
            "Café déjà vu — “quoted” naïve façade, São Paulo, ções, Straße über",
            "ESP-IDF 项目路线图 2026 — 版本",
            "نقشه راه فارسی ✅ 🚀 → ←",
            "Übersicht: größere Änderungen…",
            "≤ 5 min ± 2 · résumé",
        ] {
            let r = repair(clean);
            assert_eq!(r.kind, None, "{clean}");
            assert_eq!(r.text, clean);
        }
    }
}
