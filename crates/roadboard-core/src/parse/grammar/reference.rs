//! References: a reference list split into single references ("A, B and C", "Tasks 1.1,
//! 1.2", "Tasks 1.1–1.3"), where its parts name things, and the plain lead of an item
//! ("Alpha: …") that references may name it by.

use super::dependency::first_dependency_phrase;
use super::numbered::{numbered_at, numbered_range, singular};

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

/// A reference list split into single references, as [`for_each_reference`] splits it
/// when nothing in the document matches any of its parts.
#[cfg(test)]
pub(crate) fn split_refs(refs: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_reference(refs, |_| false, |r| out.push(r.to_string()));
    out
}

/// Calls `f` with each reference of a reference list (what follows "depends on:").
///
/// - The list is split at `,`, `;`, ` and `, ` & ` and ` + `; parenthesised remarks and
///   "none", "nothing", "n/a" are dropped.
/// - A number after a numbered reference carries its word over: "Tasks 1.1, 1.2" is
///   "Task 1.1" and "Task 1.2".
/// - A numbered range ("Tasks 1.1–1.3", "Steps 3-5", "Phases 1-3") that `known` does not
///   know as a whole is one reference per number, when `known` knows its first or last
///   number.
/// - A list is split only where its parts are names of things: a part that is numbered,
///   an id (`#db`, `{#db}`), starts with a capital letter or a digit, or that `known`
///   knows, stands alone; a lower-case word or two that `known` does not know continues
///   the part before it when that one is not known either ("Listing, creation, submission,
///   grading UIs" is one reference, a list of nouns, not four).
///
/// `known(reference)` says whether a reference matches something in the document.
pub(crate) fn for_each_reference(
    refs: &str,
    mut known: impl FnMut(&str) -> bool,
    mut f: impl FnMut(&str),
) {
    let cleaned = without_remarks(refs);
    let cleaned = cleaned.as_ref();
    // Most lists name one thing: nothing to carry over or join, and no list to allocate.
    let mut first: Option<(usize, usize)> = None;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for_each_part_span(cleaned, |s, e| match first {
        None => first = Some((s, e)),
        Some(one) => {
            if spans.is_empty() {
                spans.push(one);
            }
            spans.push((s, e));
        }
    });
    match (first, spans.is_empty()) {
        (None, _) => return,
        (Some((s, e)), true) => {
            emit_expanded(cleaned.get(s..e).unwrap_or(""), &mut known, &mut f);
            return;
        }
        _ => {}
    }
    struct Group {
        start: usize,
        end: usize,
        /// The text when it is not the span's ("Task 1.2" for "1.2").
        carried: Option<String>,
        /// A lower-case part may continue it.
        joinable: bool,
        /// Whether `known` knows it, once asked.
        known: Option<bool>,
    }
    let mut groups: Vec<Group> = Vec::with_capacity(spans.len());
    // the word of the last numbered part, as written, made singular ("Tasks" → "Task")
    let mut kind: Option<String> = None;
    for &(s, e) in &spans {
        let part = cleaned.get(s..e).unwrap_or("");
        if let Some(n) = numbered_at(part).filter(|n| n.rest(part).is_empty()) {
            let carried = match (n.kind, &kind) {
                (Some(k), _) => {
                    let singular = singular(k);
                    let text = format!("{singular}{}", part.get(k.len()..).unwrap_or(""));
                    kind = Some(singular.to_string());
                    (singular.len() != k.len()).then_some(text)
                }
                (None, Some(k)) => Some(format!("{k} {part}")),
                (None, None) => None,
            };
            groups.push(Group {
                start: s,
                end: e,
                carried,
                joinable: false,
                known: None,
            });
            continue;
        }
        kind = None;
        let id_like = part.starts_with('#') || part.starts_with("{#");
        if id_like || starts_as_name(part) || known(part) {
            groups.push(Group {
                start: s,
                end: e,
                carried: None,
                joinable: !id_like,
                known: None,
            });
            continue;
        }
        let text_of = |g: &Group| -> String {
            g.carried
                .clone()
                .unwrap_or_else(|| cleaned.get(g.start..g.end).unwrap_or("").to_string())
        };
        let joins = match groups.last_mut() {
            Some(prev) if prev.joinable && continues(part) => {
                let prev_known = match prev.known {
                    Some(k) => k,
                    None => known(&text_of(prev)),
                };
                prev.known = Some(prev_known);
                !prev_known
            }
            _ => false,
        };
        match groups.last_mut() {
            Some(prev) if joins => prev.end = e,
            _ => groups.push(Group {
                start: s,
                end: e,
                carried: None,
                joinable: true,
                known: Some(false),
            }),
        }
    }
    for g in &groups {
        match &g.carried {
            Some(t) => emit_expanded(t, &mut known, &mut f),
            None => emit_expanded(
                cleaned.get(g.start..g.end).unwrap_or(""),
                &mut known,
                &mut f,
            ),
        }
    }
}

