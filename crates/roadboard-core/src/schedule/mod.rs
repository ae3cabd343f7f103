//! Timeline geometry: rows, bars, range bands, ticks, the today line, dependency arrows and the
//! critical path, computed from the model so the Timeline view only draws; and the drawing
//! itself as SVG, for the page and as a file.
//!
//! Everything is in SVG user units (pixels at 100 %). The time axis is in **working days**, the
//! model's unit: day 0 is the roadmap's start, weekends do not exist on the axis. With a
//! calendar anchor (a start date the reader picked, or the document's own dates) working day
//! `d` is the `d`-th weekday after the anchor, so the axis can show dates.
//!
//! Before any of that, the **schedule step** ([`place`], on the model, and [`schedule`], the
//! pure core it runs) decides where undated phases go: what the document dates never moves,
//! everything else starts when its prerequisites end; [`implicit_order`] decides which
//! phases follow which when the document does not say.
//!
//! The **what-if** ([`what_if`]) runs the same schedule step again with the reader's delays
//! as its input; the layout draws its result, each moved bar over a ghost of where it was.
//!
//! [`layout`] runs the steps in order, each in its own module: `plan` (what each row stands
//! for, in working days), `rows` (rows in pixels, their labels), `arrows` (dependency links
//! between rows and their routes), `critical` (the critical path), `ticks` (the axis); `svg`
//! writes a [`Timeline`] for the page or as a file, each mark styled by the output's `style`
//! (CSS classes on the page, inline colours in a file), and `text` measures and escapes text.
//!
//! Layout is linear in phases + items + ticks; an arrow costs the number of rows it spans.

mod arrows;
mod critical;
mod layout;
mod order;
mod place;
mod plan;
mod rows;
mod style;
mod svg;
mod text;
mod ticks;
mod whatif;

pub use self::arrows::Arrow;
pub use self::layout::layout;
pub use self::order::{implicit_order, place};
pub use self::place::{schedule, Slot, Task, When};
pub use self::rows::{Row, RowKind};
pub use self::style::{Palette, FILE_ID_PREFIX};
pub use self::svg::{
    file_marks, page_svg, rows_between, to_svg, wrap_lines, wrapped_heights, ProgressOf,
};
pub use self::text::{num, text_width, truncate, xml_escape};
pub use self::ticks::{ticks, Tick};
pub use self::whatif::{days_words, what_if, Delays, Entry, WhatIf, MAX_DELAYS, MAX_DELAY_DAYS};
pub use crate::calendar::{Date, WorkCalendar};
use crate::model::Roadmap;
use std::collections::HashSet;

/// Nominal length of a phase with no time written, in working days.
pub const NOMINAL_DAYS: f64 = 5.0;
/// Nominal length of a nested phase with no time written, in working days.
pub const NOMINAL_NESTED_DAYS: f64 = 1.0;

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

    /// The word used in the address (`zoom=week`).
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Fit => "fit",
            Zoom::Day => "day",
            Zoom::Week => "week",
            Zoom::Month => "month",
        }
    }

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
    /// The reader's what-if: phases and items delayed (see [`what_if`]).
    pub delays: Delays,
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
    /// The what-if, when the reader delayed something: the plan with the delays, beside the
    /// plan as placed.
    pub whatif: Option<WhatIf>,
    /// The what-if in words (empty without one): the end's move or the slack, then dated
    /// phases that do not move.
    pub whatif_summary: Vec<String>,
}

impl Timeline {
    /// Horizontal position of working day `d`.
    pub fn x_of(&self, d: f64) -> f64 {
        self.x0 + d * self.px_per_day
    }
}

/// Where each item and phase is in the model, by id: the layout's lookups.
struct Positions<'m> {
    /// Item id → index in `Roadmap::items`.
    items: crate::parse::FastMap<&'m str, usize>,
    /// Phase id → index in `Roadmap::phases`.
    phases: crate::parse::FastMap<&'m str, usize>,
}

impl<'m> Positions<'m> {
    fn of(map: &'m Roadmap) -> Self {
        Positions {
            items: map
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.id.as_str(), i))
                .collect(),
            phases: map
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
        }
    }
}
