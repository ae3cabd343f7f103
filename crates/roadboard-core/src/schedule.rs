//! Timeline geometry: rows, bars, range bands, ticks, the today line, dependency arrows and the
//! critical path, computed from the model so the Timeline view only draws.
//!
//! Everything is in SVG user units (pixels at 100 %). The time axis is in **working days**, the
//! model's unit: day 0 is the roadmap's start, weekends do not exist on the axis. With a
//! calendar anchor (a start date the reader picked, or the document's own dates) working day
//! `d` is the `d`-th weekday after the anchor, so the axis can show dates.
//!
//! Layout is linear in phases + items + ticks; an arrow costs the number of rows it spans.

use crate::calendar::month_name;
pub use crate::calendar::{Date, WorkCalendar};
use crate::model::{DependencyKind, Roadmap};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Height of the tick-label band above the rows.
pub const AXIS_HEIGHT: f64 = 40.0;
/// Height of a phase row.
pub const PHASE_ROW: f64 = 38.0;
/// Height of an item (sub-bar) row.
pub const ITEM_ROW: f64 = 26.0;
/// Height of a phase bar.
pub const PHASE_BAR: f64 = 18.0;
/// Height of an item bar.
pub const ITEM_BAR: f64 = 10.0;
/// Font size of bar notes and tick labels.
pub const NOTE_FONT: f64 = 12.0;
/// Font size of the label column.
pub const LABEL_FONT: f64 = 13.0;
/// Indent per nesting level in the label column.
pub const INDENT: f64 = 14.0;
/// Gap between the label column and day 0.
const CHART_PAD: f64 = 16.0;
/// Space kept right of the last note.
const RIGHT_PAD: f64 = 24.0;
/// How long an open-ended phase is drawn before it has faded out, in working days.
const OPEN_DAYS: f64 = 5.0;
/// An open-ended bar is at least this wide, in pixels, so the fade is visible.
const OPEN_MIN_PX: f64 = 72.0;
/// Left padding of the label column (room for the expand toggle).
const LABEL_PAD: f64 = 22.0;
/// Gap between a bar's end and its note.
const NOTE_GAP: f64 = 6.0;
/// Never draw more ticks than this (a guard against absurd spans).
const MAX_TICKS: usize = 4000;

/// How much time fits on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Zoom {
    /// The whole roadmap fits the available width.
    #[default]
    Fit,
    /// One working day is wide enough for a date label.
    Day,
    /// A week is about as wide as a label.
    Week,
    /// A month is about as wide as a label.
    Month,
}

impl Zoom {
    /// All zoom levels, in the order the toolbar shows them.
    pub const ALL: [Zoom; 4] = [Zoom::Fit, Zoom::Day, Zoom::Week, Zoom::Month];

    /// The button text.
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Fit => "Fit",
            Zoom::Day => "Day",
            Zoom::Week => "Week",
            Zoom::Month => "Month",
        }
    }

    /// Pixels per working day at this zoom (`None` for fit, which depends on the width).
    pub fn px_per_day(self) -> Option<f64> {
        match self {
            Zoom::Fit => None,
            Zoom::Day => Some(64.0),
            Zoom::Week => Some(16.0),
            Zoom::Month => Some(4.0),
        }
    }

    /// The smallest tick step this zoom shows, in working days.
    fn min_step(self) -> f64 {
        match self {
            Zoom::Fit => 0.125,
            Zoom::Day => 1.0,
            Zoom::Week => 5.0,
            Zoom::Month => 20.0,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text measure

/// Approximate width of `text` in pixels at `font` px in a system sans-serif: enough to keep
/// labels apart and truncate them; the SVG never depends on it being exact.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | ' ' => {
                0.3
            }
            'f' | 't' | 'r' | '-' | '/' => 0.4,
            'm' | 'w' | 'M' | 'W' | '@' => 0.85,
            'A'..='Z' | '0'..='9' | '~' | '·' | '–' | '—' => 0.62,
            c if c.is_ascii() => 0.6,
            '\u{fe0f}' | '\u{200d}' => 0.0,
            c if (c as u32) >= 0x2000 => 1.15,
            _ => 0.6,
        })
        .sum::<f64>()
        * font
}

/// `text` cut to fit `width` pixels at `font` px, with "…" when cut.
pub fn truncate(text: &str, width: f64, font: f64) -> String {
    if text_width(text, font) <= width {
        return text.to_string();
    }
    let budget = width - text_width("…", font);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), font);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Layout

/// What the reader chose, and what the layout needs from the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The zoom level.
    pub zoom: Zoom,
    /// Width available for the whole SVG, in pixels (used by [`Zoom::Fit`]).
    pub width: f64,
    /// Width of the label column on the left.
    pub label_width: f64,
    /// The reader's start date for a relative document (`YYYY-MM-DD`, ignored if invalid or if
    /// the document has its own dates).
    pub start_date: Option<String>,
    /// Today (`YYYY-MM-DD`), for the today line.
    pub today: Option<String>,
    /// Phases whose estimated items are shown as sub-bars.
    pub expanded: HashSet<String>,
}

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A phase of the roadmap.
    Phase,
    /// An item with an estimate, shown under its expanded phase.
    Item,
}

/// A rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// One row of the timeline: a phase or an item, its bar and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Phase or item id.
    pub id: String,
    /// Phase or item.
    pub kind: RowKind,
    /// The full title.
    pub title: String,
    /// The title as it fits the label column ("…" when cut).
    pub label: String,
    /// Nesting depth (0 = top-level phase).
    pub depth: usize,
    /// Top of the row.
    pub y: f64,
    /// Height of the row.
    pub height: f64,
    /// The bar: the certain part (start to the minimum end).
    pub bar: Rect,
    /// The range band: minimum end to maximum end, when the length is a range.
    pub band: Option<Rect>,
    /// The bar has no end and fades out.
    pub open_ended: bool,
    /// Where the note (duration as written, done/total) starts, at the bar's middle.
    pub note_x: f64,
    /// The time phrase as written ("Day 4-5", "~2 hours").
    pub duration_text: String,
    /// Start in working days.
    pub start: f64,
    /// End in working days (the maximum for ranges; `None` when open-ended).
    pub end: Option<f64>,
    /// Start for people: "Day 1" or a date.
    pub start_label: String,
    /// End for people: "Day 2", a date, or "open-ended".
    pub end_label: String,
    /// Indices into `Roadmap::items` whose ticks make this row's progress.
    pub items: Vec<usize>,
    /// A phase with estimated items that can be shown as sub-bars.
    pub expandable: bool,
    /// Its sub-bars are showing.
    pub expanded: bool,
    /// Titles of what this row depends on, for the table.
    pub depends_on: Vec<String>,
    /// The document gave no time; the phase got a nominal length.
    pub nominal: bool,
    /// On the critical path.
    pub critical: bool,
}

impl Row {
    /// Width of the progress fill for `done` of `total`.
    pub fn fill_width(&self, done: usize, total: usize) -> f64 {
        if total == 0 {
            0.0
        } else {
            self.bar.w * (done.min(total) as f64 / total as f64)
        }
    }

