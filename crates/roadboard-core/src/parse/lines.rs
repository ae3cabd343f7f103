//! Line numbers: byte offsets to 1-based lines and back (LF, CRLF and lone CR all end a
//! line), for every line number the reader reports.

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
