//! Body text: what a paragraph under an item or a heading adds to it (dependency phrases,
//! an estimate, `Status:` and `Priority:` fields), claims and stage arrows anywhere, and
//! status lines.

use super::block::Block;
use super::Walker;
use crate::parse::grammar;

impl<'a> Walker<'a> {
    /// Body text: claims, dependency phrases, estimates, paragraph status lines.
    pub(super) fn body(&mut self, block: &Block) {
        self.scan_claims(block);
        let deps: Vec<(String, usize)> = block.dependency_phrases();
        let estimate = grammar::find_estimate(&block.plain);
        let owner = self.items.last().and_then(|c| c.item.or(c.inherited));
        if let Some(i) = owner {
            if let Some(item) = self.out.items.get_mut(i) {
                item.deps.extend(deps);
                if item.estimate.is_none() {
                    item.estimate = estimate;
                }
            }
            return;
        }
        if let Some(c) = self.items.last().and_then(|c| c.candidate) {
            // under a bullet that may turn out to be an item of an outline
            if let Some(cand) = self.out.candidates.get_mut(c) {
                if cand.estimate.is_none() {
                    cand.estimate = estimate.clone();
                }
            }
        }
        if let Some(s) = self.current_section() {
            // a section's own fields: in its paragraphs and top-level bullets
            if self.items.len() <= 1 {
                self.section_fields(s, block);
            }
            if let Some(sec) = self.out.sections.get_mut(s) {
                sec.deps.extend(deps);
                // A date in the first lines of the section's body dates the section (issue 15).
                if sec.body_dates.is_none()
                    && self.blocks_in_section == 1
                    && self.lists.is_empty()
                    && !block.plain.to_ascii_lowercase().contains("updated")
                {
                    if let Some((span, phrase)) = grammar::calendar_phrase(&block.plain, sec.year) {
                        sec.body_dates_end = grammar::introduces_end(&block.plain, phrase);
                        sec.body_dates = Some(span);
                    }
                }
                if self.blocks_in_section <= 2 && grammar::says_parallel(&block.plain) {
                    sec.body_parallel = true;
                }
                if sec.body_estimate.is_none() {
                    sec.body_estimate = estimate;
                }
            }
        } else {
            self.out.loose_deps.extend(deps);
        }
        if self.items.is_empty() {
            self.status_lines(block);
        }
    }

    /// `Status:` and `Priority:` fields on the lines of `block`, the first of each in section
    /// `s`: they state its status and priority (for the items under it without their own)
    /// when the heading itself says none. A document's `#` heading passes neither on: the
    /// status of a whole project is not that of each of its items.
    fn section_fields(&mut self, s: usize, block: &Block) {
        let Some(sec) = self.out.sections.get_mut(s) else {
            return;
        };
        if sec.body_status.is_some() && sec.body_priority.is_some() {
            return;
        }
        let mut from = 0;
        let ends = block.breaks.iter().copied().chain([block.plain.len()]);
        for end in ends {
            let line = block.plain.get(from..end).unwrap_or("");
            from = end + 1;
            // a field opens with a short label and a colon
            if !line.bytes().take(26).any(|b| b == b':') {
                continue;
            }
            if sec.body_status.is_none() {
                if let Some(st) = grammar::status_field(line) {
                    sec.body_status = Some(st);
                    if sec.own_status.is_none() && sec.level > 1 {
                        sec.status = Some(st);
                    }
                }
            }
            if sec.body_priority.is_none() {
                if let Some(p) = grammar::priority_field(line) {
                    sec.body_priority = Some(p);
                    if sec.own_priority.is_none() && sec.level > 1 {
                        sec.priority = Some(p);
                    }
                }
            }
        }
    }

    /// Claimed percentages and a stage arrow in any block.
    pub(super) fn scan_claims(&mut self, block: &Block) {
        for (pct, pos) in grammar::claimed_percents(&block.plain) {
            self.out.claims.push((pct, block.line_at(pos)));
        }
        if let Some((a, b)) = grammar::stage_arrow(&block.plain) {
            self.out.arrows.push((a, b, block.line));
        }
    }
}
