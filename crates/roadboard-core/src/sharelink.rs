//! Progress as a link: the reader's ticks for one document packed into the URL fragment
//! (`#progress=…`, which browsers never send to a server), so "where you are" travels
//! without an account or a server.
//!
//! What travels is the reader's own entries of [`ProgressState::items`] (item id → ticked;
//! `false` is an item the document marks done that the reader unticked). Two forms, both
//! base64url of `version, form, body…, checksum`:
//!
//! - **ids** (`form = i`): the ids, sorted and front-coded (each one says how much it shares
//!   with the one before), each with its value. It survives edits of the document: opened on
//!   another version, it applies to the items that still exist and counts the ones that do not.
//! - **bitset** (`form = b`): the document's hash (FNV-1a 64 of its item ids in order), its
//!   item count and one symbol per item in document order (none / ticked / unticked),
//!   run-length coded or packed as bits, whichever is shorter. Much shorter on large documents, but it means something only for the
//!   same version: on another one it is refused with a message saying so.
//!
//! [`encode`] writes the ids form while it stays under [`IDS_UP_TO`] characters, else the
//! bitset (ticks for items this version does not have can only travel as ids). [`decode`]
//! checks everything before it returns anything — length, version, form, checksum, every
//! count and length, UTF-8, no trailing bytes — so a malformed or hostile fragment is an
//! [`LinkError`] and changes nothing.

use crate::model::Roadmap;
use crate::progress::ProgressState;
use std::collections::BTreeMap;
use std::fmt;

/// The fragment key: `#progress=…`.
pub const FRAGMENT_KEY: &str = "progress";
/// Format version (the first byte).
pub const LINK_VERSION: u8 = 1;
/// The ids form is used while its link part is at most this long.
pub const IDS_UP_TO: usize = 1500;
/// The longest link part read (longer is refused unread).
pub const MAX_LINK_CHARS: usize = 200_000;
/// The most entries or items a link may describe.
pub const MAX_ENTRIES: usize = 100_000;
/// The longest id the ids form carries.
pub const MAX_ID_BYTES: usize = 400;

const FORM_IDS: u8 = b'i';
const FORM_BITS: u8 = b'b';
const CODING_RUNS: u8 = 0;
const CODING_PACKED: u8 = 1;

/// Why a progress link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a progress link this version can read (damaged, cut, tampered with, or hostile).
    Malformed(&'static str),
    /// A bitset link made for another version of the document.
    OtherVersion {
        /// Items the link describes.
        items: usize,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Malformed(why) => write!(
                f,
                "This progress link cannot be read ({why}); nothing was changed."
            ),
            LinkError::OtherVersion { items } => write!(
                f,
                "This progress link was made for another version of this roadmap ({items} items in another order); nothing was changed. Ask for a new link."
            ),
        }
    }
}

/// A progress link read against the opened document.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The entries for items of this document (labels filled from it), ready to adopt or merge.
    pub state: ProgressState,
    /// How many of the link's entries name no item of this document.
    pub unmatched: usize,
}

impl Shared {
    /// How many items the link ticks here.
    pub fn ticks(&self) -> usize {
        self.state.items.values().filter(|v| **v).count()
    }
}

