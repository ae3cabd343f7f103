//! Stage 1, the input as read: a BOM stripped, mojibake repaired, and the way back from an
//! offset in the repaired text to the same byte of the original input.

use super::encoding::{self, Repaired};
use super::lines::LineIndex;
use crate::model::{Diagnostic, EncodingRepair};

/// The document as the later stages read it, and as the model's offsets point into it.
pub(super) struct Source<'a> {
    /// Length of the byte-order mark the input started with (0 without one).
    bom: usize,
    /// The input without its BOM: the original bytes.
    body: &'a str,
    /// `body` with mojibake repaired: the text every later stage reads.
    repaired: Repaired<'a>,
}

impl<'a> Source<'a> {
    /// Strips a BOM and repairs Windows-1252 / MacRoman mojibake (see `encoding`).
    pub(super) fn read(input: &'a str) -> Self {
        let bom = if input.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let body = input.get(bom..).unwrap_or("");
        Source {
            bom,
            body,
            repaired: encoding::repair(body),
        }
    }

    /// The text to read: repaired, without a BOM.
    pub(super) fn text(&self) -> &str {
        &self.repaired.text
    }

    /// Which repair was applied, if any.
    pub(super) fn repair(&self) -> Option<EncodingRepair> {
        self.repaired.kind
    }

    /// The diagnostic that says a repair was applied, at the first repaired line.
    pub(super) fn repair_diagnostic(&self) -> Option<Diagnostic> {
        let kind = self.repaired.kind?;
        Some(Diagnostic {
            line: self.repaired.first_line.unwrap_or(1),
            message: format!(
                "repaired {} run(s) of UTF-8 text that had been decoded as {}",
                self.repaired.runs,
                kind.name()
            ),
        })
    }

    /// What finds task boxes in the original input. `walked` is the line index of the text
    /// the walk read, if it kept one; line tables are built only when the text was repaired
    /// (otherwise offsets are the same in both).
    pub(super) fn box_locator(&self, walked: Option<LineIndex>) -> BoxLocator<'_> {
        let lines = self.repaired.kind.map(|_| {
            (
                walked.unwrap_or_else(|| LineIndex::new(self.text())),
                LineIndex::new(self.body),
            )
        });
        BoxLocator {
            bom: self.bom,
            body: self.body,
            lines,
        }
    }
}

/// Maps the offset of a task box's mark in the read text to its offset in the original
/// input, which is what exports rewrite.
pub(super) struct BoxLocator<'a> {
    bom: usize,
    body: &'a str,
    /// (lines of the repaired text, lines of the original), when the text was repaired. A
    /// repair changes no line break, and only ASCII list and quote markers come before a
    /// task box on its line, so the box keeps its line and column.
    lines: Option<(LineIndex, LineIndex)>,
}

impl BoxLocator<'_> {
    /// The input offset of the mark (`' '`, `x` or `X` between `[` and `]`) at `pos` of the
    /// read text; `None` when the original bytes there are not a task box.
    pub(super) fn locate(&self, pos: usize) -> Option<usize> {
        let orig = match &self.lines {
            None => pos,
            Some((lines_rep, lines_orig)) => {
                let line = lines_rep.line_of(pos);
                let col = pos.checked_sub(lines_rep.start(line)?)?;
                lines_orig.start(line)? + col
            }
        };
        let b = self.body.as_bytes();
        let ok = b.get(orig.checked_sub(1)?) == Some(&b'[')
            && matches!(b.get(orig), Some(b' ' | b'x' | b'X'))
            && b.get(orig + 1) == Some(&b']');
        ok.then_some(orig + self.bom)
    }
}
