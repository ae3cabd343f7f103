//! Headings: each one a section, with its display title, id path, status, priority, year,
//! whether it names a phase, a release or planned work, and whether it is about the document
//! itself.

use super::block::Block;
use super::{RawSection, Walker};
use crate::parse::{grammar, ids};

impl<'a> Walker<'a> {
    /// A heading ended; it spans `start..end` of the text.
    pub(super) fn section(&mut self, level: u8, start: usize, end: usize, block: Block) {
        self.blocks_in_section = 0;
        while let Some(&top) = self.heading_stack.last() {
            if self.out.sections.get(top).is_some_and(|s| s.level >= level) {
                self.heading_stack.pop();
            } else {
                break;
            }
        }
        let parent = self.heading_stack.last().copied();
        let plain_full = ids::collapse_ws(&block.plain);
        let (explicit_id, plain) = match ids::explicit_id(&plain_full) {
            Some((id, t)) => (Some(id), t),
            None => (None, plain_full),
        };
        let raw_title = block
            .src_start
            .and_then(|s| self.text.get(s..block.src_end))
            .map(ids::collapse_ws)
            .unwrap_or_default();
        let title = grammar::strip_leading_symbols(&plain).to_string();
        let title = if title.is_empty() {
            plain.clone()
        } else {
            title
        };
        let parent_sec = parent.and_then(|p| self.out.sections.get(p));
        // normalize(title) == normalize(plain): only leading symbols and spaces differ
        let norm = ids::normalize(&title);
        let parent_path = parent_sec.map_or("", |p| p.path_key.as_str());
        let mut path_key = String::with_capacity(parent_path.len() + 1 + norm.len());
        path_key.push_str(parent_path);
        path_key.push('/');
        path_key.push_str(&norm);
        let own_status = grammar::heading_status_in(&plain, &norm);
        let own_priority = grammar::heading_priority_in(&plain, &norm);
        let status = own_status.or(parent_sec.and_then(|p| p.status));
        let priority = own_priority.or(parent_sec.and_then(|p| p.priority));
        let year = grammar::year_heading(&title).or(parent_sec.and_then(|p| p.year));
        // A document title ("# Roadmap Q4'22") is not a phase unless it names a stage.
        let is_phase = grammar::stage_key(&plain).is_some()
            || grammar::explicit_range(&plain).is_some()
            || level > 1
                && grammar::calendar_span_in(&plain, year, &norm).is_some()
                && grammar::year_heading(&title).is_none();
        // a release names a number ("v3.4", "Release 2", "1.13")
        let release =
            title.bytes().any(|b| b.is_ascii_digit()) && grammar::release_version(&title).is_some();
        // `title` has no leading marks: what its words say (the same when nothing leads)
        let marked = plain.chars().next().is_some_and(|c| !c.is_alphanumeric());
        let status_in_words = if marked {
            (own_status.is_some() && grammar::heading_status_in(&title, &norm).is_some())
                || (own_priority.is_some() && grammar::heading_priority_in(&title, &norm).is_some())
        } else {
            own_status.is_some() || own_priority.is_some()
        };
        let plan = release || grammar::plan_heading(&plain, &norm);
        let meta = grammar::meta_heading(&plain, &norm);
        let bare_level = own_priority.is_some() && grammar::bare_level_word(&plain, &norm);
        let line = if block.src_start.is_some() {
            block.line
        } else {
            self.lines.line_of(start)
        };
        self.scan_claims(&block);
        let deps: Vec<(String, usize)> = block.dependency_phrases();
        let idx = self.out.sections.len();
        self.out.sections.push(RawSection {
            level,
            line,
            raw_title,
            plain,
            title,
            parent,
            path_key,
            explicit_id,
            own_status,
            own_priority,
            bare_level,
            status,
            priority,
            year,
            body_estimate: None,
            body_status: None,
            body_priority: None,
            plan,
            release,
            status_in_words,
            meta,
            body: (end, end),
            deps,
            is_phase,
            body_dates: None,
            body_dates_end: false,
            body_parallel: false,
        });
        self.heading_stack.push(idx);
    }
}
