//! Board layout: which cards go in which column for a grouping and a filter. Pure, so the
//! grouping and filtering rules are tested natively and the view only draws the result.

use crate::model::{Item, Priority, Roadmap, Status};
use std::collections::HashMap;

/// How cards are grouped into columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// By the document's top sections (default).
    #[default]
    Section,
    /// To do / In progress / Blocked / Done (and Out of scope, when there is any).
    Status,
    /// Critical / High / Medium / Low / No priority.
    Priority,
    /// By phase.
    Phase,
}

impl GroupBy {
    /// All groupings, in menu order.
    pub const ALL: [GroupBy; 4] = [
        GroupBy::Section,
        GroupBy::Status,
        GroupBy::Priority,
        GroupBy::Phase,
    ];

    /// The word used in the address and in the menu value.
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::Section => "section",
            GroupBy::Status => "status",
            GroupBy::Priority => "priority",
            GroupBy::Phase => "phase",
        }
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Section => "Section",
            GroupBy::Status => "Status",
            GroupBy::Priority => "Priority",
            GroupBy::Phase => "Phase",
        }
    }

    /// Parse [`GroupBy::key`].
    pub fn from_key(s: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.key() == s)
    }
}

/// Status keys and labels, in column order; out of scope last, apart from the work.
pub const STATUSES: [(Status, &str, &str); 5] = [
    (Status::Todo, "todo", "To do"),
    (Status::InProgress, "in_progress", "In progress"),
    (Status::Blocked, "blocked", "Blocked"),
    (Status::Done, "done", "Done"),
    (Status::OutOfScope, "out_of_scope", "Out of scope"),
];

/// Priority keys and labels, in column order.
pub const PRIORITIES: [(Priority, &str, &str); 4] = [
    (Priority::Critical, "critical", "Critical"),
    (Priority::High, "high", "High"),
    (Priority::Medium, "medium", "Medium"),
    (Priority::Low, "low", "Low"),
];

/// The key of a status ("in_progress").
pub fn status_key(s: Status) -> &'static str {
    STATUSES.iter().find(|t| t.0 == s).map_or("todo", |t| t.1)
}

/// The label of a status ("In progress").
pub fn status_label(s: Status) -> &'static str {
    STATUSES.iter().find(|t| t.0 == s).map_or("To do", |t| t.2)
}

/// The key of a priority ("high").
pub fn priority_key(p: Priority) -> &'static str {
    PRIORITIES.iter().find(|t| t.0 == p).map_or("low", |t| t.1)
}

/// The label of a priority ("High").
pub fn priority_label(p: Priority) -> &'static str {
    PRIORITIES.iter().find(|t| t.0 == p).map_or("Low", |t| t.2)
}

/// Parse a status key.
pub fn status_from_key(s: &str) -> Option<Status> {
    STATUSES.iter().find(|t| t.1 == s).map(|t| t.0)
}

/// Parse a priority key.
pub fn priority_from_key(s: &str) -> Option<Priority> {
    PRIORITIES.iter().find(|t| t.1 == s).map(|t| t.0)
}

/// An item's status once the reader's tick is taken into account: a tick makes it done,
/// an untick of an item the document calls done makes it to do.
pub fn effective_status(item: &Item, ticked: bool) -> Status {
    match (ticked, item.status) {
        (true, _) => Status::Done,
        (false, Status::Done) => Status::Todo,
        (false, s) => s,
    }
}

/// What the reader asked to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Case-insensitive text search over item text (and sub-items).
    pub query: String,
    /// Only these statuses (empty: all).
    pub statuses: Vec<Status>,
    /// Only these priorities (empty: all).
    pub priorities: Vec<Priority>,
    /// Hide items that are done.
    pub hide_done: bool,
    /// Only open items whose prerequisites are all done ("Ready now").
    pub ready: bool,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.statuses.is_empty()
            && self.priorities.is_empty()
            && !self.hide_done
            && !self.ready
    }
}

/// A run of cards under one sub-heading inside a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The sub-section title, when the cards sit deeper than the column's section.
    pub title: Option<String>,
    /// Indices into `Roadmap::items` of the (top-level) cards.
    pub cards: Vec<usize>,
}

