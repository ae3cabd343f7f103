//! Turning the bytes of a file into document text, with messages a stakeholder understands.

use std::fmt;

/// Files larger than this are refused (about 5 MB).
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// Why a file could not be opened as a roadmap.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// Over [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// Size of the file in bytes.
        bytes: usize,
    },
    /// Contains NUL bytes or other signs of a binary file.
    Binary,
    /// Not valid UTF-8 text.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// Empty or only white space.
    Empty,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { bytes } => write!(
                f,
                "This file is {:.1} MB. roadboard opens roadmaps up to 5 MB; split the document or remove large embedded content.",
                *bytes as f64 / 1_048_576.0
            ),
            LoadError::Binary => f.write_str(
                "This looks like a binary file (an image, archive or document), not Markdown text. Choose a .md or .txt file.",
            ),
            LoadError::NotUtf8 { line } => write!(
                f,
                "This file is not UTF-8 text (first unreadable character on line {line}). Save it as UTF-8 and open it again."
            ),
            LoadError::Empty => f.write_str("This file is empty: there is no roadmap to show."),
        }
    }
}

/// Decode a file's bytes as a roadmap document's text.
pub fn decode_document(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.trim_start_matches('\u{feff}').trim().is_empty() => Err(LoadError::Empty),
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let controls = bytes
                .iter()
                .filter(|b| **b < 8 || (14..32).contains(*b))
                .count();
            if controls * 20 > bytes.len().max(1) {
                Err(LoadError::Binary)
            } else {
                Err(LoadError::NotUtf8 {
                    line: good.iter().filter(|b| **b == b'\n').count() + 1,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_passes_through() {
        assert_eq!(
            decode_document(b"# A\n- [ ] b\n"),
            Ok("# A\n- [ ] b\n".into())
        );
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            decode_document(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadError::Binary)
        );
        assert_eq!(
            decode_document(b"# A\nok\ncaf\xe9\n"),
            Err(LoadError::NotUtf8 { line: 3 })
        );
        assert_eq!(decode_document(b" \n\t\n"), Err(LoadError::Empty));
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert!(matches!(
            decode_document(&big),
            Err(LoadError::TooLarge { .. })
        ));
        assert!(LoadError::Binary.to_string().contains("binary file"));
    }
}
