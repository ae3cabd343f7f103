//! The SVG writer: the page's drawing (two SVGs, coloured by the stylesheet, only the rows
//! near the screen) and the standalone file (one SVG with inline colours).

use super::rows::{Row, RowKind};
use super::text::{num, xml_escape};
use super::{Timeline, AXIS_HEIGHT, INDENT, LABEL_FONT, LABEL_PAD, NOTE_FONT};
use crate::model::DependencyKind;
use std::ops::Range;

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
