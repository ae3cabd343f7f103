//! A compact picture of one version of a document: what a reader saw, small enough to keep
//! per document in the browser (≤ [`SNAPSHOT_LIMIT`] characters serialised).

use crate::model::{Roadmap, Status};
use serde::{Deserialize, Serialize};

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

/// An item on the wire: id, text, status, section index, phase index, estimate, checkbox
/// (0/1), line.
type WireItem = (
    String,
    String,
    Status,
    Option<usize>,
    Option<usize>,
    Option<[f64; 2]>,
    u8,
    usize,
);

/// A phase on the wire: id, title, line, start, end, start date, end date.
type WirePhase = (
    String,
    String,
    usize,
    f64,
    Option<f64>,
    Option<String>,
    Option<String>,
);

/// The serialised form: short keys, arrays for items and phases.
#[derive(Serialize, Deserialize)]
struct Wire {
    v: u32,
    h: String,
    #[serde(default)]
    d: String,
    #[serde(default)]
    s: Vec<(String, String)>,
    #[serde(default)]
    i: Vec<WireItem>,
    #[serde(default)]
    p: Vec<WirePhase>,
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
                estimate: it.estimate_days,
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
                start: p.start,
                end: p.end,
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

    /// The section `[id, title]` an item's index names.
    pub fn section(&self, index: Option<usize>) -> Option<&(String, String)> {
        index.and_then(|i| self.sections.get(i))
    }

    /// The wire form: items and phases as arrays, phases by index.
    fn wire(&self, cap: usize) -> Wire {
        let phase_index: std::collections::HashMap<&str, usize> = self
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        Wire {
            v: self.format,
            h: self.hash.clone(),
            d: self.seen.clone(),
            s: self
                .sections
                .iter()
                .map(|(id, t)| (id.clone(), cut(t, cap.max(24))))
                .collect(),
            i: self
                .items
                .iter()
                .map(|it| {
                    (
                        it.id.clone(),
                        cut(&it.text, cap),
                        it.status,
                        it.section,
                        it.phase
                            .as_deref()
                            .and_then(|p| phase_index.get(p).copied()),
                        it.estimate,
                        u8::from(it.checkbox),
                        it.line,
                    )
                })
                .collect(),
            p: self
                .phases
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.title.clone(),
                        p.line,
                        p.start,
                        p.end,
                        p.start_date.clone(),
                        p.end_date.clone(),
                    )
                })
                .collect(),
        }
    }

    /// The compact serialisation, at most [`SNAPSHOT_LIMIT`] characters: texts are cut
    /// shorter until it fits; `None` when even bare ids do not fit.
    pub fn to_compact(&self) -> Option<String> {
        for cap in [TEXT_CAP, 60, 24, 0] {
            if let Ok(json) = serde_json::to_string(&self.wire(cap)) {
                if json.len() <= SNAPSHOT_LIMIT {
                    return Some(json);
                }
            }
        }
        None
    }

    /// Read a stored snapshot.
    pub fn from_compact(s: &str) -> Result<Snapshot, SnapshotError> {
        #[derive(Deserialize)]
        struct Head {
            v: u32,
        }
        let head: Head = serde_json::from_str(s).map_err(|_| SnapshotError::Corrupt)?;
        if head.v > SNAPSHOT_FORMAT {
            return Err(SnapshotError::Newer(head.v));
        }
        let w: Wire = serde_json::from_str(s).map_err(|_| SnapshotError::Corrupt)?;
        let (sections, phases) = (w.s.len(), w.p.len());
        let bad = |i: Option<usize>, n: usize| i.is_some_and(|i| i >= n);
        if w.i.iter().any(|i| bad(i.3, sections) || bad(i.4, phases)) {
            return Err(SnapshotError::Corrupt);
        }
        let phases: Vec<SnapPhase> =
            w.p.into_iter()
                .map(
                    |(id, title, line, start, end, start_date, end_date)| SnapPhase {
                        id,
                        title,
                        line,
                        start,
                        end,
                        start_date,
                        end_date,
                    },
                )
                .collect();
        let items =
            w.i.into_iter()
                .map(
                    |(id, text, status, section, phase, estimate, checkbox, line)| SnapItem {
                        id,
                        text,
                        status,
                        section,
                        phase: phase.and_then(|p| phases.get(p)).map(|p| p.id.clone()),
                        estimate,
                        checkbox: checkbox != 0,
                        line,
                    },
                )
                .collect();
        Ok(Snapshot {
            format: w.v,
            hash: w.h,
            seen: w.d,
            sections: w.s,
            items,
            phases,
        })
    }
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
    fn corrupt_and_newer_values_are_refused() {
        assert_eq!(
            Snapshot::from_compact("{not json"),
            Err(SnapshotError::Corrupt)
        );
        assert_eq!(
            Snapshot::from_compact("{\"v\":9}"),
            Err(SnapshotError::Newer(9))
        );
        assert_eq!(
            Snapshot::from_compact(
                "{\"v\":1,\"h\":\"0\",\"i\":[[\"a\",\"x\",\"done\",3,null,null,0,1]]}"
            ),
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
