//! Markdown → a safe element tree for display. Nothing from a document becomes live HTML:
//! raw HTML is kept as text, links with a scheme other than http(s)/mailto are neutralised,
//! images are shown as links, and only a fixed set of tags is ever produced.
//!
//! The tree is plain data, so sanitisation is tested natively; the web shell only draws it.

mod blocks;

use blocks::build;
pub use blocks::{first_line, part_of_line, Blocks};

/// Nesting deeper than this is flattened, so drawing the tree never recurses without bound.
pub const MAX_DEPTH: usize = 40;

/// A node of the display tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element from the fixed [`El`] set.
    Element(Element),
    /// Text, drawn as a text node.
    Text(String),
    /// A GFM task checkbox, tied to the item on `line` (1-based) if the model has one there.
    Task {
        /// 1-based line of the task item.
        line: usize,
        /// The box as written in the document.
        checked: bool,
    },
}

/// An element with its safe attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Which element.
    pub el: El,
    /// Link target (for [`El::A`]), already checked by [`safe_href`].
    pub href: Option<String>,
    /// Tooltip text, e.g. the reason a link was neutralised.
    pub title: Option<String>,
    /// A CSS class from a fixed vocabulary.
    pub class: Option<&'static str>,
    /// 1-based source line of block elements (headings, paragraphs, list items), for
    /// "go to line" links.
    pub line: Option<usize>,
    /// The number of an ordered list's first item (for [`El::Ol`]).
    pub start: Option<u64>,
    /// Children.
    pub children: Vec<Node>,
}

/// The only elements the renderer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    missing_docs,
    reason = "each variant is the HTML element of the same name"
)]
pub enum El {
    P,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Blockquote,
    Pre,
    Code,
    Em,
    Strong,
    Del,
    A,
    Span,
    Table,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
    Hr,
    Br,
    Div,
}

impl Element {
    fn new(el: El) -> Self {
        Element {
            el,
            href: None,
            title: None,
            class: None,
            line: None,
            start: None,
            children: Vec::new(),
        }
    }
}

/// Why a link was not kept as a link, or `Ok(href)` when it is safe to follow.
///
/// Safe: `http:`, `https:`, `mailto:`, and scheme-less references (relative paths,
/// `#fragments`, `?queries`). Everything else (`javascript:`, `data:`, `vbscript:`, `file:`,
/// unknown schemes, and obfuscations with control characters or entities) is refused.
pub fn safe_href(raw: &str) -> Result<String, &'static str> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let scheme_end = lower.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if lower.as_bytes().get(i) == Some(&b':') => {
            let scheme = lower.get(..i).unwrap_or("");
            if matches!(scheme, "http" | "https" | "mailto") {
                Ok(cleaned)
            } else {
                Err("link removed: roadboard only follows http, https and mailto links")
            }
        }
        _ => Ok(cleaned),
    }
}

/// The text a document is displayed from: BOM stripped and mojibake repaired exactly as the
/// parser sees it, so lines and task markers match the model.
pub fn display_text(input: &str) -> String {
    let body = input.strip_prefix('\u{feff}').unwrap_or(input);
    crate::parse::repair_encoding(body).text.into_owned()
}

/// Render a whole document (already BOM-stripped and repaired) to display blocks (all of
/// [`Blocks`] at once).
pub fn document(text: &str) -> Vec<Node> {
    build(text, true)
}

/// Render one item's inline Markdown (bold, code, links, …) to display nodes.
pub fn inline(markdown: &str) -> Vec<Node> {
    // A paragraph wrapper is produced for inline text; unwrap it.
    let mut nodes = build(markdown, false);
    if nodes.len() == 1 {
        if let Some(Node::Element(e)) = nodes.first() {
            if e.el == El::P {
                if let Some(Node::Element(e)) = nodes.pop() {
                    return e.children;
                }
            }
        }
    }
    nodes
}

/// The plain text of nodes (for labels and search).
pub fn plain(nodes: &[Node]) -> String {
    let mut out = String::new();
    let mut stack: Vec<std::slice::Iter<'_, Node>> = vec![nodes.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(Node::Text(t)) => out.push_str(t),
            Some(Node::Element(e)) => stack.push(e.children.iter()),
            Some(Node::Task { .. }) => {}
            None => {
                stack.pop();
            }
        }
    }
    out
}

/// Longest preview of an item's details, in characters.
const PREVIEW_CHARS: usize = 140;

/// The preview of an item's details on a collapsed card: the first paragraph or list entry
/// that says something — not a `Status:`/`Priority:`/`Owner:` field (the card shows those),
/// code, a rule or a table row — as plain text, cut after 140 characters. A paragraph's lines
/// are read together, so bold or a link written across two lines stays markup.
pub fn details_preview(details: &str) -> String {
    let mut in_fence = false;
    let mut para = String::new();
    for line in details.lines().chain([""]) {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            if let Some(p) = preview_of(&para) {
                return p;
            }
            para.clear();
            continue;
        }
        if in_fence {
            continue;
        }
        // a list marker or quote ("- ", "* ", "> ", "1. ") starts an entry; "**bold**" does not
        let entry = ["- ", "* ", "+ ", "> "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m))
            .or_else(|| {
                trimmed
                    .split_once(". ")
                    .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .map(|(_, rest)| rest)
            });
        let breaks = trimmed.is_empty()
            || entry.is_some()
            || trimmed.starts_with('|')
            || trimmed.starts_with("---")
            || trimmed.starts_with('#');
        if breaks {
            if let Some(p) = preview_of(&para) {
                return p;
            }
            para.clear();
        }
        let t = entry.unwrap_or(trimmed).trim();
        if t.is_empty() || t.starts_with('|') || t.starts_with("---") {
            continue;
        }
        // a field line ("**Owner:** Ana") is skipped and ends the paragraph before it
        if t.bytes().take(40).any(|b| b == b':')
            && crate::parse::field_line(plain(&inline(t)).trim())
        {
            if let Some(p) = preview_of(&para) {
                return p;
            }
            para.clear();
            continue;
        }
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(t.trim_start_matches('#').trim_start());
    }
    String::new()
}

