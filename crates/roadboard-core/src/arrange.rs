//! The board's default arrangement: the grouping, and which sections open into their
//! sub-sections, so the board fits the document.
//!
//! Grouped by the top sections, a document whose work sits under one `## Phases` heading shows
//! most of its cards in one column while the rest of the screen stays empty. The rule instead:
//!
//! 1. Columns are the sections at the shallowest heading level (below a single H1).
//! 2. While one column holds more than half of the cards (of a board of at least
//!    [`MIN_CARDS_TO_SPREAD`] cards) and it has sub-sections, that column opens into its
//!    sub-sections (cards written directly under it keep a column of its own), as long as the
//!    board stays within [`MAX_COLUMNS`] columns. Deeper headings stay lanes inside a column.
//! 3. When the sections cannot spread the work that way but the document's phases hold most
//!    of the cards and spread them better, the board opens grouped by phase.
//!
//! The reader's choice in the link (`group=`) always wins over the default grouping.

use crate::board::GroupBy;
use crate::model::Roadmap;
use std::collections::{HashMap, HashSet};

/// Most columns a default arrangement opens with (more does not read as a board).
pub const MAX_COLUMNS: usize = 12;

/// Fewer cards than this fit on a screen whatever the columns: the top sections stay.
pub const MIN_CARDS_TO_SPREAD: usize = 12;

/// The default grouping of a document, and the sections opened into their sub-sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrangement {
    /// The grouping the board opens with when the link names none.
    pub group: GroupBy,
    /// The heading level of the top columns when grouping by section.
    pub level: u8,
    /// Sections (indices in `Roadmap::sections`) whose sub-sections are columns of their own.
    pub opened: HashSet<usize>,
    /// The largest column's share of the cards in the default grouping, in percent (0 without
    /// cards).
    pub largest_share: u32,
    /// How many columns the default grouping shows.
    pub columns: usize,
}

/// The shallowest heading level that is not the document's single H1 (1 without headings).
pub fn base_level(map: &Roadmap) -> u8 {
    let h1_count = map.sections.iter().filter(|s| s.level == 1).count();
    map.sections
        .iter()
        .filter(|s| !(s.level == 1 && h1_count == 1))
        .map(|s| s.level)
        .min()
        .unwrap_or(1)
}

/// Section id → index in `Roadmap::sections`.
pub fn section_positions(map: &Roadmap) -> HashMap<&str, usize> {
    map.sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect()
}

/// The column (index in `map.sections`) of a card in section `sec`: its ancestor at the top
/// level `level`, or — when that ancestor is `opened` — the ancestor one heading further
/// down, and so on. A section shallower than `level` is its own column.
pub fn column_of(
    map: &Roadmap,
    pos: &HashMap<&str, usize>,
    level: u8,
    opened: &HashSet<usize>,
    sec: Option<&str>,
) -> Option<usize> {
    let mut chain = Vec::new();
    let mut cur = sec.and_then(|id| pos.get(id)).copied();
    // Parents come earlier and the walk is bounded: it ends.
    while let Some(c) = cur {
        if chain.len() > map.sections.len() {
            break;
        }
        chain.push(c);
        cur = map
            .sections
            .get(c)
            .and_then(|s| s.parent.as_deref())
            .and_then(|p| pos.get(p))
            .copied();
    }
    let leaf = chain.first().copied();
    // From the top: skip what is above the top level, then go down through opened sections.
    let mut down = chain
        .into_iter()
        .rev()
        .skip_while(|&c| map.sections.get(c).is_some_and(|s| s.level < level))
        .peekable();
    while let Some(c) = down.next() {
        if !opened.contains(&c) || down.peek().is_none() {
            return Some(c);
        }
    }
    leaf
}

/// Cards: the items that are not sub-items of another item.
fn cards(map: &Roadmap) -> Vec<usize> {
    let ids: HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    map.items
        .iter()
        .enumerate()
        .filter(|(_, it)| !it.parent.as_deref().is_some_and(|p| ids.contains(p)))
        .map(|(i, _)| i)
        .collect()
}

