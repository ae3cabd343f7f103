//! How the drawing is styled: the SVG writer asks a [`Style`] for the attributes of every
//! mark, so it draws the same marks for both outputs. [`Page`] names CSS classes (the
//! stylesheet colours them, light or dark, critical path on demand) and adds what the
//! interactive view needs; [`File`] writes inline colours from a [`Palette`], so an exported
//! file looks right anywhere.

use super::arrows::Arrow;
use super::rows::{Row, RowKind};
use super::text::xml_escape;
use crate::model::DependencyKind;
use std::fmt;

/// The prefix of the ids of a standalone file's definitions (`rbx-hatch`, `rbx-fade`): what a
/// legend in the same file refers to.
pub const FILE_ID_PREFIX: &str = "rbx";

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

/// A mark of the drawing, with what its style may depend on.
#[derive(Debug, Clone, Copy)]
pub(super) enum Mark<'a> {
    /// The head of an arrow (`critical`: of an arrow on the critical path).
    ArrowHead {
        /// On the critical path.
        critical: bool,
    },
    /// A stop of an open-ended bar's fade (`fill`: of its progress fill; `end`: the
    /// transparent end).
    FadeStop {
        /// The progress fill's fade rather than the bar's.
        fill: bool,
        /// The faded-out end rather than the start.
        end: bool,
    },
    /// The layer under the rows: stripes, ticks and the today line.
    Grid,
    /// The background of every other row.
    Stripe,
    /// A tick's group.
    Tick {
        /// A week or month boundary under finer ticks.
        major: bool,
    },
    /// A tick's line.
    TickLine {
        /// A week or month boundary under finer ticks.
        major: bool,
    },
    /// A tick's label.
    TickLabel,
    /// The today line and its label.
    Today,
    /// The layer of arrows.
    Arrows,
    /// A dependency arrow.
    Arrow(&'a Arrow),
    /// The label column's background.
    LabelColumn,
    /// The label column's heading.
    ColumnHead,
    /// A row's label (its group).
    Label(&'a Row),
    /// A row's label text.
    LabelText(&'a Row),
    /// The expand toggle beside an expandable phase's label.
    Toggle(&'a Row),
    /// A row's bar group: band, bar, progress fill, outline and note.
    RowGroup {
        /// The row.
        row: &'a Row,
        /// Its items done.
        done: usize,
        /// Its items.
        total: usize,
    },
    /// A range band.
    Band,
    /// A bar.
    Bar(&'a Row),
    /// A bar's progress fill, `width` pixels wide.
    Fill {
        /// The row.
        row: &'a Row,
        /// Width of the fill.
        width: f64,
    },
    /// A milestone's diamond: `filled` once done (its status, its date before today, or all
    /// its items ticked).
    Diamond {
        /// Done.
        filled: bool,
    },
    /// The hatch pattern's background and stroke (bars of phases with no time written).
    Hatch {
        /// The stroke rather than the background.
        line: bool,
    },
    /// The focus outline around a bar.
    Outline,
    /// Where a bar the what-if moved was planned.
    Ghost,
    /// The handle at a bar's end that drags a delay.
    Grip(&'a Row),
    /// The note beside a bar.
    Note(&'a Row),
}

/// One way to style the drawing: the attributes of each mark, and which marks are drawn.
pub(super) trait Style {
    /// Prefix of the ids in the drawing's `<defs>`. The page's and a file's differ, so a
    /// printed copy beside the page's drawing never borrows the page's (stylesheet-coloured)
    /// gradients.
    fn id_prefix(&self) -> &'static str;

    /// Writes the attributes of `mark`, each after a space (nothing when it has none).
    fn write_attrs(&self, f: &mut fmt::Formatter<'_>, mark: Mark<'_>) -> fmt::Result;

    /// Whether this output draws `mark` at all.
    fn draws(&self, _mark: Mark<'_>) -> bool {
        true
    }

    /// The tooltip of a row's label.
    fn label_title(&self, row: &Row, done: usize, total: usize) -> String;
}

impl<'a> dyn Style + 'a {
    /// The attributes of `mark`, to format into the markup.
    pub(super) fn attrs(&'a self, mark: Mark<'a>) -> Attrs<'a> {
        Attrs { style: self, mark }
    }
}

/// The attributes of a mark in a style; formats as them.
pub(super) struct Attrs<'a> {
    style: &'a dyn Style,
    mark: Mark<'a>,
}

impl fmt::Display for Attrs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.style.write_attrs(f, self.mark)
    }
}

/// The attribute naming a row's id on its bar group.
fn id_attr(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Phase => "data-phase-id",
        RowKind::Item => "data-item-id",
    }
}

/// The page's drawing: class names the stylesheet colours, and what the view needs to make
/// it interactive (ids, focus, roles, labels, expand toggles).
pub(super) struct Page;

impl Style for Page {
    fn id_prefix(&self) -> &'static str {
        "tl"
    }

    fn write_attrs(&self, f: &mut fmt::Formatter<'_>, mark: Mark<'_>) -> fmt::Result {
        let flag = |on: bool, class: &'static str| if on { class } else { "" };
        match mark {
            Mark::ArrowHead { critical } => {
                write!(
                    f,
                    r#" class="tl-head-{}""#,
                    if critical { "crit" } else { "dep" }
                )
            }
            Mark::FadeStop { fill, end } => write!(
                f,
                r#" class="tl-fade-{}{}""#,
                flag(fill, "fill-"),
                if end { "b" } else { "a" }
            ),
            Mark::Grid => f.write_str(r#" aria-hidden="true""#),
            Mark::Stripe => f.write_str(r#" class="tl-stripe""#),
            Mark::Tick { major } => write!(f, r#" class="tl-tick{}""#, flag(major, " major")),
            Mark::TickLine { .. } | Mark::TickLabel | Mark::LabelText(_) => Ok(()),
            Mark::Today => f.write_str(r#" class="tl-today""#),
            Mark::Arrows => f.write_str(r#" class="tl-arrows" aria-hidden="true""#),
            Mark::Arrow(a) => write!(
                f,
                r#" class="tl-arrow{}{}""#,
                flag(a.kind == DependencyKind::Explicit, " explicit"),
                flag(a.critical, " critical")
            ),
            Mark::LabelColumn => f.write_str(r#" class="tl-label-bg""#),
            Mark::ColumnHead => f.write_str(r#" class="tl-head""#),
            Mark::Label(r) => write!(
                f,
                r#" class="tl-label{}" data-row-id="{}" aria-hidden="true""#,
                match (r.kind, r.depth) {
                    (RowKind::Phase, 0) => "",
                    (RowKind::Phase, _) => " nested",
                    (RowKind::Item, _) => " item",
                },
                xml_escape(&r.id)
            ),
            Mark::Toggle(r) => write!(
                f,
                r#" class="tl-toggle" role="button" tabindex="0" data-toggle="{}" aria-expanded="{}" aria-label="Items of {}""#,
                xml_escape(&r.id),
                r.expanded,
                xml_escape(&r.title)
            ),
            Mark::RowGroup { row, done, total } => {
                write!(
                    f,
                    r#" class="tl-bar-group{}{}{}{}{}" {}="{}" tabindex="0" role="button" aria-label="{}""#,
                    flag(row.kind == RowKind::Item, " item"),
                    flag(row.critical, " critical"),
                    flag(row.open_ended, " open"),
                    flag(row.nominal, " nominal"),
                    flag(row.milestone, " milestone"),
                    id_attr(row),
                    xml_escape(&row.id),
                    xml_escape(&row.aria_label(done, total))
                )?;
                match row.whatif {
                    Some(m) => write!(f, r#" data-whatif="{}""#, m.key()),
                    None => Ok(()),
                }
            }
            Mark::Ghost => f.write_str(r#" class="tl-ghost""#),
            Mark::Grip(_) => f.write_str(r#" class="tl-grip" aria-hidden="true""#),
            Mark::Band => f.write_str(r#" class="tl-band""#),
            Mark::Diamond { filled } => {
                write!(f, r#" class="tl-diamond{}""#, flag(filled, " done"))
            }
            Mark::Hatch { line } => write!(
                f,
                r#" class="tl-hatch-{}""#,
                if line { "line" } else { "bg" }
            ),
            Mark::Bar(_) => f.write_str(r#" class="tl-bar""#),
            Mark::Fill { .. } => f.write_str(r#" class="tl-fill""#),
            Mark::Outline => f.write_str(r#" class="tl-outline""#),
            Mark::Note(_) => f.write_str(r#" class="tl-note""#),
        }
    }

    /// A drag handle only at the end of a bar that has one (not a milestone's diamond).
    fn draws(&self, mark: Mark<'_>) -> bool {
        match mark {
            Mark::Grip(r) => !r.open_ended && !r.milestone,
            _ => true,
        }
    }

    /// On the page the bar carries the full description (its `aria-label`); the label only
    /// needs the whole title when it is cut.
    fn label_title(&self, row: &Row, _done: usize, _total: usize) -> String {
        row.title.clone()
    }
}

/// A standalone file: inline colours from a palette, no interaction.
pub(super) struct File {
    /// The colours.
    pub(super) palette: Palette,
    /// Whether the critical path is highlighted.
    pub(super) critical: bool,
}

impl Style for File {
    fn id_prefix(&self) -> &'static str {
        FILE_ID_PREFIX
    }

    fn write_attrs(&self, f: &mut fmt::Formatter<'_>, mark: Mark<'_>) -> fmt::Result {
        let p = &self.palette;
        let pre = self.id_prefix();
        match mark {
            Mark::ArrowHead { critical } => {
                write!(
                    f,
                    r#" fill="{}""#,
                    if critical { p.critical } else { p.arrow }
                )
            }
            Mark::FadeStop { fill, end } => write!(
                f,
                r#" stop-color="{}" stop-opacity="{}""#,
                if fill { p.fill } else { p.bar },
                if end { "0" } else { "1" }
            ),
            Mark::Grid
            | Mark::Tick { .. }
            | Mark::Arrows
            | Mark::Label(_)
            | Mark::Toggle(_)
            | Mark::Outline
            | Mark::Grip(_) => Ok(()),
            Mark::Ghost => write!(
                f,
                r#" fill="none" stroke="{}" stroke-width="1.5" stroke-dasharray="4 3""#,
                p.muted
            ),
            Mark::Stripe => write!(f, r#" fill="{}""#, p.stripe),
            Mark::TickLine { major } => write!(
                f,
                r#" stroke="{}" stroke-width="1""#,
                if major { p.major_grid } else { p.grid }
            ),
            Mark::TickLabel | Mark::ColumnHead => write!(f, r#" fill="{}""#, p.muted),
            Mark::Today => write!(f, r#" stroke="{c}" fill="{c}""#, c = p.today),
            Mark::Arrow(a) => {
                let crit = self.critical && a.critical;
                let (colour, width) = match (crit, a.kind == DependencyKind::Explicit) {
                    (true, _) => (p.critical, "2.25"),
                    (false, true) => (p.muted, "1.75"),
                    (false, false) => (p.arrow, "1.25"),
                };
                write!(
                    f,
                    r#" fill="none" stroke="{colour}" stroke-width="{width}" marker-end="url(#{pre}-arrowhead{})""#,
                    if crit { "-crit" } else { "" }
                )
            }
            Mark::LabelColumn => write!(f, r#" fill="{}""#, p.bg),
            Mark::LabelText(r) => write!(
                f,
                r#" fill="{}""#,
                if r.kind == RowKind::Phase {
                    p.text
                } else {
                    p.muted
                }
            ),
            Mark::RowGroup { row, .. } => {
                write!(f, r#" {}="{}""#, id_attr(row), xml_escape(&row.id))
            }
            Mark::Band => write!(
                f,
                r#" fill="{}" stroke="{}" stroke-dasharray="3 2""#,
                p.band, p.bar
            ),
            Mark::Diamond { filled } => write!(
                f,
                r#" fill="{}" stroke="{}" stroke-width="1.5""#,
                if filled { p.fill } else { p.bg },
                p.fill
            ),
            Mark::Hatch { line: false } => write!(f, r#" fill="{}""#, p.band),
            Mark::Hatch { line: true } => write!(f, r#" stroke="{}" stroke-width="2""#, p.bar),
            Mark::Bar(r) if r.nominal => write!(
                f,
                r#" fill="url(#{pre}-hatch)" stroke="{}" stroke-dasharray="4 3""#,
                p.arrow
            ),
            Mark::Bar(r) if r.open_ended => write!(f, r#" fill="url(#{pre}-fade)""#),
            Mark::Bar(r) if self.critical && r.critical => write!(
                f,
                r#" fill="{}" stroke="{}" stroke-width="2""#,
                p.bar, p.critical
            ),
            Mark::Bar(_) => write!(f, r#" fill="{}""#, p.bar),
            Mark::Fill { row, .. } if row.open_ended => {
                write!(f, r#" fill="url(#{pre}-fade-fill)""#)
            }
            Mark::Fill { .. } => write!(f, r#" fill="{}""#, p.fill),
            Mark::Note(r) if self.critical && r.critical => {
                write!(f, r#" fill="{}" font-weight="600""#, p.critical)
            }
            Mark::Note(_) => write!(f, r#" fill="{}""#, p.muted),
        }
    }

    /// A file has no toggles, focus outlines, drag handles or empty progress fills.
    fn draws(&self, mark: Mark<'_>) -> bool {
        match mark {
            Mark::Toggle(_) | Mark::Outline | Mark::Grip(_) => false,
            Mark::Fill { width, .. } => width > 0.0,
            _ => true,
        }
    }

    /// In a file the label carries the full description.
    fn label_title(&self, row: &Row, done: usize, total: usize) -> String {
        row.aria_label(done, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{layout, Options};

    #[test]
    fn the_page_names_classes_and_a_file_paints_colours() {
        let doc = "# P\n\n## Phase 1: Build (Week 1)\n- [ ] api ~2 days\n\n\
                   ## Phase 2: Run (Week 2+)\n- [ ] ops (depends on: api)\n";
        let t = layout(&crate::parse(doc), &Options::default());
        let row = t.rows.first().expect("a row");
        let arrow = t.arrows.first().expect("an arrow");
        let file = File {
            palette: Palette::DARK,
            critical: true,
        };
        let marks = [
            Mark::ArrowHead { critical: true },
            Mark::FadeStop {
                fill: true,
                end: false,
            },
            Mark::Grid,
            Mark::Stripe,
            Mark::Tick { major: true },
            Mark::TickLine { major: false },
            Mark::TickLabel,
            Mark::Today,
            Mark::Arrows,
            Mark::Arrow(arrow),
            Mark::LabelColumn,
            Mark::ColumnHead,
            Mark::Label(row),
            Mark::LabelText(row),
            Mark::Toggle(row),
            Mark::RowGroup {
                row,
                done: 1,
                total: 2,
            },
            Mark::Band,
            Mark::Diamond { filled: true },
            Mark::Hatch { line: true },
            Mark::Bar(row),
            Mark::Fill { row, width: 3.0 },
            Mark::Outline,
            Mark::Ghost,
            Mark::Grip(row),
            Mark::Note(row),
        ];
        for mark in marks {
            let page = (&Page as &dyn Style).attrs(mark).to_string();
            let inline = (&file as &dyn Style).attrs(mark).to_string();
            assert!(
                !page.contains('#'),
                "{mark:?}: the stylesheet colours the page: {page}"
            );
            assert!(
                !inline.contains("class="),
                "{mark:?}: a file has no stylesheet: {inline}"
            );
            for attrs in [&page, &inline] {
                assert!(
                    attrs.is_empty() || attrs.starts_with(' '),
                    "{mark:?}: {attrs}"
                );
            }
        }
        assert!(Page.draws(Mark::Outline) && !file.draws(Mark::Outline));
        assert!(Page.draws(Mark::Toggle(row)) && !file.draws(Mark::Toggle(row)));
        let empty = Mark::Fill { row, width: 0.0 };
        assert!(Page.draws(empty) && !file.draws(empty));
        assert_eq!(
            (&file as &dyn Style)
                .attrs(Mark::Tick { major: true })
                .to_string(),
            ""
        );
    }
}