/// One board column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Stable key (section id, status key, …).
    pub key: String,
    /// Header text.
    pub title: String,
    /// Cards grouped by sub-heading, in document order.
    pub lanes: Vec<Lane>,
    /// Items shown in this column that count (sub-items included, out of scope not).
    pub total: usize,
    /// Of those, done.
    pub done: usize,
}

/// Precomputed lookups for laying out a board quickly (5,000 items in well under a frame).
#[derive(Debug, Clone)]
pub struct BoardIndex {
    /// Section id → index in `Roadmap::sections`.
    section_pos: HashMap<String, usize>,
    /// Item id → index in `Roadmap::items`.
    pub item_pos: HashMap<String, usize>,
    /// For every item, the indices of its children.
    pub children: Vec<Vec<usize>>,
    /// For every item, its lower-cased searchable text (made on the first search: opening a
    /// board does not need it).
    haystack: std::sync::OnceLock<Vec<String>>,
    /// For every item, the innermost phase (index in `Roadmap::phases`) it belongs to.
    item_phase: Vec<Option<usize>>,
    /// For every item, whether it counts in progress (it is not out of scope).
    counts: Vec<bool>,
    /// The grouping the board opens with when the link names none.
    pub arrangement: crate::arrange::Arrangement,
    /// For every section, the section whose column its cards go in when grouping by section.
    section_column: Vec<Option<usize>>,
}

impl BoardIndex {
    /// Build the lookups for a roadmap.
    pub fn new(map: &Roadmap) -> Self {
        let section_pos: HashMap<String, usize> = map
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let item_pos: HashMap<String, usize> = map
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.clone(), i))
            .collect();
        let mut children = vec![Vec::new(); map.items.len()];
        for (i, it) in map.items.iter().enumerate() {
            if let Some(p) = it.parent.as_ref().and_then(|p| item_pos.get(p)) {
                if let Some(c) = children.get_mut(*p) {
                    c.push(i);
                }
            }
        }
        // Columns are the sections at the level where the work spreads (see [`crate::arrange`]).
        let arrangement = crate::arrange::fit(map);
        let section_column = {
            let pos = crate::arrange::section_positions(map);
            map.sections
                .iter()
                .map(|s| {
                    crate::arrange::column_of(
                        map,
                        &pos,
                        arrangement.level,
                        &arrangement.opened,
                        Some(&s.id),
                    )
                })
                .collect()
        };
        // Phases list their items, nested phases after their parents: the last one wins.
        let mut item_phase = vec![None; map.items.len()];
        for (p, phase) in map.phases.iter().enumerate() {
            for id in &phase.items {
                if let Some(slot) = item_pos.get(id).and_then(|i| item_phase.get_mut(*i)) {
                    *slot = Some(p);
                }
            }
        }
        BoardIndex {
            section_pos,
            item_pos,
            children,
            haystack: std::sync::OnceLock::new(),
            item_phase,
            counts: map.items.iter().map(|i| i.status.counts()).collect(),
            arrangement,
            section_column,
        }
    }

    /// The column section of a section when grouping by section (see [`crate::arrange`]).
    fn column_section<'m>(
        &self,
        map: &'m Roadmap,
        section: Option<&str>,
    ) -> Option<&'m crate::model::Section> {
        let at = self.section_pos.get(section?)?;
        let col = self.section_column.get(*at).copied().flatten()?;
        map.sections.get(col)
    }

    fn matches_query(&self, map: &Roadmap, idx: usize, q: &str) -> bool {
        if q.is_empty() {
            return true;
        }
        let haystack = self.haystack.get_or_init(|| {
            map.items
                .iter()
                .map(|it| {
                    let mut h = it.text.to_lowercase();
                    if let Some(t) = &it.title {
                        h.push(' ');
                        h.push_str(&t.to_lowercase());
                    }
                    h
                })
                .collect()
        });
        // The card or any descendant (iteratively, depth-bounded by item count).
        let mut stack = vec![idx];
        let mut seen = 0usize;
        while let Some(i) = stack.pop() {
            seen += 1;
            if seen > haystack.len() {
                break;
            }
            if haystack.get(i).is_some_and(|h| h.contains(q)) {
                return true;
            }
            if let Some(c) = self.children.get(i) {
                stack.extend(c.iter().copied());
            }
        }
        false
    }

    /// Count an item and its descendants: (done, total). Items out of scope do not count,
    /// unless the reader ticked one.
    pub fn count(&self, idx: usize, ticked: &dyn Fn(usize) -> bool) -> (usize, usize) {
        let mut stack = vec![idx];
        let (mut done, mut total, mut seen) = (0, 0, 0);
        while let Some(i) = stack.pop() {
            seen += 1;
            let is_ticked = ticked(i);
            if is_ticked || self.counts.get(i).copied().unwrap_or(true) {
                total += 1;
                if is_ticked {
                    done += 1;
                }
            }
            if seen > self.children.len() {
                break;
            }
            if let Some(c) = self.children.get(i) {
                stack.extend(c.iter().copied());
            }
        }
        (done, total)
    }
}