    /// The note beside the bar: "Day 4-5 · 3/5".
    pub fn note(&self, done: usize, total: usize) -> String {
        let count = if total > 0 {
            format!("{done}/{total}")
        } else {
            String::new()
        };
        match (self.duration_text.is_empty(), count.is_empty()) {
            (true, true) => String::new(),
            (true, false) => count,
            (false, true) => self.duration_text.clone(),
            (false, false) => format!("{} · {count}", self.duration_text),
        }
    }

    /// What a screen reader says for the bar.
    pub fn aria_label(&self, done: usize, total: usize) -> String {
        let what = match self.kind {
            RowKind::Phase => "Phase",
            RowKind::Item => "Item",
        };
        let when = match self.end {
            Some(_) => format!("from {} to {}", self.start_label, self.end_label),
            None => format!("from {}, open-ended", self.start_label),
        };
        let written = if self.duration_text.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.duration_text)
        };
        let progress = if total > 0 {
            format!(", {done} of {total} done")
        } else {
            String::new()
        };
        let deps = if self.depends_on.is_empty() {
            String::new()
        } else {
            format!(", depends on {}", self.depends_on.join(", "))
        };
        let crit = if self.critical {
            ", on the critical path"
        } else {
            ""
        };
        format!(
            "{what} {}: {when}{written}{progress}{deps}{crit}",
            self.title
        )
    }

    /// The vertical middle of the bar.
    pub fn mid_y(&self) -> f64 {
        self.bar.y + self.bar.h / 2.0
    }
}

/// A mark on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Horizontal position.
    pub x: f64,
    /// Its label ("Day 3", "Week 2", "Nov 24").
    pub label: String,
    /// A stronger line (a month or week boundary under finer ticks).
    pub major: bool,
}

/// A dependency arrow: a right-angled route from the prerequisite's bar to the dependent's.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// The prerequisite (row id).
    pub from: String,
    /// The dependent (row id).
    pub to: String,
    /// Written in the document or implied by phase order.
    pub kind: DependencyKind,
    /// The route's corner points; the last one is the arrow's tip, on the dependent's bar.
    pub points: Vec<(f64, f64)>,
    /// Both ends on the critical path, consecutively.
    pub critical: bool,
}

impl Arrow {
    /// The SVG path data of the route.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for (k, (x, y)) in self.points.iter().enumerate() {
            if k > 0 {
                d.push(' ');
            }
            d.push(if k == 0 { 'M' } else { 'L' });
            d.push_str(&format!("{} {}", num(*x), num(*y)));
        }
        d
    }
}

/// A number for SVG output: at most two decimals, no trailing zeros.
pub fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// Where day 0 is on the calendar, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// No calendar: the axis counts days and weeks from the start.
    Relative,
    /// The reader chose a start date for a relative document.
    Chosen(WorkCalendar),
    /// The document names dates or quarters; day 0 is the earliest.
    Document(WorkCalendar),
}

impl Anchor {
    /// The calendar, if any.
    pub fn calendar(&self) -> Option<WorkCalendar> {
        match self {
            Anchor::Relative => None,
            Anchor::Chosen(c) | Anchor::Document(c) => Some(*c),
        }
    }
}

/// The whole timeline, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Rows top to bottom.
    pub rows: Vec<Row>,
    /// Axis ticks left to right.
    pub ticks: Vec<Tick>,
    /// Dependency arrows.
    pub arrows: Vec<Arrow>,
    /// Phase ids on the critical path, first to last.
    pub critical_path: Vec<String>,
    /// Width of the SVG.
    pub width: f64,
    /// Height of the SVG.
    pub height: f64,
    /// Width of the label column.
    pub label_width: f64,
    /// Horizontal position of day 0.
    pub x0: f64,
    /// Pixels per working day.
    pub px_per_day: f64,
    /// The last working day on the axis.
    pub span: f64,
    /// The today line, when the axis has dates and today is on it.
    pub today_x: Option<f64>,
    /// The calendar anchor.
    pub anchor: Anchor,
}

impl Timeline {
    /// Horizontal position of working day `d`.
    pub fn x_of(&self, d: f64) -> f64 {
        self.x0 + d * self.px_per_day
    }
}

/// "Day 3" or a date, for the start of working day `d`.
fn day_label(anchor: &Anchor, d: f64) -> String {
    match anchor.calendar() {
        Some(c) => c.date_of(d).long(),
        None => {
            let whole = d.floor();
            let hours = ((d - whole) * 8.0).round();
            if hours >= 1.0 {
                format!("Day {} +{} h", whole as i64 + 1, hours as i64)
            } else {
                format!("Day {}", whole as i64 + 1)
            }
        }
    }
}

/// The end of a span ending at working day `e` (exclusive), for people: the last day it covers.
fn end_label(anchor: &Anchor, e: f64) -> String {
    let frac = e - e.floor();
    match anchor.calendar() {
        Some(c) => c
            .date_of(if frac > 1e-9 { e } else { (e - 1.0).max(0.0) })
            .long(),
        None => {
            if frac > 1e-9 {
                day_label(anchor, e)
            } else {
                format!("Day {}", (e as i64).max(1))
            }
        }
    }
}

/// A duration range written in a phase's duration text ("1-2 days", "3–5 hours"): `[min, max]`
/// in working days, read by the parser's own duration grammar. Only used to draw a band when it
/// agrees with the phase's placed length.
fn written_range(text: &str) -> Option<[f64; 2]> {
    let b = text.as_bytes();
    let mut prev = None;
    b.iter().enumerate().find_map(|(i, &c)| {
        let starts_number =
            c.is_ascii_digit() && !prev.is_some_and(|p: u8| p.is_ascii_digit() || p == b'.');
        prev = Some(c);
        if !starts_number {
            return None;
        }
        crate::parse::duration_at(text, i)
            .map(|(range, _)| range)
            .filter(|[lo, hi]| lo < hi)
    })
}

/// An item's title without its estimate phrase ("API Time: 1-2 days" → "API"): the estimate
/// is the row's note.
fn item_title(it: &crate::model::Item) -> String {
    let full = it.title.clone().unwrap_or_else(|| it.text.clone());
    let Some(est) = it.estimate_text.as_deref().filter(|e| !e.trim().is_empty()) else {
        return full;
    };
    let cut = full.replace(est.trim(), " ");
    let cut = cut
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(|c: char| {
            matches!(c, ':' | '-' | '–' | '—' | '(' | ',' | '⏱') || c.is_whitespace()
        })
        .to_string();
    if cut.is_empty() {
        full
    } else {
        cut
    }
}

/// One laid-out row before positions: time in working days.
struct Plan {
    id: String,
    kind: RowKind,
    title: String,
    depth: usize,
    start: f64,
    /// Certain end (the minimum) and maximum end.
    end_min: Option<f64>,
    end: Option<f64>,
    duration_text: String,
    items: Vec<usize>,
    expandable: bool,
    expanded: bool,
    nominal: bool,
}