/// `f(reference)`, or `f` of each number of a numbered range the document does not know as a
/// whole but knows the first or last number of ("Tasks 1.1–1.3" → "Task 1.1", "Task 1.2",
/// "Task 1.3").
fn emit_expanded(r: &str, known: &mut impl FnMut(&str) -> bool, f: &mut impl FnMut(&str)) {
    if r.is_empty() {
        return;
    }
    // a range has a dash: "-" or one of "–" "—" (whose UTF-8 starts with 0xE2)
    let dashed = r.bytes().any(|c| c == b'-' || c == 0xE2);
    match dashed.then(|| numbered_range(r)).flatten() {
        Some(members)
            if !known(r)
                && (members.first().is_some_and(|m| known(m))
                    || members.last().is_some_and(|m| known(m))) =>
        {
            members.iter().for_each(|m| f(m));
        }
        _ => f(r),
    }
}

/// `refs` without parenthesised remarks (`{#id}` braces kept).
fn without_remarks(refs: &str) -> std::borrow::Cow<'_, str> {
    if !refs.bytes().any(|c| c == b'(' || c == b')') {
        return std::borrow::Cow::Borrowed(refs);
    }
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
    std::borrow::Cow::Owned(c)
}

/// Calls `f(start, end)` with the span of each part of a list without remarks: split at
/// "," / ";", then " and ", " & ", " + ", each part trimmed of spaces, a leading "and ",
/// and markup; empty parts and "none"-like ones skipped.
fn for_each_part_span(cleaned: &str, mut f: impl FnMut(usize, usize)) {
    let mut emit = |s: usize, e: usize| {
        let sub = cleaned.get(s..e).unwrap_or("");
        let trimmed = sub.trim();
        let trimmed = trimmed.strip_prefix("and ").unwrap_or(trimmed);
        let r =
            trimmed.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '*' | '_' | '`'));
        if r.is_empty() || is_no_reference(r) {
            return;
        }
        // `r` is a sub-slice of `sub`: its offset is a pointer difference
        let off = r.as_ptr() as usize - sub.as_ptr() as usize;
        f(s + off, s + off + r.len());
    };
    let seps: [&[u8]; 3] = [b" and ", b" & ", b" + "];
    let mut from = 0;
    let mut i = 0;
    let b = cleaned.as_bytes();
    while i < b.len() {
        let len = if matches!(b.get(i), Some(b',' | b';')) {
            1
        } else if b.get(i) == Some(&b' ') {
            seps.iter()
                .find(|sep| b.get(i..i + sep.len()) == Some(**sep))
                .map_or(0, |sep| sep.len())
        } else {
            0
        };
        if len > 0 {
            emit(from, i);
            // " and " leaves its last space for the next part, as `str::split` would not
            // matter: parts are trimmed
            i += len;
            from = i;
        } else {
            i += 1;
        }
    }
    emit(from, b.len());
}

/// A lower-case part that can continue the one before it: a word or two ("creation",
/// "grading UIs"), not a phrase of its own ("a sandbox org from the sales team").
fn continues(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let first = words.next().unwrap_or("");
    words.count() <= 1
        && !matches!(
            first,
            "a" | "an"
                | "the"
                | "our"
                | "their"
                | "its"
                | "some"
                | "any"
                | "all"
                | "each"
                | "every"
        )
}

/// A part written as the name of a thing: it starts with a capital letter, a digit, or a
/// letter of a script without case.
fn starts_as_name(part: &str) -> bool {
    part.trim_start_matches(['"', '\'', '“', '‘'])
        .chars()
        .next()
        .is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
        })
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

    #[test]
    fn lists_split_where_their_parts_name_things() {
        assert_eq!(
            split_refs("Tasks 1.1, 1.2, 1.3"),
            vec!["Task 1.1", "Task 1.2", "Task 1.3"]
        );
        assert_eq!(
            split_refs("Phase 7, 8 and 9"),
            vec!["Phase 7", "Phase 8", "Phase 9"]
        );
        assert_eq!(
            split_refs("Listing, creation, submission, grading UIs"),
            vec!["Listing, creation, submission, grading UIs"]
        );
        assert_eq!(
            split_refs("Redis setup (platform team), Salesforce API"),
            vec!["Redis setup", "Salesforce API"]
        );
        assert_eq!(
            split_refs("Salesforce access, a sandbox org from sales"),
            vec!["Salesforce access", "a sandbox org from sales"]
        );
        assert_eq!(
            split_refs("{#db}, #api and design"),
            vec!["{#db}", "#api", "design"]
        );
        // a part the document knows always stands alone
        let mut out = Vec::new();
        for_each_reference(
            "Auth, billing",
            |r| r == "billing",
            |r| out.push(r.to_string()),
        );
        assert_eq!(out, vec!["Auth", "billing"]);
        // a range the document knows some numbers of expands; one it knows nothing of stays
        let mut out = Vec::new();
        for_each_reference(
            "Tasks 1.1–1.3",
            |r| r == "Task 1.3",
            |r| out.push(r.to_string()),
        );
        assert_eq!(out, vec!["Task 1.1", "Task 1.2", "Task 1.3"]);
        assert_eq!(split_refs("Tasks 1.1–1.3"), vec!["Tasks 1.1–1.3"]);
    }
}
