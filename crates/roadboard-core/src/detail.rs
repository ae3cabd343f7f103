//! What an item's detail panel shows beyond the model: the notes written under the item.
//!
//! Notes are the lines indented under a list item (its continuation paragraphs and plain
//! bullets) up to the next line that is an item of its own, a line indented no deeper than the
//! item's marker, or a heading. An item that is not a list item (a table row, a status line)
//! has no notes.

/// Most note lines returned (the Document view has the rest).
pub const MAX_NOTE_LINES: usize = 40;

/// The indentation (in columns, a tab counting 4) of a line.
fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

/// Whether a trimmed line starts a list item (`-`, `*`, `+` or `1.` followed by a space).
fn is_list_item(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '+') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The notes under the list item on 1-based `line` of `text`, each with the item's content
/// indentation removed; `is_item(n)` tells whether line `n` is an item of its own (it ends the
/// notes).
pub fn notes_under(text: &str, line: usize, is_item: &dyn Fn(usize) -> bool) -> Vec<String> {
    let mut lines = text.lines().enumerate().skip(line.saturating_sub(1));
    let Some((_, first)) = lines.next() else {
        return Vec::new();
    };
    if !is_list_item(first.trim_start()) {
        return Vec::new();
    }
    let marker = indent(first);
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    for (k, l) in lines {
        let t = l.trim_start();
        if t.is_empty() {
            if !out.is_empty() {
                out.push(String::new());
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && (indent(l) <= marker || t.starts_with('#') || is_item(k + 1)) {
            break;
        }
        if out.len() >= MAX_NOTE_LINES {
            break;
        }
        let cut = indent(l).min(marker + 2);
        out.push(
            l.chars()
                .skip(cut)
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_under_an_item_are_its_notes() {
        let md = "- [ ] Service Workers\n  Cache the shell.\n  - why: offline\n\n  More text.\n- [ ] Next\n";
        let notes = notes_under(md, 1, &|n| n == 6);
        assert_eq!(
            notes,
            ["Cache the shell.", "- why: offline", "", "More text."]
        );
    }

    #[test]
    fn notes_end_at_sub_items_headings_and_outdent() {
        let md = "- [ ] A\n  note\n  - [ ] sub\n  after\n";
        assert_eq!(notes_under(md, 1, &|n| n == 3), ["note"]);
        let md = "- [ ] A\n## Next\n";
        assert!(notes_under(md, 1, &|_| false).is_empty());
        let md = "- [ ] A\nparagraph\n";
        assert!(notes_under(md, 1, &|_| false).is_empty());
        assert!(notes_under("| a | b |\n  x\n", 1, &|_| false).is_empty());
        assert!(notes_under("", 5, &|_| false).is_empty());
    }
}
