//! References: a reference list split into single references ("A, B and C"), and the plain
//! lead of an item ("Alpha: …") that references may name it by.

use super::dependency::first_dependency_phrase;

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

/// Largest number of references a numbered range ("Tasks 1.1–1.9") expands to.
const MAX_RANGE: u32 = 50;

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

/// A numbered name at the start of a text: a word and a number ("Task 1.1", "Step 3",
/// "Stage B", "Week 1-2") or a number alone ("1.1", "3.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    /// The word as written ("Tasks"), if any.
    pub(crate) kind: Option<&'a str>,
    /// The number as written ("1.1", "3", "B", "1-2").
    pub(crate) number: &'a str,
    /// Byte end of the number.
    end: usize,
}

impl Numbered<'_> {
    /// What follows the number, without a closing "." or ":" and spaces.
    fn rest<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.end..)
            .unwrap_or("")
            .trim_start_matches(['.', ':', ')'])
            .trim()
    }
}

/// Byte end of `digits{.digits}` at `i` (a trailing "." is not part of it); `i` when there
/// is none. Each run of digits is at most three long ("2024" is a year, not a number).
fn dotted_number_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        let run = b
            .get(j..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run == 0 || run > 3 {
            return if run > 3 { i } else { j.max(i) };
        }
        let next = j + run;
        if b.get(next) == Some(&b'.') && b.get(next + 1).is_some_and(u8::is_ascii_digit) {
            j = next + 1;
        } else {
            return next;
        }
    }
}

/// The numbered name `text` starts with, if any (see [`Numbered`]).
pub(crate) fn numbered_at(text: &str) -> Option<Numbered<'_>> {
    let b = text.as_bytes();
    let word_end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    let (kind, at) = if word_end == 0 {
        (None, 0)
    } else {
        let k = word_end
            + b.get(word_end..)?
                .iter()
                .take_while(|c| **c == b' ')
                .count();
        if k == word_end || word_end < 2 {
            return None;
        }
        (text.get(..word_end), k)
    };
    let mut end = dotted_number_end(b, at);
    if end == at {
        // "Stage B", "Epic A": one capital letter after a word
        let letter = b.get(at).filter(|c| c.is_ascii_uppercase())?;
        if kind.is_none() || b.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let _ = letter;
        end = at + 1;
    } else if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    } else {
        // a range "1-2", "1.1–1.3" is one number
        let rest = text.get(end..).unwrap_or("");
        let sep = ["-", "–", "—"].iter().find(|s| rest.starts_with(**s));
        if let Some(sep) = sep {
            let from = end + sep.len();
            let to = dotted_number_end(b, from);
            if to > from && !b.get(to).is_some_and(u8::is_ascii_alphanumeric) {
                end = to;
            }
        }
    }
    if kind.is_none()
        && !b
            .get(end)
            .is_none_or(|c| matches!(c, b'.' | b')' | b':' | b' '))
    {
        return None;
    }
    Some(Numbered {
        kind,
        number: text.get(at..end)?,
        end,
    })
}

/// The key of a numbered name, for matching references to titles: the word lowercased
/// and singular, and the number ("Tasks 1.1" → "task 1.1", "Week 1–2" → "week 1-2"); a
/// number alone is its own key ("3").
pub(crate) fn numbered_key(n: &Numbered<'_>) -> String {
    let number = n.number.replace(['–', '—'], "-").to_lowercase();
    match n.kind {
        Some(k) => format!("{} {number}", singular(k).to_lowercase()),
        None => number,
    }
}

/// The numbered name a heading or item title starts with ("Task 1.1: File Upload System",
/// "1.1 Runtime", "3. Deploy"), leading emoji and markup skipped.
pub(crate) fn title_number(title: &str) -> Option<Numbered<'_>> {
    let t = super::lex::strip_leading_symbols(title).trim_start_matches(['*', '_', '`']);
    numbered_at(t)
}

/// A whole reference that is a numbered name ("Task 1.1", "Step 3", "1.2").
pub(crate) fn numbered_reference(r: &str) -> Option<Numbered<'_>> {
    numbered_at(r).filter(|n| n.rest(r).is_empty())
}

