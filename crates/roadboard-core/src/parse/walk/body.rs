//! Body text: what a paragraph under an item or a heading adds to it (dependency phrases,
//! an estimate, a `Status:` field), claims and stage arrows anywhere, and status lines.

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
        if let Some(s) = self.current_section() {
            if let Some(sec) = self.out.sections.get_mut(s) {
                if sec.body_status.is_none() {
                    sec.body_status = block
                        .plain
                        .split('\n')
                        .next()
                        .and_then(grammar::status_field);
                }
                sec.deps.extend(deps);
                // A date in the first lines of the section's body dates the section (issue 15).
                if sec.body_dates.is_none()
                    && self.blocks_in_section == 1
                    && self.lists.is_empty()
                    && !block.plain.to_ascii_lowercase().contains("updated")
                {
                    sec.body_dates = grammar::calendar_span(&block.plain, sec.year);
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
