//! The small phrase grammar of roadmaps, one grammar per file: hand-written scanners, all
//! linear, that the walk and the later stages ask "what does this text say?".
//!
//! | file | reads |
//! |---|---|
//! | `status` | status marks (✅ ❌ ⚠️ …), `[~]` boxes, `[Done]` labels, `Status:` fields, status headings and cells, a status after a bold lead or in a closing "(done)" |
//! | `priority` | P0–P3, "High priority", "Nice to have", colour circles, `Priority:` fields |
//! | `plan` | plan headings ("Short term", "Backlog"), meta headings ("About", "How can I help?"), the key of one piece of work |
//! | `field` | lines that are not items: fields ("Owner: Ana"), "None", legends, links; a bold lead set apart from a long description |
//! | `duration` | estimates and durations ("⏱ ~2 hours", "Time: 1-2 days"), in working days |
//! | `axis` | places on the working-day axis ("Day 4-5", "Week 1-2", "Week 8+") |
//! | `release` | release names ("v3.6.0", "Release 2.0", "etcd 3.4 (Q2, 2018)") |
//! | `stage` | stage names ("Phase 2", "Sprint 3"), stage arrows ("Phase 1 → Phase 2"), criteria sections, "in parallel" |
//! | `date` | calendar spans (ISO dates, "Jan 20, 2026", "March 2026", "Q3 2025", "H2 2026", ranges) and year headings |
//! | `claim` | claimed progress ("85% Complete") |
//! | `dependency` | dependency phrases ("depends on:", "blocked by:") and their reference lists |
//! | `reference` | a reference list split into references where its parts name things; an item's plain lead ("Alpha: …") |
//! | `numbered` | numbered names ("Task 1.1", "3. Deploy"), their keys and ranges ("Tasks 1.1–1.3") |
//! | `table` | table headers: which column is the Phase, Time, Status, Task, Priority, … |
//! | `number`, `lex` | numbers and ranges; words and bytes, shared by the others |
//!
//! The files are private; what the reader uses is re-exported here, so a call site says
//! `grammar::find_estimate`, never which file the rule lives in.

mod axis;
mod claim;
mod date;
mod dependency;
mod duration;
mod field;
mod lex;
mod number;
mod numbered;
mod plan;
mod priority;
mod reference;
mod release;
mod stage;
mod status;
mod table;

pub(crate) use axis::explicit_range;
pub(crate) use claim::{claim_subject, claimed_percents, ClaimSubject};
pub(crate) use date::{
    calendar_phrase, calendar_span, calendar_span_in, introduces_end, leads_in_date, says_end,
    year_heading,
};
pub(crate) use dependency::{
    first_dependency_phrase, scan_dependency_phrases, without_dependencies_at,
};
pub(crate) use duration::{duration_at, find_estimate};
pub(crate) use field::{
    bold_lead_split, field_line, legend_line, link_only, says_nothing, LONG_TEXT,
};
pub(crate) use lex::{find_ascii, strip_leading_symbols};
pub(crate) use numbered::{is_plan_word, numbered_key, numbered_reference, singular, title_number};
pub(crate) use plan::{meta_heading, only_group_words, plan_heading, work_key};
pub(crate) use priority::{
    bare_level_word, heading_priority, heading_priority_in, item_priority, priority_field,
};
pub(crate) use reference::{for_each_reference, plain_lead};
pub(crate) use release::release_version;
pub(crate) use stage::{
    is_criteria_section, is_state_section, says_parallel, stage_arrow, stage_key,
};
pub(crate) use status::{
    cell_status, heading_status_in, leading_in_progress_box, leading_status_label,
    leading_status_mark, status_after_lead, status_field, trailing_status,
};
pub(crate) use table::{date_columns, is_total_row, table_shape, ItemColumns, TableShape};
