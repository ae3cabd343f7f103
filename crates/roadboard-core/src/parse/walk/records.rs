//! What the walk hands on: raw sections, items, timeline rows, claims and dependency
//! phrases, with lines, before ids are assigned.

use crate::model::{ItemKind, Priority, Status};
use crate::parse::lines::LineIndex;

/// A heading, before ids are assigned.
pub(crate) struct RawSection {
    pub(crate) level: u8,
    pub(crate) line: usize,
    pub(crate) raw_title: String,
    /// Plain text, emoji kept.
    pub(crate) plain: String,
    /// Display title.
    pub(crate) title: String,
    pub(crate) parent: Option<usize>,
    /// Normalised titles from the root, for ids.
    pub(crate) path_key: String,
    pub(crate) explicit_id: Option<String>,
    pub(crate) own_status: Option<Status>,
    pub(crate) own_priority: Option<Priority>,
    pub(crate) status: Option<Status>,
    pub(crate) priority: Option<Priority>,
    pub(crate) year: Option<i32>,
    /// First estimate found in the section's own body text.
    pub(crate) body_estimate: Option<([f64; 2], String)>,
    /// A `Status: …` field in the section's own body text.
    pub(crate) body_status: Option<Status>,
    /// Dependency phrases in the heading or body text: (references, line).
    pub(crate) deps: Vec<(String, usize)>,
    /// Whether the section names a phase.
    pub(crate) is_phase: bool,
}

/// A task or status line, before ids are assigned.
pub(crate) struct RawItem {
    pub(crate) kind: ItemKind,
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) markdown: String,
    pub(crate) line: usize,
    pub(crate) section: Option<usize>,
    pub(crate) checkbox: bool,
    pub(crate) status: Status,
    pub(crate) priority: Option<Priority>,
    pub(crate) estimate: Option<([f64; 2], String)>,
    pub(crate) parent: Option<usize>,
    /// Offset of the checkbox mark in the parsed (possibly repaired) text.
    pub(crate) checkbox_pos: Option<usize>,
    pub(crate) explicit_id: Option<String>,
    pub(crate) deps: Vec<(String, usize)>,
    /// Byte position of the first dependency phrase in `text`, when already known
    /// (`Some(None)`: there is none).
    pub(crate) dep_cut: Option<Option<usize>>,
    /// For heading items: the section the heading opens.
    pub(crate) heading_section: Option<usize>,
}

/// A row of a timeline table (`| Phase | Duration |`).
pub(crate) struct TablePhase {
    pub(crate) name: String,
    pub(crate) time: String,
    pub(crate) line: usize,
}

/// Everything the walk collected.
#[derive(Default)]
pub(crate) struct Collected {
    pub(crate) sections: Vec<RawSection>,
    pub(crate) items: Vec<RawItem>,
    pub(crate) table_phases: Vec<TablePhase>,
    /// Top-level list items that name a stage with time ("- **Week 1**: Setup"), used as
    /// phases when no heading names one.
    pub(crate) list_phases: Vec<TablePhase>,
    /// (percent, line)
    pub(crate) claims: Vec<(f64, usize)>,
    /// Dependency phrases outside any section or item: (references, line).
    pub(crate) loose_deps: Vec<(String, usize)>,
    /// "Phase 1 → Phase 2" lines: (prerequisite stage, dependent stage, line).
    pub(crate) arrows: Vec<(String, String, usize)>,
    /// (line, message)
    pub(crate) diagnostics: Vec<(usize, String)>,
    /// Line starts of the walked text.
    pub(crate) lines: Option<LineIndex>,
}