/// `para` as a preview: plain text, cut after [`PREVIEW_CHARS`]; `None` when it says nothing
/// or is a field.
fn preview_of(para: &str) -> Option<String> {
    let plain = plain(&inline(para));
    let plain = plain.trim();
    if plain.is_empty() || crate::parse::field_line(plain) {
        return None;
    }
    if plain.chars().count() <= PREVIEW_CHARS {
        return Some(plain.to_string());
    }
    let cut: String = plain.chars().take(PREVIEW_CHARS - 1).collect();
    Some(format!("{}…", cut.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_elements(nodes: &[Node], out: &mut Vec<Element>) {
        for n in nodes {
            if let Node::Element(e) = n {
                out.push(e.clone());
                all_elements(&e.children, out);
            }
        }
    }

    #[test]
    fn dangerous_links_are_neutralised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
        ] {
            assert!(safe_href(bad).is_err(), "{bad} was allowed");
        }
        for good in [
            "https://example.com/a?b#c",
            "http://x",
            "mailto:a@b",
            "docs/x.md",
            "#top",
            "?src=a.md",
        ] {
            assert!(safe_href(good).is_ok(), "{good} was refused");
        }
    }

    #[test]
    fn raw_html_is_text() {
        let nodes = document("# T <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n<div onclick=x>hi</div>\n");
        let mut els = Vec::new();
        all_elements(&nodes, &mut els);
        assert!(els.iter().all(|e| e.href.is_none()));
        let text = plain(&nodes);
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
        assert!(els.iter().any(|e| e.class == Some("raw-html")));
    }

    #[test]
    fn links_and_images() {
        let nodes = inline("see [site](https://e.com) and [x](javascript:alert(1)) ![pic](data:image/png;base64,AA)");
        let mut els = Vec::new();
        all_elements(&nodes, &mut els);
        let hrefs: Vec<_> = els.iter().filter_map(|e| e.href.clone()).collect();
        assert_eq!(hrefs, vec!["https://e.com".to_string()]);
        let neutralised = els
            .iter()
            .filter(|e| e.class == Some("unsafe-link"))
            .count();
        assert_eq!(neutralised, 2, "{nodes:#?}");
        assert!(plain(&nodes).contains("🖼 pic"));
    }

    #[test]
    fn task_markers_carry_their_lines() {
        let nodes = document("# T\r\n\r\n- [ ] a\r\n- [x] b\r\n");
        let mut tasks = Vec::new();
        let mut stack: Vec<&Node> = nodes.iter().collect();
        while let Some(n) = stack.pop() {
            match n {
                Node::Task { line, checked } => tasks.push((*line, *checked)),
                Node::Element(e) => stack.extend(e.children.iter()),
                Node::Text(_) => {}
            }
        }
        tasks.sort_unstable();
        assert_eq!(tasks, vec![(3, false), (4, true)]);
    }

    #[test]
    fn tables_have_head_and_body() {
        let nodes = document("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n");
        let Some(Node::Element(table)) = nodes.first() else {
            panic!("no table")
        };
        assert_eq!(table.el, El::Table);
        let kinds: Vec<El> = table
            .children
            .iter()
            .filter_map(|n| {
                if let Node::Element(e) = n {
                    Some(e.el)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(kinds, vec![El::Thead, El::Tbody]);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let text: String = (0..5000)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        let nodes = document(&text);
        fn depth(nodes: &[Node]) -> usize {
            nodes
                .iter()
                .map(|n| {
                    if let Node::Element(e) = n {
                        1 + depth(&e.children)
                    } else {
                        0
                    }
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&nodes) <= MAX_DEPTH + 1);
        let quotes = ">".repeat(10_000) + " deep";
        assert!(plain(&document(&quotes)).contains("deep"));
    }
    #[test]
    fn details_previews_skip_fields_and_markup() {
        assert_eq!(
            details_preview("**Priority: Critical**\n\nThe `diff` shows **no** differences."),
            "The diff shows no differences."
        );
        assert_eq!(
            details_preview("- cache the last 50 documents\n- sync"),
            "cache the last 50 documents"
        );
        assert_eq!(
            details_preview("1. Generate a test file"),
            "Generate a test file"
        );
        assert_eq!(details_preview("```\ncode\n```\nAfter."), "After.");
        // bold that opens a line is not a bullet; a link across two lines stays a link
        assert_eq!(
            details_preview("**Current behaviour:** it fails."),
            "Current behaviour: it fails."
        );
        assert_eq!(
            details_preview("See the post on [Encrypted\nSNI](https://example.org)."),
            "See the post on Encrypted SNI."
        );
        assert_eq!(details_preview("Status: done\n\nReal text."), "Real text.");
        assert_eq!(
            details_preview("**Status:** In progress\n**Owner:** Ana\nReal text\ngoes on."),
            "Real text goes on."
        );
        assert_eq!(details_preview(""), "");
        assert!(details_preview(&"word ".repeat(100)).ends_with('…'));
    }
}
