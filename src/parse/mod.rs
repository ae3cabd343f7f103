//! Markdown → [`Roadmap`]: a tolerant reader for real roadmap documents.
//!
//! Parsing never fails: every input is some roadmap, problems become diagnostics.

use crate::model::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Parse a roadmap document. Never fails, never panics.
pub fn parse(text: &str) -> Roadmap {
    parse_named(text, None)
}

/// Parse a roadmap document, with a file name to fall back on for the title.
pub fn parse_named(text: &str, file_name: Option<&str>) -> Roadmap {
    let original_len = text.len();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom_len = original_len - text.len();
    let line_starts = line_starts(text);
    let line_of = |pos: usize| line_starts.partition_point(|&s| s <= pos);

    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);

    let mut sections: Vec<Section> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut heading: Option<(u8, usize, String)> = None;
    let mut item_stack: Vec<Option<usize>> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();

    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((heading_level(level), line_of(range.start), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, line, raw)) = heading.take() {
                    while stack.last().is_some_and(|(l, _)| *l >= level) {
                        stack.pop();
                    }
                    let parent = stack.last().map(|(_, id)| id.clone());
                    let title = display_title(&raw);
                    let id = unique(&mut seen, format!("s-{}", slug(&title)));
                    sections.push(Section {
                        id: id.clone(),
                        title,
                        raw_title: raw.trim().to_string(),
                        level,
                        line,
                        parent,
                    });
                    stack.push((level, id));
                }
            }
            Event::Start(Tag::Item) => item_stack.push(None),
            Event::End(TagEnd::Item) => {
                item_stack.pop();
            }
            Event::TaskListMarker(checked) => {
                let section = stack.last().map(|(_, id)| id.clone());
                let parent = item_stack
                    .iter()
                    .rev()
                    .skip(1)
                    .find_map(|i| *i)
                    .map(|i: usize| items[i].id.clone());
                let line = line_of(range.start);
                let rest = text_of_line(text, &line_starts, line);
                let plain = plain_text(rest);
                let base = format!(
                    "i-{}",
                    short_hash(&format!("{}|{}", section.as_deref().unwrap_or(""), plain.to_lowercase()))
                );
                let id = unique(&mut seen, base);
                if let Some(top) = item_stack.last_mut() {
                    *top = Some(items.len());
                }
                items.push(Item {
                    id,
                    text: plain,
                    title: None,
                    markdown: rest.to_string(),
                    line,
                    section,
                    checkbox: true,
                    status: if checked { Status::Done } else { Status::Todo },
                    priority: None,
                    estimate_days: None,
                    depends_on: Vec::new(),
                    parent,
                    checkbox_offset: Some(bom_len + range.start + 1),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, raw)) = heading.as_mut() {
                    raw.push_str(&t);
                }
            }
            _ => {}
        }
    }

    let title = sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.raw_title.clone())
        .or_else(|| file_name.map(str::to_string))
        .or_else(|| sections.first().map(|s| s.raw_title.clone()))
        .unwrap_or_else(|| "Untitled roadmap".to_string());
    let done = items.iter().filter(|i| i.status == Status::Done).count();
    let total = items.len();
    Roadmap {
        schema: SCHEMA_VERSION,
        title,
        encoding_repair: None,
        sections,
        items,
        phases: Vec::new(),
        dependencies: Vec::new(),
        unresolved: Vec::new(),
        claimed_progress: Vec::new(),
        progress: Progress { done, total },
        diagnostics: Vec::new(),
    }
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

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn text_of_line<'a>(text: &'a str, starts: &[usize], line: usize) -> &'a str {
    let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
    let end = starts.get(line).copied().unwrap_or(text.len());
    let l = text.get(start..end).unwrap_or("").trim_end();
    // drop the list marker and the task box
    let l = l.trim_start();
    let l = l
        .strip_prefix(['-', '*', '+'])
        .map(str::trim_start)
        .unwrap_or(l);
    let l = l.trim_start_matches(|c: char| c.is_ascii_digit());
    let l = l.strip_prefix(['.', ')']).unwrap_or(l).trim_start();
    if l.len() >= 3 && l.starts_with('[') && l.as_bytes().get(2) == Some(&b']') {
        l.get(3..).unwrap_or("").trim()
    } else {
        l
    }
}

fn plain_text(md: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Heading text for display: leading emoji and symbols stripped.
fn display_title(raw: &str) -> String {
    raw.trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '"')
        .trim()
        .to_string()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(48).collect()
}

fn unique(seen: &mut std::collections::HashMap<String, usize>, base: String) -> String {
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{n}")
    }
}

/// FNV-1a, 64 bit, rendered in base 36: short, stable across platforms.
fn short_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::new();
    let mut v = h;
    for _ in 0..8 {
        let d = (v % 36) as u32;
        out.push(char::from_digit(d, 36).unwrap_or('0'));
        v /= 36;
    }
    out
}
