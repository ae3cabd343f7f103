//! Table headers: which column of a table is the Phase, Time, Status, Task, Priority, Effort
//! or ID column, and so what the table is — a timeline, a list of items, or just a table.
//!
//! A table is a list of items when it has a Status column, or a title-like column (Title,
//! Task, Item, Feature, Name, Issue, Story, …) together with a column that only work has
//! (Priority, Owner, Estimate, Target, Milestone, Due, …).
//!
//! Header cells are compared [normalised](crate::parse::ids::normalize): lowercase words,
//! markup and emoji dropped ("**Status** 🚦" is "status").

use crate::parse::ids::normalize;

/// Whole header cells that name the phase column of a timeline table.
const PHASE_HEADERS: [&str; 7] = [
    "phase",
    "stage",
    "milestone",
    "sprint",
    "fase",
    "etapa",
    "phases",
];

/// Words of a header cell that make it the time column of a timeline table ("Duration",
/// "Target date", "Weeks").
const TIME_WORDS: [&str; 15] = [
    "duration",
    "timeline",
    "time",
    "weeks",
    "days",
    "when",
    "dates",
    "date",
    "eta",
    "timeframe",
    "duración",
    "duracion",
    "tiempo",
    "week",
    "schedule",
];

/// Words of a header cell that make it a Status column: a table with one is a list of items.
const STATUS_WORDS: [&str; 3] = ["status", "state", "estado"];

/// Words of a header cell that make it the name column of a table of items.
const NAME_WORDS: [&str; 13] = [
    "task",
    "tasks",
    "item",
    "feature",
    "name",
    "deliverable",
    "description",
    "title",
    "work",
    "requirement",
    "component",
    "tarea",
    "goal",
];

/// Words of a header cell that make it a title-like column: with a column only work has
/// ([`WORK_WORDS`]), a table is a list of items even without a Status column.
const TITLE_WORDS: [&str; 22] = [
    "title",
    "task",
    "tasks",
    "item",
    "items",
    "feature",
    "features",
    "name",
    "issue",
    "issues",
    "story",
    "stories",
    "epic",
    "epics",
    "deliverable",
    "deliverables",
    "goal",
    "goals",
    "bug",
    "bugs",
    "requirement",
    "tarea",
];

/// Words of a header cell that only a table of work has: its Priority, Owner, Estimate,
/// Target, Milestone, Release, Due … column.
const WORK_WORDS: [&str; 17] = [
    "priority",
    "owner",
    "owners",
    "assignee",
    "assigned",
    "estimate",
    "estimated",
    "effort",
    "target",
    "milestone",
    "release",
    "due",
    "deadline",
    "eta",
    "severity",
    "points",
    "prioridad",
];

/// Whole header cells of a first column that makes a table a schedule (issue 15's
/// timelines and milestone tables), never a list of items.
const SCHEDULE_FIRST: [&str; 9] = [
    "version", "release", "week", "weeks", "date", "quarter", "month", "day", "sprint",
];

/// Words of a header cell that make it the Priority column.
const PRIORITY_WORDS: [&str; 1] = ["priority"];

/// Words of a header cell that make it the Effort (estimate) column.
const EFFORT_WORDS: [&str; 5] = ["effort", "estimate", "time", "duration", "eta"];

/// The whole header cell of an ID column.
const ID_HEADER: &str = "id";

/// What a table is, by its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableShape {
    /// `| Phase | Duration |`: every row adds or completes a phase.
    Timeline {
        /// Column of the phase name.
        phase: usize,
        /// Column of its time ("Week 1-2", "2 weeks", "Ongoing").
        time: usize,
    },
    /// `| Task | Status |`: every row is an item.
    Items(ItemColumns),
    /// Any other table: not read.
    Other,
}

/// The columns of a table of items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ItemColumns {
    /// The item's name: a Task/Item/Feature/Name/… column, else the first other column.
    pub(crate) name: usize,
    /// The Status column, if the table has one.
    pub(crate) status: Option<usize>,
    /// An ID column: the row's explicit id.
    pub(crate) id: Option<usize>,
    /// A Priority column.
    pub(crate) priority: Option<usize>,
    /// An Effort/Estimate/Time/Duration/ETA column.
    pub(crate) effort: Option<usize>,
}

