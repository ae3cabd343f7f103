//! The board's default arrangement: the grouping and the heading level that fit the document.
//!
//! Grouped by the top sections, a document whose work sits under one `## Phases` heading shows
//! most of its cards in one column while the rest of the screen stays empty. The rule instead:
//!
//! 1. Columns are sections at the shallowest heading level (below a single H1) — unless one
//!    column would hold more than half of the cards (of a board of at least
//!    [`MIN_CARDS_TO_SPREAD`] cards); then the next level down is tried, and the
//!    first level where no column holds more than half (with at most [`MAX_COLUMNS`] columns)
//!    makes the columns. Deeper headings stay lanes inside their column. Cards above the level
//!    (directly under a shallower heading) keep that heading as their column.
//! 2. When no heading level spreads the work that way but the document's phases hold most of
//!    the cards, the board opens grouped by phase.
//! 3. Otherwise the level where the largest column is smallest is kept.
//!
//! The reader's choice in the link (`group=`) always wins over the default grouping.

use crate::board::GroupBy;
use crate::model::Roadmap;
use std::collections::HashMap;

/// Most columns a default arrangement opens with (more does not read as a board).
pub const MAX_COLUMNS: usize = 12;

/// Fewer cards than this fit on a screen whatever the columns: the top sections stay.
pub const MIN_CARDS_TO_SPREAD: usize = 12;

/// The default grouping and the heading level of section columns of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrangement {
    /// The grouping the board opens with when the link names none.
    pub group: GroupBy,
    /// The heading level whose sections are columns when grouping by section.
    pub level: u8,
    /// The largest column's share of the cards in that grouping, in percent (0 without cards).
    pub largest_share: u32,
    /// How many columns that grouping shows.
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

/// The section column (index in `map.sections`) of section `sec` at heading `level`: its
/// ancestor at that level, or itself when it is shallower.
pub fn section_at(
    map: &Roadmap,
    pos: &HashMap<&str, usize>,
    sec: Option<&str>,
    level: u8,
) -> Option<usize> {
    let mut cur = sec.and_then(|id| pos.get(id)).copied()?;
    // Parents come earlier and the walk is bounded: it ends.
    for _ in 0..map.sections.len() {
        let s = map.sections.get(cur)?;
        if s.level <= level {
            return Some(cur);
        }
        match s.parent.as_deref().and_then(|p| pos.get(p)) {
            Some(&p) => cur = p,
            None => return Some(cur),
        }
    }
    Some(cur)
}

/// Cards: the items that are not sub-items of another item.
fn cards(map: &Roadmap) -> Vec<usize> {
    let ids: std::collections::HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    map.items
        .iter()
        .enumerate()
        .filter(|(_, it)| !it.parent.as_deref().is_some_and(|p| ids.contains(p)))
        .map(|(i, _)| i)
        .collect()
}

/// (largest column's card count, column count) of a grouping given each card's column key.
fn spread<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> (usize, usize) {
    let mut n: HashMap<K, usize> = HashMap::new();
    for k in keys {
        *n.entry(k).or_default() += 1;
    }
    (n.values().copied().max().unwrap_or(0), n.len())
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
    let pos: HashMap<&str, usize> = map
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let base = base_level(map);
    let deepest = map.sections.iter().map(|s| s.level).max().unwrap_or(base);
    let at = |level: u8| {
        spread(cards.iter().map(|&i| {
            let sec = map.items.get(i).and_then(|it| it.section.as_deref());
            section_at(map, &pos, sec, level)
        }))
    };
    let half = |largest: usize| largest * 2 <= total || total < MIN_CARDS_TO_SPREAD;
    let (base_largest, base_cols) = at(base);
    let mut best = (base, base_largest, base_cols);
    if !half(base_largest) {
        for level in base.saturating_add(1)..=deepest {
            let (largest, cols) = at(level);
            if cols > MAX_COLUMNS {
                break; // deeper levels only add columns
            }
            if largest < best.1 {
                best = (level, largest, cols);
            }
            if half(largest) {
                break;
            }
        }
    }
    let (level, largest, cols) = best;
    if !half(largest) && map.phases.len() >= 2 {
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
        let (p_largest, p_cols) = spread(keys.into_iter());
        if in_phases * 2 > total && p_largest < largest {
            return Arrangement {
                group: GroupBy::Phase,
                level,
                largest_share: share(p_largest, total),
                columns: p_cols,
            };
        }
    }
    Arrangement {
        group: GroupBy::Section,
        level,
        largest_share: share(largest, total),
        columns: cols,
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
        assert_eq!(a.level, 3, "{a:?}");
        assert_eq!(a.columns, 5); // Overview + 4 stages
        assert_eq!(a.largest_share, 24); // 5 of 21
    }

    #[test]
    fn spread_documents_keep_their_top_sections() {
        let md =
            "# P\n\n## A\n\n- [ ] a\n- [ ] b\n\n### A1\n\n- [ ] c\n\n## B\n\n- [ ] d\n- [ ] e\n";
        let a = fit(&parse(md));
        assert_eq!((a.group, a.level, a.columns), (GroupBy::Section, 2, 2));
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
        assert_eq!((a.group, a.level), (GroupBy::Section, 2), "{a:?}");
    }

    #[test]
    fn empty_documents_have_a_plain_arrangement() {
        let a = fit(&parse("just text\n"));
        assert_eq!(a.group, GroupBy::Section);
        assert_eq!(a.largest_share, 0);
    }
}