/// Lay out the timeline of `map` with the reader's `opts`.
pub fn layout(map: &Roadmap, opts: &Options) -> Timeline {
    let item_pos: HashMap<&str, usize> = map.item_positions();
    let phase_pos: HashMap<&str, usize> = map.phase_positions();

    // Calendar anchor: the document's own dates win over the reader's choice.
    let doc_start = map
        .phases
        .iter()
        .filter_map(|p| p.start_date.as_deref().and_then(Date::parse_iso))
        .min();
    let anchor = match doc_start {
        Some(d) => Anchor::Document(WorkCalendar::new(d)),
        None => match opts.start_date.as_deref().and_then(Date::parse_iso) {
            Some(d) => Anchor::Chosen(WorkCalendar::new(d)),
            None => Anchor::Relative,
        },
    };

    // Estimated items per phase (their innermost phase; a child whose parent item has an
    // estimate is inside that estimate already).
    let mut estimated: Vec<Vec<usize>> = vec![Vec::new(); map.phases.len()];
    for (i, it) in map.items.iter().enumerate() {
        let Some(_) = it.estimate_days else { continue };
        let parent_estimated = it
            .parent
            .as_deref()
            .and_then(|p| item_pos.get(p))
            .and_then(|&p| map.items.get(p))
            .is_some_and(|p| p.estimate_days.is_some());
        if parent_estimated {
            continue;
        }
        if let Some(list) = it
            .phase
            .as_deref()
            .and_then(|p| phase_pos.get(p))
            .and_then(|&p| estimated.get_mut(p))
        {
            list.push(i);
        }
    }

    // Depth of each phase from its parent chain (parents come first in the model).
    let mut depth_of: Vec<usize> = vec![0; map.phases.len()];
    for (i, p) in map.phases.iter().enumerate() {
        let d = p
            .parent
            .as_deref()
            .and_then(|id| phase_pos.get(id))
            .filter(|&&pi| pi < i)
            .and_then(|&pi| depth_of.get(pi))
            .map_or(0, |d| d + 1);
        if let Some(slot) = depth_of.get_mut(i) {
            *slot = d;
        }
    }

    let mut plans: Vec<Plan> = Vec::with_capacity(map.phases.len());
    for (pi, p) in map.phases.iter().enumerate() {
        // Dated phases are already in working days of the document's calendar (the parser
        // counts them with the same [`WorkCalendar`] as `anchor`).
        let (mut start, end) = (p.start, p.end);
        if !start.is_finite() {
            start = 0.0;
        }
        let end = end.filter(|e| e.is_finite()).map(|e| e.max(start));
        let end_min = match (end, written_range(&p.duration_text)) {
            (Some(e), Some([lo, hi])) if ((e - start) - hi).abs() < 1e-3 => Some(start + lo),
            _ => end,
        };
        let items: Vec<usize> = p
            .items
            .iter()
            .filter_map(|id| item_pos.get(id.as_str()).copied())
            .collect();
        let est = estimated.get(pi).map_or(&[][..], |v| v.as_slice());
        let expanded = !est.is_empty() && opts.expanded.contains(&p.id);
        let depth = depth_of.get(pi).copied().unwrap_or(0);
        plans.push(Plan {
            id: p.id.clone(),
            kind: RowKind::Phase,
            title: p.title.clone(),
            depth,
            start,
            end_min,
            end,
            duration_text: p.duration_text.clone(),
            items,
            expandable: !est.is_empty(),
            expanded,
            nominal: p.nominal,
        });
        if expanded {
            // Items one after another from the phase's start, in document order.
            let mut cursor = start;
            for &i in est {
                let Some(it) = map.items.get(i) else { continue };
                let [lo, hi] = it.estimate_days.unwrap_or([0.0, 0.0]);
                let (lo, hi) = (lo.max(0.0), hi.max(lo.max(0.0)));
                plans.push(Plan {
                    id: it.id.clone(),
                    kind: RowKind::Item,
                    title: item_title(it),
                    depth: depth + 1,
                    start: cursor,
                    end_min: Some(cursor + lo),
                    end: Some(cursor + hi),
                    duration_text: it
                        .estimate_text
                        .clone()
                        .unwrap_or_else(|| crate::board::format_estimate([lo, hi])),
                    items: vec![i],
                    expandable: false,
                    expanded: false,
                    nominal: false,
                });
                cursor += lo;
            }
        }
    }

    // The axis: from 0 to the furthest end (open-ended phases get a faded stretch).
    let max_end = plans
        .iter()
        .map(|p| p.end.unwrap_or(p.start))
        .fold(0.0f64, f64::max);
    let has_open = plans.iter().any(|p| p.end.is_none());
    let span_days = (if has_open {
        max_end.max(
            plans
                .iter()
                .filter(|p| p.end.is_none())
                .map(|p| p.start + OPEN_DAYS)
                .fold(0.0, f64::max),
        )
    } else {
        max_end
    })
    .max(0.125);

    let label_width = opts.label_width.max(80.0);
    let x0 = label_width + CHART_PAD;
    // The widest note, so "fit" leaves room for it right of the last bar.
    let note_room = plans
        .iter()
        .map(note_width)
        .fold(0.0f64, f64::max)
        .min(220.0)
        + NOTE_GAP
        + RIGHT_PAD;
    let px = match opts.zoom.px_per_day() {
        Some(px) => px,
        // Never so squeezed that months cannot be told apart: then it scrolls.
        None => ((opts.width - x0 - note_room) / span_days).clamp(4.0, 4000.0),
    };
    let px = if px.is_finite() { px } else { 40.0 };

    // Rows.
    let mut rows: Vec<Row> = Vec::with_capacity(plans.len());
    let mut y = AXIS_HEIGHT;
    for p in &plans {
        let (height, bar_h) = match p.kind {
            RowKind::Phase => (PHASE_ROW, PHASE_BAR),
            RowKind::Item => (ITEM_ROW, ITEM_BAR),
        };
        let bx = x0 + p.start * px;
        let bar_y = y + (height - bar_h) / 2.0;
        let (bar_w, band, open) = match (p.end_min, p.end) {
            (Some(lo), Some(hi)) => {
                let w = ((lo - p.start) * px).max(2.0);
                let band = (hi - lo > 1e-9).then_some(Rect {
                    x: bx + w,
                    y: bar_y,
                    w: (hi - lo) * px,
                    h: bar_h,
                });
                (w, band, false)
            }
            _ => (((OPEN_DAYS * px).max(OPEN_MIN_PX)), None, true),
        };
        let bar = Rect {
            x: bx,
            y: bar_y,
            w: bar_w,
            h: bar_h,
        };
        let right = band.map_or(bar.right(), |b| b.right());
        let indent = LABEL_PAD + p.depth as f64 * INDENT;
        // Phase labels are bold: measure them a little wider.
        let font = if p.kind == RowKind::Phase {
            LABEL_FONT * 1.15
        } else {
            NOTE_FONT
        };
        rows.push(Row {
            id: p.id.clone(),
            kind: p.kind,
            title: p.title.clone(),
            label: truncate(&p.title, (label_width - indent - 8.0).max(24.0), font),
            depth: p.depth,
            y,
            height,
            bar,
            band,
            open_ended: open,
            note_x: right + NOTE_GAP,
            duration_text: p.duration_text.clone(),
            start: p.start,
            end: p.end,
            start_label: day_label(&anchor, p.start),
            end_label: p
                .end
                .map_or_else(|| "open-ended".to_string(), |e| end_label(&anchor, e)),
            items: p.items.clone(),
            expandable: p.expandable,
            expanded: p.expanded,
            depends_on: Vec::new(),
            nominal: p.nominal,
            critical: false,
        });
        y += height;
    }
    let height = y + 12.0;

    // Dependencies: an id names a row, a phase's section, or (for an item without a row) the
    // item's phase. Each pair of rows gets one arrow.
    let row_of: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let phase_row: Vec<Option<usize>> = map
        .phases
        .iter()
        .map(|p| row_of.get(p.id.as_str()).copied())
        .collect();
    let section_row: HashMap<&str, usize> = map
        .phases
        .iter()
        .zip(&phase_row)
        .filter_map(|(p, r)| Some((p.section.as_deref()?, (*r)?)))
        .collect();
    let resolve = |id: &str| -> Option<usize> {
        if let Some(&r) = row_of.get(id) {
            return Some(r);
        }
        if let Some(&r) = section_row.get(id) {
            return Some(r);
        }
        let it = map.items.get(*item_pos.get(id)?)?;
        let p = *phase_pos.get(it.phase.as_deref()?)?;
        phase_row.get(p).copied().flatten()
    };
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut edges: Vec<(usize, usize, DependencyKind)> = Vec::new();
    for dep in &map.dependencies {
        let (Some(b), Some(a)) = (resolve(&dep.from), resolve(&dep.to)) else {
            continue;
        };
        if a != b && seen.insert((a, b)) {
            edges.push((a, b, dep.kind));
        }
    }
    for &(a, b, _) in &edges {
        let title = rows.get(a).map(|r| r.title.clone());
        if let (Some(t), Some(rb)) = (title, rows.get_mut(b)) {
            rb.depends_on.push(t);
        }
    }

    // Critical path over phase rows.
    let weights: Vec<Option<f64>> = rows
        .iter()
        .map(|r| (r.kind == RowKind::Phase).then(|| r.end.map_or(0.0, |e| (e - r.start).max(0.0))))
        .collect();
    let phase_edges: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(a, b, _)| {
            weights.get(*a).is_some_and(|w| w.is_some())
                && weights.get(*b).is_some_and(|w| w.is_some())
        })
        .map(|&(a, b, _)| (a, b))
        .collect();
    let chain = longest_chain(
        &weights
            .iter()
            .map(|w| w.unwrap_or(f64::NEG_INFINITY))
            .collect::<Vec<_>>(),
        &phase_edges,
    );
    let chain_edges: HashSet<(usize, usize)> = chain.windows(2).map(|w| (w[0], w[1])).collect();
    for &r in &chain {
        if let Some(row) = rows.get_mut(r) {
            row.critical = true;
        }
    }
    let critical_path = chain
        .iter()
        .filter_map(|&r| rows.get(r).map(|x| x.id.clone()))
        .collect();

    // Occupied spans per row (bar, band and note), for routing arrows around them.
    let occupied: Vec<(f64, f64)> = plans
        .iter()
        .zip(&rows)
        .map(|(p, r)| (r.bar.x - 3.0, r.note_x + note_width(p) + 3.0))
        .collect();
    let arrows = edges
        .iter()
        .filter_map(|&(a, b, kind)| {
            let points = route(&rows, &occupied, a, b, x0)?;
            Some(Arrow {
                from: rows.get(a)?.id.clone(),
                to: rows.get(b)?.id.clone(),
                kind,
                points,
                critical: chain_edges.contains(&(a, b)),
            })
        })
        .collect();

    let right = occupied
        .iter()
        .map(|o| o.1)
        .fold(x0 + span_days * px, f64::max);
    let width = (right + RIGHT_PAD).max(opts.width.min(x0 + span_days * px + note_room));

    let ticks = ticks(&anchor, opts.zoom, px, span_days, x0);

    let today_x = match (
        anchor.calendar(),
        opts.today.as_deref().and_then(Date::parse_iso),
    ) {
        (Some(cal), Some(t)) => {
            let d = cal.day_of(t);
            (d >= 0.0 && d <= span_days).then_some(x0 + d * px)
        }
        _ => None,
    };

    Timeline {
        rows,
        ticks,
        arrows,
        critical_path,
        width,
        height,
        label_width,
        x0,
        px_per_day: px,
        span: span_days,
        today_x,
        anchor,
    }
}