/// Lay out the board: columns of top-level cards that pass the filter.
/// `ticked(i)` tells whether item `i` is done for this reader; `ready(i)` whether it can be
/// worked on now (used by the "Ready now" filter).
pub fn columns(
    map: &Roadmap,
    index: &BoardIndex,
    group: GroupBy,
    filter: &Filter,
    ticked: &dyn Fn(usize) -> bool,
    ready: &dyn Fn(usize) -> bool,
) -> Vec<Column> {
    let query = filter.query.trim().to_lowercase();
    let mut cols: Vec<Column> = Vec::new();
    let mut col_pos: HashMap<String, usize> = HashMap::new();
    // Fixed columns first for status and priority, so the board keeps its shape.
    match group {
        GroupBy::Status => {
            for (_, key, label) in STATUSES {
                col_pos.insert(key.to_string(), cols.len());
                cols.push(empty_column(key, label));
            }
        }
        GroupBy::Priority => {
            for (_, key, label) in PRIORITIES {
                col_pos.insert(key.to_string(), cols.len());
                cols.push(empty_column(key, label));
            }
            col_pos.insert("none".into(), cols.len());
            cols.push(empty_column("none", "No priority"));
        }
        GroupBy::Phase => {
            for p in &map.phases {
                col_pos.insert(p.id.clone(), cols.len());
                cols.push(empty_column(&p.id, &p.title));
            }
        }
        GroupBy::Section => {}
    }
    for (i, item) in map.items.iter().enumerate() {
        if item
            .parent
            .as_ref()
            .is_some_and(|p| index.item_pos.contains_key(p))
        {
            continue; // sub-items ride on their card
        }
        let done = ticked(i);
        let status = effective_status(item, done);
        if filter.hide_done && status == Status::Done {
            continue;
        }
        if filter.ready && !ready(i) {
            continue;
        }
        if !filter.statuses.is_empty() && !filter.statuses.contains(&status) {
            continue;
        }
        if !filter.priorities.is_empty()
            && !item
                .priority
                .is_some_and(|p| filter.priorities.contains(&p))
        {
            continue;
        }
        if !index.matches_query(map, i, &query) {
            continue;
        }
        let col_section = index.column_section(map, item.section.as_deref());
        let (key, title) = match group {
            GroupBy::Section => match col_section {
                Some(s) => (s.id.clone(), s.title.clone()),
                None => ("none".to_string(), "General".to_string()),
            },
            GroupBy::Status => (status_key(status).to_string(), String::new()),
            GroupBy::Priority => (
                item.priority.map_or("none", priority_key).to_string(),
                String::new(),
            ),
            GroupBy::Phase => match index
                .item_phase
                .get(i)
                .copied()
                .flatten()
                .and_then(|p| map.phases.get(p))
            {
                Some(p) => (p.id.clone(), String::new()),
                None => ("none".to_string(), "No phase".to_string()),
            },
        };
        let pos = *col_pos.entry(key.clone()).or_insert_with(|| {
            cols.push(empty_column(&key, &title));
            cols.len() - 1
        });
        // Lane title: the item's own section when it sits below the column's section.
        let lane_title = item
            .section
            .as_ref()
            .and_then(|id| index.section_pos.get(id))
            .and_then(|i| map.sections.get(*i))
            .filter(|s| group != GroupBy::Section || col_section.is_none_or(|c| c.id != s.id))
            .map(|s| s.title.clone());
        let (d, t) = index.count(i, ticked);
        if let Some(col) = cols.get_mut(pos) {
            col.done += d;
            col.total += t;
            match col.lanes.last_mut() {
                Some(l) if l.title == lane_title => l.cards.push(i),
                _ => col.lanes.push(Lane {
                    title: lane_title,
                    cards: vec![i],
                }),
            }
        }
    }
    if group == GroupBy::Phase {
        // Drop empty phase columns only when a filter is active; otherwise show the plan.
        if !filter.is_empty() {
            cols.retain(|c| c.total > 0);
        }
    }
    if group == GroupBy::Status {
        // "Out of scope" is a column only for a document that has such items.
        cols.retain(|c| c.key != status_key(Status::OutOfScope) || !c.lanes.is_empty());
    }
    cols
}

