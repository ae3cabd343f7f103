//! References: a reference list split into single references ("A, B and C"), and the plain
//! lead of an item ("Alpha: …") that references may name it by.

use super::dependency::first_dependency_phrase;
use super::lex::find_ascii;

/// Longest plain lead read as a title, in words.
const MAX_LEAD_WORDS: usize = 6;

/// The plain lead of `Alpha: design the schema` ("Alpha"): a few words before the first
/// colon, which name the item as a bold `**Alpha**:` lead does, for matching references.
/// Not a colon inside a token ("https://…", "10:30", "x:y"), not a remark in parentheses,
/// not a dependency phrase ("needs: …"), not a sentence (more than six words).
pub(crate) fn plain_lead(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let lead = text.get(..colon)?.trim();
    let after = text.get(colon + 1..).unwrap_or("");
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    if lead.is_empty()
        || lead.contains(['(', ')', '[', ']', '/'])
        || !lead.chars().any(char::is_alphabetic)
        || lead.split_whitespace().count() > MAX_LEAD_WORDS
    {
        return None;
    }
    if first_dependency_phrase(text).is_some_and(|p| p < colon) {
        return None;
    }
    Some(lead)
}

/// A reference list split into single references; "none", "nothing" and parenthesised
/// remarks dropped.
#[cfg(test)]
pub(crate) fn split_refs(refs: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_ref(refs, |r| out.push(r.to_string()));
    out
}

/// Calls `f` with each reference of a reference list, as `split_refs` lists them.
pub(crate) fn for_each_ref(refs: &str, mut f: impl FnMut(&str)) {
    // drop parenthesised remarks, but keep `{#id}` braces
    let cleaned_buf;
    let cleaned = if refs.bytes().any(|c| c == b'(' || c == b')') {
        let mut c = String::with_capacity(refs.len());
        let mut depth = 0usize;
        for ch in refs.chars() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => c.push(ch),
                _ => {}
            }
        }
        cleaned_buf = c;
        cleaned_buf.as_str()
    } else {
        refs
    };
    // split on "," / ";", then " and ", then " & ", then " + " (in that order), as
    // `str::split` would, with byte searches
    for_each_part(cleaned, find_comma, |part| {
        for_each_part(
            part,
            |p| find_ascii(p, b" and ").map(|i| (i, 5)),
            |a| {
                for_each_part(
                    a,
                    |p| find_ascii(p, b" & ").map(|i| (i, 3)),
                    |b| {
                        for_each_part(
                            b,
                            |p| find_ascii(p, b" + ").map(|i| (i, 3)),
                            |sub| {
                                let r = sub.trim().trim_start_matches("and ").trim_matches(
                                    |c: char| {
                                        c.is_whitespace() || matches!(c, '.' | '*' | '_' | '`')
                                    },
                                );
                                if !(r.is_empty() || is_no_reference(r)) {
                                    f(r);
                                }
                            },
                        );
                    },
                );
            },
        );
    });
}

/// Position of the first ',' or ';', and the separator's length.
fn find_comma(s: &str) -> Option<(usize, usize)> {
    s.bytes()
        .position(|c| c == b',' || c == b';')
        .map(|i| (i, 1))
}

/// Calls `f` with each part of `s` between the separators `find` locates (position,
/// length), left to right, like `str::split`.
fn for_each_part<'a>(
    s: &'a str,
    find: impl Fn(&str) -> Option<(usize, usize)>,
    mut f: impl FnMut(&'a str),
) {
    let mut rest = s;
    while let Some((i, len)) = find(rest) {
        f(rest.get(..i).unwrap_or(""));
        rest = rest.get(i + len..).unwrap_or("");
    }
    f(rest);
}

/// "None", "Nothing", "n/a", … in any case: a reference list that names nothing.
fn is_no_reference(r: &str) -> bool {
    // Every word here is ASCII but "—"; no other character lowercases to ASCII letters
    // among these (the Kelvin sign lowercases to "k", which none contains).
    r == "—"
        || r.len() <= 7
            && [
                "none", "nothing", "n/a", "na", "-", "tbd", "nada", "ninguna",
            ]
            .iter()
            .any(|w| r.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_leads() {
        assert_eq!(plain_lead("Alpha: design the schema"), Some("Alpha"));
        assert_eq!(plain_lead("User Auth Flow: login"), Some("User Auth Flow"));
        assert_eq!(plain_lead("See https://example.com for docs"), None);
        assert_eq!(plain_lead("http://x.y: link"), None);
        assert_eq!(plain_lead("Standup at 10:30 daily"), None);
        assert_eq!(plain_lead("10: ten"), None);
        assert_eq!(plain_lead("needs: Alpha"), None);
        assert_eq!(plain_lead("Deploy (depends on: Alpha)"), None);
        assert_eq!(
            plain_lead("One two three four five six seven: too long"),
            None
        );
        assert_eq!(plain_lead("no colon here"), None);
    }
}
