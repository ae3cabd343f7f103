//! The roadmap model every view reads: plain serde data, no browser types.
//!
//! The JSON shape of [`Roadmap`] is the `roadboard json` contract (schema 1): fields may be
//! added, the existing ones keep their names and meaning.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The JSON schema version written by `roadboard json`.
pub const SCHEMA_VERSION: u32 = 1;

/// A parsed roadmap document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Display title: first H1, else the caller's file name, else the first heading.
    pub title: String,
    /// Which mojibake repair was applied to the text, if any.
    pub encoding_repair: Option<EncodingRepair>,
    /// The heading tree, in document order.
    pub sections: Vec<Section>,
    /// Every task or status line, in document order (children follow their parent).
    pub items: Vec<Item>,
    /// Stages of work with a place on the time axis.
    pub phases: Vec<Phase>,
    /// Edges of the dependency graph; `from` depends on `to`.
    pub dependencies: Vec<Dependency>,
    /// Dependency references that matched nothing: external prerequisites (what the plan
    /// waits on outside the document), and references to ids or numbered names that the
    /// document does not have (`external: false`).
    pub unresolved: Vec<Unresolved>,
    /// Dependency references that matched two or more things, with every candidate; they
    /// make no edge.
    #[serde(default)]
    pub ambiguous: Vec<Ambiguous>,
    /// Progress the document claims ("85% Complete"), each with what it is about.
    pub claimed_progress: Vec<ClaimedProgress>,
    /// Measured progress over all items but those out of scope.
    pub progress: Progress,
    /// Dependency cycles found (each also reported as a diagnostic).
    #[serde(default)]
    pub cycles: Vec<DependencyCycle>,
    /// Problems found while reading, never fatal.
    pub diagnostics: Vec<Diagnostic>,
}

impl Roadmap {
    /// Item id → index in [`Roadmap::items`] (ids are unique).
    pub fn item_positions(&self) -> HashMap<&str, usize> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.as_str(), i))
            .collect()
    }

    /// Phase id → index in [`Roadmap::phases`].
    pub fn phase_positions(&self) -> HashMap<&str, usize> {
        self.phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect()
    }
}

/// The kind of mojibake that was repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EncodingRepair {
    /// UTF-8 that had been decoded as Windows-1252.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// UTF-8 that had been decoded as MacRoman.
    #[serde(rename = "mac-roman")]
    MacRoman,
}

impl EncodingRepair {
    /// The encoding's name as people write it ("Windows-1252", "MacRoman"), for messages.
    pub fn name(self) -> &'static str {
        match self {
            EncodingRepair::Windows1252 => "Windows-1252",
            EncodingRepair::MacRoman => "MacRoman",
        }
    }

    /// The model's spelling ("windows-1252", "mac-roman"): what `roadboard json` writes.
    pub fn key(self) -> &'static str {
        match self {
            EncodingRepair::Windows1252 => "windows-1252",
            EncodingRepair::MacRoman => "mac-roman",
        }
    }
}

/// A heading of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id derived from the heading path.
    pub id: String,
    /// Title for display: markup and leading emoji stripped.
    pub title: String,
    /// The heading text as written (inline markup kept).
    pub raw_title: String,
    /// Heading level, 1..=6.
    pub level: u8,
    /// 1-based line of the heading.
    pub line: usize,
    /// Id of the enclosing section, if any.
    pub parent: Option<String>,
    /// Status the heading gives the items under it ("Completed", "✅ …"), if it says one.
    #[serde(default)]
    pub status: Option<Status>,
    /// Priority the heading gives the items under it ("P0", "High Priority"), if any.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// The phase this heading names, if it is a phase.
    #[serde(default)]
    pub phase: Option<String>,
}

/// Where an item was found: what made roadboard treat it as an item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A GFM task item (`- [ ]`), or a `[~]`/`[-]` in-progress box.
    #[default]
    Task,
    /// A bullet or line led by a status mark (✅, ❌, ⚠️, 🚧, ⏳ …).
    StatusLine,
    /// A plain list item under a heading that says what its items are ("Completed",
    /// "Not Started"), a numbered list under a priority or phase heading, or a top-level
    /// bullet of a plan written as an outline (under "Roadmap", "v3.4", "Short term", …).
    Listed,
    /// A numbered step heading ("#### 1. Database Production Setup") under a status or
    /// priority heading, or with an estimate; or a leaf heading of a plan written as an
    /// outline ("#### \"Hot\" configuration reload" under "### Short Term").
    Heading,
    /// A row of a table with a Status column.
    TableRow,
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Finished.
    Done,
    /// Not started.
    #[default]
    Todo,
    /// Started, partial.
    InProgress,
    /// Cannot proceed / explicitly not done.
    Blocked,
    /// Not part of the plan: listed under "Non-goals", "Out of scope", "Won't do". Shown
    /// apart and never counted in progress (neither done nor total).
    OutOfScope,
}

impl Status {
    /// Whether items with this status count in progress (done/total): every status but
    /// [`Status::OutOfScope`].
    pub fn counts(self) -> bool {
        self != Status::OutOfScope
    }
}

