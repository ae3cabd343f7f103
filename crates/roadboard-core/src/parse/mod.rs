//! Markdown → [`Roadmap`]: a tolerant reader for roadmap documents as teams write them.
//!
//! Reading never fails: every input is some roadmap, and problems become diagnostics with
//! 1-based lines (like mdBook's `line {}, column {}` errors), never panics. The reader
//! accepts ordinary GitHub-flavoured Markdown; `docs/syntax.md` (and the README's "The
//! Markdown roadboard understands") say the same for writers, with examples.
//!
//! # What the reader accepts
//!
//! **Sections.** Every heading (`#` … `######`, setext too) opens a section, nested by
//! level. Its display title drops leading emoji and markup (`## ✅ **Completed**` →
//! "Completed"). A heading can state a **status** ("Completed", "In Progress", "Blocked",
//! "Not Started", or a leading mark) and a **priority** ("P0", "High Priority",
//! "Nice to have", a colour circle); sub-sections inherit both.
//!
//! **Items**, the cards of the board:
//!
//! - GFM task items: `- [ ] todo`, `- [x] done`; also `- [~]` / `- [-]` (in progress, no
//!   box to tick). A task box always wins over marks and headings.
//! - Bullets and paragraph lines led by a status mark or label: `- ✅ Auth works`,
//!   `❌ Build broken`, `- [Completed] Prompt 065`.
//! - Top-level plain bullets right under a heading that states a status.
//! - A numbered list that is the first block under a heading that states a status or a
//!   priority, or names a phase.
//! - Numbered step headings (`#### 1. Database Setup`) under a status or priority heading
//!   or with an estimate, when no task list lives below them; a `Status:` line right under
//!   one gives its status.
//! - Rows of a table with a Status column (`| Task | Status |`).
//!
//! An item under an item is its child; a plain sub-bullet under an item is part of it (its
//! details, estimate or dependencies). An item's **title** is its bold lead
//! (`- [ ] **Deploy API**: to production`). Its **priority** is its own (only explicit
//! forms in item text: `P1`, "Priority: low", a colour circle), else its section's.
//!
//! **Estimates**: a duration after a marker, in working days (1 h = 1/8 d, 1 w = 5 d,
//! 1 month = 20 d); "Sub-2 second post creation" has no marker, so no estimate:
//!
//! ```text
//! estimate = marker , duration ;                   "⏱ ~15 minutes", "Time: 1-2 days", "(2-3 days)"
//! marker   = "⏱" | "⏰" | "🕐" | "⌛" | "~" | "≈" | label , ":" | "(" (closed after the duration)
//! label    = "Time" | "Estimate" | "Effort" | "Duration" | "ETA" | "Timeline" | "Est" | "Tiempo" | …
//! duration = number , [ ( "-" | "–" | "to" | "or" ) , number ] , unit ;
//! unit     = "min" | "h" | "hours" | "d" | "days" | "w" | "weeks" | "months" | "horas" | "días" | …
//! ```
//!
//! **Phases**: a heading that names a stage (`Phase 2`, `Stage B`, `Sprint 3`,
//! `Milestone 1`, `Fase 0`) or a place in time (`Day 4-5`, `Week 1-2`, `Month 3+`; below
//! the title also `Q3 2025`, `March 2026`, `2025-01-15`). Rows of a timeline table
//! (`| Phase | Duration |`) add phases or give a heading's phase its time; when no heading
//! names a phase, top-level bullets that start with one and give a time are phases. Every
//! phase is placed on one axis in working days (see `phases`).
//!
//! **Dependencies**: a phrase, a colon and a list of references, on an item (or in a
//! sub-bullet or paragraph under it), in a heading's own text (the phase or section then
//! depends), or as a stage arrow:
//!
//! ```text
//! dependency = phrase , ":" , reference , { ( "," | ";" | "and" | "&" | "+" ) , reference } ;
//! phrase     = "depends on" | "blocked by" | "waiting on"                  (anywhere)
//!            | "after" | "requires" | "needs" | "prereqs"                  (at a line's start or
//!                                                                            after ( [ , ; - | —)
//!            | "Dependencies" | "Prerequisites" | "Required"               (a label at the start)
//! arrow      = stage , ( "→" | "->" ) , stage ;                            "Phase 1 → Phase 3: …"
//! ```
//!
//! The list ends at the line's end, an unmatched `)` or a sentence end; "None", "n/a" and
//! parenthesised remarks are dropped. A **reference** is matched (by [`crate::deps`]) to an
//! explicit id (`{#db}`, `#db`), a phase by number (`Phase 2`, `Phases 1-3`), an item,
//! phase or section by its title or text, case, markup and emoji ignored, or a heading or
//! item by its number (`Task 1.1`, `Step 3` → `#### 3. Deploy` under "Steps"). "Tasks 1.1,
//! 1.2" carries its word, "Tasks 1.1–1.3" expands, and a list splits only where its parts
//! name things. Matching nothing: an external prerequisite; two things: ambiguous. Each
//! phase depends on the one before it at its level unless it states its own.
//!
//! **Claims**: "85% Complete", "80% production-ready", "Progress: 40%" — not targets,
//! quotes or measures ("96% of tests pass"); each with its scope, the document or the
//! phase, section or item it is written on or in (`document.rs`).
//!
//! **Ids**: an item's id comes from its normalised text (without its dependency phrase)
//! and the titles of the sections above it, never its position or box; `{#id}` pins one.
//!
//! **Not read**: code blocks, HTML blocks, and `[ ]` in table cells.
//!
//! # The pipeline
//!
//! [`parse_named`] runs these stages in order, each a function taking and returning plain
//! data; nothing is recursive, and every scanner is linear in its input.
//!
//! 1. **source** (`source.rs`): strip a BOM, repair Windows-1252/MacRoman mojibake
//!    (`encoding.rs`) → the text to read, and a way back to the original bytes;
//! 2. **walk** (`walk/`): one pass over pulldown-cmark events (GFM tasks, tables,
//!    strikethrough) → raw sections, items, timeline-table and list phases, claims,
//!    dependency phrases and stage arrows, with lines; what each phrase says is asked of
//!    the grammar (`grammar/`, one grammar per file);
//! 3. **items** (`items.rs`): numbered step headings that are items join them, items under
//!    a step heading become its children, all in document order;
//! 4. **ids** (`ids.rs`): stable section and item ids;
//! 5. **phases** (`phases.rs`): phases built from headings, tables and lists, placed on the
//!    working-day axis;
//! 6. **dependencies** (`dependencies.rs`): who depends on what, as statements;
//! 7. **assemble** (`assemble.rs`): the model's items, sections and phases (phase
//!    membership, task box offsets in the original input, children);
//! 8. **document** (`document.rs`): claimed progress, title, measured progress, ownerless
//!    phrases;
//! 9. **resolve** (`deps::resolve`): references resolved to edges, implicit phase order, cycles;
//! 10. **schedule** (`schedule::place`): undated phases placed after their prerequisites,
//!     backward implicit edges dropped, contradicted written ones reported; diagnostics
//!     sorted by line.

