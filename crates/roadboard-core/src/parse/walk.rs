//! One pass over pulldown-cmark events: headings, items, tables and body text, collected
//! as raw records with lines. No recursion: every nesting lives on explicit stacks.

use super::grammar;
use super::ids;
use crate::model::{ItemKind, Priority, Status};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Maps byte offsets to 1-based lines (LF, CRLF and lone CR all end a line).
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut starts = Vec::with_capacity(b.len() / 32 + 1);
        starts.push(0);
        if !b.contains(&b'\r') {
            // LF only: the line ends are found by the (vectorised) single-byte searcher
            starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            return LineIndex { starts };
        }
        // Between two LFs, every CR but one right before the LF ends a line of its own.
        let lone_crs = |starts: &mut Vec<usize>, from: usize, to: usize, lf: bool| {
            let seg = text.get(from..to).unwrap_or("");
            for (p, _) in seg.match_indices('\r') {
                if !(lf && from + p + 1 == to) {
                    starts.push(from + p + 1);
                }
            }
        };
        let mut from = 0;
        for (i, _) in text.match_indices('\n') {
            lone_crs(&mut starts, from, i, true);
            starts.push(i + 1);
            from = i + 1;
        }
        lone_crs(&mut starts, from, b.len(), false);
        LineIndex { starts }
    }

    /// 1-based line of byte `pos`.
    pub(crate) fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).max(1)
    }

    /// Byte offset where 1-based `line` starts.
    pub(crate) fn start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

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

/// Inline text of one leaf block (paragraph, heading, tight item text, table cell).
#[derive(Default)]
struct Block {
    plain: String,
    src_start: Option<usize>,
    src_end: usize,
    line: usize,
    /// Positions in `plain` where a line break was.
    breaks: Vec<usize>,
    /// Byte range in `plain` of the text of the first strong span, when it opened the
    /// block (before any letter).
    title: Option<(usize, usize)>,
    title_end: usize,
    capturing: bool,
    /// Where in `plain` the span being captured started.
    capture_start: usize,
    strong_seen: bool,
}

impl Block {
    fn touch(&mut self, start: usize, end: usize, lines: &LineIndex) {
        if self.src_start.is_none() {
            self.src_start = Some(start);
            self.line = lines.line_of(start);
        }
        self.src_end = self.src_end.max(end);
    }

    /// 1-based line of byte `pos` of `plain`.
    fn line_at(&self, pos: usize) -> usize {
        self.line + self.breaks.partition_point(|&b| b < pos)
    }

    /// Dependency phrases, line by line (a reference list ends at the line's end).
    fn dependency_phrases(&self) -> Vec<(String, usize)> {
        self.dependency_phrases_first().0
    }

    /// [`Self::dependency_phrases`], and the byte position of the first phrase when it is
    /// on the first line.
    fn dependency_phrases_first(&self) -> (Vec<(String, usize)>, Option<usize>) {
        let mut out = Vec::new();
        let mut first = None;
        let mut start = 0;
        let ends = self.breaks.iter().copied().chain([self.plain.len()]);
        for (k, end) in ends.enumerate() {
            let seg = self.plain.get(start..end).unwrap_or("");
            grammar::scan_dependency_phrases(seg, |refs, pos| {
                if k == 0 && first.is_none() {
                    first = Some(pos);
                }
                out.push((refs.to_string(), self.line + k));
                true
            });
            start = end + 1;
        }
        (out, first)
    }

    /// The bold lead, if the text after it reads as `**Title**: description`.
    fn bold_title(&self) -> Option<String> {
        let (s, e) = self.title?;
        let t = self.plain.get(s..e)?;
        let after = self.plain.get(self.title_end..).unwrap_or("").trim_start();
        let t_trim = t.trim().trim_end_matches(':').trim();
        if t_trim.is_empty() {
            return None;
        }
        let ok = t.trim_end().ends_with(':')
            || after.is_empty()
            || after.starts_with([':', '-', '–', '—', '(', '!'])
            || after.starts_with('⏱');
        ok.then(|| t_trim.to_string())
    }
}

struct ListCtx {
    ordered: bool,
    /// The list is the first block of its section.
    first_in_section: bool,
}

struct ItemCtx {
    item: Option<usize>,
    /// The nearest enclosing item (kept per level so lookups do not walk the stack).
    inherited: Option<usize>,
    own_pending: bool,
    task: Option<(bool, usize)>,
    /// 1 for items of an outermost list.
    depth: usize,
    ordered: bool,
    first_in_section: bool,
}

