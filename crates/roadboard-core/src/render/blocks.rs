//! Reading Markdown events into display blocks: [`Blocks`] gives a document's top-level blocks
//! one at a time, as they are asked for; [`build`] all at once.

use super::{safe_href, El, Element, Node, MAX_DEPTH};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

fn heading(level: HeadingLevel) -> El {
    match level {
        HeadingLevel::H1 => El::H1,
        HeadingLevel::H2 => El::H2,
        HeadingLevel::H3 => El::H3,
        HeadingLevel::H4 => El::H4,
        HeadingLevel::H5 => El::H5,
        HeadingLevel::H6 => El::H6,
    }
}

struct Builder {
    /// Open elements; the bottom one is a root container.
    stack: Vec<Element>,
    /// How many `Start` events were flattened (not opened) because of depth.
    flattened: Vec<bool>,
    /// Inside a table head row.
    in_head: bool,
}

impl Builder {
    fn text(&mut self, s: &str) {
        if let Some(top) = self.stack.last_mut() {
            if let Some(Node::Text(t)) = top.children.last_mut() {
                t.push_str(s);
            } else {
                top.children.push(Node::Text(s.to_string()));
            }
        }
    }

    fn leaf(&mut self, node: Node) {
        if let Some(top) = self.stack.last_mut() {
            top.children.push(node);
        }
    }

    fn open(&mut self, e: Element) {
        if self.stack.len() > MAX_DEPTH {
            self.flattened.push(true);
        } else {
            self.flattened.push(false);
            self.stack.push(e);
        }
    }

    fn close(&mut self) {
        if self.flattened.pop() == Some(false) && self.stack.len() > 1 {
            if let Some(done) = self.stack.pop() {
                self.leaf(Node::Element(done));
            }
        }
    }
}

/// Every block of `text` at once, with source lines when `with_lines`.
pub(super) fn build(text: &str, with_lines: bool) -> Vec<Node> {
    let mut blocks = Blocks::read(text, with_lines);
    let mut out: Vec<Node> = blocks.by_ref().collect();
    // Text outside any block (inline rendering) stays in the root: keep it.
    if let Some(root) = blocks.b.stack.pop() {
        out.extend(root.children);
    }
    out
}

/// A document's display blocks, one top-level block at a time, read only as they are asked
/// for: a long document can be drawn in parts, each in a short task. The blocks are those of
/// [`document`](super::document); with [`Blocks::split_lists`], a long top-level list comes as several lists of
/// at most that many items (an ordered one numbered on).
pub struct Blocks<'a> {
    events: pulldown_cmark::OffsetIter<'a>,
    line_starts: Vec<usize>,
    with_lines: bool,
    b: Builder,
    ready: std::collections::VecDeque<Node>,
    split_lists: usize,
    finished: bool,
}

impl<'a> Blocks<'a> {
    /// The blocks of a whole document (already BOM-stripped and repaired), with source lines.
    pub fn new(text: &'a str) -> Self {
        Blocks::read(text, true)
    }

    fn read(text: &'a str, with_lines: bool) -> Self {
        let line_starts = if with_lines {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        } else {
            Vec::new()
        };
        Blocks {
            events: Parser::new_ext(text, crate::parse::markdown_options()).into_offset_iter(),
            line_starts,
            with_lines,
            b: Builder {
                stack: vec![Element::new(El::Div)],
                flattened: Vec::new(),
                in_head: false,
            },
            ready: std::collections::VecDeque::new(),
            split_lists: usize::MAX,
            finished: false,
        }
    }

    /// Give a top-level list of more than `items` items as several lists of `items` each.
    pub fn split_lists(mut self, items: usize) -> Self {
        self.split_lists = items.max(1);
        self
    }

    fn line_at(&self, pos: usize) -> Option<usize> {
        self.with_lines
            .then(|| self.line_starts.partition_point(|&s| s <= pos).max(1))
    }

