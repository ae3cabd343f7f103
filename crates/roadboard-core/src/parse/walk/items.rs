//! Items: what makes a list item or a paragraph line a card (a task box, a status mark or
//! label, a status after a bold lead or in a closing remark, a bullet under a status
//! heading, a numbered list that opens a priority or phase section), what never is one
//! ("None", a legend line, a link), top-level bullets kept as outline candidates, and list
//! items that name a phase with time.

use super::block::Block;
use super::{ItemCtx, RawCandidate, RawItem, TablePhase, Walker};
use crate::model::{ItemKind, Status};
use crate::parse::{grammar, ids};

/// How a list item's own text reads, when it makes an item.
struct ItemReading {
    kind: ItemKind,
    status: Status,
    /// The status was written after the text (after a bold lead, in a closing remark): an
    /// outline's way.
    outline_way: bool,
    /// A GFM task box the reader can tick.
    checkbox: bool,
    /// Plain text, without the box or the leading mark.
    text: String,
    /// Source, without the box or the leading mark.
    markdown: String,
}

impl<'a> Walker<'a> {
    /// The own text of the innermost list item is complete: make it an item or not.
    pub(super) fn decide_item(&mut self, block: &Block) {
        let Some(ctx) = self.items.last() else {
            return;
        };
        let task = ctx.task;
        let top_level_plain = ctx.depth == 1 && task.is_none();
        let plain = ids::collapse_ws(&block.plain);
        if top_level_plain {
            self.list_phase(&plain, block.line);
        }
        let markdown = self.markdown_of(block);
        let Some(ctx) = self.items.last() else {
            return;
        };
        let reading = match self.read_list_item(ctx, block, plain, markdown) {
            Ok(reading) => reading,
            Err((plain, markdown)) => {
                // Not an item: its text is body text of the enclosing item or section, and a
                // top-level bullet may still be an item of an outline.
                if let Some(c) = self.items.last_mut() {
                    c.own_pending = false;
                }
                self.body(block);
                if top_level_plain {
                    self.candidate(block, plain, markdown);
                }
                return;
            }
        };
        let ItemReading {
            kind,
            status,
            outline_way,
            checkbox,
            text,
            markdown,
        } = reading;
        // `{#id}` names the item unless it sits in a dependency list ("after: {#db}").
        let (deps, first_in_plain) = block.dependency_phrases_first();
        // one line read as is: the phrases just found are those of `text`
        let first_dep = if block.breaks.is_empty() && text == block.plain {
            first_in_plain
        } else {
            grammar::first_dependency_phrase(&text)
        };
        let (explicit_id, text, markdown) = cut_own_id(text, markdown, first_dep);
        // the text changed when an id was cut out of it
        let dep_cut = explicit_id.is_none().then_some(first_dep);
        self.scan_claims(block);
        let line = if block.src_start.is_some() {
            block.line
        } else {
            task.map_or(0, |(_, p)| self.lines.line_of(p))
        };
        let parent = self.items.last().and_then(|c| c.inherited);
        let under_candidate = self.items.last().and_then(|c| c.candidate);
        let priority = grammar::item_priority(&text).or(self.section_priority());
        let estimate = grammar::find_estimate(&text);
        // an outline's long "**Lead**: ✓ Done. Description …": the lead (and its status) is the
        // card, the rest its details; the text, and so the id, stay whole
        let long = outline_way && text.len() > grammar::LONG_TEXT;
        let (markdown, details) = match long.then(|| grammar::bold_lead_split(&markdown)) {
            Some(Some((lead, rest))) if text.chars().count() > grammar::LONG_TEXT => {
                (lead.to_string(), Some(rest.to_string()))
            }
            _ => (markdown, None),
        };
        let idx = self.out.items.len();
        self.out.items.push(RawItem {
            kind,
            title: block.bold_title(),
            markdown,
            line,
            section: self.current_section(),
            checkbox,
            status,
            outline_way,
            priority,
            estimate,
            parent,
            under_candidate,
            checkbox_pos: task.map(|(_, p)| p),
            explicit_id,
            deps,
            dep_cut,
            heading_section: None,
            details,
            text,
        });
        if let Some(c) = self.items.last_mut() {
            c.own_pending = false;
            c.item = Some(idx);
        }
    }

