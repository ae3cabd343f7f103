//! Which document is open: a typed id that names it in storage keys and in the address.
//!
//! Every stored value of a document (ticks, backup, text, start date) and every link to it
//! carries the id's text, so that text is a contract with readers' browsers: [`DocId::parse`]
//! reads any string, and [`DocId`]'s `Display` writes back exactly the string it was read from.
//!
//! | text | id |
//! |---|---|
//! | `file:<name>` | [`DocId::File`]: a file the reader opened |
//! | `paste:<key>` | [`DocId::Paste`]: text the reader pasted |
//! | `<scheme>:…`, `//…` | [`DocId::Url`]: an absolute address |
//! | anything else | [`DocId::Bundled`]: a path on this site (`roadmaps/plan.md`) |

use std::fmt;

/// The identity of a document: where it came from, as written in storage keys and links.
///
/// Build one with [`DocId::parse`] (or `From<&str>`), which picks the variant from the text, or
/// with [`DocId::File`] / [`DocId::Paste`] directly. `Bundled` and `Url` are what `parse` makes
/// of every text without the `file:` / `paste:` prefix; a `Url("file:x")` built by hand would
/// write the same text as `File("x")` and so name the same stored document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocId {
    /// A path relative to the site: a bundled roadmap (`roadmaps/plan.md`) or any file served
    /// next to the app. Opened with `?src=`.
    Bundled(String),
    /// An absolute address (`https://…/ROADMAP.md`; anything with a URL scheme, or `//host/…`).
    /// Opened with `?src=`.
    Url(String),
    /// A file the reader picked or dropped, by its file name (written `file:<name>`). Its text
    /// is kept in this browser; opened with `?doc=`.
    File(String),
    /// Pasted text, by its key (written `paste:<key>`). Its text is kept in this browser;
    /// opened with `?doc=`.
    Paste(String),
}

const FILE: &str = "file:";
const PASTE: &str = "paste:";

impl DocId {
    /// Read an id from its text. Never fails: any string names some document, and writing the
    /// result back gives the same string.
    pub fn parse(s: &str) -> DocId {
        if let Some(name) = s.strip_prefix(FILE) {
            DocId::File(name.to_string())
        } else if let Some(key) = s.strip_prefix(PASTE) {
            DocId::Paste(key.to_string())
        } else if has_scheme(s) || s.starts_with("//") {
            DocId::Url(s.to_string())
        } else {
            DocId::Bundled(s.to_string())
        }
    }

    /// The id of pasted `text`: `paste:~` and 16 hex digits of a hash of the text (line endings
    /// and trailing white space aside), so the same text pasted twice is the same document and
    /// two different texts never share their stored text or ticks. The title is only a label.
    ///
    /// Pastes of earlier versions were keyed by their title (`paste:untitled-roadmap`); those
    /// ids are still read and opened, and they never start with `~`, so no new id meets one.
    pub fn paste_for_text(text: &str) -> DocId {
        DocId::Paste(format!("{PASTE_HASH}{:016x}", fnv1a64(text)))
    }

    /// The title a document is given when it has no heading of its own: a file's or an
    /// address's file name without its extension, or "Pasted roadmap" for a paste. The same on
    /// every visit, so a reload shows the title the first visit did.
    pub fn fallback_title(&self) -> String {
        match self {
            DocId::Paste(_) => "Pasted roadmap".into(),
            DocId::File(name) => stem(name).to_string(),
            DocId::Bundled(s) | DocId::Url(s) => {
                let last = s.rsplit('/').next().unwrap_or(s);
                stem(last).to_string()
            }
        }
    }

    /// Whether the document's text is kept in this browser (a file or a paste) rather than
    /// fetched from an address: such documents are opened with `?doc=`, the others with `?src=`.
    pub fn is_kept_here(&self) -> bool {
        matches!(self, DocId::File(_) | DocId::Paste(_))
    }

    /// The id without its kind: a file's name, a paste's key, the path or the address.
    pub fn name(&self) -> &str {
        match self {
            DocId::Bundled(s) | DocId::Url(s) | DocId::File(s) | DocId::Paste(s) => s,
        }
    }

