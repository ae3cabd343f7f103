//! A compact picture of one version of a document: what a reader saw, small enough to keep
//! per document in the browser (≤ [`SNAPSHOT_LIMIT`] characters serialised).

use crate::model::{Roadmap, Status};

/// The format written by [`Snapshot::to_compact`]; a reader refuses other formats.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// The largest serialised snapshot, in characters (50 KB).
pub const SNAPSHOT_LIMIT: usize = 50_000;

/// The longest item text a snapshot keeps before it is cut (it is for display and for
/// pairing small edits; the id carries the rest).
const TEXT_CAP: usize = 120;

/// One version of a document, as the diff needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Always [`SNAPSHOT_FORMAT`].
    pub format: u32,
    /// A hash of the document text (hex): unchanged text, nothing to compare.
    pub hash: String,
    /// When the reader saw this version (ISO date), empty when unknown.
    pub seen: String,
    /// Headings items sit under: `[id, title]`; items refer to them by index.
    pub sections: Vec<(String, String)>,
    /// Every item, in document order.
    pub items: Vec<SnapItem>,
    /// Every phase, in document order.
    pub phases: Vec<SnapPhase>,
}

/// One item of a [`Snapshot`].
#[derive(Debug, Clone, PartialEq)]
pub struct SnapItem {
    /// The item's stable id.
    pub id: String,
    /// Its plain text (cut to a bounded length).
    pub text: String,
    /// Where it stands.
    pub status: Status,
    /// Index into [`Snapshot::sections`].
    pub section: Option<usize>,
    /// Id of its phase.
    pub phase: Option<String>,
    /// Estimate in working days.
    pub estimate: Option<[f64; 2]>,
    /// A GFM task item.
    pub checkbox: bool,
    /// 1-based line.
    pub line: usize,
}

/// One phase of a [`Snapshot`]: where it sat on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapPhase {
    /// The phase's stable id.
    pub id: String,
    /// Display title.
    pub title: String,
    /// 1-based line.
    pub line: usize,
    /// Where it sits, in working days from the roadmap's start.
    pub start: f64,
    /// Its end in working days (`None`: open-ended).
    pub end: Option<f64>,
    /// Written first day (ISO).
    pub start_date: Option<String>,
    /// Written last day (ISO).
    pub end_date: Option<String>,
}

/// Why a stored snapshot could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not a snapshot (cut, edited by hand, another program's value).
    Corrupt,
    /// Written by a newer roadboard.
    Newer(u32),
}

/// A 64-bit FNV-1a hash of the text, as 16 hex digits: equal text, equal hash.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `s` cut to at most `cap` characters, on a character boundary.
fn cut(s: &str, cap: usize) -> String {
    match s.char_indices().nth(cap) {
        Some((at, _)) => s.get(..at).unwrap_or(s).to_string(),
        None => s.to_string(),
    }
}

impl SnapItem {
    /// The item's text as a title: the bold lead when the text had one.
    pub fn title(&self) -> &str {
        &self.text
    }
}

impl Snapshot {
    /// The snapshot of `map`, read from `text`, seen on `seen` (ISO date or empty).
    pub fn of(map: &Roadmap, text: &str, seen: &str) -> Snapshot {
        let mut sections: Vec<(String, String)> = Vec::new();
        let mut section_index = std::collections::HashMap::new();
        for s in &map.sections {
            section_index.insert(s.id.as_str(), sections.len());
            sections.push((s.id.clone(), cut(&s.title, TEXT_CAP)));
        }
        let items = map
            .items
            .iter()
            .map(|it| SnapItem {
                id: it.id.clone(),
                text: cut(it.title.as_deref().unwrap_or(&it.text), TEXT_CAP),
                status: it.status,
                section: it
                    .section
                    .as_deref()
                    .and_then(|s| section_index.get(s).copied()),
                phase: it.phase.clone(),
                estimate: it.estimate_days.map(|[a, b]| [quantise(a), quantise(b)]),
                checkbox: it.checkbox,
                line: it.line,
            })
            .collect();
        let phases = map
            .phases
            .iter()
            .map(|p| SnapPhase {
                id: p.id.clone(),
                title: cut(&p.title, TEXT_CAP),
                line: p.line,
                start: quantise(p.start),
                end: p.end.map(quantise),
                start_date: p.start_date.clone(),
                end_date: p.end_date.clone(),
            })
            .collect();
        Snapshot {
            format: SNAPSHOT_FORMAT,
            hash: text_hash(text),
            seen: seen.to_string(),
            sections,
            items,
            phases,
        }
    }