/// A short estimate for a badge: "15 min", "2 h", "1–2 d", "3 wk".
pub fn format_estimate(days: [f64; 2]) -> String {
    fn one(d: f64) -> (f64, &'static str) {
        if d < 1.0 / 8.0 {
            (d * 8.0 * 60.0, "min")
        } else if d < 1.0 {
            (d * 8.0, "h")
        } else if d >= 10.0 && (d % 5.0).abs() < f64::EPSILON {
            (d / 5.0, "wk")
        } else {
            (d, "d")
        }
    }
    fn num(v: f64) -> String {
        if (v - v.round()).abs() < 0.05 {
            format!("{}", v.round() as i64)
        } else {
            format!("{v:.1}")
        }
    }
    let [lo, hi] = days;
    let (a, ua) = one(lo);
    let (b, ub) = one(hi);
    if (hi - lo).abs() < 1e-9 {
        format!("{} {ua}", num(a))
    } else if ua == ub {
        format!("{}–{} {ua}", num(a), num(b))
    } else {
        format!("{} {ua}–{} {ub}", num(a), num(b))
    }
}

fn empty_column(key: &str, title: &str) -> Column {
    Column {
        key: key.to_string(),
        title: title.to_string(),
        lanes: Vec::new(),
        total: 0,
        done: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Plan\n\n## Now\n\n### Backend\n- [ ] API P0\n  - [x] schema\n- [x] auth\n\n### Frontend\n- [ ] pages\n\n## Later\n- [ ] scale P2\n";

    fn layout(group: GroupBy, filter: &Filter) -> (Roadmap, Vec<Column>) {
        let map = crate::parse(DOC);
        let index = BoardIndex::new(&map);
        let ticks: Vec<bool> = map.items.iter().map(|i| i.status == Status::Done).collect();
        let ticked = |i: usize| ticks.get(i).copied().unwrap_or(false);
        let ready = |i: usize| !ticked(i) && i != 0;
        let cols = columns(&map, &index, group, filter, &ticked, &ready);
        (map, cols)
    }

    fn card_texts(map: &Roadmap, col: &Column) -> Vec<String> {
        col.lanes
            .iter()
            .flat_map(|l| l.cards.iter())
            .map(|i| map.items[*i].text.clone())
            .collect()
    }

    #[test]
    fn sections_make_columns_and_subsections_make_lanes() {
        let (map, cols) = layout(GroupBy::Section, &Filter::default());
        let titles: Vec<_> = cols.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Now", "Later"]);
        let lanes: Vec<_> = cols[0].lanes.iter().map(|l| l.title.clone()).collect();
        assert_eq!(
            lanes,
            [Some("Backend".to_string()), Some("Frontend".to_string())]
        );
        assert_eq!(
            card_texts(&map, &cols[0]).len(),
            3,
            "sub-items ride on their card"
        );
        assert_eq!((cols[0].done, cols[0].total), (2, 4));
    }

    /// Issue 14, rule 3: out of scope is shown apart (its own status column, only when there
    /// is any) and never counted in a column's done/total.
    #[test]
    fn out_of_scope_items_are_apart_and_never_counted() {
        let map = crate::parse(
            "# Plan\n\n## Work\n- [ ] api\n\n## Non-goals\n- mobile app\n- [ ] desktop\n",
        );
        let index = BoardIndex::new(&map);
        let ticked = |_: usize| false;
        let ready = |_: usize| true;
        let f = Filter::default();
        let by_status = columns(&map, &index, GroupBy::Status, &f, &ticked, &ready);
        let keys: Vec<_> = by_status.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            ["todo", "in_progress", "blocked", "done", "out_of_scope"]
        );
        let apart = by_status.last().map(|c| (c.lanes.len(), c.total));
        assert_eq!(apart, Some((1, 0)), "two cards, none counted");
        let by_section = columns(&map, &index, GroupBy::Section, &f, &ticked, &ready);
        let totals: Vec<_> = by_section
            .iter()
            .map(|c| (c.title.as_str(), c.total))
            .collect();
        assert_eq!(totals, [("Work", 1), ("Non-goals", 0)]);
        assert_eq!(map.progress.total, 1);
        // a document without such items has no "Out of scope" column
        let (_, cols) = layout(GroupBy::Status, &Filter::default());
        assert!(cols.iter().all(|c| c.key != "out_of_scope"));
    }

    #[test]
    fn status_columns_are_fixed_and_follow_ticks() {
        let (_, cols) = layout(GroupBy::Status, &Filter::default());
        let keys: Vec<_> = cols.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["todo", "in_progress", "blocked", "done"]);
        assert_eq!(
            cols[3].lanes.iter().map(|l| l.cards.len()).sum::<usize>(),
            1
        );
    }

    #[test]
    fn filters_narrow_the_board() {
        let f = Filter {
            query: "SCHEMA".into(),
            ..Filter::default()
        };
        let (map, cols) = layout(GroupBy::Section, &f);
        let all: Vec<_> = cols.iter().flat_map(|c| card_texts(&map, c)).collect();
        assert_eq!(all.len(), 1, "a sub-item match shows its card: {all:?}");
        let f = Filter {
            hide_done: true,
            ..Filter::default()
        };
        let (map, cols) = layout(GroupBy::Section, &f);
        let all: Vec<_> = cols.iter().flat_map(|c| card_texts(&map, c)).collect();
        assert!(!all.iter().any(|t| t.contains("auth")));
        assert_eq!(all.len(), 3);
        let f = Filter {
            ready: true,
            ..Filter::default()
        };
        let (map, cols) = layout(GroupBy::Section, &f);
        let all: Vec<_> = cols.iter().flat_map(|c| card_texts(&map, c)).collect();
        assert!(
            !all.iter().any(|t| t.starts_with("API")),
            "item 0 is not ready: {all:?}"
        );
        assert!(
            !all.iter().any(|t| t.contains("auth")),
            "done items are not ready"
        );
    }

    #[test]
    fn estimates_read_naturally() {
        assert_eq!(format_estimate([15.0 / 60.0 / 8.0; 2]), "15 min");
        assert_eq!(format_estimate([0.25, 0.25]), "2 h");
        assert_eq!(format_estimate([1.0, 2.0]), "1–2 d");
        assert_eq!(format_estimate([0.5, 2.0]), "4 h–2 d");
        assert_eq!(format_estimate([10.0, 10.0]), "2 wk");
    }

    #[test]
    fn group_keys_round_trip() {
        for g in GroupBy::ALL {
            assert_eq!(GroupBy::from_key(g.key()), Some(g));
        }
        for (s, k, _) in STATUSES {
            assert_eq!(status_from_key(k), Some(s));
        }
        for (p, k, _) in PRIORITIES {
            assert_eq!(priority_from_key(k), Some(p));
        }
    }
}