mod assemble;
mod dependencies;
mod document;
mod encoding;
mod fxhash;
mod grammar;
mod ids;
mod items;
mod lines;
mod outline;
mod phases;
mod same_work;
mod source;
mod walk;

// What the rest of the core uses of the reader. The engine's modules are private and these
// re-exports are the only doors into them, so that the dependency resolver, the timeline
// and the document view read text exactly as the parser does, and so that moving a rule
// inside the reader never breaks a caller.

// The dependency resolver (`deps`) matches references as the reader wrote them: stage keys
// ("phase 2"), plain leads ("Alpha: …"), an item's text up to its dependency phrase, and
// normalised text and its hashes; it keys its maps with the reader's fast hasher.
pub(crate) use fxhash::{FastMap, FastSet};
pub(crate) use grammar::{first_dependency_phrase, plain_lead, stage_key, without_dependencies_at};
pub(crate) use grammar::{
    for_each_reference, is_plan_word, numbered_key, numbered_reference, singular, title_number,
};
// The board previews an item's details without the fields the card already shows.
pub(crate) use grammar::field_line;
/// A URL-friendly slug of at most `max` characters: the one slug of the product (ids, file names).
pub use ids::slug;
pub(crate) use ids::{hash_of_normalized, normalize, normalized_hash, normalized_hash_nonempty};
// The document view shows the text the model was read from (mojibake repaired), parsed
// with the same Markdown options, so that its lines and task boxes are the model's.
pub(crate) use encoding::repair as repair_encoding;
pub(crate) use walk::markdown_options;

use crate::model::{Diagnostic, Roadmap, SCHEMA_VERSION};
use source::Source;

/// Parse a roadmap document. Never fails, never panics.
pub fn parse(text: &str) -> Roadmap {
    parse_named(text, None)
}

/// Parse a roadmap document, with a file name to fall back on for the title.
///
/// The stages of the [module documentation](self), in order.
pub fn parse_named(input: &str, file_name: Option<&str>) -> Roadmap {
    let source = Source::read(input);
    let mut diagnostics: Vec<Diagnostic> = source.repair_diagnostic().into_iter().collect();
    let mut walked = walk::walk(source.text());
    let items = items::items(
        &mut walked.sections,
        std::mem::take(&mut walked.items),
        std::mem::take(&mut walked.candidates),
        source.text(),
    );
    let ids = ids::assign(&walked.sections, &items, &mut diagnostics);
    let phases = phases::build(
        &walked.sections,
        &ids.sections,
        &walked.table_phases,
        &walked.list_phases,
    );
    let statements = dependencies::statements(&items, &walked.sections, &walked.arrows, &phases);
    let claims = document::read_claims(
        std::mem::take(&mut walked.claims),
        source.text(),
        walked.lines.as_ref(),
    );
    let boxes = source.box_locator(walked.lines.take());
    let model = assemble::assemble(
        items,
        &walked.sections,
        ids,
        phases,
        &boxes,
        &mut diagnostics,
    );
    document::ownerless_dependencies(&walked.loose_deps, &mut diagnostics);
    let mut map = Roadmap {
        schema: SCHEMA_VERSION,
        title: document::title(&walked.sections, file_name),
        encoding_repair: source.repair(),
        progress: document::progress(&model.items),
        sections: model.sections,
        items: model.items,
        phases: model.phases,
        dependencies: Vec::new(),
        unresolved: Vec::new(),
        ambiguous: Vec::new(),
        claimed_progress: Vec::new(),
        cycles: Vec::new(),
        diagnostics,
    };
    map.claimed_progress = document::claims(claims, &map);
    crate::deps::resolve(&mut map, statements);
    crate::schedule::place(&mut map);
    map.diagnostics.sort_by_key(|d| d.line);
    map
}
