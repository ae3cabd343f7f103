//! One pass over pulldown-cmark events: headings, items, tables and body text, collected
//! as raw records with lines. No recursion: every nesting lives on explicit stacks.
//!
//! This file follows the events (which block is open, which list and item, code and HTML
//! to skip); what a finished block means is decided in `sections` (headings), `items`
//! (list items and status lines), `body` (text under an item or heading) and `tables`.

mod block;
mod body;
mod items;
mod levels;
mod records;
mod sections;
mod tables;

use crate::model::{Priority, Status};
use crate::parse::grammar;
use crate::parse::ids;
use crate::parse::lines::LineIndex;
use block::Block;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
pub(crate) use records::{Collected, RawCandidate, RawItem, RawSection, TablePhase};
use tables::TableCtx;

/// An open list.
struct ListCtx {
    ordered: bool,
    /// The list is the first block of its section.
    first_in_section: bool,
}

/// An open list item.
struct ItemCtx {
    /// The item it became, once decided.
    item: Option<usize>,
    /// The nearest enclosing item (kept per level so lookups do not walk the stack).
    inherited: Option<usize>,
    /// Its own text (first block) is still to be decided on.
    own_pending: bool,
    /// A GFM task box: (checked, offset of the mark).
    task: Option<(bool, usize)>,
    /// 1 for items of an outermost list.
    depth: usize,
    ordered: bool,
    first_in_section: bool,
    /// Byte where the list item starts.
    start: usize,
    /// The outline candidate it became, or the one it is nested in.
    candidate: Option<usize>,
    /// That candidate is this item itself.
    own_candidate: bool,
}

/// `H3` → 3.
fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The parser options roadboard reads with: GFM tasks, tables, strikethrough.
pub(crate) fn markdown_options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts
}

/// The walk's state: the open block, heading, lists, items and table, and what was
/// collected so far.
struct Walker<'a> {
    text: &'a str,
    lines: LineIndex,
    out: Collected,
    block: Option<Block>,
    heading: Option<(u8, usize)>,
    heading_stack: Vec<usize>,
    lists: Vec<ListCtx>,
    items: Vec<ItemCtx>,
    table: Option<TableCtx>,
    in_cell: bool,
    code_depth: usize,
    html_depth: usize,
    quote_depth: usize,
    blocks_in_section: usize,
    /// An emptied text buffer of a finished block, for the next one.
    spare_plain: Option<String>,
}

/// Largest text buffer kept for reuse.
const SPARE_MAX: usize = 4096;

/// Walks `text` (already repaired) and collects raw records.
pub(crate) fn walk(text: &str) -> Collected {
    let mut w = Walker {
        text,
        lines: LineIndex::new(text),
        out: Collected::default(),
        block: None,
        heading: None,
        heading_stack: Vec::new(),
        lists: Vec::new(),
        items: Vec::new(),
        table: None,
        in_cell: false,
        code_depth: 0,
        html_depth: 0,
        quote_depth: 0,
        blocks_in_section: 0,
        spare_plain: None,
    };
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        w.event(event, range.start, range.end);
    }
    w.flush();
    if let Some(last) = w.out.sections.last_mut() {
        last.body.1 = text.len();
    }
    // Items still open at the end (cannot happen with balanced events, but be tolerant).
    while let Some(ctx) = w.items.pop() {
        if ctx.own_pending {
            w.items.push(ctx);
            w.decide_item(&Block::default());
            w.items.pop();
        }
    }
    levels::settle_bare_levels(&mut w.out);
    w.out.lines = Some(w.lines);
    w.out
}

impl<'a> Walker<'a> {
    /// The innermost open section.
    fn current_section(&self) -> Option<usize> {
        self.heading_stack.last().copied()
    }

    /// The status the open sections state (the nearest that states one).
    fn section_status(&self) -> Option<Status> {
        self.current_section()
            .and_then(|s| self.out.sections.get(s))
            .and_then(|s| s.status)
    }

    /// The priority the open sections state (the nearest that states one).
    fn section_priority(&self) -> Option<Priority> {
        self.current_section()
            .and_then(|s| self.out.sections.get(s))
            .and_then(|s| s.priority)
    }

    /// Counts a block of the section's own (not inside a list).
    fn top_level_block(&mut self) {
        if self.lists.is_empty() {
            self.blocks_in_section += 1;
        }
    }

    /// The open leaf block, opened at `start` if none is.
    fn block_mut(&mut self, start: usize, end: usize) -> &mut Block {
        let lines = &self.lines;
        // room for a typical item line up front instead of growing text event by event
        let spare = &mut self.spare_plain;
        let b = self.block.get_or_insert_with(|| Block {
            plain: spare.take().unwrap_or_else(|| String::with_capacity(128)),
            ..Block::default()
        });
        b.touch(start, end, lines);
        b
    }

