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
    /// Over [`MAX_DOCUMENT_BYTES`], found while reading it (its whole size is not known: it
    /// was not read further).
    OverLimit,
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

impl LoadError {
    /// The refusal as a sentence about `subject` (`“plan.md”`, `The pasted text`): files and
    /// pastes get the same words.
    pub fn describe(&self, subject: &str) -> String {
        match self {
            LoadError::TooLarge { bytes } => format!(
                "{subject} is {:.1} MB. roadboard opens roadmaps up to 5 MB; split the document or remove large embedded content.",
                *bytes as f64 / 1_048_576.0
            ),
            LoadError::OverLimit => format!(
                "{subject} is larger than 5 MB, so roadboard stopped reading it. roadboard opens roadmaps up to 5 MB; split the document or remove large embedded content."
            ),
            LoadError::Binary => format!(
                "{subject} looks like a binary file (an image, archive or document), not Markdown text. Choose a .md or .txt file."
            ),
            LoadError::NotUtf8 { line } => format!(
                "{subject} is not UTF-8 text (first unreadable character on line {line}). Save it as UTF-8 and open it again."
            ),
            LoadError::Empty => format!("{subject} is empty: there is no roadmap to show."),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("This file"))
    }
}

/// Decode a file's bytes as a roadmap document's text: at most [`MAX_DOCUMENT_BYTES`], then
/// as [`decode_text`].
pub fn decode_document(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    decode_text(bytes)
}

/// Decode bytes as text, whatever their size (the CLI's reader; the browser adds the size
/// limit): UTF-8 (with or without a BOM), or UTF-16 LE/BE when a byte order mark says so.
/// Refused: NUL bytes and other signs of a binary file, bytes that are not UTF-8, and text that
/// is only white space.
pub fn decode_text(bytes: &[u8]) -> Result<String, LoadError> {
    let text = match utf16(bytes) {
        Some(text) => text,
        None => decode_utf8(bytes)?,
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.contains('\0') {
        return Err(LoadError::Binary);
    }
    Ok(text)
}

/// UTF-16 text behind a byte order mark (which is kept as U+FEFF, as a UTF-8 BOM is); `None`
/// without one. An unpaired surrogate becomes U+FFFD.
fn utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|p| match p {
        [a, b] if little => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

fn decode_utf8(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    match std::str::from_utf8(bytes) {
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
        assert_eq!(decode_text(b"# A\n\0- [ ] b\n"), Err(LoadError::Binary));
        assert_eq!(decode_text(b""), Err(LoadError::Empty), "/dev/null");
    }

    /// Issue 13, point 8: a UTF-16 file (with its byte order mark) is text, not "a binary file".
    #[test]
    fn r13_8_utf16_with_a_bom_is_text() {
        let text = "# Plan\r\n- [ ] Schritt 1 – größer 🚀\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let want = format!("\u{feff}{text}");
        assert_eq!(decode_document(&le).as_deref(), Ok(want.as_str()));
        assert_eq!(decode_document(&be).as_deref(), Ok(want.as_str()));
        assert_eq!(crate::parse(&want).items.len(), 1);
        // A NUL character inside UTF-16 text is still refused.
        assert_eq!(
            decode_document(&[0xFF, 0xFE, b'a', 0, 0, 0]),
            Err(LoadError::Binary)
        );
    }

    /// Files and pastes are refused with the same words, about what was given.
    #[test]
    fn refusals_name_their_subject() {
        let e = LoadError::TooLarge {
            bytes: 10 * 1_048_576,
        };
        assert_eq!(
            e.describe("The pasted text"),
            "The pasted text is 10.0 MB. roadboard opens roadmaps up to 5 MB; split the document or remove large embedded content."
        );
        assert!(e.describe("“a.md”").starts_with("“a.md” is 10.0 MB."));
    }
}
