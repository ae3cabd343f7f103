//! The timeline as a standalone SVG document: a header (the title, "as of" date, progress and
//! source, wrapped, never cut), a legend of the marks drawn, and the chart with every phase's
//! full title wrapped in the label column. Inline colours, no scripts, no external resources.

use super::long_date;
use crate::model::{percent, Roadmap};
use crate::schedule::{
    file_marks, layout, num, wrap_lines, wrapped_heights, xml_escape, Options, Palette, Row,
    Timeline, Zoom, FILE_ID_PREFIX,
};
use std::collections::HashSet;
use std::fmt::Write;

/// What a standalone timeline shows besides the document.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineFile {
    /// The day the picture is of (`YYYY-MM-DD`): written in the header, and the today line.
    pub as_of: Option<String>,
    /// The file the roadmap came from ("ROADMAP.md"), written in the header.
    pub source: Option<String>,
    /// The reader's start date for a document without dates (`YYYY-MM-DD`).
    pub start_date: Option<String>,
    /// Highlight the critical path.
    pub critical: bool,
    /// Colours.
    pub palette: Palette,
    /// Phases whose estimated items are drawn as sub-bars.
    pub expanded: HashSet<String>,
    /// Width of the picture, in pixels.
    pub width: f64,
}

impl Default for TimelineFile {
    fn default() -> Self {
        TimelineFile {
            as_of: None,
            source: None,
            start_date: None,
            critical: false,
            palette: Palette::LIGHT,
            expanded: HashSet::new(),
            width: 1100.0,
        }
    }
}

/// Font of the header's title.
const TITLE_FONT: f64 = 20.0;
/// Font of the header's second line and the legend.
const META_FONT: f64 = 12.0;
/// Margin around the header.
const MARGIN: f64 = 16.0;

/// A standalone SVG document and its size (what a PNG of it needs).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The SVG document.
    pub svg: String,
    /// Its width in pixels.
    pub width: f64,
    /// Its height in pixels.
    pub height: f64,
}

/// The timeline of `map` as a standalone SVG document; `done(i)` says whether item `i` is
/// done (the document's boxes, or a reader's ticks).
pub fn timeline_svg(map: &Roadmap, done: &dyn Fn(usize) -> bool, opts: &TimelineFile) -> String {
    timeline_drawing(map, done, opts).svg
}

/// [`timeline_svg`], with the picture's size.
pub fn timeline_drawing(
    map: &Roadmap,
    done: &dyn Fn(usize) -> bool,
    opts: &TimelineFile,
) -> Drawing {
    let width = opts.width.max(480.0);
    let mut t = layout(
        map,
        &Options {
            zoom: Zoom::Fit,
            width,
            label_width: label_width(map, width),
            start_date: opts.start_date.clone(),
            today: opts.as_of.clone(),
            expanded: opts.expanded.clone(),
            // the plan as written: a reader's what-if is not part of an export
            delays: Default::default(),
        },
    );
    let extra = wrapped_heights(&t);
    stretch(&mut t, &extra);
    let pal = &opts.palette;
    let (header, header_h) = header(map, done, opts, &t, t.width.max(width));
    let total_w = t.width.max(width);
    let body_h = if t.rows.is_empty() { 0.0 } else { t.height };
    let height = header_h + body_h;
    let progress = |r: &Row| {
        let d = r.items.iter().filter(|&&i| done(i)).count();
        (d, r.items.len())
    };
    let mut out = String::with_capacity(4096 + t.rows.len() * 1200);
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"><title>{title} — timeline</title><rect width="{w}" height="{h}" fill="{bg}"/>"#,
        w = num(total_w),
        h = num(height),
        title = xml_escape(&map.title),
        bg = pal.bg,
    );
    out.push_str(&header);
    if !t.rows.is_empty() {
        let _ = write!(out, r#"<g transform="translate(0 {})">"#, num(header_h));
        out.push_str(&file_marks(&t, &progress, opts.critical, pal));
        out.push_str("</g>");
    }
    out.push_str("</svg>\n");
    Drawing {
        svg: out,
        width: total_w,
        height,
    }
}

/// A label column wide enough for the longest title on one line (bold text measured 15%
/// wider), up to two fifths of the picture; longer titles wrap.
fn label_width(map: &Roadmap, width: f64) -> f64 {
    let widest = map
        .phases
        .iter()
        .map(|p| crate::schedule::text_width(&p.title, crate::schedule::LABEL_FONT))
        .fold(0.0f64, f64::max);
    (widest * 1.15 + 40.0).clamp(200.0, (width * 0.4).max(200.0))
}

/// Make each row `extra[i]` taller, moving everything below it down and keeping each row's
/// marks centred in it.
fn stretch(t: &mut Timeline, extra: &[f64]) {
    let bounds: Vec<(f64, f64)> = t.rows.iter().map(|r| (r.y, r.y + r.height)).collect();
    let mut shift = 0.0;
    let mut shifts = Vec::with_capacity(t.rows.len());
    for (r, e) in t.rows.iter_mut().zip(extra) {
        let centre = shift + e / 2.0;
        shifts.push((shift, *e));
        r.y += shift;
        r.height += e;
        r.bar.y += centre;
        if let Some(b) = r.band.as_mut() {
            b.y += centre;
        }
        shift += e;
    }
    // An arrow's corner moves with the row it is in (after the last row: by everything).
    let moved = |y: f64| -> f64 {
        let k = bounds.partition_point(|(_, bottom)| *bottom <= y);
        match (bounds.get(k), shifts.get(k)) {
            (Some((top, _)), Some((s, e))) if y >= *top => y + s + e / 2.0,
            (_, Some((s, _))) => y + s,
            _ => y + shift,
        }
    };
    for a in &mut t.arrows {
        for p in &mut a.points {
            p.1 = moved(p.1);
        }
    }
    t.height += shift;
}