    /// The last part of the id, after its last `/` or `:` (a file's or an address's own file
    /// name, e.g. for a download).
    pub fn last_segment(&self) -> &str {
        let name = self.name();
        name.rsplit(['/', ':']).next().unwrap_or(name)
    }

    /// Where the document came from, in words for the recent list: `file plan.md`,
    /// `pasted text`, or the address itself.
    pub fn origin(&self) -> String {
        match self {
            DocId::File(name) => format!("file {name}"),
            DocId::Paste(_) => "pasted text".into(),
            DocId::Bundled(s) | DocId::Url(s) => s.clone(),
        }
    }
}

/// What a paste id's key starts with (never a character of a title-based key).
const PASTE_HASH: &str = "~";

/// `name` without its last extension (`plan.md` → `plan`; `.env` and `plan` stay).
fn stem(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    }
}

/// FNV-1a, 64 bits, over the text with CRLF read as LF and trailing white space dropped: a
/// stable hash (it names stored pastes, so it must never change), not a secure one.
fn fnv1a64(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut bytes = text.trim_end().bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'\r' && bytes.peek() == Some(&b'\n') {
            continue;
        }
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Whether `s` starts with a URL scheme and a colon (RFC 3986: a letter, then letters, digits,
/// `+`, `-` or `.`).
fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocId::Bundled(s) | DocId::Url(s) => f.write_str(s),
            DocId::File(name) => write!(f, "{FILE}{name}"),
            DocId::Paste(key) => write!(f, "{PASTE}{key}"),
        }
    }
}

impl From<&str> for DocId {
    fn from(s: &str) -> Self {
        DocId::parse(s)
    }
}

impl From<String> for DocId {
    fn from(s: String) -> Self {
        DocId::parse(&s)
    }
}

impl From<&String> for DocId {
    fn from(s: &String) -> Self {
        DocId::parse(s)
    }
}

