//! Numbered names: "Task 1.1", "Step 3", "Stage B", "Week 1-2", or a number alone ("1.1",
//! "3."), at the start of a heading, an item or a reference; their keys, ranges ("Tasks
//! 1.1–1.3") and the words that number the parts of a plan.

/// Largest number of references a numbered range ("Tasks 1.1–1.9") expands to.
const MAX_RANGE: u32 = 50;

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
    pub(super) fn rest<'t>(&self, text: &'t str) -> &'t str {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
