//! The rows of the timeline: what a row holds (its bar, range band, labels and the words a
//! screen reader says), and placing the planned rows top to bottom in pixels.

use super::layout::Scale;
use super::plan::Plan;
use super::text::{truncate, wrap_two};
use super::{
    Anchor, Rect, AXIS_HEIGHT, INDENT, ITEM_BAR, ITEM_ROW, LABEL_FONT, LABEL_PAD, NOTE_FONT,
    NOTE_GAP, OPEN_DAYS, OPEN_MIN_PX, PHASE_BAR, PHASE_ROW,
};

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A phase of the roadmap.
    Phase,
    /// An item with an estimate, shown under its expanded phase.
    Item,
}

/// How the what-if changed a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The reader delayed it.
    Delayed,
    /// It moved because something it waits on (or one of its parts) was delayed.
    Pushed,
}

impl Moved {
    /// The value of the bar's `data-whatif` attribute: `delayed` or `moved`.
    pub fn key(self) -> &'static str {
        match self {
            Moved::Delayed => "delayed",
            Moved::Pushed => "moved",
        }
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
    /// A milestone: a point in time, drawn as a diamond at its end.
    pub milestone: bool,
    /// Done as written (a status, or a dated milestone before today); a milestone's diamond
    /// is filled.
    pub done: bool,
    /// What placed it on the axis (dates, a range, a duration, nothing).
    pub placement: crate::model::Placement,
    /// Its track (one list of phases).
    pub track: usize,
    /// The dates written for it, for people, or empty.
    pub dates: String,
    /// How the what-if changed it, if it did.
    pub whatif: Option<Moved>,
    /// Where it was planned (drawn as a ghost behind the moved bar), when the what-if moved it.
    pub ghost: Option<Rect>,
    /// How many working days the what-if moved its end (its start when open-ended).
    pub shift: f64,
    /// Where it was planned, for people ("Day 4 to Day 5"), when the what-if moved it.
    pub planned_label: String,
    /// The progress the document claims for it ("90% complete" on its heading), if any.
    pub claim: Option<f64>,
    /// The status the document writes for it when the bar does not show it ("In progress",
    /// "Blocked"): the note starts with it.
    pub status_word: Option<&'static str>,
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

    /// The note beside the bar: "Day 4-5 · 3/5", and the progress the document claims for it
    /// ("Week 1-2 · 3/5 · claims 90%").
    pub fn note(&self, done: usize, total: usize) -> String {
        let count = if total > 0 {
            format!("{done}/{total}")
        } else {
            String::new()
        };
        let note = match (self.duration_text.is_empty(), count.is_empty()) {
            (true, true) => String::new(),
            (true, false) => count,
            (false, true) => self.duration_text.clone(),
            (false, false) => format!("{} · {count}", self.duration_text),
        };
        let note = match self.claim {
            Some(c) if note.is_empty() => format!("claims {c}%"),
            Some(c) => format!("{note}{}", super::plan::claim_note(c)),
            None => note,
        };
        let note = match self.status_word {
            Some(w) if note.is_empty() => w.to_string(),
            Some(w) => format!("{w} · {note}"),
            None => note,
        };
        if self.whatif.is_some() && self.shift > 0.0 {
            let shift = super::plan::shift_note(self.shift);
            if note.is_empty() {
                shift.trim_start_matches(" · ").to_string()
            } else {
                note + &shift
            }
        } else {
            note
        }
    }

    /// What the row is, for people: "Phase", "Milestone" or "Item".
    pub fn kind_label(&self) -> &'static str {
        match (self.kind, self.milestone) {
            (RowKind::Item, _) => "Item",
            (RowKind::Phase, true) => "Milestone",
            (RowKind::Phase, false) => "Phase",
        }
    }

    /// How its time was written, for people: "dated", "written range", "written length",
    /// "open-ended" or "no time written".
    pub fn placement_label(&self) -> &'static str {
        use crate::model::Placement;
        match self.placement {
            Placement::Dates => "dated",
            Placement::Range | Placement::RangeInParent => "written range",
            Placement::Duration => "written length",
            Placement::Open => "open-ended",
            Placement::Nominal => super::plan::NO_TIME,
        }
    }

    /// What a screen reader says for the bar.
    pub fn aria_label(&self, done: usize, total: usize) -> String {
        let what = self.kind_label();
        let when = match self.end {
            Some(_) if self.milestone => format!("at {}", self.end_label),
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
        let whatif = match self.whatif {
            Some(m) => format!(
                ", {} {} in the what-if (planned {})",
                if m == Moved::Delayed {
                    "delayed"
                } else {
                    "moved"
                },
                super::whatif::days_words(self.shift),
                self.planned_label
            ),
            None => String::new(),
        };
        let status = self
            .status_word
            .map(|w| format!(", {}", w.to_lowercase()))
            .unwrap_or_default();
        format!(
            "{what} {}: {when}{written}{status}{progress}{deps}{crit}{whatif}",
            self.title
        )
    }

    /// The vertical middle of the bar.
    pub fn mid_y(&self) -> f64 {
        self.bar.y + self.bar.h / 2.0
    }
}

