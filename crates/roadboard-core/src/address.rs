//! Which addresses `?src=` may name: this site's files and `http(s)` documents. Anything else
//! is refused for what it is, before anything is fetched or stored — a script is called a
//! script, not a server that did not answer.
//!
//! Every accepted address is read by [`DocId::parse`] as a [`DocId::Bundled`] or
//! [`DocId::Url`]: a `?src=` never names the storage of a file or a paste kept in this browser.

use crate::docid::DocId;
use std::fmt;

/// Why an address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressError {
    /// `javascript:`: a script, which roadboard never runs.
    Script,
    /// `data:`: content written into the address itself.
    Data,
    /// `file:`: a file on a computer, which a web page may not read by address.
    LocalFile,
    /// `paste:`: the name of a paste kept in this browser, not an address.
    Paste,
    /// Another scheme (`ftp:`, `blob:`, `mailto:`…).
    Scheme(String),
    /// Nothing was named.
    Empty,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddressError::Script => f.write_str(
                "This link asks roadboard to run a script (a “javascript:” address), not to open a document. roadboard never runs scripts from links.",
            ),
            AddressError::Data => f.write_str(
                "This link carries its content in the address itself (a “data:” address). roadboard opens documents from web addresses (https://…) or from this site; paste the Markdown on the home page instead.",
            ),
            AddressError::LocalFile => f.write_str(
                "This link names a file on a computer (a “file:” address), which a web page may not read. Open the file with “Open roadmap file” on the home page instead.",
            ),
            AddressError::Paste => f.write_str(
                "This link names a pasted roadmap as if it were an address. Pasted roadmaps are opened from the home page’s “Recently opened” list.",
            ),
            AddressError::Scheme(s) => write!(
                f,
                "roadboard opens documents from web addresses (https://…) or from this site, not “{s}:” addresses."
            ),
            AddressError::Empty => f.write_str("No document was named."),
        }
    }
}

/// Check a `?src=` address before anything is fetched: this site's paths, `//host/…` and
/// `http(s)://…` pass; every other scheme is refused with what it is.
///
/// Schemes are found as a browser finds them: after trimming the spaces and control characters
/// around the address and dropping tabs and line breaks in it, case-insensitively.
pub fn check_address(src: &str) -> Result<(), AddressError> {
    let cleaned: String = src
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return Err(AddressError::Empty);
    }
    let scheme = scheme_of(&cleaned).map(|s| s.to_ascii_lowercase());
    match scheme.as_deref() {
        None | Some("http" | "https") => {}
        Some("javascript") => return Err(AddressError::Script),
        Some("data") => return Err(AddressError::Data),
        Some("file") => return Err(AddressError::LocalFile),
        Some("paste") => return Err(AddressError::Paste),
        Some(other) => return Err(AddressError::Scheme(other.to_string())),
    }
    // The address as written must not read as a kept document either (`file:` and `paste:`
    // are lowercase schemes; any other spelling was refused above).
    match DocId::parse(src) {
        DocId::File(_) => Err(AddressError::LocalFile),
        DocId::Paste(_) => Err(AddressError::Paste),
        _ => Ok(()),
    }
}

/// The scheme of `s` (RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, then `:`).
fn scheme_of(s: &str) -> Option<&str> {
    let (scheme, _) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13, point 8: `javascript:` and `data:` sources were blamed on the server or CORS;
    /// `?src=file:x` and `?src=paste:x` named the storage of a file or a paste.
    #[test]
    fn r13_8_addresses_are_refused_for_what_they_are() {
        let cases = [
            ("javascript:alert(1)", AddressError::Script),
            ("JavaScript:alert(1)", AddressError::Script),
            ("  java\tscript:alert(1)", AddressError::Script),
            ("\u{1}javascript:alert(1)", AddressError::Script),
            ("data:text/markdown,%23%20Hi", AddressError::Data),
            ("DATA:,x", AddressError::Data),
            ("file:x", AddressError::LocalFile),
            ("file:///etc/passwd", AddressError::LocalFile),
            ("FILE:x.md", AddressError::LocalFile),
            ("paste:x", AddressError::Paste),
            ("paste:~0123456789abcdef", AddressError::Paste),
            ("ftp://x.org/a.md", AddressError::Scheme("ftp".into())),
            ("blob:https://x.org/1", AddressError::Scheme("blob".into())),
            ("", AddressError::Empty),
            ("  ", AddressError::Empty),
        ];
        for (src, want) in cases {
            assert_eq!(check_address(src), Err(want), "{src:?}");
        }
        assert!(AddressError::Script.to_string().contains("never runs"));
        assert!(!AddressError::Data.to_string().contains("CORS"));
    }

    #[test]
    fn documents_on_the_web_and_on_this_site_pass() {
        for src in [
            "roadmaps/plan.md",
            "./plan.md",
            "/abs/plan.md",
            "roadmaps/a:b.md",
            "1:2.md",
            "https://example.org/ROADMAP.md",
            "HTTP://example.org/r.md?raw=1#x",
            "//cdn.example/plan.md",
        ] {
            assert_eq!(check_address(src), Ok(()), "{src}");
            let id = DocId::parse(src);
            assert!(!id.is_kept_here(), "{src} names a fetched document");
        }
    }
}
