//! The SVG writer: the page's drawing (two SVGs side by side, only the rows near the screen)
//! and the standalone file (one SVG). Both draw the same marks; each mark's attributes come
//! from the output's [`Style`], so nothing here depends on which output it is writing.

use super::rows::{Row, RowKind};
use super::style::{File, Mark, Page, Palette, Style};
use super::text::{num, text_width, xml_escape};
use super::{Timeline, AXIS_HEIGHT, INDENT, LABEL_FONT, LABEL_PAD, NOTE_FONT};
use std::fmt::Write;
use std::ops::Range;

/// A row's progress: (done, total).
pub type ProgressOf<'a> = &'a dyn Fn(&Row) -> (usize, usize);

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
    let mut w = Writer::new(t, rows, progress, &Page);
    let lw = num(t.label_width);
    let h = num(t.height);
    let _ = write!(
        w.out,
        r#"<svg class="tl-labels" xmlns="http://www.w3.org/2000/svg" width="{lw}" height="{h}" viewBox="0 0 {lw} {h}">"#
    );
    w.labels();
    let chart_w = num((t.width - t.label_width).max(1.0));
    let _ = write!(
        w.out,
        r#"</svg><svg class="tl-chart" xmlns="http://www.w3.org/2000/svg" width="{chart_w}" height="{h}" viewBox="{lw} 0 {chart_w} {h}" role="group" aria-label="Timeline of phases">"#
    );
    w.defs();
    w.chart();
    w.out.push_str("</svg>");
    w.out
}

/// The timeline as a standalone SVG document with inline colours from `pal` (for download and
/// print); `critical` highlights the critical path.
pub fn to_svg(
    t: &Timeline,
    title: &str,
    progress: ProgressOf<'_>,
    critical: bool,
    pal: &Palette,
) -> String {
    let style = File {
        palette: *pal,
        critical,
    };
    let mut w = Writer::new(t, 0..t.rows.len(), progress, &style);
    let _ = write!(
        w.out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"><title>{title}</title>"#,
        w = num(t.width),
        h = num(t.height),
        title = xml_escape(title),
    );
    w.marks(pal);
    w.out.push_str("</svg>\n");
    w.out
}

/// The standalone drawing's marks — definitions, background, chart, and the label column with
/// every title in full, wrapped onto lines — without the `<svg>` element around them: what
/// [`crate::export`] places under its header. Rows must have room for their wrapped labels
/// ([`wrapped_heights`]).
pub fn file_marks(t: &Timeline, progress: ProgressOf<'_>, critical: bool, pal: &Palette) -> String {
    let style = File {
        palette: *pal,
        critical,
    };
    let mut w = Writer::new(t, 0..t.rows.len(), progress, &style);
    w.wrap = true;
    w.marks(pal);
    w.out
}

/// Line height of wrapped labels, in font sizes.
const LINE_HEIGHT: f64 = 1.25;

/// The font of a row's label.
fn label_font(r: &Row) -> f64 {
    if r.kind == RowKind::Phase {
        LABEL_FONT
    } else {
        NOTE_FONT
    }
}

/// The width a row's label may use in the label column, in the units of [`text_width`] at
/// the label's font (which measures regular text: bold labels are about 15% wider).
fn label_room(t: &Timeline, r: &Row, font: f64) -> f64 {
    let x = LABEL_PAD + r.depth as f64 * INDENT;
    let room = (t.label_width - x - 8.0).max(font * 4.0);
    if r.kind == RowKind::Phase {
        room / 1.15
    } else {
        room
    }
}

/// `text` broken at spaces into lines no wider than `width` (a word wider than the line
/// gets a line of its own, broken between characters): every character kept.
pub fn wrap_lines(text: &str, width: f64, font: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, font) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than the line: break it between characters.
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && text_width(&next, font) > width {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// How much taller each row must be so its full title fits the label column wrapped
/// (0 for most rows).
pub fn wrapped_heights(t: &Timeline) -> Vec<f64> {
    t.rows
        .iter()
        .map(|r| {
            let font = label_font(r);
            let n = wrap_lines(&r.title, label_room(t, r, font), font).len() as f64;
            (n * font * LINE_HEIGHT + 10.0 - r.height).max(0.0)
        })
        .collect()
}

/// Writes the marks of `rows` of a timeline in one style.
struct Writer<'a> {
    /// The markup so far.
    out: String,
    t: &'a Timeline,
    /// The rows drawn (all of them in a file).
    rows: Range<usize>,
    progress: ProgressOf<'a>,
    style: &'a dyn Style,
    /// Labels are full titles wrapped onto lines (the standalone file), not cut to one line.
    wrap: bool,
}

