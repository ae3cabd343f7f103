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

    /// The id of text pasted under `title`: its words, lowercased and joined by `-` (letters,
    /// digits and `-` kept, other characters dropped), or `paste:untitled`.
    ///
    /// This is a storage key of readers' saved pastes: it must not change (see the tests for why
    /// it is not [`crate::slug`]).
    pub fn paste_for_title(title: &str) -> DocId {
        let key = title
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace() || *c == '-')
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        DocId::Paste(if key.is_empty() {
            "untitled".into()
        } else {
            key
        })
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

    /// Paste ids are storage keys: these are the strings readers' browsers hold today.
    #[test]
    fn paste_ids_are_unchanged() {
        let cases = [
            ("Untitled roadmap", "untitled-roadmap"),
            ("", "untitled"),
            ("🚀 ✅", "untitled"),
            ("My Plan", "my-plan"),
            ("  Spaced   out  ", "spaced-out"),
            ("Phase 1: Core (Week 1-2)", "phase-1-core-week-1-2"),
            ("Q4's roadmap v1.2", "q4s-roadmap-v12"),
            ("snake_case & more", "snakecase-more"),
            ("A - B -- C", "a---b----c"),
            ("-edge-", "-edge-"),
            ("🚀 Launch Plan ✅", "launch-plan"),
            ("Über Straße", "über-straße"),
            ("ПЛАН Развития", "план-развития"),
            ("計画 2025", "計画-2025"),
            ("İstanbul", "i\u{307}stanbul"),
            ("Roadmap — Q3/Q4 2025", "roadmap-q3q4-2025"),
            (
                "🚀 Production Roadmap - Palytt Integration",
                "production-roadmap---palytt-integration",
            ),
            ("x\u{301}y", "xy"),
            ("tab\tand\nnewline", "tab-and-newline"),
        ];
        for (title, key) in cases {
            assert_eq!(
                DocId::paste_for_title(title),
                DocId::Paste(key.into()),
                "{title:?}"
            );
        }
        let long = "word ".repeat(40);
        let DocId::Paste(key) = DocId::paste_for_title(&long) else {
            panic!("a paste id");
        };
        assert_eq!(key.len(), 40 * 5 - 1, "no length limit");
    }

    /// Why the paste id is not [`crate::slug`]: the slug turns dropped characters into word
    /// breaks and collapses dashes, so these titles would get new keys and their saved pastes
    /// would be lost.
    #[test]
    fn the_shared_slug_would_change_paste_ids() {
        for (title, paste, slug) in [
            ("Q4's roadmap v1.2", "q4s-roadmap-v12", "q4-s-roadmap-v1-2"),
            ("A - B", "a---b", "a-b"),
            ("snake_case", "snakecase", "snake-case"),
            ("-edge-", "-edge-", "edge"),
            (
                "🚀 Production Roadmap - Palytt Integration",
                "production-roadmap---palytt-integration",
                "production-roadmap-palytt-integration",
            ),
        ] {
            assert_eq!(DocId::paste_for_title(title).name(), paste);
            assert_eq!(crate::slug(title, 60), slug);
        }
    }
}