/// How urgent an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// P0, "Critical", 🔴, "Must fix before production".
    Critical,
    /// P1, "High".
    High,
    /// P2, "Medium", 🟡.
    Medium,
    /// P3, "Low", 🟢.
    Low,
}

/// A task or status line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id: normalised text + section path (+ occurrence index), not position.
    pub id: String,
    /// Plain text of the item (markup stripped).
    pub text: String,
    /// The bold lead of `**Title**: description`, if present.
    pub title: Option<String>,
    /// The item's inline Markdown source as written (for safe rich rendering).
    pub markdown: String,
    /// 1-based line of the item.
    pub line: usize,
    /// Id of the section the item is in, if any.
    pub section: Option<String>,
    /// True only for GFM task items (`[ ]`, `[x]`).
    pub checkbox: bool,
    /// Status as written in the document.
    pub status: Status,
    /// Priority, from the item or its headings.
    pub priority: Option<Priority>,
    /// Estimate in working days, `[min, max]`.
    pub estimate_days: Option<[f64; 2]>,
    /// Ids of items/phases/sections this item depends on.
    pub depends_on: Vec<String>,
    /// Id of the parent item for nested items.
    pub parent: Option<String>,
    /// Byte range of the checkbox mark character inside the original text (for export).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub checkbox_offset: Option<usize>,
    /// What made this an item.
    #[serde(default)]
    pub kind: ItemKind,
    /// Ids of nested items, in document order.
    #[serde(default)]
    pub children: Vec<String>,
    /// Id of the innermost phase the item belongs to.
    #[serde(default)]
    pub phase: Option<String>,
    /// The estimate phrase as written ("⏱ ~15 minutes", "Time: 1-2 days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate_text: Option<String>,
    /// What the document says about an item of an outline, as Markdown: a heading item's
    /// body, or the nested bullets and lines of a bullet item (shown collapsed on its card).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// A stage of work on the time axis, in working days from the roadmap's start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Stable id.
    pub id: String,
    /// Display title.
    pub title: String,
    /// 1-based line where the phase is named.
    pub line: usize,
    /// Start in working days.
    pub start: f64,
    /// End in working days; `None` for open-ended phases ("Week 8+").
    pub end: Option<f64>,
    /// The time phrase as written ("Week 1-2", "~2 hours").
    #[serde(default)]
    pub duration_text: String,
    /// The length the document wrote for the phase, `[min, max]` in working days, as the
    /// parser read it ("1-2 days" → `[1, 2]`, "~4 hours" → `[0.5, 0.5]`); the phase's `end`
    /// is its start plus the maximum, and the timeline draws min..max as a band. `None` when
    /// the phase is placed by a range ("Week 1-2"), by dates, is open-ended or has no time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_days: Option<[f64; 2]>,
    /// Items that belong to the phase (including those of nested phases), not those out of
    /// scope.
    pub items: Vec<String>,
    /// Id of the enclosing phase ("Day 1-2" under "Phase 1 (Week 1)").
    #[serde(default)]
    pub parent: Option<String>,
    /// Id of the heading that names the phase (none for timeline-table rows).
    #[serde(default)]
    pub section: Option<String>,
    /// Normalised stage key ("phase 2") used to resolve "Phase 2" references.
    #[serde(default)]
    pub key: Option<String>,
    /// True when the document gives no time: the phase got a nominal length
    /// (5 days, 1 day when nested) so it still has a place on the axis.
    #[serde(default)]
    pub nominal: bool,
    /// First calendar day, ISO `YYYY-MM-DD`, when the document names dates or a quarter.
    #[serde(default)]
    pub start_date: Option<String>,
    /// Last calendar day, ISO `YYYY-MM-DD`.
    #[serde(default)]
    pub end_date: Option<String>,
    /// Ids of items/phases/sections this phase depends on (explicit and phase order).
    #[serde(default)]
    pub depends_on: Vec<String>,
    // --- issue 15: what the timeline knows about each phase ---------------------------
    /// A stage of work, or a milestone (a release or a gate): a point in time, drawn as a
    /// diamond.
    #[serde(default)]
    pub kind: PhaseKind,
    /// Which list of phases it belongs to: sibling phase headings under one section, one
    /// table, one list. Implicit phase order runs only within a track.
    #[serde(default)]
    pub track: usize,
    /// The document says the phase runs in parallel ("(Week 1, Parallel)", "concurrently").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub parallel: bool,
    /// What placed the phase on the axis: written dates or ranges (it never moves), a
    /// written duration or no time at all (it starts when its prerequisites end).
    #[serde(default)]
    pub placed_by: Placement,
    /// The status the document writes for the phase itself (heading, `Status:` line, a
    /// table's Status cell), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its only written date is the day it ends ("Estimated Completion: March 9, 2024",
    /// "(completed 2026-03-30)", a Completed or Due column): the schedule starts it where the
    /// phase before it ends, when that is earlier; with nothing before it, it is that one day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_only: bool,
}