/// The hash of `map`'s item ids in document order (FNV-1a 64, ids separated by a newline).
pub fn doc_hash(map: &Roadmap) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for it in &map.items {
        for b in it.id.bytes().chain(std::iter::once(b'\n')) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The link part (after `#progress=`) for `state`'s entries on `map` (see the module doc).
pub fn encode(map: &Roadmap, state: &ProgressState) -> String {
    let ids = base64url(&seal(ids_body(&state.items)));
    let known = map.item_positions();
    let all_known = state.items.keys().all(|id| known.contains_key(id.as_str()));
    if ids.len() <= IDS_UP_TO || !all_known {
        return ids;
    }
    let bits = base64url(&seal(bits_body(map, &state.items)));
    if bits.len() < ids.len() {
        bits
    } else {
        ids
    }
}

/// The link part of `fragment` (`#progress=…`, `progress=…`, with other `&` parts ignored),
/// if it has one.
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

/// Read a link part against `map` (see the module doc).
pub fn decode(link: &str, map: &Roadmap) -> Result<Shared, LinkError> {
    if link.is_empty() {
        return Err(LinkError::Malformed("it is empty"));
    }
    if link.len() > MAX_LINK_CHARS {
        return Err(LinkError::Malformed("it is too long"));
    }
    let bytes = from_base64url(link).ok_or(LinkError::Malformed("it is not base64url"))?;
    let body = unseal(&bytes)?;
    let mut r = Reader { bytes: body, at: 2 };
    let entries = match body.get(1).copied() {
        Some(FORM_IDS) => read_ids(&mut r)?,
        Some(FORM_BITS) => read_bits(&mut r, map)?,
        _ => return Err(LinkError::Malformed("unknown form")),
    };
    if r.at != body.len() {
        return Err(LinkError::Malformed("bytes after the end"));
    }
    let known = map.item_positions();
    let mut state = ProgressState::new();
    let mut unmatched = 0;
    for (id, v) in entries {
        match known.get(id.as_str()).and_then(|&i| map.items.get(i)) {
            Some(it) => state.set(&id, v, it.title.as_deref().unwrap_or(&it.text)),
            None => unmatched += 1,
        }
    }
    Ok(Shared { state, unmatched })
}

/// Version and form in front, an FNV-1a 32 checksum of it all behind.
fn seal(body: Vec<u8>) -> Vec<u8> {
    let mut out = body;
    let sum = fnv32(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The body of a sealed link after its checksum and version are checked.
fn unseal(bytes: &[u8]) -> Result<&[u8], LinkError> {
    if bytes.len() < 6 {
        return Err(LinkError::Malformed("it is cut short"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    let want = u32::from_le_bytes([
        *sum.first().unwrap_or(&0),
        *sum.get(1).unwrap_or(&0),
        *sum.get(2).unwrap_or(&0),
        *sum.get(3).unwrap_or(&0),
    ]);
    if fnv32(body) != want {
        return Err(LinkError::Malformed("its checksum does not match"));
    }
    if body.first() != Some(&LINK_VERSION) {
        return Err(LinkError::Malformed("made by another version of roadboard"));
    }
    Ok(body)
}

fn fnv32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

fn ids_body(items: &BTreeMap<String, bool>) -> Vec<u8> {
    let mut out = vec![LINK_VERSION, FORM_IDS];
    let kept: Vec<(&String, &bool)> = items
        .iter()
        .filter(|(id, _)| !id.is_empty() && id.len() <= MAX_ID_BYTES)
        .collect();
    varint(&mut out, kept.len() as u64);
    let mut prev: &[u8] = &[];
    for (id, v) in kept {
        let id = id.as_bytes();
        let shared = prev.iter().zip(id).take_while(|(a, b)| a == b).count();
        let rest = id.get(shared..).unwrap_or_default();
        varint(&mut out, shared as u64);
        varint(&mut out, ((rest.len() as u64) << 1) | u64::from(*v));
        out.extend_from_slice(rest);
        prev = id;
    }
    out
}

fn read_ids(r: &mut Reader<'_>) -> Result<Vec<(String, bool)>, LinkError> {
    let n = r.count(MAX_ENTRIES)?;
    let mut out: Vec<(String, bool)> = Vec::with_capacity(n.min(1024));
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..n {
        let shared = r.count(prev.len())?;
        let packed = r.varint()?;
        let len =
            usize::try_from(packed >> 1).map_err(|_| LinkError::Malformed("too long an id"))?;
        if shared + len == 0 || shared + len > MAX_ID_BYTES {
            return Err(LinkError::Malformed("an id is empty or too long"));
        }
        let mut id = prev.get(..shared).unwrap_or_default().to_vec();
        id.extend_from_slice(r.take(len)?);
        if id <= prev && !out.is_empty() {
            return Err(LinkError::Malformed("ids out of order"));
        }
        let text =
            std::str::from_utf8(&id).map_err(|_| LinkError::Malformed("an id is not text"))?;
        if text.chars().any(char::is_control) {
            return Err(LinkError::Malformed("an id holds control characters"));
        }
        out.push((text.to_string(), packed & 1 == 1));
        prev = id;
    }
    Ok(out)
}

/// Symbols per item in document order: 0 none, 1 ticked, 2 unticked.
fn symbols(map: &Roadmap, items: &BTreeMap<String, bool>) -> Vec<u8> {
    map.items
        .iter()
        .map(|it| match items.get(&it.id) {
            None => 0,
            Some(true) => 1,
            Some(false) => 2,
        })
        .collect()
}

/// The bitset body: hash, item count, then the symbols in whichever coding is shorter —
/// runs (varints `len << 2 | symbol`: long stretches alike) or packed bits (one bit per item
/// "has an entry", then one per entry "ticked": scattered ticks).
fn bits_body(map: &Roadmap, items: &BTreeMap<String, bool>) -> Vec<u8> {
    let mut out = vec![LINK_VERSION, FORM_BITS];
    out.extend_from_slice(&doc_hash(map).to_le_bytes());
    varint(&mut out, map.items.len() as u64);
    let sym = symbols(map, items);
    let mut runs = vec![CODING_RUNS];
    let mut k = 0;
    while let Some(&s) = sym.get(k) {
        let len = sym
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&x| x == s)
            .count();
        varint(&mut runs, ((len as u64) << 2) | u64::from(s));
        k += len;
    }
    let mut packed = vec![CODING_PACKED];
    packed.extend(pack(sym.iter().map(|&s| s != 0)));
    packed.extend(pack(sym.iter().filter(|&&s| s != 0).map(|&s| s == 1)));
    out.extend(if runs.len() <= packed.len() {
        runs
    } else {
        packed
    });
    out
}

/// Bits, eight to a byte, the first in the lowest bit.
fn pack(bits: impl Iterator<Item = bool>) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, b) in bits.enumerate() {
        if k % 8 == 0 {
            out.push(0);
        }
        if let Some(last) = out.last_mut().filter(|_| b) {
            *last |= 1 << (k % 8);
        }
    }
    out
}

/// `n` bits packed by [`pack`]; the unused bits of the last byte must be 0.
fn unpack(r: &mut Reader<'_>, n: usize) -> Result<Vec<bool>, LinkError> {
    let bytes = r.take(n.div_ceil(8))?;
    let bits: Vec<bool> = (0..n)
        .map(|k| bytes.get(k / 8).is_some_and(|b| b & (1 << (k % 8)) != 0))
        .collect();
    let spare = bytes
        .last()
        .map_or(0, |b| if n % 8 == 0 { 0 } else { b >> (n % 8) });
    if spare != 0 {
        return Err(LinkError::Malformed("stray bits"));
    }
    Ok(bits)
}

fn read_bits(r: &mut Reader<'_>, map: &Roadmap) -> Result<Vec<(String, bool)>, LinkError> {
    let hash = u64::from_le_bytes(
        r.take(8)?
            .try_into()
            .map_err(|_| LinkError::Malformed("it is cut short"))?,
    );
    let n = r.count(MAX_ENTRIES)?;
    let mut symbols: Vec<u8> = Vec::with_capacity(n);
    match r.take(1)?.first().copied() {
        Some(CODING_RUNS) => {
            while symbols.len() < n {
                let v = r.varint()?;
                let s = (v & 3) as u8;
                let len =
                    usize::try_from(v >> 2).map_err(|_| LinkError::Malformed("too long a run"))?;
                if s == 3 || len == 0 || len > n - symbols.len() {
                    return Err(LinkError::Malformed("a run does not fit"));
                }
                symbols.extend(std::iter::repeat_n(s, len));
            }
        }
        Some(CODING_PACKED) => {
            let has = unpack(r, n)?;
            let ticked = unpack(r, has.iter().filter(|&&h| h).count())?;
            let mut t = ticked.into_iter();
            for h in has {
                symbols.push(match (h, h.then(|| t.next()).flatten()) {
                    (false, _) => 0,
                    (true, Some(true)) => 1,
                    _ => 2,
                });
            }
        }
        _ => return Err(LinkError::Malformed("unknown coding")),
    }
    if hash != doc_hash(map) || n != map.items.len() {
        return Err(LinkError::OtherVersion { items: n });
    }
    Ok(map
        .items
        .iter()
        .zip(symbols)
        .filter(|(_, s)| *s != 0)
        .map(|(it, s)| (it.id.clone(), s == 1))
        .collect())
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A bounds-checked reader over a link's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or(LinkError::Malformed("it is cut short"))?;
            self.at += 1;
            v |= u64::from(b & 0x7f)
                .checked_shl(shift)
                .ok_or(LinkError::Malformed("a number is too large"))?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(LinkError::Malformed("a number is too large"))
    }

    /// A count no larger than `max`.
    fn count(&mut self, max: usize) -> Result<usize, LinkError> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= max)
            .ok_or(LinkError::Malformed("a count is out of range"))
    }

    fn take(&mut self, n: usize) -> Result<&[u8], LinkError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(LinkError::Malformed("it is cut short"))?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or(LinkError::Malformed("it is cut short"))?;
        self.at = end;
        Ok(s)
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            let c = B64
                .get(((n >> (18 - 6 * k)) & 63) as usize)
                .copied()
                .unwrap_or(b'A');
            out.push(char::from(c));
        }
    }
    out
}

/// The bytes of base64url text without padding, or `None` when it is not that.
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let val = |c: u8| B64.iter().position(|&x| x == c).map(|p| p as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * k);
        }
        let full = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(full.get(..chunk.len() - 1)?);
    }
    // the canonical text of these bytes only: a changed padding bit is a tampered link
    (base64url(&out) == text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_and_refuses_other_text() {
        for n in 0..20 {
            let bytes: Vec<u8> = (0..n).map(|k| (k * 37 + 5) as u8).collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(from_base64url("A"), None);
        assert_eq!(from_base64url("AB=="), None);
        assert_eq!(from_base64url("A+B/"), None);
        assert_eq!(from_base64url("AA"), Some(vec![0]));
        assert_eq!(from_base64url("AB"), None, "non-zero padding bits");
    }

    #[test]
    fn fragments_name_their_link() {
        assert_eq!(from_fragment("#progress=abc"), Some("abc"));
        assert_eq!(from_fragment("#x=1&progress=abc"), Some("abc"));
        assert_eq!(from_fragment("#progressive=abc"), None);
        assert_eq!(from_fragment(""), None);
    }
}