/// Reads a table's header row. A Phase column with a different time column makes a
/// timeline table; else a Status column with a name column, or a title-like column with a
/// column only work has (Priority, Owner, Estimate, …), makes a table of items.
pub(crate) fn table_shape(header: &[String]) -> TableShape {
    let norm: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let find = |pred: &dyn Fn(&str) -> bool| norm.iter().position(|h| pred(h));
    let has_word = |h: &str, words: &[&str]| h.split(' ').any(|w| words.contains(&w));
    let phase_col = find(&|h| PHASE_HEADERS.contains(&h));
    let time_col = find(&|h| has_word(h, &TIME_WORDS));
    if let (Some(phase), Some(time)) = (phase_col, time_col) {
        if phase != time {
            return TableShape::Timeline { phase, time };
        }
    }
    let is_id = |h: &str| h == ID_HEADER || h.split(' ').any(|w| w == ID_HEADER);
    let status = find(&|h| has_word(h, &STATUS_WORDS));
    let name = match status {
        Some(status) => find(&|h| has_word(h, &["name", "title"]) && !is_id(h))
            .or_else(|| find(&|h| has_word(h, &NAME_WORDS) && !is_id(h)))
            .or_else(|| {
                (0..norm.len()).find(|&k| {
                    k != status && !matches!(norm.get(k).map(String::as_str), Some(ID_HEADER | ""))
                })
            })
            .filter(|&n| n != status),
        None => {
            let first = norm.first().map_or("", String::as_str);
            let schedule = PHASE_HEADERS.contains(&first) || SCHEDULE_FIRST.contains(&first);
            let work = find(&|h| has_word(h, &WORK_WORDS)).is_some();
            (work && !schedule)
                .then(|| {
                    find(&|h| has_word(h, &["name", "title"]) && !is_id(h))
                        .or_else(|| find(&|h| has_word(h, &TITLE_WORDS) && !is_id(h)))
                        .or_else(|| find(&|h| h == "description"))
                })
                .flatten()
                .filter(|&n| !has_word(norm.get(n).map_or("", String::as_str), &WORK_WORDS))
        }
    };
    let Some(name) = name else {
        return TableShape::Other;
    };
    TableShape::Items(ItemColumns {
        name,
        status,
        id: find(&|h| h == ID_HEADER),
        priority: find(&|h| has_word(h, &PRIORITY_WORDS)),
        effort: find(&|h| has_word(h, &EFFORT_WORDS)),
    })
}

// --- Phase dates and release tables (issue 15) ------------------------------------------

/// Whole header cells that name the version column of a release table.
const VERSION_HEADERS: [&str; 6] = [
    "version",
    "versions",
    "release",
    "releases",
    "versión",
    "release version",
];

/// Words of a header cell that make it a date column of a phase or release table
/// ("Completed", "Due", "Target", "Estimated Release Date").
const DATE_WORDS: [&str; 17] = [
    "date",
    "dates",
    "completed",
    "done",
    "due",
    "target",
    "start",
    "started",
    "end",
    "released",
    "estimated",
    "eta",
    "when",
    "finish",
    "finished",
    "deadline",
    "shipped",
];

/// A first cell that makes a row the sum of the rows above it ("Total", "**Overall**"), not
/// a phase of its own.
pub(crate) fn is_total_row(name: &str) -> bool {
    matches!(
        normalize(name).as_str(),
        "total" | "totals" | "sum" | "overall" | "grand total" | "all phases" | "total duration"
    )
}

/// Words of a header cell that make it the start column.
const START_WORDS: [&str; 3] = ["start", "started", "begin"];

/// Words of a header cell that make it the end column.
const END_WORDS: [&str; 3] = ["end", "finish", "finished"];

/// The date columns of a table of phases or releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateColumns {
    /// The phase's or version's name.
    pub(crate) name: usize,
    /// A Start column.
    pub(crate) start: Option<usize>,
    /// An End/Finish column.
    pub(crate) end: Option<usize>,
    /// Any other date column (Date, Completed, Due, Target, Released, Estimated, ETA, When).
    pub(crate) date: Option<usize>,
    /// A Status column.
    pub(crate) status: Option<usize>,
    /// The name column is a Version/Release column: the rows are releases.
    pub(crate) release: bool,
}