/// Width of a plan's widest note (its total as the done count).
fn note_width(p: &Plan) -> f64 {
    let total = p.items.len();
    let count = if total > 0 {
        format!(" · {total}/{total}")
    } else {
        String::new()
    };
    text_width(&format!("{}{count}", p.duration_text), NOTE_FONT)
}

/// The longest chain through a graph by summed node weight (`-inf` = not a node). Nodes on
/// cycles are left out. Linear in nodes + edges. Returns the node indices first to last.
pub fn longest_chain(weights: &[f64], edges: &[(usize, usize)]) -> Vec<usize> {
    let n = weights.len();
    let node = |i: usize| weights.get(i).is_some_and(|w| w.is_finite());
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for &(a, b) in edges {
        if node(a) && node(b) && a != b {
            if let (Some(o), Some(d)) = (out.get_mut(a), indeg.get_mut(b)) {
                o.push(b);
                *d += 1;
            }
        }
    }
    let mut best: Vec<f64> = weights.to_vec();
    let mut prev: Vec<Option<usize>> = vec![None; n];
    let mut queue: Vec<usize> = (0..n)
        .filter(|&i| node(i) && indeg.get(i) == Some(&0))
        .collect();
    let mut head = 0;
    let mut done = vec![false; n];
    while let Some(&a) = queue.get(head) {
        head += 1;
        if let Some(d) = done.get_mut(a) {
            *d = true;
        }
        let here = best.get(a).copied().unwrap_or(0.0);
        for &b in out.get(a).map_or(&[][..], |v| v.as_slice()) {
            let w = weights.get(b).copied().unwrap_or(0.0);
            if let (Some(bb), Some(pb)) = (best.get_mut(b), prev.get_mut(b)) {
                if here + w > *bb + 1e-12 || pb.is_none() && here + w >= *bb {
                    *bb = here + w;
                    *pb = Some(a);
                }
            }
            if let Some(d) = indeg.get_mut(b) {
                *d -= 1;
                if *d == 0 {
                    queue.push(b);
                }
            }
        }
    }
    // The best end among nodes that were ordered (not on a cycle).
    let mut end: Option<usize> = None;
    for i in 0..n {
        if done.get(i) != Some(&true) {
            continue;
        }
        let better = match end {
            None => true,
            // Ties go to the later node: a chain runs on into open-ended or zero-length phases.
            Some(e) => best.get(i).copied().unwrap_or(0.0) >= best.get(e).copied().unwrap_or(0.0),
        };
        if better {
            end = Some(i);
        }
    }
    let mut chain = Vec::new();
    let mut cur = end;
    while let Some(c) = cur {
        chain.push(c);
        if chain.len() > n {
            break;
        }
        cur = prev.get(c).copied().flatten();
    }
    chain.reverse();
    chain
}

