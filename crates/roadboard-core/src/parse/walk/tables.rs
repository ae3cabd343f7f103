//! Tables: a timeline table (`| Phase | Duration |`) adds phase rows, a table with a Status
//! column, or with a title-like column and a Priority/Owner/Estimate/… column, makes one item
//! per row; what each column is, the grammar says
//! ([`table_shape`](crate::parse::grammar::table_shape)).

use super::{RawItem, TablePhase, Walker};
use crate::model::{ItemKind, Status};
use crate::parse::grammar;

/// A table being read: its header, its rows so far, the row being read.
pub(super) struct TableCtx {
    /// The header row's cells.
    pub(super) header: Vec<String>,
    /// (line, cells) of each body row.
    pub(super) rows: Vec<(usize, Vec<String>)>,
    /// Cells of the row being read.
    pub(super) row: Vec<String>,
    /// Line of the row being read.
    pub(super) row_line: usize,
    /// Inside the header row.
    pub(super) in_head: bool,
}

impl<'a> Walker<'a> {
    /// A table ended: its rows become phases, items, or nothing, as its header says.
    pub(super) fn table_done(&mut self, t: TableCtx) {
        let group = self.out.phase_groups;
        self.out.phase_groups += 1;
        let first_row = self.out.table_phases.len();
        let shape = grammar::table_shape(&t.header);
        if let grammar::TableShape::Timeline { phase, time } = shape {
            for (line, row) in &t.rows {
                let name = row.get(phase).cloned().unwrap_or_default();
                if name.is_empty() || grammar::is_total_row(&name) {
                    continue;
                }
                self.out.table_phases.push(TablePhase {
                    name,
                    time: row.get(time).cloned().unwrap_or_default(),
                    line: *line,
                    dates: None,
                    dates_end: false,
                    status: None,
                    milestone: false,
                    group,
                });
            }
        }
        self.phase_dates(&t, first_row, group);
        let cols = match shape {
            grammar::TableShape::Items(cols) => cols,
            grammar::TableShape::Timeline { .. } | grammar::TableShape::Other => return,
        };
        let grammar::ItemColumns {
            name: name_col,
            status: status_col,
            id: id_col,
            priority: prio_col,
            effort: effort_col,
        } = cols;
        for (line, row) in t.rows {
            let name = row.get(name_col).cloned().unwrap_or_default();
            if name.is_empty() {
                continue;
            }
            // no Status column: the section's status, else to do
            let status = match status_col {
                Some(c) => grammar::cell_status(row.get(c).map_or("", String::as_str)),
                None => self.section_status().unwrap_or(Status::Todo),
            };
            let priority = prio_col
                .and_then(|c| row.get(c))
                .and_then(|c| grammar::heading_priority(c))
                .or_else(|| grammar::item_priority(&name))
                .or(self.section_priority());
            let estimate = effort_col
                .and_then(|c| row.get(c))
                .and_then(|c| grammar::duration_at(c, 0).map(|(d, _)| (d, c.clone())));
            let explicit_id = id_col
                .and_then(|c| row.get(c))
                .filter(|v| {
                    !v.is_empty()
                        && v.chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
                })
                .cloned();
            self.out.items.push(RawItem {
                kind: ItemKind::TableRow,
                markdown: name.clone(),
                line,
                section: self.current_section(),
                status,
                priority,
                estimate,
                explicit_id,
                text: name,
                ..RawItem::default()
            });
        }
    }
}

impl<'a> Walker<'a> {
    /// Phase and release tables with date columns (`| Phase | … | Completed |`,
    /// `| Version | Release date |`): each row's dates and status, given to the rows a
    /// timeline table already added (from `first_row` on), else added as phases or milestones.
    fn phase_dates(&mut self, t: &TableCtx, first_row: usize, group: usize) {
        let Some(cols) = grammar::date_columns(&t.header) else {
            return;
        };
        let year = self
            .current_section()
            .and_then(|s| self.out.sections.get(s))
            .and_then(|s| s.year);
        let cell = |row: &[String], c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .and_then(|v| grammar::calendar_span(v, year))
        };
        // "Completed", "Due", "Target date": a single date in that column is when it ends
        let date_is_end = cols
            .date
            .and_then(|c| t.header.get(c))
            .is_some_and(|h| grammar::says_end(h));
        let dated: Vec<_> = t
            .rows
            .iter()
            .filter(|(_, row)| {
                row.get(cols.name)
                    .is_some_and(|n| !n.is_empty() && !grammar::is_total_row(n))
            })
            .map(|(line, row)| {
                let start = cell(row, cols.start);
                let end = cell(row, cols.end);
                let (dates, ends) = match (start, end) {
                    (Some(a), Some(b)) if a.0 <= b.1 => (Some((a.0, b.1)), false),
                    (Some(a), _) => (Some(a), false),
                    (None, Some(b)) => (Some(b), true),
                    (None, None) => (cell(row, cols.date), date_is_end),
                };
                let status = cols
                    .status
                    .and_then(|c| row.get(c))
                    .map(|c| grammar::cell_status(c));
                (
                    *line,
                    row.get(cols.name).cloned().unwrap_or_default(),
                    dates,
                    status,
                    ends,
                )
            })
            .collect();
        // a table of phases with no date in any row is no dated table
        if dated.iter().all(|d| d.2.is_none()) {
            return;
        }
        let existing = self.out.table_phases.len() - first_row;
        if existing > 0 {
            for (row, (_, _, dates, status, ends)) in
                self.out.table_phases.iter_mut().skip(first_row).zip(dated)
            {
                row.dates = dates;
                row.dates_end = ends;
                row.status = status;
                row.milestone = cols.release;
            }
            return;
        }
        for (line, name, dates, status, dates_end) in dated {
            self.out.table_phases.push(TablePhase {
                name,
                time: String::new(),
                line,
                dates,
                dates_end,
                status,
                milestone: cols.release,
                group,
            });
        }
    }
}