/// The date columns of a table whose name column is a Phase/Stage/Milestone/Sprint or a
/// Version/Release column and that has at least one date column; `None` for other tables.
pub(crate) fn date_columns(header: &[String]) -> Option<DateColumns> {
    let norm: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let find = |pred: &dyn Fn(&str) -> bool| norm.iter().position(|h| pred(h));
    let has_word = |h: &str, words: &[&str]| h.split(' ').any(|w| words.contains(&w));
    let phase = find(&|h| PHASE_HEADERS.contains(&h));
    let version = find(&|h| VERSION_HEADERS.contains(&h));
    let (name, release) = match (phase, version) {
        (Some(p), _) => (p, false),
        (None, Some(v)) => (v, true),
        (None, None) => return None,
    };
    let dated =
        |k: usize, words: &[&str]| k != name && norm.get(k).is_some_and(|h| has_word(h, words));
    let start = (0..norm.len()).find(|&k| dated(k, &START_WORDS));
    let end = (0..norm.len()).find(|&k| dated(k, &END_WORDS));
    let date =
        (0..norm.len()).find(|&k| dated(k, &DATE_WORDS) && Some(k) != start && Some(k) != end);
    if start.is_none() && end.is_none() && date.is_none() {
        return None;
    }
    Some(DateColumns {
        name,
        start,
        end,
        date,
        status: find(&|h| has_word(h, &STATUS_WORDS)),
        release,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(cells: &[&str]) -> TableShape {
        let header: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        table_shape(&header)
    }

    #[test]
    fn total_rows_are_sums_not_phases() {
        assert!(is_total_row("**Total**"));
        assert!(is_total_row("Grand Total"));
        assert!(!is_total_row("Phase 1: Totals dashboard"));
        let map = crate::parse(
            "# Plan\n\n| Phase | Duration |\n|---|---|\n| Phase 1 | 2 weeks |\n\
             | Phase 2 | 1 week |\n| **Total** | **3 weeks** |\n",
        );
        let titles: Vec<&str> = map.phases.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Phase 1", "Phase 2"]);
        let dated = crate::parse(
            "# Plan\n\n| Phase | Completed |\n|---|---|\n| Phase 1 | 2026-01-20 |\n\
             | Total | 2026-01-20 |\n",
        );
        assert_eq!(dated.phases.len(), 1, "{:?}", dated.phases);
    }

    #[test]
    fn timeline_tables() {
        assert_eq!(
            shape(&["Phase", "Duration", "Key Deliverables"]),
            TableShape::Timeline { phase: 0, time: 1 }
        );
        assert_eq!(
            shape(&["Sprint", "Target date", "Status"]),
            TableShape::Timeline { phase: 0, time: 1 }
        );
        // "Phase details" is not a phase column; a Status column still makes items
        assert!(matches!(
            shape(&["Phase details", "Time", "Status"]),
            TableShape::Items(_)
        ));
    }

    #[test]
    fn item_tables() {
        assert_eq!(shape(&["**Status** 🚦"]), TableShape::Other);
        assert_eq!(
            shape(&["ID", "Feature", "Status", "Priority", "Effort"]),
            TableShape::Items(ItemColumns {
                name: 1,
                status: Some(2),
                id: Some(0),
                priority: Some(3),
                effort: Some(4),
            })
        );
        // no name word: the first column that is neither the status nor an id
        assert_eq!(
            shape(&["ID", "", "What", "State"]),
            TableShape::Items(ItemColumns {
                name: 2,
                status: Some(3),
                id: Some(0),
                priority: None,
                effort: None,
            })
        );
        assert_eq!(shape(&["Metric", "Value"]), TableShape::Other);
    }

    #[test]
    fn title_and_work_columns_make_items_without_a_status() {
        assert_eq!(
            shape(&["Feature", "Description", "Effort"]),
            TableShape::Items(ItemColumns {
                name: 0,
                status: None,
                id: None,
                priority: None,
                effort: Some(2),
            })
        );
        assert!(matches!(
            shape(&["Title", "Priority", "Owner"]),
            TableShape::Items(ItemColumns {
                name: 0,
                status: None,
                priority: Some(1),
                ..
            })
        ));
        // a name column beats an id column that says "task"
        assert!(matches!(
            shape(&["Sprint", "Task ID", "Task Name", "Priority", "Status"]),
            TableShape::Items(ItemColumns {
                name: 2,
                status: Some(4),
                ..
            })
        ));
        // no column only work has: just a table
        assert_eq!(
            shape(&["VEP Flag", "Description", "Upstream change needed"]),
            TableShape::Other
        );
        assert_eq!(shape(&["Issue", "Tracker", "Impact"]), TableShape::Other);
        // schedules are issue 15's: versions with dates
        assert_eq!(shape(&["Version", "Target", "Features"]), TableShape::Other);
    }

    #[test]
    fn date_tables() {
        let cols = |cells: &[&str]| {
            let header: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            date_columns(&header)
        };
        assert_eq!(
            cols(&["Phase", "Plans Complete", "Status", "Completed"]),
            Some(DateColumns {
                name: 0,
                start: None,
                end: None,
                date: Some(3),
                status: Some(2),
                release: false,
            })
        );
        assert_eq!(
            cols(&["Version", "Estimated Release Date"]).map(|c| (c.release, c.date)),
            Some((true, Some(1)))
        );
        assert_eq!(
            cols(&["Sprint", "Start", "End"]).map(|c| (c.start, c.end, c.date)),
            Some((Some(1), Some(2), None))
        );
        assert_eq!(cols(&["Phase", "Duration"]), None);
        assert_eq!(cols(&["Task", "Due"]), None);
    }
}