/// The header — title, "as of" line, legend — and its height.
fn header(
    map: &Roadmap,
    done: &dyn Fn(usize) -> bool,
    opts: &TimelineFile,
    t: &Timeline,
    width: f64,
) -> (String, f64) {
    let pal = &opts.palette;
    let mut out = String::new();
    let mut y = MARGIN;
    for line in wrap_lines(&map.title, width - 2.0 * MARGIN, TITLE_FONT) {
        y += TITLE_FONT * 1.25;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" font-weight="700" fill="{}">{}</text>"#,
            num(MARGIN),
            num(y - 5.0),
            num(TITLE_FONT),
            pal.text,
            xml_escape(&line)
        );
    }
    let total = map.items.len();
    let d = (0..total).filter(|&i| done(i)).count();
    let mut meta = Vec::new();
    if let Some(day) = &opts.as_of {
        meta.push(format!("As of {}", long_date(day)));
    }
    meta.push(format!("{d}/{total} done ({}%)", percent(d, total)));
    if let Some(src) = &opts.source {
        meta.push(src.clone());
    }
    if t.rows.is_empty() {
        meta.push("no phases with a place in time".to_string());
    }
    for line in wrap_lines(&meta.join(" · "), width - 2.0 * MARGIN, META_FONT) {
        y += META_FONT * 1.5;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
            num(MARGIN),
            num(y - 3.0),
            num(META_FONT),
            pal.muted,
            xml_escape(&line)
        );
    }
    if !t.rows.is_empty() {
        y += 8.0;
        y = legend(&mut out, t, opts, width, y);
    }
    (out, y + MARGIN / 2.0)
}

/// The legend: a swatch and a word for each kind of mark the drawing has, wrapped across the
/// width; returns the bottom of the last line.
fn legend(out: &mut String, t: &Timeline, opts: &TimelineFile, width: f64, top: f64) -> f64 {
    let pal = &opts.palette;
    let pre = FILE_ID_PREFIX;
    let has = |f: fn(&Row) -> bool| t.rows.iter().any(f);
    let mut entries: Vec<(String, &str)> = vec![
        (
            format!(
                r#"<rect width="18" height="10" rx="2" fill="{}"/>"#,
                pal.fill
            ),
            "done",
        ),
        (
            format!(
                r#"<rect width="18" height="10" rx="2" fill="{}"/>"#,
                pal.bar
            ),
            "to do",
        ),
    ];
    if has(|r| r.band.is_some()) {
        entries.push((
            format!(
                r#"<rect width="18" height="10" rx="2" fill="{}" stroke="{}" stroke-dasharray="3 2"/>"#,
                pal.band, pal.bar
            ),
            "range (min–max)",
        ));
    }
    if has(|r| r.open_ended) {
        entries.push((
            format!(r#"<rect width="18" height="10" rx="2" fill="url(#{pre}-fade)"/>"#),
            "open-ended",
        ));
    }
    if has(|r| r.nominal) {
        entries.push((
            format!(
                r#"<rect width="18" height="10" rx="2" fill="url(#{pre}-hatch)" stroke="{}" stroke-dasharray="4 3"/>"#,
                pal.arrow
            ),
            "no time written (nominal length)",
        ));
    }
    if has(|r| r.milestone) {
        entries.push((
            format!(
                r#"<path d="M9 0 L15 5 L9 10 L3 5 Z" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
                pal.bg, pal.fill
            ),
            "milestone",
        ));
    }
    if !t.arrows.is_empty() {
        entries.push((
            format!(
                r#"<path d="M0 5 L16 5" stroke="{}" stroke-width="1.75" marker-end="url(#{pre}-arrowhead)"/>"#,
                pal.muted
            ),
            "depends on",
        ));
    }
    if opts.critical && !t.critical_path.is_empty() {
        entries.push((
            format!(
                r#"<path d="M0 5 L16 5" stroke="{}" stroke-width="2.25" marker-end="url(#{pre}-arrowhead-crit)"/>"#,
                pal.critical
            ),
            "critical path",
        ));
    }
    let (mut x, mut y) = (MARGIN, top);
    let line_h = 18.0;
    for (swatch, word) in entries {
        let w = 24.0 + crate::schedule::text_width(word, META_FONT) + 18.0;
        if x + w > width - MARGIN && x > MARGIN {
            x = MARGIN;
            y += line_h;
        }
        let _ = write!(
            out,
            r#"<g transform="translate({} {})">{swatch}<text x="24" y="9.5" font-size="{}" fill="{}">{}</text></g>"#,
            num(x),
            num(y),
            num(META_FONT),
            pal.muted,
            xml_escape(word)
        );
        x += w;
    }
    y + line_h
}