    /// What makes a list item an item, the first rule that applies: a GFM task box
    /// (todo/done); an in-progress box (`[~]`); a leading status mark or label (`✅`,
    /// `[Done]`); a status right after a bold lead or in a closing remark
    /// (`**D1: Rename**: ✓ Done`, "Auth (done)"); a top-level bullet right under a heading
    /// that states a status, or a top-level numbered list that is the first block under a
    /// heading that states a status or a priority or names a phase (the heading's status,
    /// else todo). Never an item without a task box: "None", "N/A", a legend line ("✅ =
    /// done", "Not Started - no work has been done"), a bullet that is only a link.
    /// `Err`: not an item (the text is body text), with `plain` and `markdown` handed back.
    fn read_list_item(
        &self,
        ctx: &ItemCtx,
        block: &Block,
        plain: String,
        mut markdown: String,
    ) -> Result<ItemReading, (String, String)> {
        let nearest = self
            .current_section()
            .and_then(|s| self.out.sections.get(s));
        // Plain bullets are items only right under the heading that states a status;
        // deeper sections describe their own items.
        let nearest_status = nearest.is_some_and(|s| s.own_status.is_some());
        let nearest_says = nearest
            .is_some_and(|s| s.own_priority.is_some() || s.is_phase || s.own_status.is_some());
        let mut outline_way = false;
        let (kind, status, checkbox, text) = if let Some((checked, _)) = ctx.task {
            let st = if checked { Status::Done } else { Status::Todo };
            return Ok(ItemReading {
                kind: ItemKind::Task,
                status: st,
                outline_way: false,
                checkbox: true,
                text: plain,
                markdown,
            });
        } else if let Some(rest) = grammar::leading_in_progress_box(&plain) {
            markdown = grammar::leading_in_progress_box(&markdown)
                .unwrap_or(&markdown)
                .trim_start()
                .to_string();
            (
                ItemKind::Task,
                Status::InProgress,
                false,
                rest.trim().to_string(),
            )
        } else if let Some((st, rest)) =
            grammar::leading_status_mark(&plain).or_else(|| grammar::leading_status_label(&plain))
        {
            if grammar::legend_line(rest, true) {
                return Err((plain, markdown));
            }
            if let Some((_, md_rest)) = grammar::leading_status_mark(&markdown)
                .or_else(|| grammar::leading_status_label(&markdown))
            {
                markdown = md_rest.to_string();
            }
            (ItemKind::StatusLine, st, false, rest.to_string())
        } else if let Some(st) = written_status(block, &plain) {
            outline_way = true;
            (ItemKind::StatusLine, st, false, plain)
        } else if ctx.depth == 1
            && (nearest_status || ctx.ordered && ctx.first_in_section && nearest_says)
        {
            if grammar::legend_line(&plain, false) || grammar::link_only(&markdown) {
                return Err((plain, markdown));
            }
            let st = self.section_status().unwrap_or(Status::Todo);
            (ItemKind::Listed, st, false, plain)
        } else {
            return Err((plain, markdown));
        };
        if grammar::says_nothing(&text) {
            return Err((text, markdown));
        }
        Ok(ItemReading {
            kind,
            status,
            outline_way,
            checkbox,
            text,
            markdown,
        })
    }

    /// A top-level plain bullet that is not an item now: kept as a candidate for the outline
    /// stage, unless it is a field of its heading ("Owner: Ana"), says nothing ("None"),
    /// defines a status or priority (a legend) or is only a link.
    fn candidate(&mut self, block: &Block, plain: String, markdown: String) {
        if plain.is_empty()
            || grammar::field_line(&plain)
            || grammar::says_nothing(&plain)
            || grammar::legend_line(&plain, false)
            || grammar::link_only(&markdown)
        {
            return;
        }
        let Some(ctx) = self.items.last() else {
            return;
        };
        let own_end = block.src_end.max(ctx.start);
        let first_in_section = ctx.first_in_section;
        let span = (ctx.start, own_end, own_end);
        let idx = self.out.candidates.len();
        self.out.candidates.push(RawCandidate {
            title: block.bold_title(),
            estimate: None,
            markdown,
            line: block.line,
            section: self.current_section(),
            span,
            first_in_section,
            text: plain,
        });
        if let Some(c) = self.items.last_mut() {
            c.candidate = Some(idx);
            c.own_candidate = true;
        }
    }

    /// The list item of candidate `c` ended at byte `end`.
    pub(super) fn candidate_ends(&mut self, c: Option<usize>, end: usize) {
        if let Some(cand) = c.and_then(|c| self.out.candidates.get_mut(c)) {
            cand.span.2 = end.max(cand.span.1);
        }
    }