    /// Whether the snapshot of `map` certainly passes [`SNAPSHOT_LIMIT`] even with every text
    /// cut away (then [`Snapshot::to_compact`] gives `None`), told from the ids alone: each
    /// item's line holds at least its id and 13 more characters. A large document is known
    /// never to be kept without making its snapshot.
    pub fn certainly_too_large(map: &Roadmap) -> bool {
        let mut least = 0usize;
        for it in &map.items {
            least += it.id.len() + 13;
            if least > SNAPSHOT_LIMIT {
                return true;
            }
        }
        false
    }

    /// The section `[id, title]` an item's index names.
    pub fn section(&self, index: Option<usize>) -> Option<&(String, String)> {
        index.and_then(|i| self.sections.get(i))
    }

    /// The compact serialisation, at most [`SNAPSHOT_LIMIT`] characters: texts are cut
    /// shorter until it fits; `None` when even bare ids do not fit.
    ///
    /// One line per record, fields split by tabs (texts lose their tabs and line breaks):
    /// `roadboard-seen FORMAT`, `h HASH`, `d DATE`, then `s id title` per section,
    /// `p id title line start end start_date end_date` per phase and
    /// `i id text status section phase estimate checkbox line` per item, where section and
    /// phase are indexes and `-` is none.
    pub fn to_compact(&self) -> Option<String> {
        use std::fmt::Write as _;
        let phase_index: std::collections::HashMap<&str, usize> = self
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        // A cap whose output passes the limit is left as soon as it does (a document of
        // thousands of items passes it at every cap: formatting all of it four times took
        // tens of milliseconds of every opening, for nothing kept).
        'caps: for cap in [TEXT_CAP, 60, 24, 0] {
            let mut out = format!(
                "{MAGIC} {}\nh {}\nd {}\n",
                self.format,
                self.hash,
                field(&self.seen)
            );
            for (id, title) in &self.sections {
                let _ = writeln!(out, "s\t{}\t{}", field(id), field(&cut(title, cap.max(24))));
                if out.len() > SNAPSHOT_LIMIT {
                    continue 'caps;
                }
            }
            for p in &self.phases {
                let _ = writeln!(
                    out,
                    "p\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    field(&p.id),
                    field(&p.title),
                    p.line,
                    fixed(p.start),
                    opt(p.end.map(fixed)),
                    opt(p.start_date.as_deref().map(field)),
                    opt(p.end_date.as_deref().map(field)),
                );
                if out.len() > SNAPSHOT_LIMIT {
                    continue 'caps;
                }
            }
            for it in &self.items {
                let _ = writeln!(
                    out,
                    "i\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    field(&it.id),
                    field(&cut(&it.text, cap)),
                    status_key(it.status),
                    opt(it.section),
                    opt(it.phase.as_deref().and_then(|p| phase_index.get(p))),
                    opt(it
                        .estimate
                        .map(|[a, b]| format!("{},{}", fixed(a), fixed(b)))),
                    u8::from(it.checkbox),
                    it.line,
                );
                if out.len() > SNAPSHOT_LIMIT {
                    continue 'caps;
                }
            }
            return Some(out);
        }
        None
    }

    /// Read a stored snapshot.
    pub fn from_compact(s: &str) -> Result<Snapshot, SnapshotError> {
        const BAD: SnapshotError = SnapshotError::Corrupt;
        let mut lines = s.lines();
        let format: u32 = lines
            .next()
            .and_then(|l| l.strip_prefix(MAGIC))
            .and_then(|v| v.trim().parse().ok())
            .ok_or(BAD)?;
        if format > SNAPSHOT_FORMAT {
            return Err(SnapshotError::Newer(format));
        }
        let mut snap = Snapshot {
            format,
            hash: String::new(),
            seen: String::new(),
            sections: Vec::new(),
            items: Vec::new(),
            phases: Vec::new(),
        };
        let mut phase_ids: Vec<String> = Vec::new();
        for line in lines {
            if let Some(h) = line.strip_prefix("h ") {
                snap.hash = h.to_string();
                continue;
            }
            if let Some(d) = line.strip_prefix("d ") {
                snap.seen = d.to_string();
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let get = |i: usize| f.get(i).copied().ok_or(BAD);
            let num = |i: usize| get(i)?.parse::<usize>().map_err(|_| BAD);
            let real = |i: usize| unfixed(get(i)?).ok_or(BAD);
            let maybe = |i: usize| get(i).map(|v| (v != "-").then(|| v.to_string()));
            match f.first().copied() {
                Some("s") => snap
                    .sections
                    .push((get(1)?.to_string(), get(2)?.to_string())),
                Some("p") => {
                    let end = match get(5)? {
                        "-" => None,
                        _ => Some(real(5)?),
                    };
                    phase_ids.push(get(1)?.to_string());
                    snap.phases.push(SnapPhase {
                        id: get(1)?.to_string(),
                        title: get(2)?.to_string(),
                        line: num(3)?,
                        start: real(4)?,
                        end,
                        start_date: maybe(6)?,
                        end_date: maybe(7)?,
                    });
                }
                Some("i") => {
                    let index = |i: usize, n: usize| match get(i)? {
                        "-" => Ok(None),
                        _ => num(i).and_then(|v| if v < n { Ok(Some(v)) } else { Err(BAD) }),
                    };
                    let estimate = match get(6)?.split_once(',') {
                        None => None,
                        Some((a, b)) => Some([unfixed(a).ok_or(BAD)?, unfixed(b).ok_or(BAD)?]),
                    };
                    snap.items.push(SnapItem {
                        id: get(1)?.to_string(),
                        text: get(2)?.to_string(),
                        status: status_of(get(3)?).ok_or(BAD)?,
                        section: index(4, snap.sections.len())?,
                        phase: index(5, phase_ids.len())?.and_then(|p| phase_ids.get(p).cloned()),
                        estimate,
                        checkbox: get(7)? == "1",
                        line: num(8)?,
                    });
                }
                Some("") | None => {}
                Some(_) => return Err(BAD),
            }
        }
        if snap.hash.is_empty() {
            return Err(BAD);
        }
        Ok(snap)
    }
}