struct TableCtx {
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    row: Vec<String>,
    row_line: usize,
    in_head: bool,
}

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
pub(crate) fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts
}

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
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        w.event(event, range.start, range.end);
    }
    w.flush();
    // Items still open at the end (cannot happen with balanced events, but be tolerant).
    while let Some(ctx) = w.items.pop() {
        if ctx.own_pending {
            w.items.push(ctx);
            w.decide_item(&Block::default());
            w.items.pop();
        }
    }
    w.out.lines = Some(w.lines);
    w.out
}

impl<'a> Walker<'a> {
    fn current_section(&self) -> Option<usize> {
        self.heading_stack.last().copied()
    }

    fn top_level_block(&mut self) {
        if self.lists.is_empty() {
            self.blocks_in_section += 1;
        }
    }

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

    fn event(&mut self, event: Event<'a>, start: usize, end: usize) {
        match event {
            Event::Start(tag) => self.start(tag, start, end),
            Event::End(tag) => self.end(tag),
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

    fn start(&mut self, tag: Tag<'a>, start: usize, end: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
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
                self.items.push(ItemCtx {
                    item: None,
                    inherited,
                    own_pending: true,
                    task: None,
                    depth,
                    ordered,
                    first_in_section,
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

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let block = self.block.take().unwrap_or_default();
                if let Some((level, start)) = self.heading.take() {
                    self.section(level, start, block);
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
                self.items.pop();
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

    fn scan_claims(&mut self, block: &Block) {
        for (pct, pos) in grammar::claimed_percents(&block.plain) {
            self.out.claims.push((pct, block.line_at(pos)));
        }
        if let Some((a, b)) = grammar::stage_arrow(&block.plain) {
            self.out.arrows.push((a, b, block.line));
        }
    }

    /// Body text: claims, dependency phrases, estimates, paragraph status lines.
    fn body(&mut self, block: &Block) {
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

    /// Lines of a paragraph led by a status mark ("✅ Complete database schema").
    fn status_lines(&mut self, block: &Block) {
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
                title: None,
                markdown,
                line,
                section,
                checkbox: false,
                status,
                priority,
                estimate,
                parent: None,
                checkbox_pos: None,
                explicit_id: None,
                deps: Vec::new(),
                dep_cut: None,
                heading_section: None,
                text,
            });
        }
    }

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

    fn section_status(&self) -> Option<Status> {
        self.current_section()
            .and_then(|s| self.out.sections.get(s))
            .and_then(|s| s.status)
    }

    fn section_priority(&self) -> Option<Priority> {
        self.current_section()
            .and_then(|s| self.out.sections.get(s))
            .and_then(|s| s.priority)
    }

    /// The own text of the innermost list item is complete: make it an item or not.
    fn decide_item(&mut self, block: &Block) {
        let Some(ctx) = self.items.last() else {
            return;
        };
        let depth = ctx.depth;
        let ordered = ctx.ordered;
        let first_in_section = ctx.first_in_section;
        let task = ctx.task;
        let plain = ids::collapse_ws(&block.plain);
        if depth == 1 && task.is_none() {
            self.list_phase(&plain, block.line);
        }
        let mut markdown = self.markdown_of(block);
        let nearest = self
            .current_section()
            .and_then(|s| self.out.sections.get(s));
        // Plain bullets are items only right under the heading that states a status;
        // deeper sections describe their own items.
        let nearest_status = nearest.is_some_and(|s| s.own_status.is_some());
        let nearest_says = nearest
            .is_some_and(|s| s.own_priority.is_some() || s.is_phase || s.own_status.is_some());
        let (kind, status, checkbox, text) = if let Some((checked, _)) = task {
            let st = if checked { Status::Done } else { Status::Todo };
            (ItemKind::Task, st, true, plain)
        } else if let Some(rest) = ["[~]", "[-]", "[/]"]
            .iter()
            .find_map(|p| plain.strip_prefix(p))
        {
            markdown = ["[~]", "[-]", "[/]"]
                .iter()
                .find_map(|p| markdown.strip_prefix(p))
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
            (ItemKind::StatusLine, st, false, rest.to_string())
        } else if depth == 1 && (nearest_status || ordered && first_in_section && nearest_says) {
            let st = self.section_status().unwrap_or(Status::Todo);
            (ItemKind::Listed, st, false, plain)
        } else {
            // Not an item: its text is body text of the enclosing item or section.
            if let Some(c) = self.items.last_mut() {
                c.own_pending = false;
            }
            self.body(block);
            return;
        };
        if kind == ItemKind::StatusLine {
            if let Some((_, rest)) = grammar::leading_status_mark(&markdown)
                .or_else(|| grammar::leading_status_label(&markdown))
            {
                markdown = rest.to_string();
            }
        }
        // `{#id}` names the item unless it sits in a dependency list ("after: {#db}").
        let (deps, first_in_plain) = block.dependency_phrases_first();
        // one line read as is: the phrases just found are those of `text`
        let first_dep = if block.breaks.is_empty() && text == block.plain {
            first_in_plain
        } else {
            grammar::first_dependency_phrase(&text)
        };
        let own_id =
            grammar::find_ascii(&text, b"{#").is_some_and(|p| p < first_dep.unwrap_or(usize::MAX));
        let (explicit_id, text) = match ids::explicit_id(&text).filter(|_| own_id) {
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
                (Some(id), t)
            }
            None => (None, text),
        };
        // the text changed when an id was cut out of it
        let dep_cut = explicit_id.is_none().then_some(first_dep);
        self.scan_claims(block);
        let line = if block.src_start.is_some() {
            block.line
        } else {
            task.map_or(0, |(_, p)| self.lines.line_of(p))
        };
        let parent = self.items.last().and_then(|c| c.inherited);
        let priority = grammar::item_priority(&text).or(self.section_priority());
        let estimate = grammar::find_estimate(&text);
        let idx = self.out.items.len();
        self.out.items.push(RawItem {
            kind,
            title: block.bold_title(),
            markdown,
            line,
            section: self.current_section(),
            checkbox,
            status,
            priority,
            estimate,
            parent,
            checkbox_pos: task.map(|(_, p)| p),
            explicit_id,
            deps,
            dep_cut,
            heading_section: None,
            text,
        });
        if let Some(c) = self.items.last_mut() {
            c.own_pending = false;
            c.item = Some(idx);
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

    /// A heading ended.
    fn section(&mut self, level: u8, start: usize, block: Block) {
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
            status,
            priority,
            year,
            body_estimate: None,
            body_status: None,
            deps,
            is_phase,
        });
        self.heading_stack.push(idx);
    }

    fn table_done(&mut self, t: TableCtx) {
        let cols = match grammar::table_shape(&t.header) {
            grammar::TableShape::Timeline { phase, time } => {
                for (line, row) in &t.rows {
                    let name = row.get(phase).cloned().unwrap_or_default();
                    if name.is_empty() {
                        continue;
                    }
                    self.out.table_phases.push(TablePhase {
                        name,
                        time: row.get(time).cloned().unwrap_or_default(),
                        line: *line,
                    });
                }
                return;
            }
            grammar::TableShape::Items(cols) => cols,
            grammar::TableShape::Other => return,
        };
        let grammar::ItemColumns {
            name: name_col,
            status: status_col,
            id: id_col,
            priority: prio_col,
            effort: effort_col,
        } = cols;
        for (line, row) in t.rows {
            let name = row.get(name_col).cloned().unwrap_or_default();
            if name.is_empty() {
                continue;
            }
            let status = grammar::cell_status(row.get(status_col).map_or("", String::as_str));
            let priority = prio_col
                .and_then(|c| row.get(c))
                .and_then(|c| grammar::heading_priority(c))
                .or_else(|| grammar::item_priority(&name))
                .or(self.section_priority());
            let estimate = effort_col
                .and_then(|c| row.get(c))
                .and_then(|c| grammar::duration_at(c, 0).map(|(d, _)| (d, c.clone())));
            let explicit_id = id_col
                .and_then(|c| row.get(c))
                .filter(|v| {
                    !v.is_empty()
                        && v.chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
                })
                .cloned();
            self.out.items.push(RawItem {
                kind: ItemKind::TableRow,
                title: None,
                markdown: name.clone(),
                line,
                section: self.current_section(),
                checkbox: false,
                status,
                priority,
                estimate,
                parent: None,
                checkbox_pos: None,
                explicit_id,
                deps: Vec::new(),
                dep_cut: None,
                heading_section: None,
                text: name,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// The line starts by the definition: after every LF, and after every CR not
    /// followed by an LF.
    fn reference(text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for (i, c) in b.iter().enumerate() {
            if *c == b'\n' || (*c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    #[test]
    fn line_starts_for_every_line_ending() {
        for text in [
            "",
            "a",
            "a\nb\n",
            "a\r\nb\r\n",
            "a\rb\rc",
            "\r",
            "\r\r\n\n\r",
            "x\r\r\ny\rz\n\r",
            "é\r\nü\rß\n",
        ] {
            assert_eq!(LineIndex::new(text).starts, reference(text), "{text:?}");
        }
    }
}
