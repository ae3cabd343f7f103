//! The time axis: which step its ticks take at a zoom, and their labels — days, weeks, months
//! counted from the start, or dates when the axis has a calendar.

use super::{Anchor, Zoom};
use crate::calendar::{month_name, Date, WorkCalendar};

/// Never draw more ticks than this (a guard against absurd spans).
const MAX_TICKS: usize = 4000;
/// Candidate tick steps in working days: 1 h, 2 h, 4 h, day, week, 4 weeks, quarter, year.
const STEPS: [f64; 8] = [0.125, 0.25, 0.5, 1.0, 5.0, 20.0, 65.0, 260.0];
/// Ticks are at least this far apart, in pixels.
const MIN_PX: f64 = 60.0;

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

/// The axis ticks for the span `0..=span` at `px` pixels per working day.
pub fn ticks(anchor: &Anchor, zoom: Zoom, px: f64, span: f64, x0: f64) -> Vec<Tick> {
    let step = step(zoom, px, span);
    let axis = Axis { px, span, x0 };
    match anchor.calendar() {
        None => axis.counted(step),
        // Hours or days: every `step` working days.
        Some(cal) if step < 5.0 => axis.days(cal, step),
        Some(cal) if step < 20.0 => axis.weeks(cal),
        // Months (or quarters, years): the first working day of each.
        Some(cal) => axis.months(
            cal,
            if step < 65.0 {
                1
            } else if step < 260.0 {
                3
            } else {
                12
            },
        ),
    }
}

/// The tick step in working days: the finest of [`STEPS`] the zoom allows that leaves
/// [`MIN_PX`] between ticks.
fn step(zoom: Zoom, px: f64, span: f64) -> f64 {
    // Hours only when the whole roadmap is a few days long.
    let min_step = if span > 3.0 {
        zoom.min_step().max(1.0)
    } else {
        zoom.min_step()
    };
    STEPS
        .iter()
        .copied()
        .find(|&s| s >= min_step && s * px >= MIN_PX)
        .unwrap_or(260.0)
}

/// The axis being ticked: `0..=span` working days from `x0` at `px` pixels per day.
struct Axis {
    px: f64,
    span: f64,
    x0: f64,
}

impl Axis {
    /// Horizontal position of working day `d`.
    fn x(&self, d: f64) -> f64 {
        self.x0 + d * self.px
    }

    /// Working days `0, step, 2·step, …` up to the span.
    fn steps(&self, step: f64) -> impl Iterator<Item = f64> {
        let count = ((self.span / step).floor() as usize).min(MAX_TICKS);
        (0..=count).map(move |k| k as f64 * step)
    }

    /// No calendar: "Day 3", "Week 2", … "Year 1", counted from the start.
    fn counted(&self, step: f64) -> Vec<Tick> {
        self.steps(step)
            .map(|d| {
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
                Tick {
                    x: self.x(d),
                    label,
                    major,
                }
            })
            .collect()
    }

    /// Hours or days on a calendar: every `step` working days, dated.
    fn days(&self, cal: WorkCalendar, step: f64) -> Vec<Tick> {
        self.steps(step)
            .map(|d| {
                let date = cal.date_of(d);
                let hours = ((d - d.floor()) * 8.0).round() as i64;
                let label = if hours > 0 {
                    format!("+{hours} h")
                } else {
                    date.short()
                };
                Tick {
                    x: self.x(d),
                    label,
                    major: hours == 0 && (step < 1.0 || date.weekday() == 0),
                }
            })
            .collect()
    }

    /// Weeks on a calendar: the start, then Mondays.
    fn weeks(&self, cal: WorkCalendar) -> Vec<Tick> {
        let mut out = vec![self.start(cal, false)];
        let first = (5 - cal.start.weekday() as i64).rem_euclid(5) as f64;
        let mut d = first;
        let mut k = 0;
        while d <= self.span && k < MAX_TICKS {
            let date = cal.date_of(d);
            push_spaced(
                &mut out,
                Tick {
                    x: self.x(d),
                    label: date.short(),
                    major: date.ymd().2 <= 7,
                },
            );
            d += 5.0;
            k += 1;
        }
        out
    }

    /// Months, quarters (`months` = 3) or years (12) on a calendar: the start, then the first
    /// working day of each.
    fn months(&self, cal: WorkCalendar, months: u32) -> Vec<Tick> {
        let mut out = vec![self.start(cal, true)];
        let (mut y, mut m, _) = cal.start.ymd();
        // Align to the step (quarters start in Jan/Apr/Jul/Oct, years in Jan).
        m = ((m - 1) / months) * months + 1;
        let mut k = 0;
        while let Some(first) = Date::from_ymd(y, m, 1) {
            let d = cal.day_of(first);
            if d > self.span || k >= MAX_TICKS {
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
                    Tick {
                        x: self.x(d),
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
        out
    }

    /// The first tick of a calendar axis: the start date ("Nov 27", or "Nov 2026" for months).
    fn start(&self, cal: WorkCalendar, month: bool) -> Tick {
        let (y, m, _) = cal.start.ymd();
        Tick {
            x: self.x0,
            label: if month {
                format!("{} {y}", month_name(m))
            } else {
                cal.start.short()
            },
            major: true,
        }
    }
}

/// Add a tick unless it would crowd the previous one (then the previous one gives way, except
/// the start).
fn push_spaced(out: &mut Vec<Tick>, tick: Tick) {
    if let Some(last) = out.last() {
        if tick.x - last.x < MIN_PX {
            if out.len() == 1 {
                return;
            }
            out.pop();
        }
    }
    out.push(tick);
}
