//! What the walk hands on: raw sections, items, timeline rows, claims and dependency
//! phrases, with lines, before ids are assigned.

use crate::model::{ItemKind, Priority, Status};
use crate::parse::lines::LineIndex;

/// A heading, before ids are assigned.
pub(crate) struct RawSection {
    /// 1 for `#` … 6 for `######`.
    pub(crate) level: u8,
    /// 1-based line of the heading.
    pub(crate) line: usize,
    /// The heading's source, whitespace collapsed.
    pub(crate) raw_title: String,
    /// Plain text, emoji kept.
    pub(crate) plain: String,
    /// Display title.
    pub(crate) title: String,
    /// Index of the enclosing section.
    pub(crate) parent: Option<usize>,
    /// Normalised titles from the root, for ids.
    pub(crate) path_key: String,
    /// The author's `{#id}`, cut out of the title.
    pub(crate) explicit_id: Option<String>,
    /// The status the heading itself states.
    pub(crate) own_status: Option<Status>,
    /// The priority the heading itself states.
    pub(crate) own_priority: Option<Priority>,
    /// The heading is only a level word ("Medium", "Must"): its priority stands only among
    /// sibling headings that are priority levels too (decided once all headings are read).
    pub(crate) bare_level: bool,
    /// Its own status, else its parent's.
    pub(crate) status: Option<Status>,
    /// Its own priority, else its parent's.
    pub(crate) priority: Option<Priority>,
    /// The year of a year heading (`### 2022`) it is, or is under: for quarters.
    pub(crate) year: Option<i32>,
    /// First estimate found in the section's own body text.
    pub(crate) body_estimate: Option<([f64; 2], String)>,
    /// A `Status: …` field in the section's own body text.
    pub(crate) body_status: Option<Status>,
    /// A `Priority: …` / `Severity: …` field in the section's own body text.
    pub(crate) body_priority: Option<Priority>,
    /// The heading names planned work by its words ("Short term", "Backlog", "Bugs",
    /// "Roadmap") or is a release ("v3.4", "etcd 3.4 (Q2, 2018)").
    pub(crate) plan: bool,
    /// The heading names a release.
    pub(crate) release: bool,
    /// Its words (not only a leading mark or colour, which often decorate headings) state
    /// its status or priority.
    pub(crate) status_in_words: bool,
    /// The heading is about the document itself ("About", "How can I help?", "License"):
    /// nothing under it is planned work (unless it is the document's title).
    pub(crate) meta: bool,
    /// Byte range of the section's own body in the walked text: from the end of the heading
    /// to the next heading.
    pub(crate) body: (usize, usize),
    /// Dependency phrases in the heading or body text: (references, line).
    pub(crate) deps: Vec<(String, usize)>,
    /// Whether the section names a phase.
    pub(crate) is_phase: bool,
    /// The first calendar span written in the first lines of the section's own body
    /// ("**Target:** Q3 2025", "targeted for v1.13 (November 2023)").
    pub(crate) body_dates: Option<(String, String)>,
    /// Those body dates were introduced as an end ("Estimated Completion: March 9, 2024").
    pub(crate) body_dates_end: bool,
    /// The first lines of the section's body say it runs in parallel.
    pub(crate) body_parallel: bool,
}

