//! What changed between two versions of a roadmap: since the reader's last visit, against an
//! older version they name, or between two files (`roadboard diff`).
//!
//! A [`Snapshot`] is the compact picture of one version; [`diff`] pairs two snapshots' items
//! (same id; the same text elsewhere is *moved*; a small text change in the same section is
//! *edited*) and phases, and says what was added, removed, edited, re-statused, moved and
//! re-dated. The reader's own ticks are not part of a snapshot, so they are never changes.

mod diff;
pub mod seen;
mod snapshot;

pub use diff::diff;
pub use snapshot::{
    text_hash, SnapItem, SnapPhase, Snapshot, SnapshotError, SNAPSHOT_FORMAT, SNAPSHOT_LIMIT,
};

use crate::model::{Roadmap, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a phase sat on the time axis.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Span {
    /// Start in working days from the roadmap's start.
    pub start: f64,
    /// End in working days (`None`: open-ended).
    pub end: Option<f64>,
    /// Written first day (ISO), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Written last day (ISO), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

impl Span {
    /// The span in words: "2026-01-05 – 2026-01-30", else "day 0 – 10".
    pub fn words(&self) -> String {
        match (&self.start_date, &self.end_date) {
            (Some(a), Some(b)) => format!("{a} – {b}"),
            (Some(a), None) => format!("from {a}"),
            _ => match self.end {
                Some(e) => format!("day {} – {}", trim(self.start), trim(e)),
                None => format!("day {} onwards", trim(self.start)),
            },
        }
    }
}

fn trim(d: f64) -> String {
    let r = (d * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// One change of one item or phase.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Change {
    /// Id of the item (in the newer version; the older for removed ones) or phase.
    pub id: String,
    /// Its text.
    pub title: String,
    /// 1-based line in the newer version (the older for removed items).
    pub line: usize,
    /// A GFM task item.
    pub checkbox: bool,
    /// A phase, not an item (re-dated entries only).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub phase: bool,
    /// The status it had (status changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    /// The status it has (status changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Status>,
    /// The text it had (edited items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    /// Where it was: phase or section title (moved items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_place: Option<String>,
    /// Where it is: phase or section title (moved items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_place: Option<String>,
    /// The phase's span before (re-dated phases).
    #[serde(rename = "old", skip_serializing_if = "Option::is_none")]
    pub old_span: Option<Span>,
    /// The phase's span now (re-dated phases).
    #[serde(rename = "new", skip_serializing_if = "Option::is_none")]
    pub new_span: Option<Span>,
    /// The item's estimate before, in working days (re-estimated items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_estimate: Option<[f64; 2]>,
    /// The item's estimate now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_estimate: Option<[f64; 2]>,
}

impl Change {
    /// How many working days a re-dated phase's end moved (positive: later), if it has ends.
    pub fn slip_days(&self) -> Option<f64> {
        let (a, b) = (self.old_span.as_ref()?, self.new_span.as_ref()?);
        Some(b.end? - a.end?)
    }
}

/// Everything that changed between two versions (the `roadboard diff --json` shape).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// Items only in the newer version.
    pub added: Vec<Change>,
    /// Items only in the older version (line and text from the older).
    pub removed: Vec<Change>,
    /// Items whose text changed a little (paired within their section).
    pub edited: Vec<Change>,
    /// Items whose status changed.
    pub status_changed: Vec<Change>,
    /// Items now in another section or phase.
    pub moved: Vec<Change>,
    /// Phases whose place on the time axis changed, and items whose estimate changed.
    pub redated: Vec<Change>,
    /// Ids of phases only in the newer version.
    #[serde(skip)]
    pub new_phases: Vec<String>,
}

/// What kind of change marks a card, bar or document item (`data-change`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// New in this version.
    Added,
    /// Its status changed.
    Status,
    /// It moved to another section or phase.
    Moved,
    /// Its dates or estimate changed.
    Redated,
    /// Its text changed a little.
    Edited,
}

impl ChangeKind {
    /// The `data-change` value.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Status => "status",
            ChangeKind::Moved => "moved",
            ChangeKind::Redated => "redated",
            ChangeKind::Edited => "edited",
        }
    }

    /// The badge's word.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "new",
            ChangeKind::Status => "status",
            ChangeKind::Moved => "moved",
            ChangeKind::Redated => "re-dated",
            ChangeKind::Edited => "edited",
        }
    }
}

impl Changes {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.edited.is_empty()
            && self.status_changed.is_empty()
            && self.moved.is_empty()
            && self.redated.is_empty()
            && self.new_phases.is_empty()
    }

    /// The mark of every changed item and phase in the newer version, by id: the first of
    /// added, status, moved, re-dated, edited that applies.
    pub fn marks(&self) -> BTreeMap<String, ChangeKind> {
        let mut m = BTreeMap::new();
        let groups = [
            (&self.added, ChangeKind::Added),
            (&self.status_changed, ChangeKind::Status),
            (&self.moved, ChangeKind::Moved),
            (&self.redated, ChangeKind::Redated),
            (&self.edited, ChangeKind::Edited),
        ];
        for (list, kind) in groups {
            for c in list {
                m.entry(c.id.clone()).or_insert(kind);
            }
        }
        for id in &self.new_phases {
            m.entry(id.clone()).or_insert(ChangeKind::Added);
        }
        m
    }

    /// The changes in words: "12 done, 3 new, 1 removed, 2 re-dated, 1 moved to Phase 3".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let count = |to: Status| {
            self.status_changed
                .iter()
                .filter(|c| c.to == Some(to))
                .count()
        };
        for (n, word) in [
            (count(Status::Done), "done"),
            (count(Status::InProgress), "started"),
            (count(Status::Blocked), "blocked"),
            (count(Status::Todo), "reopened"),
            (self.added.len(), "new"),
            (self.removed.len(), "removed"),
            (self.redated.len(), "re-dated"),
            (self.edited.len(), "edited"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        let mut to: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &self.moved {
            *to.entry(c.to_place.as_deref().unwrap_or("no section"))
                .or_insert(0) += 1;
        }
        for (place, n) in to {
            parts.push(format!("{n} moved to {place}"));
        }
        if !self.new_phases.is_empty() {
            let n = self.new_phases.len();
            parts.push(format!("{n} new phase{}", if n == 1 { "" } else { "s" }));
        }
        if parts.is_empty() {
            "no changes to items or dates".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// What changed from `old` to `new` (each with its text, for the hash).
pub fn diff_roadmaps(old: &Roadmap, old_text: &str, new: &Roadmap, new_text: &str) -> Changes {
    diff(
        &Snapshot::of(old, old_text, ""),
        &Snapshot::of(new, new_text, ""),
    )
}

#[cfg(test)]
mod tests;