/// "Tasks 1.1–1.3", "Steps 3-5", "Phases 1-3": each reference the range names ("Task 1.1",
/// "Task 1.2", "Task 1.3"); only the last part of a dotted number ranges.
pub(crate) fn numbered_range(r: &str) -> Option<Vec<String>> {
    let n = numbered_reference(r)?;
    let number = n.number;
    let (dash, sep_len) = ["-", "–", "—"]
        .iter()
        .find_map(|s| number.find(*s).map(|i| (i, s.len())))?;
    let a = number.get(..dash)?;
    let b = number.get(dash + sep_len..)?;
    let (prefix_a, last_a) = a.rsplit_once('.').map_or(("", a), |(p, l)| (p, l));
    let (prefix_b, last_b) = b.rsplit_once('.').map_or(("", b), |(p, l)| (p, l));
    if prefix_a != prefix_b {
        return None;
    }
    let from: u32 = last_a.parse().ok()?;
    let to: u32 = last_b.parse().ok()?;
    if to <= from || to - from >= MAX_RANGE {
        return None;
    }
    let word = n.kind.map(singular);
    Some(
        (from..=to)
            .map(|k| {
                let num = if prefix_a.is_empty() {
                    k.to_string()
                } else {
                    format!("{prefix_a}.{k}")
                };
                match &word {
                    Some(w) => format!("{w} {num}"),
                    None => num,
                }
            })
            .collect(),
    )
}

/// Words that number the parts of a plan: "Step 3" also names a heading numbered "3." under
/// a heading with that word in it ("Deployment steps").
pub(crate) fn is_plan_word(word_key: &str) -> bool {
    matches!(
        word_key,
        "task"
            | "step"
            | "item"
            | "section"
            | "part"
            | "chapter"
            | "milestone"
            | "epic"
            | "story"
            | "phase"
            | "stage"
            | "sprint"
            | "deliverable"
            | "feature"
            | "goal"
            | "objective"
    )
}

/// `word` without a plural ending ("Tasks" → "Task", "Stories" → "Story"), as written.
pub(crate) fn singular(word: &str) -> std::borrow::Cow<'_, str> {
    let lower_ends = |s: &str| word.len() > s.len() + 2 && super::lex::ends_with_ci(word, s);
    if lower_ends("ies") {
        let stem = word.get(..word.len() - 3).unwrap_or(word);
        let y = if word.ends_with("IES") { "Y" } else { "y" };
        return std::borrow::Cow::Owned(format!("{stem}{y}"));
    }
    if lower_ends("s") && !lower_ends("ss") && !lower_ends("us") {
        return std::borrow::Cow::Borrowed(word.get(..word.len() - 1).unwrap_or(word));
    }
    std::borrow::Cow::Borrowed(word)
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
    fn numbered_names() {
        let n = numbered_reference("Task 1.1").map(|n| (n.kind, n.number));
        assert_eq!(n, Some((Some("Task"), "1.1")));
        let key = |t: &str| title_number(t).map(|n| numbered_key(&n));
        assert_eq!(key("### not a heading"), None);
        assert_eq!(key("Task 1.1: File Upload System"), Some("task 1.1".into()));
        assert_eq!(key("🔧 **Agent 1**: Caching"), Some("agent 1".into()));
        assert_eq!(key("1.1 Runtime"), Some("1.1".into()));
        assert_eq!(key("3. Deploy"), Some("3".into()));
        assert_eq!(key("Stories 2.3"), Some("story 2.3".into()));
        assert_eq!(key("Week 1–2: Setup"), Some("week 1-2".into()));
        assert_eq!(key("Stage B"), Some("stage b".into()));
        // not numbers: a year, a measure, a version-like word
        assert_eq!(key("2024 Roadmap"), None);
        assert_eq!(key("10x faster builds"), None);
        assert_eq!(key("B1. Cloud"), None);
        // a reference is the numbered name and nothing more
        assert!(numbered_reference("Phase 1 completion").is_none());
        assert!(numbered_reference("LTI 1.3 certification").is_none());
        assert!(numbered_reference("1.2").is_some());
    }

    #[test]
    fn numbered_ranges() {
        assert_eq!(
            numbered_range("Tasks 1.1–1.3"),
            Some(vec![
                "Task 1.1".into(),
                "Task 1.2".into(),
                "Task 1.3".into()
            ])
        );
        assert_eq!(
            numbered_range("Steps 3-5"),
            Some(vec!["Step 3".into(), "Step 4".into(), "Step 5".into()])
        );
        assert_eq!(numbered_range("Tasks 1.1-2.3"), None);
        assert_eq!(numbered_range("Task 1.1"), None);
        assert_eq!(numbered_range("Steps 1-900"), None);
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("Tasks"), "Task");
        assert_eq!(singular("Stories"), "Story");
        assert_eq!(singular("Phases"), "Phase");
        assert_eq!(singular("Status"), "Status");
        assert_eq!(singular("Step"), "Step");
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