    /// "Phase 1 (Week 1-2): Setup", "**Week 3**: Launch" as a list item: a phase candidate.
    fn list_phase(&mut self, plain: &str, line: usize) {
        let lead = grammar::strip_leading_symbols(plain);
        let starts_with_stage = grammar::stage_key(lead).is_some();
        let range = grammar::explicit_range(lead);
        let starts_with_range = range
            .as_ref()
            .is_some_and(|(_, _, phrase)| lead.starts_with(phrase.as_str()));
        if !(starts_with_stage || starts_with_range) {
            return;
        }
        let has_time =
            starts_with_range || range.is_some() || grammar::find_estimate(lead).is_some();
        if !has_time {
            return;
        }
        // the name is what comes before the first ": " description
        let name = lead.split(": ").next().unwrap_or(lead).trim();
        self.out.list_phases.push(TablePhase {
            name: name.to_string(),
            time: lead.to_string(),
            line,
            dates: None,
            dates_end: false,
            status: None,
            milestone: false,
            group: usize::MAX,
        });
    }

    /// The block's source, one line per source line, without container prefixes.
    fn markdown_of(&self, block: &Block) -> String {
        let Some(s) = block.src_start else {
            return String::new();
        };
        let src = self.text.get(s..block.src_end).unwrap_or("");
        let mut out = String::with_capacity(src.len());
        for (k, line) in src.lines().enumerate() {
            let mut l = line.trim();
            if k > 0 && self.quote_depth > 0 {
                while let Some(r) = l.strip_prefix('>') {
                    l = r.trim_start();
                }
            }
            if k > 0 {
                out.push('\n');
            }
            out.push_str(l);
        }
        // trimmed in place
        let end = out.trim_end().len();
        out.truncate(end);
        let start = out.len() - out.trim_start().len();
        out.drain(..start);
        out
    }

    /// Lines of a paragraph led by a status mark ("✅ Complete database schema").
    pub(super) fn status_lines(&mut self, block: &Block) {
        let mut seg_start = 0;
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        for &b in &block.breaks {
            bounds.push((seg_start, b));
            seg_start = b + 1;
        }
        bounds.push((seg_start, block.plain.len()));
        for (k, (s, e)) in bounds.into_iter().enumerate() {
            let seg = block.plain.get(s..e).unwrap_or("");
            let Some((status, rest)) = grammar::leading_status_mark(seg) else {
                continue;
            };
            let text = ids::collapse_ws(rest);
            if text.is_empty() {
                continue;
            }
            let line = block.line + k;
            let markdown = self
                .source_line(line)
                .and_then(|l| grammar::leading_status_mark(l).map(|(_, r)| r.trim().to_string()))
                .unwrap_or_else(|| text.clone());
            let section = self.current_section();
            let priority = grammar::item_priority(&text).or(self.section_priority());
            let estimate = grammar::find_estimate(&text);
            self.out.items.push(RawItem {
                kind: ItemKind::StatusLine,
                markdown,
                line,
                section,
                status,
                priority,
                estimate,
                text,
                ..RawItem::default()
            });
        }
    }

    /// Source line `line`, trimmed, without a quote marker.
    fn source_line(&self, line: usize) -> Option<&'a str> {
        let s = self.lines.start(line)?;
        let e = self.lines.start(line + 1).unwrap_or(self.text.len());
        let l = self.text.get(s..e)?;
        Some(
            l.trim_end_matches(['\n', '\r'])
                .trim()
                .trim_start_matches('>')
                .trim(),
        )
    }
}

/// A status written after the item's bold lead (`**D1: Rename**: ✓ Done`) or in a remark
/// closing it ("Auth (done)", "Search [WIP]"); never on a field line (`**Status**: Done` is
/// its heading's).
fn written_status(block: &Block, plain: &str) -> Option<Status> {
    if grammar::field_line(plain) {
        return None;
    }
    let after_lead = block
        .title
        .and_then(|_| block.plain.get(block.title_end..))
        .and_then(grammar::status_after_lead);
    after_lead.or_else(|| grammar::trailing_status(plain))
}

/// An item's own `{#id}` cut out of its text and source: (id, text, markdown). Not an id
/// inside its dependency list (after `first_dep`): that is a reference.
fn cut_own_id(
    text: String,
    mut markdown: String,
    first_dep: Option<usize>,
) -> (Option<String>, String, String) {
    let own_id =
        grammar::find_ascii(&text, b"{#").is_some_and(|p| p < first_dep.unwrap_or(usize::MAX));
    match ids::explicit_id(&text).filter(|_| own_id) {
        Some((id, t)) => {
            if let Some(s) = markdown.find("{#") {
                if let Some(e) = markdown.get(s..).and_then(|r| r.find('}')) {
                    markdown = format!(
                        "{}{}",
                        markdown.get(..s).unwrap_or(""),
                        markdown.get(s + e + 1..).unwrap_or("")
                    )
                    .trim()
                    .to_string();
                }
            }
            (Some(id), t, markdown)
        }
        None => (None, text, markdown),
    }
}