    /// One pulldown-cmark event.
    fn event(&mut self, event: Event<'a>, start: usize, end: usize) {
        match event {
            Event::Start(tag) => self.start(tag, start, end),
            Event::End(tag) => self.end(tag, end),
            Event::Text(t) | Event::Code(t) => {
                if self.code_depth > 0 || self.html_depth > 0 {
                    return;
                }
                let b = self.block_mut(start, end);
                b.plain.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.code_depth > 0 || self.html_depth > 0 {
                    return;
                }
                let b = self.block_mut(start, end);
                let p = b.plain.len();
                b.breaks.push(p);
                b.plain.push(' ');
            }
            Event::TaskListMarker(checked) => {
                if let Some(ctx) = self.items.last_mut() {
                    ctx.task = Some((checked, start + 1));
                }
            }
            _ => {}
        }
    }

    /// A container or span opened.
    fn start(&mut self, tag: Tag<'a>, start: usize, end: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                if let Some(last) = self.out.sections.last_mut() {
                    last.body.1 = start;
                }
                self.heading = Some((heading_level(level), start));
            }
            Tag::Paragraph => {
                self.flush();
                self.top_level_block();
            }
            Tag::List(first) => {
                self.flush();
                let first_in_section = self.lists.is_empty() && self.blocks_in_section == 0;
                self.top_level_block();
                self.lists.push(ListCtx {
                    ordered: first.is_some(),
                    first_in_section,
                });
            }
            Tag::Item => {
                self.flush();
                let (ordered, first_in_section) = self
                    .lists
                    .last()
                    .map_or((false, false), |l| (l.ordered, l.first_in_section));
                let depth = self.items.len() + 1;
                let inherited = self.items.last().and_then(|c| c.item.or(c.inherited));
                let candidate = self.items.last().and_then(|c| c.candidate);
                self.items.push(ItemCtx {
                    item: None,
                    inherited,
                    own_pending: true,
                    task: None,
                    depth,
                    ordered,
                    first_in_section,
                    start,
                    candidate,
                    own_candidate: false,
                });
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.top_level_block();
                self.code_depth += 1;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.top_level_block();
                self.html_depth += 1;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.top_level_block();
                self.quote_depth += 1;
            }
            Tag::Table(_) => {
                self.flush();
                self.top_level_block();
                self.table = Some(TableCtx {
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    row_line: self.lines.line_of(start),
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                    t.row.clear();
                }
            }
            Tag::TableRow => {
                let line = self.lines.line_of(start);
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                    t.row_line = line;
                }
            }
            Tag::TableCell => {
                self.flush();
                self.in_cell = true;
            }
            Tag::Strong => {
                if self.code_depth > 0 || self.html_depth > 0 {
                    return;
                }
                let b = self.block_mut(start, end);
                if !b.strong_seen && !b.plain.chars().any(char::is_alphabetic) {
                    b.capturing = true;
                    b.capture_start = b.plain.len();
                }
                b.strong_seen = true;
            }
            Tag::Emphasis
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
                if self.code_depth == 0 && self.html_depth == 0 =>
            {
                self.block_mut(start, end);
            }
            _ => {}
        }
    }

    /// A container or span closed; `end` is the byte where the element ends.
    fn end(&mut self, tag: TagEnd, end: usize) {
        match tag {
            TagEnd::Heading(_) => {
                let block = self.block.take().unwrap_or_default();
                if let Some((level, start)) = self.heading.take() {
                    self.section(level, start, end, block);
                }
            }
            TagEnd::Paragraph => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                if self.items.last().is_some_and(|c| c.own_pending) {
                    self.decide_item(&Block::default());
                }
                if let Some(ctx) = self.items.pop() {
                    if ctx.own_candidate {
                        self.candidate_ends(ctx.candidate, end);
                    }
                }
            }
            TagEnd::CodeBlock => self.code_depth = self.code_depth.saturating_sub(1),
            TagEnd::HtmlBlock => self.html_depth = self.html_depth.saturating_sub(1),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::TableCell => {
                let block = self.block.take().unwrap_or_default();
                self.in_cell = false;
                for (pct, pos) in grammar::claimed_percents(&block.plain) {
                    self.out.claims.push((pct, block.line_at(pos)));
                }
                if let Some(t) = self.table.as_mut() {
                    t.row.push(ids::collapse_ws(&block.plain));
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut t.row);
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push((t.row_line, row));
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.table_done(t);
                }
            }
            TagEnd::Strong => {
                if let Some(b) = self.block.as_mut() {
                    if b.capturing {
                        b.capturing = false;
                        b.title = Some((b.capture_start, b.plain.len()));
                        b.title_end = b.plain.len();
                    }
                }
            }
            _ => {}
        }
    }

    /// A leaf block ended: it is the own text of a pending item, or body text.
    fn flush(&mut self) {
        let Some(block) = self.block.take() else {
            return;
        };
        if self.heading.is_some() || self.in_cell {
            // Should not happen (headings and cells end explicitly); keep the text.
            self.block = Some(block);
            return;
        }
        if self.items.last().is_some_and(|c| c.own_pending) {
            self.decide_item(&block);
        } else {
            self.body(&block);
        }
        // the text buffer serves the next block
        let mut plain = block.plain;
        if plain.capacity() <= SPARE_MAX {
            plain.clear();
            self.spare_plain = Some(plain);
        }
    }
}