/// The route of the arrow from row `a`'s bar (prerequisite) to row `b`'s (dependent): out of
/// the near edge of `a`'s bar, along the gap between rows, into the near edge of `b`'s bar.
/// Vertical legs that would pass through other rows' bars or notes move to a free lane.
fn route(
    rows: &[Row],
    occupied: &[(f64, f64)],
    a: usize,
    b: usize,
    x0: f64,
) -> Option<Vec<(f64, f64)>> {
    let ra = rows.get(a)?;
    let rb = rows.get(b)?;
    let down = a < b;
    // Leave `a` near its end, enter `b` near its start.
    let a_right = ra.band.map_or(ra.bar.right(), |x| x.right());
    let xs = (a_right - 10.0).max(ra.bar.x + ra.bar.w.min(4.0) / 2.0);
    let b_right = rb.band.map_or(rb.bar.right(), |x| x.right());
    let xt = (rb.bar.x + 10.0).min((rb.bar.x + b_right) / 2.0);
    let (ya, yb, gap_b, gap_a) = if down {
        (ra.bar.bottom(), rb.bar.y, rb.y, ra.y + ra.height)
    } else {
        (ra.bar.y, rb.bar.bottom(), rb.y + rb.height, ra.y)
    };
    let between = if down { a + 1..b } else { b + 1..a };
    let free = |x: f64| {
        occupied
            .get(between.clone())
            .unwrap_or(&[])
            .iter()
            .all(|(l, r)| x < *l || x > *r)
    };
    if between.is_empty() || free(xs) {
        return Some(vec![(xs, ya), (xs, gap_b), (xt, gap_b), (xt, yb)]);
    }
    if free(xt) {
        return Some(vec![(xs, ya), (xs, gap_a), (xt, gap_a), (xt, yb)]);
    }
    let spans = occupied.get(between).unwrap_or(&[]);
    let left = spans.iter().map(|o| o.0).fold(f64::INFINITY, f64::min) - 6.0;
    let lane = if left >= x0 - 8.0 {
        left
    } else {
        spans.iter().map(|o| o.1).fold(f64::NEG_INFINITY, f64::max) + 6.0
    };
    Some(vec![
        (xs, ya),
        (xs, gap_a),
        (lane, gap_a),
        (lane, gap_b),
        (xt, gap_b),
        (xt, yb),
    ])
}

/// Candidate tick steps in working days: 1 h, 2 h, 4 h, day, week, 4 weeks, quarter, year.
const STEPS: [f64; 8] = [0.125, 0.25, 0.5, 1.0, 5.0, 20.0, 65.0, 260.0];

/// The axis ticks for the span `0..=span` at `px` pixels per working day.
pub fn ticks(anchor: &Anchor, zoom: Zoom, px: f64, span: f64, x0: f64) -> Vec<Tick> {
    let min_px = 60.0;
    // Hours only when the whole roadmap is a few days long.
    let min_step = if span > 3.0 {
        zoom.min_step().max(1.0)
    } else {
        zoom.min_step()
    };
    let step = STEPS
        .iter()
        .copied()
        .find(|&s| s >= min_step && s * px >= min_px)
        .unwrap_or(260.0);
    let mut out = Vec::new();
    match anchor.calendar() {
        None => {
            let count = ((span / step).floor() as usize).min(MAX_TICKS);
            for k in 0..=count {
                let d = k as f64 * step;
                let label = if step < 1.0 {
                    let hours = ((d - d.floor()) * 8.0).round() as i64;
                    if hours == 0 {
                        format!("Day {}", d.floor() as i64 + 1)
                    } else {
                        format!("+{hours} h")
                    }
                } else if step < 5.0 {
                    format!("Day {}", d as i64 + 1)
                } else if step < 20.0 {
                    format!("Week {}", (d / 5.0) as i64 + 1)
                } else if step < 65.0 {
                    format!("Month {}", (d / 20.0) as i64 + 1)
                } else if step < 260.0 {
                    format!("Quarter {}", (d / 65.0) as i64 + 1)
                } else {
                    format!("Year {}", (d / 260.0) as i64 + 1)
                };
                let major = step < 1.0 && (d - d.floor()).abs() < 1e-9
                    || (1.0..5.0).contains(&step) && (d / 5.0).fract().abs() < 1e-9;
                out.push(Tick {
                    x: x0 + d * px,
                    label,
                    major,
                });
            }
        }
        Some(cal) => {
            if step < 5.0 {
                // Hours or days: every `step` working days.
                let count = ((span / step).floor() as usize).min(MAX_TICKS);
                for k in 0..=count {
                    let d = k as f64 * step;
                    let date = cal.date_of(d);
                    let hours = ((d - d.floor()) * 8.0).round() as i64;
                    let label = if hours > 0 {
                        format!("+{hours} h")
                    } else {
                        date.short()
                    };
                    out.push(Tick {
                        x: x0 + d * px,
                        label,
                        major: hours == 0 && (step < 1.0 || date.weekday() == 0),
                    });
                }
            } else if step < 20.0 {
                // Weeks: Mondays, after the start.
                push_start(&mut out, cal, x0, false);
                let first = (5 - cal.start.weekday() as i64).rem_euclid(5) as f64;
                let mut d = first;
                let mut k = 0;
                while d <= span && k < MAX_TICKS {
                    let date = cal.date_of(d);
                    push_spaced(
                        &mut out,
                        min_px,
                        Tick {
                            x: x0 + d * px,
                            label: date.short(),
                            major: date.ymd().2 <= 7,
                        },
                    );
                    d += 5.0;
                    k += 1;
                }
            } else {
                // Months (or quarters, years): the first working day of each.
                let months = if step < 65.0 {
                    1
                } else if step < 260.0 {
                    3
                } else {
                    12
                };
                push_start(&mut out, cal, x0, true);
                let (mut y, mut m, _) = cal.start.ymd();
                // Align to the step (quarters start in Jan/Apr/Jul/Oct, years in Jan).
                m = ((m - 1) / months) * months + 1;
                let mut k = 0;
                while let Some(first) = Date::from_ymd(y, m, 1) {
                    let d = cal.day_of(first);
                    if d > span || k >= MAX_TICKS {
                        break;
                    }
                    if d > 0.0 {
                        let label = match months {
                            1 if m == 1 => format!("{} {y}", month_name(m)),
                            1 => month_name(m).to_string(),
                            3 => format!("Q{} {y}", (m - 1) / 3 + 1),
                            _ => format!("{y}"),
                        };
                        push_spaced(
                            &mut out,
                            min_px,
                            Tick {
                                x: x0 + d * px,
                                label,
                                major: m == 1,
                            },
                        );
                    }
                    m += months;
                    if m > 12 {
                        m -= 12;
                        y += 1;
                    }
                    k += 1;
                }
            }
        }
    }
    out
}