    /// Move what is complete at the top level to `ready`.
    fn collect_ready(&mut self) {
        match self.b.stack.as_mut_slice() {
            [root] => {
                // Only whole blocks: text at the top level (inline rendering) stays.
                while let Some(Node::Element(e)) = root.children.first() {
                    let emptied_list = matches!(e.el, El::Ul | El::Ol) && e.children.is_empty();
                    let block = root.children.remove(0);
                    if !emptied_list {
                        self.ready.push_back(block);
                    }
                }
            }
            [_, list]
                if matches!(list.el, El::Ul | El::Ol)
                    && list.children.len() >= self.split_lists =>
            {
                let mut part = Element::new(list.el);
                part.start = list.start;
                part.children = std::mem::take(&mut list.children);
                list.start = list.start.map(|n| n + part.children.len() as u64);
                self.ready.push_back(Node::Element(part));
            }
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => {
                let e = match tag {
                    Tag::Paragraph => {
                        let mut e = Element::new(El::P);
                        e.line = self.line_at(range.start);
                        e
                    }
                    Tag::Heading { level, .. } => {
                        let mut e = Element::new(heading(level));
                        e.line = self.line_at(range.start);
                        e
                    }
                    Tag::BlockQuote(_) => Element::new(El::Blockquote),
                    Tag::CodeBlock(kind) => {
                        let mut e = Element::new(El::Pre);
                        if let CodeBlockKind::Fenced(lang) = kind {
                            if !lang.is_empty() {
                                e.title = Some(lang.to_string());
                            }
                        }
                        e
                    }
                    Tag::HtmlBlock => {
                        let mut e = Element::new(El::Pre);
                        e.class = Some("raw-html");
                        e.title = Some("HTML from the document, shown as text".into());
                        e
                    }
                    Tag::List(Some(n)) => {
                        let mut e = Element::new(El::Ol);
                        e.start = Some(n);
                        e
                    }
                    Tag::List(None) => Element::new(El::Ul),
                    Tag::Item => {
                        let mut e = Element::new(El::Li);
                        e.line = self.line_at(range.start);
                        e
                    }
                    Tag::Emphasis => Element::new(El::Em),
                    Tag::Strong => Element::new(El::Strong),
                    Tag::Strikethrough => Element::new(El::Del),
                    Tag::Link { dest_url, .. } => link(&dest_url),
                    Tag::Image { dest_url, .. } => {
                        let mut e = link(&dest_url);
                        if e.el == El::A {
                            e.class = Some("image-link");
                        }
                        e.text_prefix("🖼 ");
                        e
                    }
                    Tag::Table(_) => Element::new(El::Table),
                    Tag::TableHead => {
                        self.b.in_head = true;
                        self.b.open(Element::new(El::Thead));
                        // GFM table heads have no row element of their own.
                        Element::new(El::Tr)
                    }
                    Tag::TableRow => Element::new(El::Tr),
                    Tag::TableCell => Element::new(if self.b.in_head { El::Th } else { El::Td }),
                    // Footnotes, definition lists, metadata and the like are off; keep any
                    // content they might carry in a neutral container.
                    _ => Element::new(El::Span),
                };
                if matches!(e.el, El::Tr) && !self.b.in_head {
                    // Open a tbody before the first body row.
                    let need_tbody = self.b.stack.last().is_some_and(|t| t.el == El::Table);
                    if need_tbody {
                        self.b.open(Element::new(El::Tbody));
                    }
                }
                self.b.open(e);
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::TableHead => {
                        self.b.close(); // tr
                        self.b.close(); // thead
                        self.b.in_head = false;
                    }
                    TagEnd::Table => {
                        if self.b.stack.last().is_some_and(|t| t.el == El::Tbody) {
                            self.b.close();
                        }
                        self.b.close();
                    }
                    _ => self.b.close(),
                }
            }
            Event::Text(t) => self.b.text(&t),
            Event::Code(t) => {
                self.b.open(Element::new(El::Code));
                self.b.text(&t);
                self.b.close();
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                let inside_raw_block = self
                    .b
                    .stack
                    .last()
                    .is_some_and(|e| e.class == Some("raw-html"));
                if inside_raw_block {
                    self.b.text(&t);
                } else {
                    let mut e = Element::new(El::Code);
                    e.class = Some("raw-html");
                    e.title = Some("HTML from the document, shown as text".into());
                    self.b.open(e);
                    self.b.text(&t);
                    self.b.close();
                }
            }
            Event::SoftBreak => self.b.text("\n"),
            Event::HardBreak => {
                self.b.leaf(Node::Element(Element::new(El::Br)));
            }
            Event::Rule => self.b.leaf(Node::Element(Element::new(El::Hr))),
            Event::TaskListMarker(checked) => {
                let line = self.line_at(range.start).unwrap_or(0);
                self.b.leaf(Node::Task { line, checked });
            }
            Event::FootnoteReference(t) => self.b.text(&format!("[^{t}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.b.text(&t),
        }
    }
}

impl Iterator for Blocks<'_> {
    type Item = Node;