impl<'a> Writer<'a> {
    /// Definitions, background, chart, labels and the label column's divider: everything of a
    /// standalone drawing but the `<svg>` element around it.
    fn marks(&mut self, pal: &Palette) {
        let t = self.t;
        self.defs();
        let _ = write!(
            self.out,
            r#"<rect width="{}" height="{}" fill="{}"/>"#,
            num(t.width),
            num(t.height),
            pal.bg
        );
        self.chart();
        self.labels();
        let _ = write!(
            self.out,
            r#"<line x1="{x}" y1="0" x2="{x}" y2="{}" stroke="{}"/>"#,
            num(t.height),
            pal.major_grid,
            x = num(t.label_width),
        );
    }

    fn new(
        t: &'a Timeline,
        rows: Range<usize>,
        progress: ProgressOf<'a>,
        style: &'a dyn Style,
    ) -> Self {
        Writer {
            out: String::with_capacity(1024 + t.rows.len() * 900),
            t,
            rows,
            progress,
            style,
            wrap: false,
        }
    }

    /// The rows drawn.
    fn drawn(&self) -> &'a [Row] {
        self.t.rows.get(self.rows.clone()).unwrap_or(&[])
    }

    /// Arrowheads and the fades of open-ended bars.
    fn defs(&mut self) {
        let style = self.style;
        let pre = style.id_prefix();
        let head = |critical| style.attrs(Mark::ArrowHead { critical });
        let stop = |fill, end| style.attrs(Mark::FadeStop { fill, end });
        let hatch = |line| style.attrs(Mark::Hatch { line });
        let _ = write!(
            self.out,
            r#"<defs><marker id="{pre}-arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path{} d="M0 0 L8 4 L0 8 z"/></marker><marker id="{pre}-arrowhead-crit" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path{} d="M0 0 L8 4 L0 8 z"/></marker><linearGradient id="{pre}-fade" x1="0" x2="1" y1="0" y2="0"><stop offset="0"{}/><stop offset="1"{}/></linearGradient><linearGradient id="{pre}-fade-fill" x1="0" x2="1" y1="0" y2="0"><stop offset="0"{}/><stop offset="1"{}/></linearGradient><pattern id="{pre}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6"{}/><line x1="0" y1="0" x2="0" y2="6"{}/></pattern></defs>"#,
            head(false),
            head(true),
            stop(false, false),
            stop(false, true),
            stop(true, false),
            stop(true, true),
            hatch(false),
            hatch(true),
        );
    }

    /// Every other row's background, across `x..x + w`.
    fn stripes(&mut self, x: f64, w: f64) {
        for (_, r) in self
            .t
            .rows
            .iter()
            .enumerate()
            .take(self.rows.end)
            .skip(self.rows.start)
            .filter(|(i, _)| i % 2 == 1)
        {
            let _ = write!(
                self.out,
                r#"<rect{} x="{}" y="{}" width="{}" height="{}"/>"#,
                self.style.attrs(Mark::Stripe),
                num(x),
                num(r.y),
                num(w),
                num(r.height)
            );
        }
    }

    /// The label column: a heading, then each row's (cut) title.
    fn labels(&mut self) {
        let t = self.t;
        let _ = write!(
            self.out,
            r#"<rect{} x="0" y="0" width="{}" height="{}"/>"#,
            self.style.attrs(Mark::LabelColumn),
            num(t.label_width),
            num(t.height)
        );
        self.stripes(0.0, t.label_width);
        let _ = write!(
            self.out,
            r#"<text{} x="{}" y="26" font-size="11" font-weight="700" letter-spacing="0.7">PHASE</text>"#,
            self.style.attrs(Mark::ColumnHead),
            num(LABEL_PAD)
        );
        for r in self.drawn() {
            self.label(r);
        }
    }

    /// A row's label, and its expand toggle.
    fn label(&mut self, r: &Row) {
        let style = self.style;
        let phase = r.kind == RowKind::Phase;
        let font = if phase { LABEL_FONT } else { NOTE_FONT };
        let x = LABEL_PAD + r.depth as f64 * INDENT;
        let weight = match (phase, r.depth) {
            (true, 0) => "600",
            (true, _) => "500",
            (false, _) => "400",
        };
        let (done, total) = (self.progress)(r);
        // A two-line label (a long phase title) is drawn a little smaller, one line above the
        // row's middle and one below.
        let text = match r.label.split_once('\n') {
            Some((a, b)) => {
                let f = font - 1.0;
                format!(
                    r#"<tspan x="{x}" y="{}">{}</tspan><tspan x="{x}" y="{}">{}</tspan>"#,
                    num(r.mid_y() - 2.0),
                    xml_escape(a),
                    num(r.mid_y() + f),
                    xml_escape(b),
                    x = num(x)
                )
            }
            None => xml_escape(&r.label),
        };
        let two = r.label.contains('\n');
        // A standalone export wraps the full title to fit; the page draws the row's label
        // (one line, or two for a long phase title).
        let (size, body) = if self.wrap {
            (font, self.label_text(r, x, font))
        } else {
            (if two { font - 1.0 } else { font }, text)
        };
        let _ = write!(
            self.out,
            r#"<g{}><title>{}</title><text{} x="{}" y="{}" font-size="{}" font-weight="{weight}">{}</text></g>"#,
            style.attrs(Mark::Label(r)),
            xml_escape(&style.label_title(r, done, total)),
            style.attrs(Mark::LabelText(r)),
            num(x),
            num(r.mid_y() + font * 0.35),
            num(size),
            body
        );
        if r.expandable && style.draws(Mark::Toggle(r)) {
            let cy = r.mid_y();
            let tx = x - 16.0;
            let tri = if r.expanded {
                format!("M{} {} l8 0 l-4 6 z", num(tx + 1.0), num(cy - 3.0))
            } else {
                format!("M{} {} l6 4 l-6 4 z", num(tx + 2.0), num(cy - 4.0))
            };
            let _ = write!(
                self.out,
                r#"<g{}><rect x="{}" y="{}" width="16" height="16" rx="3"/><path d="{tri}"/></g>"#,
                style.attrs(Mark::Toggle(r)),
                num(tx - 3.0),
                num(cy - 8.0),
            );
        }
    }

    /// A label's text content: the (cut) label on one line, or the full title wrapped onto
    /// lines centred on the row.
    fn label_text(&self, r: &Row, x: f64, font: f64) -> String {
        if !self.wrap {
            return xml_escape(&r.label);
        }
        let lines = wrap_lines(&r.title, label_room(self.t, r, font), font);
        if lines.len() <= 1 {
            return xml_escape(&r.title);
        }
        let lh = font * LINE_HEIGHT;
        let mut out = String::new();
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 {
                -(lines.len() as f64 - 1.0) * lh / 2.0
            } else {
                lh
            };
            let _ = write!(
                out,
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                num(x),
                num(dy),
                xml_escape(line)
            );
        }
        out
    }

    /// The chart: the grid, the arrows, then each row's bar.
    fn chart(&mut self) {
        self.grid();
        self.arrows();
        for r in self.drawn() {
            self.bar(r);
        }
    }

    /// Row stripes, ticks and the today line.
    fn grid(&mut self) {
        let t = self.t;
        let style = self.style;
        let _ = write!(self.out, "<g{}>", style.attrs(Mark::Grid));
        self.stripes(t.label_width, t.width - t.label_width);
        for tk in &t.ticks {
            let major = tk.major;
            let _ = write!(
                self.out,
                r#"<g{}><line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}"{}/><text x="{tx}" y="18" font-size="{f}"{}>{l}</text></g>"#,
                style.attrs(Mark::Tick { major }),
                style.attrs(Mark::TickLine { major }),
                style.attrs(Mark::TickLabel),
                x = num(tk.x),
                y1 = num(AXIS_HEIGHT - 12.0),
                y2 = num(t.height - 8.0),
                tx = num(tk.x + 3.0),
                f = num(NOTE_FONT),
                l = xml_escape(&tk.label),
            );
        }
        if let Some(x) = t.today_x {
            let _ = write!(
                self.out,
                r#"<g{}><line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke-width="2"/><text x="{tx}" y="34" font-size="11" font-weight="700" stroke="none">today</text></g>"#,
                style.attrs(Mark::Today),
                x = num(x),
                y1 = num(AXIS_HEIGHT - 4.0),
                y2 = num(t.height - 8.0),
                tx = num(x + 3.0),
            );
        }
        self.out.push_str("</g>");
    }

    /// The arrows that pass through the rows drawn.
    fn arrows(&mut self) {
        let t = self.t;
        let _ = write!(self.out, "<g{}>", self.style.attrs(Mark::Arrows));
        let top = t.rows.get(self.rows.start).map_or(0.0, |r| r.y);
        let bottom = self
            .rows
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
            let _ = write!(
                self.out,
                r#"<path{} d="{}" data-from="{}" data-to="{}"/>"#,
                self.style.attrs(Mark::Arrow(a)),
                a.path(),
                xml_escape(&a.from),
                xml_escape(&a.to)
            );
        }
        self.out.push_str("</g>");
    }

    /// A row's bar: its band, the bar, its progress fill, the focus outline and the note.
    fn bar(&mut self, r: &Row) {
        let style = self.style;
        let (done, total) = (self.progress)(r);
        let _ = write!(
            self.out,
            "<g{}><title>{}</title>",
            style.attrs(Mark::RowGroup {
                row: r,
                done,
                total
            }),
            xml_escape(&r.title)
        );
        if let Some(g) = r.ghost {
            if r.milestone {
                self.diamond(Mark::Ghost, g);
            } else {
                self.rect(Mark::Ghost, g.x, g.y, g.w, g.h, 3);
            }
        }
        if let Some(b) = r.band {
            self.rect(Mark::Band, b.x, b.y, b.w, b.h, 3);
        }
        if r.milestone {
            let filled = r.done || total > 0 && done >= total;
            self.diamond(Mark::Diamond { filled }, r.bar);
        } else {
            self.rect(Mark::Bar(r), r.bar.x, r.bar.y, r.bar.w, r.bar.h, 3);
            let width = r.fill_width(done, total);
            let fill = Mark::Fill { row: r, width };
            if style.draws(fill) {
                self.rect(fill, r.bar.x, r.bar.y, width, r.bar.h, 3);
            }
        }
        if style.draws(Mark::Outline) {
            let b = r.bar;
            self.rect(Mark::Outline, b.x - 2.0, b.y - 2.0, b.w + 4.0, b.h + 4.0, 4);
        }
        if style.draws(Mark::Grip(r)) {
            let right = r.band.map_or(r.bar.right(), |b| b.right());
            let b = r.bar;
            self.rect(Mark::Grip(r), right - 5.0, b.y - 3.0, 10.0, b.h + 6.0, 2);
        }
        let note = r.note(done, total);
        if !note.is_empty() {
            let _ = write!(
                self.out,
                r#"<text{} x="{}" y="{}" font-size="{}">{}</text>"#,
                style.attrs(Mark::Note(r)),
                num(r.note_x),
                num(r.mid_y() + NOTE_FONT * 0.35),
                num(NOTE_FONT),
                xml_escape(&note)
            );
        }
        self.out.push_str("</g>");
    }

    /// A diamond for `mark` in the box `b`.
    fn diamond(&mut self, mark: Mark<'_>, b: super::Rect) {
        let (cx, cy, h) = (b.x + b.w / 2.0, b.y + b.h / 2.0, b.h / 2.0 + 1.0);
        let _ = write!(
            self.out,
            r#"<path{} d="M{} {} L{} {} L{} {} L{} {} Z"/>"#,
            self.style.attrs(mark),
            num(cx - h),
            num(cy),
            num(cx),
            num(cy - h),
            num(cx + h),
            num(cy),
            num(cx),
            num(cy + h)
        );
    }

    /// A rounded rectangle for `mark`.
    fn rect(&mut self, mark: Mark<'_>, x: f64, y: f64, w: f64, h: f64, rx: u8) {
        let _ = write!(
            self.out,
            r#"<rect{} x="{}" y="{}" width="{}" height="{}" rx="{rx}"/>"#,
            self.style.attrs(mark),
            num(x),
            num(y),
            num(w),
            num(h)
        );
    }
}
