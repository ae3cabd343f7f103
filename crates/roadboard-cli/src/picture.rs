//! `roadboard svg` and `roadboard html`: the timeline as a standalone SVG, and the roadmap as a
//! self-contained HTML page — both drawn by the core's export, with the document's own boxes as
//! progress.

use crate::input::{roadmap, source_name, today, Unreadable};
use roadboard_core::board::GroupBy;
use roadboard_core::export::{snapshot_html, timeline_svg, TimelineFile};
use roadboard_core::model::Status;
use roadboard_core::schedule::Palette;

/// What both pictures are drawn with.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct PictureArgs {
    /// The day the picture is of, YYYY-MM-DD (default: today, UTC)
    #[arg(long, value_name = "DATE", value_parser = crate::input::iso_date)]
    as_of: Option<String>,
    /// Start date for a roadmap without dates, YYYY-MM-DD (the axis then shows dates)
    #[arg(long, value_name = "DATE", value_parser = crate::input::iso_date)]
    start: Option<String>,
    /// Highlight the critical path
    #[arg(long)]
    critical: bool,
    /// Dark colours for the timeline
    #[arg(long)]
    dark: bool,
    /// Width of the timeline in pixels
    #[arg(long, default_value_t = 1100, value_parser = clap::value_parser!(u32).range(480..=20000))]
    width: u32,
}

/// How the snapshot's board groups its cards.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub(crate) enum Group {
    /// By the document's top sections
    #[default]
    Section,
    /// To do / In progress / Blocked / Done
    Status,
    /// Critical / High / Medium / Low
    Priority,
    /// By phase
    Phase,
}

impl From<Group> for GroupBy {
    fn from(g: Group) -> Self {
        match g {
            Group::Section => GroupBy::Section,
            Group::Status => GroupBy::Status,
            Group::Priority => GroupBy::Priority,
            Group::Phase => GroupBy::Phase,
        }
    }
}

fn file_options(file: &str, args: &PictureArgs) -> TimelineFile {
    TimelineFile {
        as_of: Some(args.as_of.clone().unwrap_or_else(today)),
        source: Some(source_name(file)),
        start_date: args.start.clone(),
        critical: args.critical,
        palette: if args.dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        },
        width: f64::from(args.width),
        ..TimelineFile::default()
    }
}

/// `roadboard svg FILE`: the timeline as a standalone SVG document.
pub(crate) fn svg(file: &str, args: &PictureArgs) -> Result<String, Unreadable> {
    let (_, map) = roadmap(file)?;
    let done = |i: usize| map.items.get(i).is_some_and(|it| it.status == Status::Done);
    Ok(timeline_svg(&map, &done, &file_options(file, args)))
}

/// `roadboard html FILE`: the roadmap as a self-contained static HTML page.
pub(crate) fn html(file: &str, group: Group, args: &PictureArgs) -> Result<String, Unreadable> {
    let (_, map) = roadmap(file)?;
    let done = |i: usize| map.items.get(i).is_some_and(|it| it.status == Status::Done);
    Ok(snapshot_html(
        &map,
        &done,
        group.into(),
        &file_options(file, args),
    ))
}