    fn next(&mut self) -> Option<Node> {
        loop {
            if let Some(n) = self.ready.pop_front() {
                return Some(n);
            }
            if self.finished {
                return None;
            }
            match self.events.next() {
                Some((event, range)) => self.event(event, range),
                None => {
                    self.finished = true;
                    while self.b.stack.len() > 1 {
                        if let Some(done) = self.b.stack.pop() {
                            self.b.leaf(Node::Element(done));
                        }
                    }
                }
            }
            self.collect_ready();
        }
    }
}

/// The first source line in `nodes` (of a block, a list item or a task box, in document
/// order): where a part of the Document view starts.
pub fn first_line(nodes: &[Node]) -> Option<usize> {
    nodes.iter().find_map(|n| match n {
        Node::Element(e) => e.line.or_else(|| first_line(&e.children)),
        Node::Task { line, .. } => Some(*line),
        Node::Text(_) => None,
    })
}

/// Which part shows source line `line`, given each part's [`first_line`] in order: the last
/// part starting at or before it (the first part when it comes before them all). `None` while
/// the parts read so far might not reach it — no part starts after it and the document is not
/// `complete` — or when there are no parts.
pub fn part_of_line(
    first_lines: impl IntoIterator<Item = Option<usize>>,
    line: usize,
    complete: bool,
) -> Option<usize> {
    let mut found = None;
    let mut any = false;
    for (k, first) in first_lines.into_iter().enumerate() {
        any = true;
        match first {
            Some(l) if l > line => return Some(found.unwrap_or(0)),
            Some(_) => found = Some(k),
            None => {}
        }
    }
    (complete && any).then(|| found.unwrap_or(0))
}

impl Element {
    fn text_prefix(&mut self, s: &str) {
        self.children.push(Node::Text(s.to_string()));
    }
}

fn link(dest: &str) -> Element {
    match safe_href(dest) {
        Ok(href) => {
            let mut e = Element::new(El::A);
            e.href = Some(href);
            e
        }
        Err(why) => {
            let mut e = Element::new(El::Span);
            e.class = Some("unsafe-link");
            e.title = Some(why.to_string());
            e
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{document, plain};

    /// Issue 13, point 9: the Document view draws a long document in parts; the parts are the
    /// document's blocks, read one at a time, the same as all at once.
    #[test]
    fn blocks_one_at_a_time_are_the_document() {
        for text in [
            "# T\n\nSome *text*.\n\n- [ ] a\n- [x] b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n```rust\nfn x() {}\n```\n",
            "",
            "plain line\n<div>html</div>\n\n3. three\n4. four\n",
        ] {
            let one_by_one: Vec<Node> = Blocks::new(text).collect();
            assert_eq!(one_by_one, document(text), "{text:?}");
        }
    }

    #[test]
    fn long_top_level_lists_come_in_parts_numbered_on() {
        let text = "# T\n\n3. a\n4. b\n5. c\n6. d\n7. e\n\n- x\n- y\n";
        let parts: Vec<Node> = Blocks::new(text).split_lists(2).collect();
        let lists: Vec<(El, Option<u64>, usize)> = parts
            .iter()
            .filter_map(|n| match n {
                Node::Element(e) if matches!(e.el, El::Ol | El::Ul) => {
                    Some((e.el, e.start, e.children.len()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            lists,
            [
                (El::Ol, Some(3), 2),
                (El::Ol, Some(5), 2),
                (El::Ol, Some(7), 1),
                (El::Ul, None, 2)
            ]
        );
        assert_eq!(plain(&parts), plain(&document(text)), "nothing lost");
    }

    #[test]
    fn a_line_is_found_in_the_part_that_starts_at_or_before_it() {
        let text = "# T\n\nintro\n\n- [ ] a\n- [ ] b\n\n## U\n\nmore\n";
        let blocks: Vec<Node> = Blocks::new(text).collect();
        let firsts: Vec<Option<usize>> = blocks
            .iter()
            .map(|b| first_line(std::slice::from_ref(b)))
            .collect();
        // heading 1, paragraph 3, list (its first item) 5, heading 8, paragraph 10
        assert_eq!(firsts, [Some(1), Some(3), Some(5), Some(8), Some(10)]);
        let at = |line, complete| part_of_line(firsts.iter().copied(), line, complete);
        assert_eq!(
            at(6, false),
            Some(2),
            "the list's second item is in the list"
        );
        assert_eq!(at(8, false), Some(3));
        assert_eq!(
            at(10, false),
            None,
            "a later part might still start at or before it"
        );
        assert_eq!(
            at(99, true),
            Some(4),
            "the last part once everything is read"
        );
        assert_eq!(
            part_of_line([None, Some(4)], 2, false),
            Some(0),
            "before every part"
        );
        assert_eq!(part_of_line([], 2, true), None, "no parts");
    }
}