/// A task or status line, before ids are assigned.
#[derive(Default)]
pub(crate) struct RawItem {
    /// What made it an item.
    pub(crate) kind: ItemKind,
    /// Plain text, without its box or leading mark.
    pub(crate) text: String,
    /// Its bold lead.
    pub(crate) title: Option<String>,
    /// Its source, container prefixes dropped.
    pub(crate) markdown: String,
    /// 1-based line.
    pub(crate) line: usize,
    /// Index of its section.
    pub(crate) section: Option<usize>,
    /// A GFM task box the reader can tick.
    pub(crate) checkbox: bool,
    /// Status as read.
    pub(crate) status: Status,
    /// Read the way an outline is, not a checklist: a status written after the text (after
    /// a bold lead: `**D1: Rename**: ✓ Done`; in a closing remark: "(done)"), a numbered step
    /// heading, an item of the outline itself. Such an item does not make its scope a
    /// checklist.
    pub(crate) outline_way: bool,
    /// Its own priority, else its section's.
    pub(crate) priority: Option<Priority>,
    /// Working days `[min, max]` and the phrase as written.
    pub(crate) estimate: Option<([f64; 2], String)>,
    /// Index of its parent item.
    pub(crate) parent: Option<usize>,
    /// Index of the outline candidate (a plain bullet) it is nested in, when it has no parent
    /// item: that bullet is its parent if the outline makes it an item.
    pub(crate) under_candidate: Option<usize>,
    /// Offset of the checkbox mark in the parsed (possibly repaired) text.
    pub(crate) checkbox_pos: Option<usize>,
    /// The author's `{#id}`, cut out of the text.
    pub(crate) explicit_id: Option<String>,
    /// Dependency phrases on it or in its body: (references, line).
    pub(crate) deps: Vec<(String, usize)>,
    /// Byte position of the first dependency phrase in `text`, when already known
    /// (`Some(None)`: there is none).
    pub(crate) dep_cut: Option<Option<usize>>,
    /// For heading items: the section the heading opens.
    pub(crate) heading_section: Option<usize>,
    /// For items of an outline: the heading's body or the bullet's nested text, as Markdown.
    pub(crate) details: Option<String>,
}

/// A top-level plain bullet that no rule made an item: an item if it turns out to be part of
/// a plan written as an outline (decided by the outline stage, once the whole document is
/// read).
pub(crate) struct RawCandidate {
    /// Plain text of its own first block.
    pub(crate) text: String,
    /// Its bold lead.
    pub(crate) title: Option<String>,
    /// Source of its own first block, container prefixes dropped.
    pub(crate) markdown: String,
    /// 1-based line.
    pub(crate) line: usize,
    /// Index of its section.
    pub(crate) section: Option<usize>,
    /// An estimate under it (its own text's is read if it becomes an item).
    pub(crate) estimate: Option<([f64; 2], String)>,
    /// Byte range of the whole list item in the walked text, and where its own first block
    /// ends: what follows is its details.
    pub(crate) span: (usize, usize, usize),
    /// Its list is the first block of its section (right under the heading).
    pub(crate) first_in_section: bool,
}

/// A row of a timeline table (`| Phase | Duration |`).
pub(crate) struct TablePhase {
    /// The phase's name ("Phase 1").
    pub(crate) name: String,
    /// Its time as written ("2 weeks", "Week 1-2", "Ongoing").
    pub(crate) time: String,
    /// 1-based line.
    pub(crate) line: usize,
    /// The calendar span its date columns give (Start/End, Date, Completed, Due, …).
    pub(crate) dates: Option<(String, String)>,
    /// Those dates come from an End column or a column that names an end (Completed, Due,
    /// Target date).
    pub(crate) dates_end: bool,
    /// Its Status cell, read by the status grammar.
    pub(crate) status: Option<Status>,
    /// A row of a release table (`| Version | Release date |`): a milestone.
    pub(crate) milestone: bool,
    /// Which table (or list) the row is in: each is a track of its own.
    pub(crate) group: usize,
}

/// Everything the walk collected.
#[derive(Default)]
pub(crate) struct Collected {
    /// Headings, in document order.
    pub(crate) sections: Vec<RawSection>,
    /// Items, in the order they were decided (table rows and status lines may come before
    /// items that started earlier; the items stage sorts them).
    pub(crate) items: Vec<RawItem>,
    /// Top-level plain bullets that are items if they are part of an outline.
    pub(crate) candidates: Vec<RawCandidate>,
    /// Rows of timeline tables.
    pub(crate) table_phases: Vec<TablePhase>,
    /// Tables (and phase lists) seen so far: numbers [`TablePhase::group`].
    pub(crate) phase_groups: usize,
    /// Top-level list items that name a stage with time ("- **Week 1**: Setup"), used as
    /// phases when no heading names one.
    pub(crate) list_phases: Vec<TablePhase>,
    /// (percent, line)
    pub(crate) claims: Vec<(f64, usize)>,
    /// Dependency phrases outside any section or item: (references, line).
    pub(crate) loose_deps: Vec<(String, usize)>,
    /// "Phase 1 → Phase 2" lines: (prerequisite stage, dependent stage, line).
    pub(crate) arrows: Vec<(String, String, usize)>,
    /// Line starts of the walked text.
    pub(crate) lines: Option<LineIndex>,
}