/// The first tick of a calendar axis: the start date ("Nov 27", or "Nov 2026" for months).
fn push_start(out: &mut Vec<Tick>, cal: WorkCalendar, x0: f64, month: bool) {
    let (y, m, _) = cal.start.ymd();
    out.push(Tick {
        x: x0,
        label: if month {
            format!("{} {y}", month_name(m))
        } else {
            cal.start.short()
        },
        major: true,
    });
}

/// Add a tick unless it would crowd the previous one (then the previous one gives way, except
/// the start).
fn push_spaced(out: &mut Vec<Tick>, min_px: f64, tick: Tick) {
    if let Some(last) = out.last() {
        if tick.x - last.x < min_px {
            if out.len() == 1 {
                return;
            }
            out.pop();
        }
    }
    out.push(tick);
}

// ---------------------------------------------------------------------------------------------
// Standalone SVG

/// Colours of a standalone SVG export (no CSS variables: the file must look right anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Background.
    pub bg: &'static str,
    /// Main text.
    pub text: &'static str,
    /// Secondary text, tick labels.
    pub muted: &'static str,
    /// Grid lines.
    pub grid: &'static str,
    /// Stronger grid lines (week or month starts) and the label column's edge.
    pub major_grid: &'static str,
    /// Every other row.
    pub stripe: &'static str,
    /// Bar background (the part not done).
    pub bar: &'static str,
    /// Bar fill for progress.
    pub fill: &'static str,
    /// Range bands.
    pub band: &'static str,
    /// Arrows.
    pub arrow: &'static str,
    /// Critical path.
    pub critical: &'static str,
    /// The today line.
    pub today: &'static str,
}

impl Palette {
    /// Light colours (matching the page's light theme).
    pub const LIGHT: Palette = Palette {
        bg: "#ffffff",
        text: "#1b1f2a",
        muted: "#5b6275",
        grid: "#e3e6ee",
        major_grid: "#c9cdd9",
        stripe: "#f4f5f9",
        bar: "#c9d2f5",
        fill: "#3553d1",
        band: "#e4e9fb",
        arrow: "#8a90a3",
        critical: "#d4452b",
        today: "#e0a100",
    };
    /// Dark colours (matching the page's dark theme).
    pub const DARK: Palette = Palette {
        bg: "#1b1e27",
        text: "#e7e9f0",
        muted: "#a3a9ba",
        grid: "#2c3140",
        major_grid: "#3d4356",
        stripe: "#1f2330",
        bar: "#3a4370",
        fill: "#8ea2ff",
        band: "#2a3150",
        arrow: "#7d8499",
        critical: "#ff7a5c",
        today: "#f5c04a",
    };
}

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// How marks get their colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Class names, coloured by the page's stylesheet (light/dark, critical on demand).
    Classes,
    /// Inline colours from a palette: a file that looks right anywhere.
    Inline(Palette),
}

/// A row's progress: (done, total).
pub type ProgressOf<'a> = &'a dyn Fn(&Row) -> (usize, usize);