/// The rows for `plans`, top to bottom from the axis band down, each with its bar (and band)
/// at `scale` and its labels in the calendar of `anchor`.
pub(super) fn place(plans: &[Plan], scale: &Scale, anchor: &Anchor) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::with_capacity(plans.len());
    let mut y = AXIS_HEIGHT;
    for p in plans {
        let row = place_row(p, y, scale, anchor);
        y += row.height;
        rows.push(row);
    }
    rows
}

/// The row for plan `p` with its top at `y`.
fn place_row(p: &Plan, y: f64, scale: &Scale, anchor: &Anchor) -> Row {
    let px = scale.px;
    let (height, bar_h) = match p.kind {
        RowKind::Phase => (PHASE_ROW, PHASE_BAR),
        RowKind::Item => (ITEM_ROW, ITEM_BAR),
    };
    let bx = scale.x0 + p.start * px;
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
    // A milestone is a diamond centred on its end.
    let (bar, band, open) = if p.milestone {
        let at = scale.x0 + p.end.unwrap_or(p.start) * px;
        let diamond = Rect {
            x: at - bar_h / 2.0,
            y: bar_y,
            w: bar_h,
            h: bar_h,
        };
        (diamond, None, false)
    } else {
        (bar, band, open)
    };
    let right = band.map_or(bar.right(), |b| b.right());
    let ghost = p
        .ghost
        .map(|g| ghost_rect(p, g.start, g.end, bar_y, bar_h, scale));
    let planned_label = p.ghost.map_or_else(String::new, |g| {
        let end = g
            .end
            .map_or_else(|| "open-ended".to_string(), |e| end_label(anchor, e));
        if p.milestone {
            end
        } else {
            format!("{} to {end}", day_label(anchor, g.start))
        }
    });
    let indent = LABEL_PAD + p.depth as f64 * INDENT;
    // Phase labels are bold: measure them a little wider.
    let font = if p.kind == RowKind::Phase {
        LABEL_FONT * 1.15
    } else {
        NOTE_FONT
    };
    Row {
        id: p.id.clone(),
        kind: p.kind,
        title: p.title.clone(),
        // Phase rows are tall enough for two lines: a long title wraps rather than losing the
        // words that tell phases apart.
        label: if p.kind == RowKind::Phase {
            wrap_two(&p.title, (scale.label_width - indent - 8.0).max(24.0), font)
        } else {
            truncate(&p.title, (scale.label_width - indent - 8.0).max(24.0), font)
        },
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
        start_label: day_label(anchor, p.start),
        end_label: p
            .end
            .map_or_else(|| "open-ended".to_string(), |e| end_label(anchor, e)),
        items: p.items.clone(),
        expandable: p.expandable,
        expanded: p.expanded,
        depends_on: Vec::new(),
        nominal: p.nominal,
        critical: false,
        milestone: p.milestone,
        done: p.done,
        placement: p.placement,
        track: p.track,
        dates: p.dates.clone(),
        whatif: p.ghost.map(|_| {
            if p.delayed {
                Moved::Delayed
            } else {
                Moved::Pushed
            }
        }),
        ghost,
        shift: p.shift,
        planned_label,
        claim: p.claim,
        status_word: p.status_word,
    }
}

/// The ghost of a moved row: where it was planned (a diamond's box for a milestone).
fn ghost_rect(p: &Plan, start: f64, end: Option<f64>, y: f64, h: f64, scale: &Scale) -> Rect {
    let x = scale.x0 + start * scale.px;
    if p.milestone {
        let at = scale.x0 + end.unwrap_or(start) * scale.px;
        return Rect {
            x: at - h / 2.0,
            y,
            w: h,
            h,
        };
    }
    let w = match end {
        Some(e) => ((e - start) * scale.px).max(2.0),
        None => (OPEN_DAYS * scale.px).max(OPEN_MIN_PX),
    };
    Rect { x, y, w, h }
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
