//! One leaf block's inline text (a paragraph, a heading, an item's own text, a table cell)
//! as the walk gathers it: plain text, source range, line breaks and a bold lead.

use crate::parse::grammar;
use crate::parse::lines::LineIndex;

/// Inline text of one leaf block (paragraph, heading, tight item text, table cell).
#[derive(Default)]
pub(super) struct Block {
    /// The text without markup; line breaks are spaces.
    pub(super) plain: String,
    /// Source byte where the block's first inline starts.
    pub(super) src_start: Option<usize>,
    /// Source byte where its last inline ends.
    pub(super) src_end: usize,
    /// 1-based line of its first byte.
    pub(super) line: usize,
    /// Positions in `plain` where a line break was.
    pub(super) breaks: Vec<usize>,
    /// Byte range in `plain` of the text of the first strong span, when it opened the
    /// block (before any letter).
    pub(super) title: Option<(usize, usize)>,
    /// End in `plain` of that strong span.
    pub(super) title_end: usize,
    /// A strong span that opened the block is being captured as its title.
    pub(super) capturing: bool,
    /// Where in `plain` the span being captured started.
    pub(super) capture_start: usize,
    /// A strong span was seen: later ones are not a lead.
    pub(super) strong_seen: bool,
}

impl Block {
    /// Extends the block over source bytes `start..end` (its line is its first byte's).
    pub(super) fn touch(&mut self, start: usize, end: usize, lines: &LineIndex) {
        if self.src_start.is_none() {
            self.src_start = Some(start);
            self.line = lines.line_of(start);
        }
        self.src_end = self.src_end.max(end);
    }

    /// 1-based line of byte `pos` of `plain`.
    pub(super) fn line_at(&self, pos: usize) -> usize {
        self.line + self.breaks.partition_point(|&b| b < pos)
    }

    /// Dependency phrases, line by line (a reference list ends at the line's end).
    pub(super) fn dependency_phrases(&self) -> Vec<(String, usize)> {
        self.dependency_phrases_first().0
    }

    /// [`Self::dependency_phrases`], and the byte position of the first phrase when it is
    /// on the first line.
    pub(super) fn dependency_phrases_first(&self) -> (Vec<(String, usize)>, Option<usize>) {
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
    pub(super) fn bold_title(&self) -> Option<String> {
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