/// The first line of every stored snapshot.
const MAGIC: &str = "roadboard-seen";

/// A text as one field: no tabs or line breaks.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Snapshots keep days to 1/100,000 (a few seconds of a working day), stored as whole
/// numbers: both sides of a comparison are rounded alike, and reading one back needs no
/// decimal parser.
const DAY_UNITS: f64 = 100_000.0;

/// `d` rounded to the snapshot's precision.
fn quantise(d: f64) -> f64 {
    (d * DAY_UNITS).round() / DAY_UNITS
}

/// `d` as a whole number of day units.
fn fixed(d: f64) -> i64 {
    (d * DAY_UNITS).round() as i64
}

/// A whole number of day units as days.
fn unfixed(s: &str) -> Option<f64> {
    s.parse::<i64>().ok().map(|n| n as f64 / DAY_UNITS)
}

/// An optional value as a field: `-` for none.
fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn status_key(s: Status) -> char {
    match s {
        Status::Done => 'd',
        Status::Todo => 't',
        Status::InProgress => 'p',
        Status::Blocked => 'b',
        Status::OutOfScope => 'o',
    }
}

fn status_of(s: &str) -> Option<Status> {
    Some(match s {
        "d" => Status::Done,
        "t" => Status::Todo,
        "p" => Status::InProgress,
        "b" => Status::Blocked,
        "o" => Status::OutOfScope,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_compact_form() {
        let text = "# Plan\n\n## Phase 1 (Week 1-2)\n\n- [x] Set up CI\n- [ ] Write docs\n";
        let map = crate::parse(text);
        let snap = Snapshot::of(&map, text, "2026-12-01");
        let json = snap.to_compact().unwrap_or_default();
        assert_eq!(Snapshot::from_compact(&json), Ok(snap.clone()));
        assert_eq!(snap.items.len(), 2);
        assert_eq!(snap.phases.len(), 1);
    }

    #[test]
    fn odd_fractions_of_a_day_round_trip_exactly() {
        let text =
            "# P\n\n## Phase 1 (~20 minutes)\n\n- [ ] a ⏱ ~20 minutes\n- [ ] b ⏱ 1-3 hours\n";
        let map = crate::parse(text);
        let snap = Snapshot::of(&map, text, "");
        assert!(snap.items.iter().any(|i| i.estimate.is_some()), "{snap:?}");
        let back = snap.to_compact().map(|j| Snapshot::from_compact(&j));
        assert_eq!(back, Some(Ok(snap.clone())));
        assert!(super::super::diff(&snap, &Snapshot::of(&map, text, "")).is_empty());
    }

    #[test]
    fn big_documents_fit_the_limit() {
        // Twice the largest corpus document (285 items).
        let mut text = String::from("# Big\n\n## Work\n\n");
        for i in 0..600 {
            text.push_str(&format!(
                "- [ ] Item number {i} with a long description that goes on and on for a while longer\n"
            ));
        }
        let map = crate::parse(&text);
        let snap = Snapshot::of(&map, &text, "");
        let json = snap.to_compact();
        assert!(
            json.as_ref().is_some_and(|j| j.len() <= SNAPSHOT_LIMIT),
            "{:?}",
            json.map(|j| j.len())
        );
        // Far beyond that, the snapshot is not kept rather than cut.
        let mut huge = text.clone();
        for i in 0..3000 {
            huge.push_str(&format!(
                "- [ ] Another item {i} of a very long list indeed\n"
            ));
        }
        let map = crate::parse(&huge);
        assert_eq!(Snapshot::of(&map, &huge, "").to_compact(), None);
    }

    #[test]
    fn certainly_too_large_is_never_wrong() {
        // Short ids (the bound's hardest case) and long ones, small to far past the limit: when
        // the bound says "too large", the compact form is indeed refused; it says so from
        // 50,000 characters of ids and their least fields on.
        let mut said_too_large = 0;
        for n in [10, 600, 2_000, 3_000, 3_400, 3_800, 4_000, 5_000] {
            for long in [false, true] {
                let mut text = String::from("# Plan\n\n## Work (Week 1)\n\n");
                for i in 0..n {
                    if long {
                        text.push_str(&format!("- [ ] Item {i} of a rather long list of things\n"));
                    } else {
                        text.push_str(&format!("- [ ] {i}\n"));
                    }
                }
                let map = crate::parse(&text);
                assert_eq!(map.items.len(), n);
                let compact = Snapshot::of(&map, &text, "").to_compact();
                if Snapshot::certainly_too_large(&map) {
                    said_too_large += 1;
                    assert_eq!(compact, None, "{n} items, long ids: {long}");
                }
                if n <= 600 {
                    assert!(!Snapshot::certainly_too_large(&map), "{n} items");
                    assert!(compact.is_some(), "{n} items");
                }
            }
        }
        assert!(said_too_large >= 4, "{said_too_large}");
    }

    #[test]
    fn corrupt_and_newer_values_are_refused() {
        assert_eq!(
            Snapshot::from_compact("{not json"),
            Err(SnapshotError::Corrupt)
        );
        assert_eq!(
            Snapshot::from_compact("roadboard-seen 9\n"),
            Err(SnapshotError::Newer(9))
        );
        // An item in a section the snapshot does not have.
        assert_eq!(
            Snapshot::from_compact("roadboard-seen 1\nh 0\ni\ta\tx\td\t3\t-\t-\t0\t1\n"),
            Err(SnapshotError::Corrupt)
        );
        // Cut short in the middle of an item.
        let text = "# P\n\n## S (Week 1)\n\n- [ ] a thing ⏱ 2 days\n";
        let full = Snapshot::of(&crate::parse(text), text, "")
            .to_compact()
            .unwrap_or_default();
        assert!(full.contains("\ni\t"), "{full}");
        let at = full.rfind('\t').unwrap_or(0);
        assert_eq!(
            Snapshot::from_compact(full.get(..at).unwrap_or("")),
            Err(SnapshotError::Corrupt)
        );
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("héllo", 2), "hé");
        assert_eq!(cut("hi", 5), "hi");
        assert_ne!(text_hash("a"), text_hash("b"));
    }
}