/// Each column's card count, largest first (ties: the earlier key).
fn counts<K: std::hash::Hash + Eq + Ord + Copy>(keys: impl Iterator<Item = K>) -> Vec<(K, usize)> {
    let mut n: HashMap<K, usize> = HashMap::new();
    for k in keys {
        *n.entry(k).or_default() += 1;
    }
    let mut v: Vec<(K, usize)> = n.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

fn share(largest: usize, total: usize) -> u32 {
    (largest * 100 + total / 2)
        .checked_div(total)
        .map_or(0, |v| v as u32)
}

/// The arrangement that fits `map` (see the module documentation for the rule).
pub fn fit(map: &Roadmap) -> Arrangement {
    let cards = cards(map);
    let total = cards.len();
    let pos = section_positions(map);
    let level = base_level(map);
    let spread = |largest: usize| largest * 2 <= total || total < MIN_CARDS_TO_SPREAD;
    let columns_with = |opened: &HashSet<usize>| {
        counts(cards.iter().map(|&i| {
            let sec = map.items.get(i).and_then(|it| it.section.as_deref());
            column_of(map, &pos, level, opened, sec)
        }))
    };
    let mut opened = HashSet::new();
    let mut cols = columns_with(&opened);
    // Each round opens one more section: at most as many rounds as there are sections.
    for _ in 0..map.sections.len() {
        let Some(&(Some(big), largest)) = cols.first() else {
            break;
        };
        if spread(largest) {
            break;
        }
        let has_children = map
            .sections
            .iter()
            .any(|s| s.parent.as_deref() == map.sections.get(big).map(|b| b.id.as_str()));
        if !has_children {
            break;
        }
        let mut next = opened.clone();
        next.insert(big);
        let tried = columns_with(&next);
        let better = tried.first().is_some_and(|&(_, l)| l < largest);
        if tried.len() > MAX_COLUMNS || !better {
            break;
        }
        opened = next;
        cols = tried;
    }
    let largest = cols.first().map_or(0, |c| c.1);
    if !spread(largest) && map.phases.len() >= 2 {
        // Phases as columns, when they hold most of the cards and spread them better.
        let phase_of: HashMap<&str, usize> = map
            .phases
            .iter()
            .enumerate()
            .flat_map(|(p, ph)| ph.items.iter().map(move |id| (id.as_str(), p)))
            .collect();
        let keys: Vec<Option<usize>> = cards
            .iter()
            .map(|&i| {
                map.items
                    .get(i)
                    .and_then(|it| phase_of.get(it.id.as_str()).copied())
            })
            .collect();
        let in_phases = keys.iter().filter(|k| k.is_some()).count();
        let by_phase = counts(keys.into_iter());
        let p_largest = by_phase.first().map_or(0, |c| c.1);
        if in_phases * 2 > total && p_largest < largest {
            return Arrangement {
                group: GroupBy::Phase,
                level,
                opened,
                largest_share: share(p_largest, total),
                columns: by_phase.len(),
            };
        }
    }
    Arrangement {
        group: GroupBy::Section,
        level,
        opened,
        largest_share: share(largest, total),
        columns: cols.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn one_big_section_opens_a_level_deeper() {
        let mut md =
            String::from("# Plan\n\n## Overview\n\n- [ ] Read\n\n## Production Phases\n\n");
        for p in 1..=4 {
            md.push_str(&format!("### Stage {p}\n\n"));
            for k in 0..5 {
                md.push_str(&format!("- [ ] Task {p}.{k}\n"));
            }
            md.push('\n');
        }
        let a = fit(&parse(&md));
        assert_eq!(a.group, GroupBy::Section);
        assert_eq!(a.opened.len(), 1, "{a:?}");
        assert_eq!(a.columns, 5); // Overview + 4 stages
        assert_eq!(a.largest_share, 24); // 5 of 21
    }

    #[test]
    fn spread_documents_keep_their_top_sections() {
        let md =
            "# P\n\n## A\n\n- [ ] a\n- [ ] b\n\n### A1\n\n- [ ] c\n\n## B\n\n- [ ] d\n- [ ] e\n";
        let a = fit(&parse(md));
        assert_eq!(
            (a.group, a.opened.len(), a.columns),
            (GroupBy::Section, 0, 2)
        );
        assert_eq!(a.largest_share, 60);
    }

    #[test]
    fn too_many_sub_sections_stay_lanes() {
        let mut md = String::from("# P\n\n## Everything\n\n");
        for p in 0..20 {
            md.push_str(&format!("### Part {p}\n\n- [ ] t{p}\n\n"));
        }
        md.push_str("## Other\n\n- [ ] x\n");
        let a = fit(&parse(&md));
        assert_eq!((a.group, a.opened.len()), (GroupBy::Section, 0), "{a:?}");
    }

    #[test]
    fn only_the_crowded_section_opens() {
        let mut md = String::from("# P\n\n## Intro\n\n### Why\n\n- [ ] a\n\n### How\n\n- [ ] b\n\n## Plan\n\n- [ ] direct\n\n");
        for p in 0..5 {
            md.push_str(&format!(
                "### Step {p}\n\n- [ ] s{p}a\n- [ ] s{p}b\n- [ ] s{p}c\n\n"
            ));
        }
        let map = parse(&md);
        let a = fit(&map);
        // Intro (2) + Plan's own card (1) + 5 steps; Intro's sub-sections stay lanes.
        assert_eq!(a.columns, 7, "{a:?}");
        let pos = section_positions(&map);
        let why = map
            .sections
            .iter()
            .find(|s| s.title == "Why")
            .map(|s| s.id.as_str());
        let intro = map.sections.iter().position(|s| s.title == "Intro");
        assert_eq!(column_of(&map, &pos, a.level, &a.opened, why), intro);
    }

    #[test]
    fn empty_documents_have_a_plain_arrangement() {
        let a = fit(&parse("just text\n"));
        assert_eq!(a.group, GroupBy::Section);
        assert_eq!(a.largest_share, 0);
    }
}
