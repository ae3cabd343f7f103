//! The timeline's layout, step by step: the calendar anchor, the rows' plans in working days,
//! the horizontal scale, rows in pixels, dependency links, the critical path, arrow routes,
//! the axis ticks and the today line.

use super::arrows::{self, Link};
use super::critical::CriticalPath;
use super::plan::{self, Plan};
use super::ticks::ticks;
use super::whatif::what_if;
use super::{
    rows, Anchor, Options, Positions, Timeline, AXIS_HEIGHT, CHART_PAD, NOTE_GAP, OPEN_DAYS,
    RIGHT_PAD,
};
use crate::calendar::{Date, WorkCalendar};
use crate::model::Roadmap;

/// Lay out the timeline of `map` with the reader's `opts`.
pub fn layout(map: &Roadmap, opts: &Options) -> Timeline {
    let at = Positions::of(map);
    let anchor = anchor(map, opts);
    let whatif = (!opts.delays.is_empty()).then(|| what_if(map, &opts.delays));
    let plans = plan::plans(map, opts, &at, whatif.as_ref());
    let today = today_day(&anchor, opts);
    let scale = Scale::fit(&plans, opts, today);
    let mut rows = rows::place(&plans, &scale, &anchor);
    let height = rows.last().map_or(AXIS_HEIGHT, |r| r.y + r.height) + 12.0;
    let links: Vec<Link> = arrows::links(map, &rows, &at);
    arrows::name_prerequisites(&mut rows, &links);
    let critical = CriticalPath::of(&rows, &links);
    critical.mark(&mut rows);
    let occupied = arrows::occupied(&plans, &rows);
    let arrows = arrows::arrows(&rows, &occupied, &links, |l| critical.has_step(l), scale.x0);
    let width = scale.width(&occupied, opts);
    let ticks = ticks(&anchor, opts.zoom, scale.px, scale.span, scale.x0);
    let today_x = today
        .filter(|&d| d >= 0.0 && d <= scale.span)
        .map(|d| scale.x0 + d * scale.px);
    Timeline {
        critical_path: critical.ids(&rows),
        rows,
        ticks,
        arrows,
        width,
        height,
        label_width: scale.label_width,
        x0: scale.x0,
        px_per_day: scale.px,
        span: scale.span,
        today_x,
        whatif_summary: whatif
            .as_ref()
            .map(|w| w.sentences(map, anchor.calendar()))
            .unwrap_or_default(),
        whatif,
        anchor,
    }
}

/// Where day 0 is on the calendar: the document's own dates win over the reader's choice.
fn anchor(map: &Roadmap, opts: &Options) -> Anchor {
    let doc_start = map
        .phases
        .iter()
        .filter_map(|p| p.start_date.as_deref().and_then(Date::parse_iso))
        .min();
    match doc_start {
        Some(d) => Anchor::Document(WorkCalendar::new(d)),
        None => match opts.start_date.as_deref().and_then(Date::parse_iso) {
            Some(d) => Anchor::Chosen(WorkCalendar::new(d)),
            None => Anchor::Relative,
        },
    }
}

/// The horizontal scale: where the chart starts and how wide a working day is.
pub(super) struct Scale {
    /// Width of the label column.
    pub(super) label_width: f64,
    /// Horizontal position of day 0.
    pub(super) x0: f64,
    /// Pixels per working day.
    pub(super) px: f64,
    /// The last working day on the axis.
    pub(super) span: f64,
    /// Room kept right of the last bar for the widest note.
    note_room: f64,
}

/// The narrowest "fit" scale, in pixels per working day (a month is then ~20 px wide).
const FIT_MIN_PX: f64 = 1.0;

impl Scale {
    /// The scale for `plans` at the reader's zoom; "fit" fills the available width. The axis
    /// reaches on to `today` (a working day) when today falls a little after the plan's end,
    /// no further than the plan is long, so a plan just finished still shows where it stands.
    fn fit(plans: &[Plan], opts: &Options, today: Option<f64>) -> Self {
        // The axis: from 0 to the furthest end (open-ended phases get a faded stretch).
        let max_end = plans
            .iter()
            .map(|p| p.end.unwrap_or(p.start))
            .chain(plans.iter().filter_map(|p| p.ghost.and_then(|g| g.end)))
            .fold(0.0f64, f64::max);
        let has_open = plans.iter().any(|p| p.end.is_none());
        let span = (if has_open {
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
        let span = match today {
            Some(t) if t > span && t - span <= span.max(20.0) => t + 1.0,
            _ => span,
        };
        let label_width = opts.label_width.max(80.0);
        let x0 = label_width + CHART_PAD;
        // The widest note, so "fit" leaves room for it right of the last bar.
        let note_room = plans
            .iter()
            .map(Plan::note_width)
            .fold(0.0f64, f64::max)
            .min(220.0)
            + NOTE_GAP
            + arrows::OCCUPIED_PAD
            + RIGHT_PAD;
        let px = match opts.zoom.px_per_day() {
            Some(px) => px,
            // A year and more fits a desktop screen (the axis then counts quarters); only a
            // plan of several years, or a phone, scrolls.
            None => ((opts.width - x0 - note_room) / span).clamp(FIT_MIN_PX, 4000.0),
        };
        let px = if px.is_finite() { px } else { 40.0 };
        Scale {
            label_width,
            x0,
            px,
            span,
            note_room,
        }
    }

    /// Width of the SVG: the axis and every row's `occupied` span, or the available width
    /// when the chart is narrower.
    fn width(&self, occupied: &[(f64, f64)], opts: &Options) -> f64 {
        let axis_end = self.x0 + self.span * self.px;
        let right = occupied.iter().map(|o| o.1).fold(axis_end, f64::max);
        (right + RIGHT_PAD).max(opts.width.min(axis_end + self.note_room))
    }
}

/// Today as a working day of the axis, when the axis has dates.
fn today_day(anchor: &Anchor, opts: &Options) -> Option<f64> {
    let cal = anchor.calendar()?;
    let t = opts.today.as_deref().and_then(Date::parse_iso)?;
    Some(cal.day_of(t))
}
