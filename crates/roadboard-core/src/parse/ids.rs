//! Stage 4, stable ids, and the text normalisation they rest on: what makes "the same item"
//! across edits.
//!
//! An id is built from normalised text (lowercase, markup, emoji and punctuation dropped,
//! whitespace collapsed) and the section path, never from a position or a checkbox state:
//! `i-<slug>-<hash>` for items, `s-<slug>-<hash>` for sections, or the author's own `{#id}`.

use super::fxhash::FastMap;
use super::grammar;
use super::walk::{RawItem, RawSection};
use crate::model::Diagnostic;

/// The ids of the sections and of the items, in their order.
pub(super) struct Ids {
    /// Per section.
    pub(super) sections: Vec<String>,
    /// Per item.
    pub(super) items: Vec<String>,
}

/// Gives every section, then every item, its id: the author's `{#id}` when it is free
/// (a taken one is reported and replaced), else a slug and a hash of its normalised text
/// and section path, with an occurrence suffix for repeats.
pub(super) fn assign(
    sections: &[RawSection],
    items: &[RawItem],
    diagnostics: &mut Vec<Diagnostic>,
) -> Ids {
    let mut alloc = IdAllocator::default();
    let mut section_ids: Vec<String> = Vec::with_capacity(sections.len());
    // hash state of each section's path, shared by everything under it
    let root_hash = path_hash("");
    let path_hashes: Vec<u64> = sections.iter().map(|s| path_hash(&s.path_key)).collect();
    for s in sections {
        let parent_path = s
            .parent
            .and_then(|p| path_hashes.get(p).copied())
            .unwrap_or(root_hash);
        let id = match &s.explicit_id {
            Some(e) if alloc.reserve(e) => e.clone(),
            Some(e) => {
                diagnostics.push(Diagnostic {
                    line: s.line,
                    message: format!("id {{#{e}}} is used twice; this heading got another id"),
                });
                alloc.unique(section_base_hashed(parent_path, &s.title))
            }
            None => alloc.unique(section_base_hashed(parent_path, &s.title)),
        };
        section_ids.push(id);
    }
    let mut item_ids: Vec<String> = Vec::with_capacity(items.len());
    for it in items {
        let path = it
            .section
            .and_then(|s| path_hashes.get(s).copied())
            .unwrap_or(root_hash);
        let id = match &it.explicit_id {
            Some(e) if alloc.reserve(e) => e.clone(),
            Some(e) => {
                diagnostics.push(Diagnostic {
                    line: it.line,
                    message: format!("id {{#{e}}} is used twice; this item got another id"),
                });
                alloc.unique(item_base_hashed(path, id_text(it)))
            }
            None => alloc.unique(item_base_hashed(path, id_text(it))),
        };
        item_ids.push(id);
    }
    Ids {
        sections: section_ids,
        items: item_ids,
    }
}

/// The part of an item's text its id is made of: up to its first dependency phrase.
fn id_text(it: &RawItem) -> &str {
    let cut = it
        .dep_cut
        .unwrap_or_else(|| grammar::first_dependency_phrase(&it.text));
    grammar::without_dependencies_at(&it.text, cut)
}

/// Lowercase words of `s` joined by single spaces; everything that is not a letter or digit
/// (markup, emoji, punctuation) separates words and is dropped.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalized_chars(s, |c| {
        out.push(c);
        true
    });
    out
}

/// Blocks of punctuation, arrows, symbols, dingbats and emoji that hold no letter or digit
/// (checked by a test against the Unicode tables in use): the marks roadmaps are full of
/// are decided here without a table lookup.
const SYMBOL_BLOCKS: [(u32, u32); 7] = [
    (0x2000, 0x206F),
    (0x2190, 0x245F),
    (0x2500, 0x2775),
    (0x2794, 0x2BFF),
    (0xFE00, 0xFE0F),
    (0x1F000, 0x1F0FF),
    (0x1F18A, 0x1FAFF),
];

/// `c.is_alphanumeric()` for a non-ASCII `c`, with the common symbol blocks answered first.
fn is_alnum_non_ascii(c: char) -> bool {
    let u = c as u32;
    if SYMBOL_BLOCKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)) {
        return false;
    }
    c.is_alphanumeric()
}