/// ` class="…"` or inline paint attributes.
fn paint_attr(paint: &Paint, class: &str, inline: impl FnOnce(&Palette) -> String) -> String {
    match paint {
        Paint::Classes => format!(r#" class="{class}""#),
        Paint::Inline(p) => format!(" {}", inline(p)),
    }
}

fn write_defs(s: &mut String, paint: &Paint) {
    use std::fmt::Write;
    let (arrow, crit, bar, fill) = match paint {
        Paint::Classes => (
            r#"class="tl-head-dep""#.to_string(),
            r#"class="tl-head-crit""#.to_string(),
            [
                "class=\"tl-fade-a\"".to_string(),
                "class=\"tl-fade-b\"".to_string(),
            ],
            [
                "class=\"tl-fade-fill-a\"".to_string(),
                "class=\"tl-fade-fill-b\"".to_string(),
            ],
        ),
        Paint::Inline(p) => (
            format!(r#"fill="{}""#, p.arrow),
            format!(r#"fill="{}""#, p.critical),
            [
                format!(r#"stop-color="{}" stop-opacity="1""#, p.bar),
                format!(r#"stop-color="{}" stop-opacity="0""#, p.bar),
            ],
            [
                format!(r#"stop-color="{}" stop-opacity="1""#, p.fill),
                format!(r#"stop-color="{}" stop-opacity="0""#, p.fill),
            ],
        ),
    };
    // The file's own ids differ from the page's, so a printed copy beside the page's drawing
    // never borrows the page's (stylesheet-coloured) gradients.
    let pre = match paint {
        Paint::Classes => "tl",
        Paint::Inline(_) => "rbx",
    };
    let [bar_a, bar_b] = bar;
    let [fill_a, fill_b] = fill;
    let _ = write!(
        s,
        r#"<defs><marker id="{pre}-arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path {arrow} d="M0 0 L8 4 L0 8 z"/></marker><marker id="{pre}-arrowhead-crit" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path {crit} d="M0 0 L8 4 L0 8 z"/></marker><linearGradient id="{pre}-fade" x1="0" x2="1" y1="0" y2="0"><stop offset="0" {bar_a}/><stop offset="1" {bar_b}/></linearGradient><linearGradient id="{pre}-fade-fill" x1="0" x2="1" y1="0" y2="0"><stop offset="0" {fill_a}/><stop offset="1" {fill_b}/></linearGradient></defs>"#
    );
}

/// Row stripes across `x..x + w`.
fn write_stripes(s: &mut String, t: &Timeline, rows: &Range<usize>, x: f64, w: f64, paint: &Paint) {
    use std::fmt::Write;
    for (_, r) in t
        .rows
        .iter()
        .enumerate()
        .take(rows.end)
        .skip(rows.start)
        .filter(|(i, _)| i % 2 == 1)
    {
        let _ = write!(
            s,
            r#"<rect{} x="{}" y="{}" width="{}" height="{}"/>"#,
            paint_attr(paint, "tl-stripe", |p| format!(r#"fill="{}""#, p.stripe)),
            num(x),
            num(r.y),
            num(w),
            num(r.height)
        );
    }
}

/// The label column: a heading, each row's (cut) title, and expand toggles on the page.
fn write_labels(
    s: &mut String,
    t: &Timeline,
    rows: &Range<usize>,
    progress: ProgressOf<'_>,
    paint: &Paint,
) {
    use std::fmt::Write;
    let page = *paint == Paint::Classes;
    let _ = write!(
        s,
        r#"<rect{} x="0" y="0" width="{}" height="{}"/>"#,
        paint_attr(paint, "tl-label-bg", |p| format!(r#"fill="{}""#, p.bg)),
        num(t.label_width),
        num(t.height)
    );
    write_stripes(s, t, rows, 0.0, t.label_width, paint);
    let _ = write!(
        s,
        r#"<text{} x="{}" y="26" font-size="11" font-weight="700" letter-spacing="0.7">PHASE</text>"#,
        paint_attr(paint, "tl-head", |p| format!(r#"fill="{}""#, p.muted)),
        num(LABEL_PAD)
    );
    for r in t.rows.get(rows.clone()).unwrap_or(&[]) {
        let phase = r.kind == RowKind::Phase;
        let font = if phase { LABEL_FONT } else { NOTE_FONT };
        let x = LABEL_PAD + r.depth as f64 * INDENT;
        let (class, colour, weight) = match (phase, r.depth) {
            (true, 0) => ("tl-label", "text", "600"),
            (true, _) => ("tl-label nested", "text", "500"),
            (false, _) => ("tl-label item", "muted", "400"),
        };
        let open = match paint {
            Paint::Classes => format!(
                r#"<g class="{class}" data-row-id="{}" aria-hidden="true">"#,
                xml_escape(&r.id)
            ),
            Paint::Inline(_) => "<g>".to_string(),
        };
        let (done, total) = progress(r);
        // On the page the bar carries the full description; in a file the label does.
        let tip = if page {
            r.title.clone()
        } else {
            r.aria_label(done, total)
        };
        let text_paint = match paint {
            Paint::Classes => String::new(),
            Paint::Inline(p) => format!(
                r#" fill="{}""#,
                if colour == "text" { p.text } else { p.muted }
            ),
        };
        let _ = write!(
            s,
            r#"{open}<title>{}</title><text{text_paint} x="{}" y="{}" font-size="{}" font-weight="{weight}">{}</text></g>"#,
            xml_escape(&tip),
            num(x),
            num(r.mid_y() + font * 0.35),
            num(font),
            xml_escape(&r.label)
        );
        if page && r.expandable {
            let cy = r.mid_y();
            let tx = x - 16.0;
            let tri = if r.expanded {
                format!("M{} {} l8 0 l-4 6 z", num(tx + 1.0), num(cy - 3.0))
            } else {
                format!("M{} {} l6 4 l-6 4 z", num(tx + 2.0), num(cy - 4.0))
            };
            let _ = write!(
                s,
                r#"<g class="tl-toggle" role="button" tabindex="0" data-toggle="{id}" aria-expanded="{exp}" aria-label="Items of {title}"><rect x="{rx}" y="{ry}" width="16" height="16" rx="3"/><path d="{tri}"/></g>"#,
                id = xml_escape(&r.id),
                exp = r.expanded,
                title = xml_escape(&r.title),
                rx = num(tx - 3.0),
                ry = num(cy - 8.0),
            );
        }
    }
}

/// The chart: ticks, the today line, arrows, then each row's bar, band, progress and note.
fn write_chart(
    s: &mut String,
    t: &Timeline,
    rows: &Range<usize>,
    progress: ProgressOf<'_>,
    paint: &Paint,
    critical: bool,
) {
    use std::fmt::Write;
    let page = *paint == Paint::Classes;
    let chart_w = t.width - t.label_width;
    s.push_str(if page {
        r#"<g aria-hidden="true">"#
    } else {
        "<g>"
    });
    write_stripes(s, t, rows, t.label_width, chart_w, paint);
    for tk in &t.ticks {
        let _ = write!(
            s,
            r#"<g{}><line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}"{line}/><text x="{tx}" y="18" font-size="{f}"{text}>{l}</text></g>"#,
            if page {
                format!(
                    r#" class="tl-tick{}""#,
                    if tk.major { " major" } else { "" }
                )
            } else {
                String::new()
            },
            x = num(tk.x),
            y1 = num(AXIS_HEIGHT - 12.0),
            y2 = num(t.height - 8.0),
            line = match paint {
                Paint::Classes => String::new(),
                Paint::Inline(p) => format!(
                    r#" stroke="{}" stroke-width="1""#,
                    if tk.major { p.major_grid } else { p.grid }
                ),
            },
            tx = num(tk.x + 3.0),
            f = num(NOTE_FONT),
            text = match paint {
                Paint::Classes => String::new(),
                Paint::Inline(p) => format!(r#" fill="{}""#, p.muted),
            },
            l = xml_escape(&tk.label),
        );
    }
    if let Some(x) = t.today_x {
        let (line, text) = match paint {
            Paint::Classes => (r#" class="tl-today""#.to_string(), String::new()),
            Paint::Inline(p) => (
                String::new(),
                format!(r#" stroke="{c}" fill="{c}""#, c = p.today),
            ),
        };
        let _ = write!(
            s,
            r#"<g{line}{text}><line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke-width="2"/><text x="{tx}" y="34" font-size="11" font-weight="700" stroke="none">today</text></g>"#,
            x = num(x),
            y1 = num(AXIS_HEIGHT - 4.0),
            y2 = num(t.height - 8.0),
            tx = num(x + 3.0),
        );
    }
    s.push_str("</g>");
    s.push_str(if page {
        r#"<g class="tl-arrows" aria-hidden="true">"#
    } else {
        "<g>"
    });
    // Only arrows that pass through the rows drawn.
    let top = t.rows.get(rows.start).map_or(0.0, |r| r.y);
    let bottom = rows
        .end
        .checked_sub(1)
        .and_then(|i| t.rows.get(i))
        .map_or(0.0, |r| r.y + r.height);
    for a in t.arrows.iter().filter(|a| {
        let lo = a.points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let hi = a
            .points
            .iter()
            .map(|p| p.1)
            .fold(f64::NEG_INFINITY, f64::max);
        hi >= top && lo <= bottom
    }) {
        let explicit = a.kind == DependencyKind::Explicit;
        let attrs = match paint {
            Paint::Classes => format!(
                r#" class="tl-arrow{}{}""#,
                if explicit { " explicit" } else { "" },
                if a.critical { " critical" } else { "" }
            ),
            Paint::Inline(p) => {
                let crit = critical && a.critical;
                let (colour, width) = match (crit, explicit) {
                    (true, _) => (p.critical, "2.25"),
                    (false, true) => (p.muted, "1.75"),
                    (false, false) => (p.arrow, "1.25"),
                };
                format!(
                    r#" fill="none" stroke="{colour}" stroke-width="{width}" marker-end="url(#{})""#,
                    if crit {
                        "rbx-arrowhead-crit"
                    } else {
                        "rbx-arrowhead"
                    }
                )
            }
        };
        let _ = write!(
            s,
            r#"<path{attrs} d="{}" data-from="{}" data-to="{}"/>"#,
            a.path(),
            xml_escape(&a.from),
            xml_escape(&a.to)
        );
    }
    s.push_str("</g>");
    for r in t.rows.get(rows.clone()).unwrap_or(&[]) {
        let (done, total) = progress(r);
        let phase = r.kind == RowKind::Phase;
        let crit = critical && r.critical;
        match paint {
            Paint::Classes => {
                let _ = write!(
                    s,
                    r#"<g class="tl-bar-group{}{}{}" {}="{}" tabindex="0" role="button" aria-label="{}">"#,
                    if phase { "" } else { " item" },
                    if r.critical { " critical" } else { "" },
                    if r.open_ended { " open" } else { "" },
                    if phase {
                        "data-phase-id"
                    } else {
                        "data-item-id"
                    },
                    xml_escape(&r.id),
                    xml_escape(&r.aria_label(done, total))
                );
            }
            Paint::Inline(_) => {
                let _ = write!(
                    s,
                    r#"<g {}="{}">"#,
                    if phase {
                        "data-phase-id"
                    } else {
                        "data-item-id"
                    },
                    xml_escape(&r.id)
                );
            }
        }
        let _ = write!(s, "<title>{}</title>", xml_escape(&r.title));
        if let Some(b) = r.band {
            let _ = write!(
                s,
                r#"<rect{} x="{}" y="{}" width="{}" height="{}" rx="3"/>"#,
                paint_attr(paint, "tl-band", |p| format!(
                    r#"fill="{}" stroke="{}" stroke-dasharray="3 2""#,
                    p.band, p.bar
                )),
                num(b.x),
                num(b.y),
                num(b.w),
                num(b.h)
            );
        }
        let _ = write!(
            s,
            r#"<rect{} x="{}" y="{}" width="{}" height="{}" rx="3"/>"#,
            paint_attr(paint, "tl-bar", |p| {
                let fill = if r.open_ended {
                    "url(#rbx-fade)"
                } else {
                    p.bar
                };
                if crit && !r.open_ended {
                    format!(r#"fill="{fill}" stroke="{}" stroke-width="2""#, p.critical)
                } else {
                    format!(r#"fill="{fill}""#)
                }
            }),
            num(r.bar.x),
            num(r.bar.y),
            num(r.bar.w),
            num(r.bar.h)
        );
        let fill = r.fill_width(done, total);
        if fill > 0.0 || page {
            let _ = write!(
                s,
                r#"<rect{} x="{}" y="{}" width="{}" height="{}" rx="3"/>"#,
                paint_attr(paint, "tl-fill", |p| format!(
                    r#"fill="{}""#,
                    if r.open_ended {
                        "url(#rbx-fade-fill)"
                    } else {
                        p.fill
                    }
                )),
                num(r.bar.x),
                num(r.bar.y),
                num(fill),
                num(r.bar.h)
            );
        }
        if page {
            let _ = write!(
                s,
                r#"<rect class="tl-outline" x="{}" y="{}" width="{}" height="{}" rx="4"/>"#,
                num(r.bar.x - 2.0),
                num(r.bar.y - 2.0),
                num(r.bar.w + 4.0),
                num(r.bar.h + 4.0)
            );
        }
        let note = r.note(done, total);
        if !note.is_empty() {
            let _ = write!(
                s,
                r#"<text{} x="{}" y="{}" font-size="{}">{}</text>"#,
                paint_attr(paint, "tl-note", |p| format!(
                    r#"fill="{}"{}"#,
                    if crit { p.critical } else { p.muted },
                    if crit { r#" font-weight="600""# } else { "" }
                )),
                num(r.note_x),
                num(r.mid_y() + NOTE_FONT * 0.35),
                num(NOTE_FONT),
                xml_escape(&note)
            );
        }
        s.push_str("</g>");
    }
}

/// The rows that overlap `top..bottom` (SVG units), found by bisection: what the page draws
/// of a long timeline.
pub fn rows_between(t: &Timeline, top: f64, bottom: f64) -> Range<usize> {
    let first = t.rows.partition_point(|r| r.y + r.height < top);
    let end = t.rows.partition_point(|r| r.y <= bottom);
    first..end.max(first)
}

/// The page's drawing: two SVG elements side by side, the label column (kept in view while
/// the chart scrolls) and the chart, coloured by class names. Text is escaped here, so the
/// markup can be set as the container's HTML. Only `rows` (those near the screen) are drawn;
/// the SVGs keep their full height, so scrolling stays true.
pub fn page_svg(t: &Timeline, rows: Range<usize>, progress: ProgressOf<'_>) -> String {
    let rows = rows.start.min(t.rows.len())..rows.end.min(t.rows.len());
    use std::fmt::Write;
    let mut s = String::with_capacity(1024 + t.rows.len() * 900);
    let lw = num(t.label_width);
    let h = num(t.height);
    let _ = write!(
        s,
        r#"<svg class="tl-labels" xmlns="http://www.w3.org/2000/svg" width="{lw}" height="{h}" viewBox="0 0 {lw} {h}">"#
    );
    write_labels(&mut s, t, &rows, progress, &Paint::Classes);
    let chart_w = num((t.width - t.label_width).max(1.0));
    let _ = write!(
        s,
        r#"</svg><svg class="tl-chart" xmlns="http://www.w3.org/2000/svg" width="{chart_w}" height="{h}" viewBox="{lw} 0 {chart_w} {h}" role="group" aria-label="Timeline of phases">"#
    );
    write_defs(&mut s, &Paint::Classes);
    write_chart(&mut s, t, &rows, progress, &Paint::Classes, true);
    s.push_str("</svg>");
    s
}

/// The timeline as a standalone SVG document with inline colours (for download and print).
pub fn to_svg(
    t: &Timeline,
    title: &str,
    progress: ProgressOf<'_>,
    critical: bool,
    pal: &Palette,
) -> String {
    use std::fmt::Write;
    let paint = Paint::Inline(*pal);
    let mut s = String::with_capacity(1024 + t.rows.len() * 900);
    let _ = write!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"><title>{title}</title>"#,
        w = num(t.width),
        h = num(t.height),
        title = xml_escape(title),
    );
    write_defs(&mut s, &paint);
    let _ = write!(
        s,
        r#"<rect width="{}" height="{}" fill="{}"/>"#,
        num(t.width),
        num(t.height),
        pal.bg
    );
    let all = 0..t.rows.len();
    write_chart(&mut s, t, &all, progress, &paint, critical);
    write_labels(&mut s, t, &all, progress, &paint);
    let _ = write!(
        s,
        r#"<line x1="{x}" y1="0" x2="{x}" y2="{}" stroke="{}"/>"#,
        num(t.height),
        pal.major_grid,
        x = num(t.label_width),
    );
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_ranges() {
        assert_eq!(written_range("Time: 1-2 days"), Some([1.0, 2.0]));
        assert_eq!(written_range("2–4 weeks"), Some([10.0, 20.0]));
        assert_eq!(written_range("Week 1-2"), None);
        assert_eq!(written_range("Day 4-5"), None);
        // The parser's own units, in every language it reads (10 corpus phases say "semanas").
        assert_eq!(written_range("2-3 semanas"), Some([10.0, 15.0]));
    }

    #[test]
    fn truncation_keeps_short_text_and_cuts_long_text() {
        assert_eq!(truncate("Deploy", 200.0, 13.0), "Deploy");
        let cut = truncate(&"Production Configuration ".repeat(5), 120.0, 13.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 13.0) <= 120.0 + 0.01);
    }

    #[test]
    fn longest_chain_by_weight_ignores_cycles() {
        // 0(1) → 1(5) → 3(1); 0 → 2(1) → 3; 4 ↔ 5 cycle.
        let w = [1.0, 5.0, 1.0, 1.0, 9.0, 9.0];
        let e = [(0, 1), (1, 3), (0, 2), (2, 3), (4, 5), (5, 4)];
        assert_eq!(longest_chain(&w, &e), vec![0, 1, 3]);
        assert_eq!(longest_chain(&[], &[]), Vec::<usize>::new());
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(3.456), "3.46");
        assert_eq!(num(2.5), "2.5");
    }
}