impl From<&DocId> for DocId {
    fn from(id: &DocId) -> Self {
        id.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form of id a reader's browser may hold, with the variant it must be read as.
    fn forms() -> Vec<(&'static str, DocId)> {
        let b = |s: &str| DocId::Bundled(s.into());
        let u = |s: &str| DocId::Url(s.into());
        let f = |s: &str| DocId::File(s.into());
        let p = |s: &str| DocId::Paste(s.into());
        vec![
            ("roadmaps/plan.md", b("roadmaps/plan.md")),
            ("roadmaps/a b&c.md", b("roadmaps/a b&c.md")),
            ("roadmaps/a:b.md", b("roadmaps/a:b.md")),
            ("./plan.md", b("./plan.md")),
            ("../up/plan.md", b("../up/plan.md")),
            ("/abs/plan.md", b("/abs/plan.md")),
            ("plan.md?v=2#top", b("plan.md?v=2#top")),
            ("1:2.md", b("1:2.md")),
            ("", b("")),
            (
                "https://example.org/ROADMAP.md",
                u("https://example.org/ROADMAP.md"),
            ),
            (
                "https://x.org/r.md?ref=main&raw=1#phase-2",
                u("https://x.org/r.md?ref=main&raw=1#phase-2"),
            ),
            (
                "http://127.0.0.1:8080/a.md",
                u("http://127.0.0.1:8080/a.md"),
            ),
            ("//cdn.example/plan.md", u("//cdn.example/plan.md")),
            (
                "data:text/markdown,%23%20Hi",
                u("data:text/markdown,%23%20Hi"),
            ),
            ("FILE:x.md", u("FILE:x.md")),
            ("file:plan.md", f("plan.md")),
            ("file:a:b:c.md", f("a:b:c.md")),
            ("file:", f("")),
            ("file:paste:x", f("paste:x")),
            ("file:///etc/plan.md", f("///etc/plan.md")),
            ("file:Ünïcødé 計画.md", f("Ünïcødé 計画.md")),
            ("paste:untitled-roadmap", p("untitled-roadmap")),
            ("paste:my-plan", p("my-plan")),
            ("paste:file:x", p("file:x")),
            ("paste:", p("")),
        ]
    }

    #[test]
    fn every_form_round_trips_to_the_same_text() {
        for (text, id) in forms() {
            let parsed = DocId::parse(text);
            assert_eq!(parsed, id, "{text:?} read as");
            assert_eq!(parsed.to_string(), text, "{text:?} written back as");
            assert_eq!(
                DocId::parse(&parsed.to_string()),
                parsed,
                "{text:?} re-read"
            );
        }
    }

    #[test]
    fn the_kind_decides_how_a_document_is_opened() {
        for (text, id) in forms() {
            let kept = text.starts_with("file:") || text.starts_with("paste:");
            assert_eq!(id.is_kept_here(), kept, "{text:?}");
        }
    }

    #[test]
    fn names_segments_and_origins() {
        let f = DocId::parse("file:my:plan.md");
        assert_eq!(f.name(), "my:plan.md");
        assert_eq!(f.last_segment(), "plan.md");
        assert_eq!(f.origin(), "file my:plan.md");
        let p = DocId::parse("paste:untitled");
        assert_eq!((p.name(), p.last_segment()), ("untitled", "untitled"));
        assert_eq!(p.origin(), "pasted text");
        let u = DocId::parse("https://x.org/dir/ROADMAP.md");
        assert_eq!(u.last_segment(), "ROADMAP.md");
        assert_eq!(u.origin(), "https://x.org/dir/ROADMAP.md");
        assert_eq!(DocId::parse("plan.md").last_segment(), "plan.md");
    }

    /// Issue 13, point 1: two pastes without a heading got the same id (`paste:untitled-roadmap`)
    /// and the second replaced the first. A paste's id comes from its text.
    #[test]
    fn r13_1_two_pastes_never_share_an_id() {
        let milk = DocId::paste_for_text("- [ ] Buy milk\n");
        let roof = DocId::paste_for_text("- [ ] Fix roof\n");
        assert_ne!(milk, roof);
        assert_eq!(
            milk,
            DocId::paste_for_text("- [ ] Buy milk\r\n\n"),
            "same text"
        );
        assert_eq!(milk, DocId::parse(&milk.to_string()), "round-trips");
        assert!(milk.is_kept_here());
        let DocId::Paste(key) = &milk else {
            panic!("a paste id")
        };
        assert!(key.starts_with('~') && key.len() == 17, "{key}");
        // The same title, different texts: different documents.
        let a = DocId::paste_for_text("# Plan\n- [ ] a\n");
        let b = DocId::paste_for_text("# Plan\n- [ ] b\n");
        assert_ne!(a, b);
        // Pinned: the hash names readers' stored pastes and must never change.
        assert_eq!(
            DocId::paste_for_text("").to_string(),
            "paste:~cbf29ce484222325"
        );
    }

    /// Old title-keyed paste ids are still documents (their text and ticks are kept).
    #[test]
    fn old_paste_ids_still_open() {
        for old in ["paste:untitled-roadmap", "paste:my-plan", "paste:計画-2025"] {
            let id = DocId::parse(old);
            assert!(matches!(id, DocId::Paste(_)), "{old}");
            assert_eq!(id.to_string(), old);
        }
    }

    /// A document without a heading gets the same title on every visit (the first visit used
    /// `plan` and a reload `plan.md`; a paste "Pasted roadmap", then `untitled-roadmap`).
    #[test]
    fn r13_fallback_titles_are_the_same_on_every_visit() {
        let cases = [
            ("file:plan.md", "plan"),
            ("file:notes", "notes"),
            ("file:.hidden", ".hidden"),
            ("file:a.b.md", "a.b"),
            ("paste:untitled-roadmap", "Pasted roadmap"),
            ("paste:~0123456789abcdef", "Pasted roadmap"),
            ("roadmaps/plan.md", "plan"),
            ("https://x.org/dir/ROADMAP.md", "ROADMAP"),
        ];
        for (id, title) in cases {
            assert_eq!(DocId::parse(id).fallback_title(), title, "{id}");
        }
    }
}