/// Feeds the characters of [`normalize`]`(s)` to `emit`, without allocating, until `emit`
/// returns false. ASCII bytes take a fast path (no UTF-8 decoding, no Unicode tables).
fn normalized_chars(s: &str, mut emit: impl FnMut(char) -> bool) {
    let mut pending_space = false;
    let mut any = false;
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&byte) = b.get(i) {
        if byte < 0x80 {
            i += 1;
            let m = ASCII_NORM[usize::from(byte)];
            if m != 0 {
                if pending_space && any && !emit(' ') {
                    return;
                }
                pending_space = false;
                any = true;
                if !emit(char::from(m)) {
                    return;
                }
            } else {
                pending_space = true;
            }
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if is_alnum_non_ascii(c) {
            if pending_space && any && !emit(' ') {
                return;
            }
            pending_space = false;
            any = true;
            for l in c.to_lowercase() {
                if !emit(l) {
                    return;
                }
            }
        } else {
            pending_space = true;
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn fnv_normalized(h: u64, s: &str) -> u64 {
    fnv_normalized_any(h, s).0
}

/// Per byte: the lowercase letter or digit an ASCII byte stands for in [`normalize`]`(s)`,
/// 0 for an ASCII byte that separates words, 0 for every non-ASCII byte (those are decoded).
const ASCII_NORM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        if b.is_ascii_alphanumeric() {
            t[b as usize] = b.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// FNV of the bytes of [`normalize`]`(s)` continuing from `h` (the same walk as
/// [`normalized_chars`], written out for speed), and whether there was any.
fn fnv_normalized_any(mut h: u64, s: &str) -> (u64, bool) {
    // a space is owed before the next word (only once there was a word)
    let mut space = false;
    let mut any = false;
    let b = s.as_bytes();
    let mut bytes = b.iter();
    while let Some(&byte) = bytes.next() {
        if byte < 0x80 {
            let m = ASCII_NORM[usize::from(byte)];
            if m == 0 {
                space = any;
                continue;
            }
            if space {
                h = (h ^ u64::from(b' ')).wrapping_mul(FNV_PRIME);
                space = false;
            }
            any = true;
            h = (h ^ u64::from(m)).wrapping_mul(FNV_PRIME);
            continue;
        }
        // the start of a non-ASCII character: decode it, then go on after it
        let i = b.len() - bytes.as_slice().len() - 1;
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        bytes = b.get(i + c.len_utf8()..).unwrap_or_default().iter();
        if is_alnum_non_ascii(c) {
            if space {
                h = (h ^ u64::from(b' ')).wrapping_mul(FNV_PRIME);
                space = false;
            }
            any = true;
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                h = fnv_bytes(h, l.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            space = any;
        }
    }
    (h, any)
}

/// 64-bit hash of [`normalize`]`(s)`, computed without allocating: the key for matching
/// references to titles.
pub(crate) fn normalized_hash(s: &str) -> u64 {
    fnv_normalized(FNV_OFFSET, s)
}

/// [`normalized_hash`] of `s`, or `None` when [`normalize`]`(s)` is empty.
pub(crate) fn normalized_hash_nonempty(s: &str) -> Option<u64> {
    let (h, any) = fnv_normalized_any(FNV_OFFSET, s);
    any.then_some(h)
}

/// 64-bit hash of an already normalised string (equal to [`normalized_hash`] of its source).
pub(crate) fn hash_of_normalized(norm: &str) -> u64 {
    fnv_bytes(FNV_OFFSET, norm.as_bytes())
}

fn base36(h: u64, len: usize) -> String {
    let mut out = String::with_capacity(len);
    push_base36(&mut out, h, len);
    out
}

/// Appends `len` base-36 digits of `h`, least significant first.
fn push_base36(out: &mut String, mut h: u64, len: usize) {
    for _ in 0..len {
        let d = (h % 36) as u32;
        out.push(char::from_digit(d, 36).unwrap_or('0'));
        h /= 36;
    }
}

/// Slug of `normalize(s)`: words joined by `-`, at most `max` characters, pushed to `out`.
fn push_slug(out: &mut String, s: &str, max: usize) {
    const STACK_CHARS: usize = 40;
    if max > STACK_CHARS {
        let start = out.len();
        let mut n = 0;
        normalized_chars(s, |c| {
            out.push(if c == ' ' { '-' } else { c });
            n += 1;
            n < max
        });
        while out.len() > start && out.ends_with('-') {
            out.pop();
        }
        return;
    }
    // up to `max` characters of four bytes each, gathered on the stack; the walk of
    // `normalized_chars` written out, ASCII first
    let mut buf = [0u8; 4 * STACK_CHARS];
    let mut len = 0;
    let mut n = 0;
    let mut pending_space = false;
    let mut any = false;
    let mut skip = 0;
    'bytes: for (i, &byte) in s.as_bytes().iter().enumerate() {
        if byte < 0x80 {
            let m = ASCII_NORM[usize::from(byte)];
            if m != 0 {
                if pending_space && any {
                    if n >= max {
                        break;
                    }
                    if let Some(d) = buf.get_mut(len) {
                        *d = b'-';
                    }
                    len += 1;
                    n += 1;
                }
                pending_space = false;
                any = true;
                if n >= max {
                    break;
                }
                if let Some(d) = buf.get_mut(len) {
                    *d = m;
                }
                len += 1;
                n += 1;
            } else {
                pending_space = true;
            }
            continue;
        }
        if i < skip {
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        skip = i + c.len_utf8();
        if is_alnum_non_ascii(c) {
            if pending_space && any {
                if n >= max {
                    break;
                }
                if let Some(d) = buf.get_mut(len) {
                    *d = b'-';
                }
                len += 1;
                n += 1;
            }
            pending_space = false;
            any = true;
            for l in c.to_lowercase() {
                if n >= max {
                    break 'bytes;
                }
                let Some(dst) = buf.get_mut(len..len + l.len_utf8()) else {
                    break 'bytes;
                };
                l.encode_utf8(dst);
                len += l.len_utf8();
                n += 1;
            }
        } else {
            pending_space = true;
        }
    }
    let slug = buf
        .get(..len.min(buf.len()))
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
        .trim_end_matches('-');
    out.push_str(slug);
}

/// A URL-friendly slug of at most `max` characters.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    push_slug(&mut out, s, max);
    out
}

/// FNV-1a (64 bit) of `s`, rendered as `len` base-36 digits: short and stable everywhere.
pub(crate) fn short_hash(s: &str, len: usize) -> String {
    base36(fnv_bytes(FNV_OFFSET, s.as_bytes()), len)
}

/// Appends `n` in decimal (what `format!("{n}")` writes, without the formatter).
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut v = n;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (v % 10) as u8;
        }
        len += 1;
        v /= 10;
        if v == 0 || len >= digits.len() {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// Hands out ids, adding an occurrence suffix (`-2`, `-3`, …) to repeated bases.
#[derive(Default)]
pub(super) struct IdAllocator {
    /// Hash of each id handed out (or base seen) → how often its base was asked for.
    seen: FastMap<u64, usize>,
}

impl IdAllocator {
    /// `base` the first time, `base-N` for its N-th occurrence.
    pub(crate) fn unique(&mut self, base: String) -> String {
        let n = {
            let n = self.seen.entry(hash_of_normalized(&base)).or_insert(0);
            *n += 1;
            *n
        };
        if n == 1 {
            return base;
        }
        // A suffixed id could already be taken by another base; keep going until free.
        let mut k = n;
        loop {
            let mut candidate = String::with_capacity(base.len() + 4);
            candidate.push_str(&base);
            candidate.push('-');
            push_decimal(&mut candidate, k);
            if let std::collections::hash_map::Entry::Vacant(e) =
                self.seen.entry(hash_of_normalized(&candidate))
            {
                e.insert(1);
                return candidate;
            }
            k += 1;
        }
    }

    /// Reserve an id chosen by the author (`{#id}`); false if it was already taken.
    pub(crate) fn reserve(&mut self, id: &str) -> bool {
        let n = self.seen.entry(hash_of_normalized(id)).or_insert(0);
        *n += 1;
        *n == 1
    }
}

/// The hash state after a section path and its separator: the start of [`path_id`]'s hash,
/// computed once per section instead of once per item.
fn path_hash(path: &str) -> u64 {
    fnv_bytes(fnv_bytes(FNV_OFFSET, path.as_bytes()), &[0x1f])
}

/// `prefix` + slug of `text` + `-` + hash of (path, normalised text): the shape of item and
/// section ids, built with one allocation. `path_h` is
/// [`path_hash`] of the path.
fn path_id(prefix: &str, path_h: u64, text: &str, hash_len: usize) -> String {
    const SLUG_MAX: usize = 32;
    let h = fnv_normalized(path_h, text);
    let mut out = String::with_capacity(prefix.len() + SLUG_MAX + 2 + hash_len);
    out.push_str(prefix);
    push_slug(&mut out, text, SLUG_MAX);
    if out.len() > prefix.len() {
        out.push('-');
    }
    push_base36(&mut out, h, hash_len);
    out
}

/// Item id: slug of the text plus a hash of section path (hashed by [`path_hash`]) and
/// normalised text.
fn item_base_hashed(path_h: u64, text: &str) -> String {
    path_id("i-", path_h, text, 6)
}

/// Section id: slug of the title plus a hash of the path of titles above it (hashed by
/// [`path_hash`]).
fn section_base_hashed(parent_h: u64, title: &str) -> String {
    path_id("s-", parent_h, title, 4)
}

/// An author-written id `{#id}` in `text`: (id, text without it).
pub(crate) fn explicit_id(text: &str) -> Option<(String, String)> {
    let start = grammar::find_ascii(text, b"{#")?;
    let rest = text.get(start + 2..)?;
    let end = rest.find('}')?;
    let id = rest.get(..end)?.trim();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    {
        return None;
    }
    let mut without = String::with_capacity(text.len());
    without.push_str(text.get(..start).unwrap_or(""));
    without.push_str(rest.get(end + 1..).unwrap_or(""));
    Some((id.to_string(), collapse_ws(&without)))
}

/// Whether `s` is already what [`collapse_ws`] makes of it: no leading, trailing or
/// repeated whitespace, and no whitespace but single ASCII spaces.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = true; // a leading space is not collapsed
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            if c == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else if c.is_ascii_whitespace() || c == 0x0b {
                return false;
            } else {
                prev_space = false;
            }
            i += 1;
        } else {
            let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
                return false;
            };
            if ch.is_whitespace() {
                return false;
            }
            prev_space = false;
            i += ch.len_utf8();
        }
    }
    !prev_space || b.is_empty()
}