/// What a row of the timeline is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// A stage of work with a length.
    #[default]
    Phase,
    /// A release or a gate: a point in time (a group of items when it has some).
    Milestone,
}

/// What placed a phase on the time axis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Calendar dates written for it (`start_date`/`end_date`): fixed.
    Dates,
    /// A written place on the axis ("Week 1-2"): fixed.
    Range,
    /// A written place counted from its parent's start ("Day 1-2" under "Week 2").
    RangeInParent,
    /// A written length ("2 weeks"): starts when its prerequisites end.
    #[default]
    Duration,
    /// Open-ended ("Week 8+" is a range; "Ongoing"): starts when its prerequisites end.
    Open,
    /// No time written: a nominal length, starts when its prerequisites end.
    Nominal,
}

impl Placement {
    /// Placed by what the document wrote (dates or a range): the schedule never moves it.
    pub fn is_fixed(self) -> bool {
        matches!(
            self,
            Placement::Dates | Placement::Range | Placement::RangeInParent
        )
    }
}

/// How a dependency edge was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// Written in the document ("depends on: …").
    Explicit,
    /// Implied by phase order (Phase 3 after Phase 2).
    PhaseOrder,
}

/// `from` depends on `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dependency {
    /// The dependent item/phase id.
    pub from: String,
    /// The prerequisite item/phase/section id.
    pub to: String,
    /// Explicit or implied.
    pub kind: DependencyKind,
    /// 1-based line of the phrase (or of the dependent phase).
    pub line: usize,
    /// The reference as written ("Phase 1", "{#db}"); empty for phase-order edges.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A cycle in the dependency graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependencyCycle {
    /// The ids on the cycle, in order (the first depends on the second, …).
    pub ids: Vec<String>,
    /// 1-based line of an edge on the cycle.
    pub line: usize,
}

/// A dependency reference that matched nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unresolved {
    /// The reference as written.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// Id of the item/phase/section whose phrase it was.
    #[serde(default)]
    pub from: Option<String>,
    /// True for an external prerequisite: a name the document does not define ("Redis
    /// setup"). False for a reference written as something inside the document — an id
    /// (`{#db}`) or a numbered name whose word the document numbers things with ("Task 1.4"
    /// beside Tasks 1.1–1.3) — that nothing has: a broken reference, also a diagnostic.
    #[serde(default = "yes")]
    pub external: bool,
}

/// `true`, for serde defaults.
fn yes() -> bool {
    true
}

/// A dependency reference that names two or more things; no edge is made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ambiguous {
    /// The reference as written.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// Id of the item/phase/section whose phrase it was.
    #[serde(default)]
    pub from: Option<String>,
    /// Ids of everything it names, in document order of the kind matched.
    pub candidates: Vec<String>,
}

/// What a claim is about when it is about the whole document.
pub const DOCUMENT_SCOPE: &str = "document";

/// A progress figure the document states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimedProgress {
    /// The stated percentage.
    pub percent: f64,
    /// 1-based line.
    pub line: usize,
    /// What it is about: [`DOCUMENT_SCOPE`] (`"document"`), or the id of the phase, section
    /// or item it was written on or in.
    #[serde(default = "document_scope")]
    pub scope: String,
}

/// [`DOCUMENT_SCOPE`], for serde defaults.
fn document_scope() -> String {
    DOCUMENT_SCOPE.to_string()
}

impl Roadmap {
    /// The first progress figure the document states about itself, if any (the header's
    /// "claims 85%").
    pub fn document_claim(&self) -> Option<&ClaimedProgress> {
        self.claimed_progress
            .iter()
            .find(|c| c.scope == DOCUMENT_SCOPE)
    }

    /// The first progress figure the document states about the phase, section or item `id`.
    pub fn claim_about(&self, id: &str) -> Option<&ClaimedProgress> {
        self.claimed_progress.iter().find(|c| c.scope == id)
    }
}

/// Done over total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Items done.
    pub done: usize,
    /// All items that count: every item but those out of scope.
    pub total: usize,
}

impl Progress {
    /// Whole percent done: see [`percent`].
    pub fn percent(&self) -> u32 {
        percent(self.done, self.total)
    }
}

/// Whole percent of `done` over `total`, rounded down (so 100% means all done and a
/// column, a phase and the header never disagree); 0 when there is nothing to do.
/// The one percent of the product: header, columns, phases, CLI.
pub fn percent(done: usize, total: usize) -> u32 {
    let whole = (done.min(total) as u128 * 100)
        .checked_div(total as u128)
        .unwrap_or(0);
    u32::try_from(whole).unwrap_or(100)
}

/// A non-fatal problem found while reading the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// What happened, in plain words.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::EncodingRepair;

    #[test]
    fn encoding_repair_keys_are_the_json_spelling() {
        for r in [EncodingRepair::Windows1252, EncodingRepair::MacRoman] {
            let json = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", r.key()));
        }
        assert_eq!(EncodingRepair::Windows1252.name(), "Windows-1252");
        assert_eq!(EncodingRepair::MacRoman.name(), "MacRoman");
    }
}