/// Whitespace runs collapsed to one space, trimmed.
pub(crate) fn collapse_ws(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_markup_and_emoji() {
        assert_eq!(normalize("✅ **Fix  Build** — now!"), "fix build now");
        assert_eq!(normalize("Ünïcode Straße"), "ünïcode straße");
    }

    #[test]
    fn symbol_blocks_hold_no_letters_or_digits() {
        for (lo, hi) in SYMBOL_BLOCKS {
            for u in lo..=hi {
                if let Some(c) = char::from_u32(u) {
                    assert!(!c.is_alphanumeric(), "U+{u:04X}");
                }
            }
        }
    }

    #[test]
    fn ascii_table_is_lowercase_alphanumerics() {
        for b in 0..=255u8 {
            let want = if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else {
                0
            };
            assert_eq!(ASCII_NORM[usize::from(b)], want, "{b}");
        }
    }

    #[test]
    fn hash_is_the_hash_of_the_normalized_text() {
        for s in [
            "",
            "  ",
            "✅ **Fix  Build** — now!",
            "Ünïcode Straße İstanbul ΣΑΣ",
            "**Task 1.13**: do the thing ⏱ `~2 hours` (depends on: Task 1.12)",
            "a—b 🚀c  😀 d-e_f",
            "ends with é",
            "日本語のテキスト、句読点。",
        ] {
            let norm = normalize(s);
            let (h, any) = fnv_normalized_any(FNV_OFFSET, s);
            assert_eq!(h, hash_of_normalized(&norm), "{s}");
            assert_eq!(any, !norm.is_empty(), "{s}");
            assert_eq!(normalized_hash(s), hash_of_normalized(&norm), "{s}");
        }
    }

    #[test]
    fn slugs_are_bounded() {
        assert_eq!(slug("Phase 1: Core Infrastructure", 12), "phase-1-core");
        assert_eq!(slug("🚀", 10), "");
    }

    #[test]
    fn decimals() {
        for n in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            let mut s = String::from("x-");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x-{n}"));
        }
    }

    #[test]
    fn allocator_suffixes_duplicates() {
        let mut a = IdAllocator::default();
        assert_eq!(a.unique("x".into()), "x");
        assert_eq!(a.unique("x".into()), "x-2");
        assert_eq!(a.unique("x-2".into()), "x-2-2");
    }

    #[test]
    fn explicit_ids_are_cut_out() {
        assert_eq!(
            explicit_id("Set up DB {#db} now"),
            Some(("db".to_string(), "Set up DB now".to_string()))
        );
        assert_eq!(explicit_id("no {#bad id}"), None);
    }
}
