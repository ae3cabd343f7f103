//! `roadboard`: the command-line face of the core — the model as JSON, a summary, Markdown
//! export, what changed between two versions, health checks for CI, the timeline as SVG and the roadmap as a static HTML page.
//!
//! Each command's logic lives in a module of its own; this file only reads the arguments
//! (clap) and turns each command's result into output and an exit code.

mod basic;
mod check;
mod diff;
mod input;
mod io;
mod picture;

use clap::{Parser, Subcommand};
use input::Unreadable;
use io::{emit, say, Failure};
use std::process::ExitCode;

/// Roadmap Markdown as data, checks and pictures: the command line of roadboard.
#[derive(Parser)]
#[command(
    name = "roadboard",
    version,
    about,
    help_template = "{name} {version}\n{about}\n\nusage: {usage}\n\n{all-args}{after-help}",
    after_help = "FILE may be - for standard input. Files are read as the web app reads them: UTF-8 (a BOM is \
fine) or UTF-16 with a BOM; binary and empty files are refused.\n\
Exit status: 0 done; 1 a file could not be read or the output not written (check: errors found); \
2 bad usage, a STATE written by a newer roadboard (check: a file could not be read).\n\
`roadboard help COMMAND` says more about a command."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The model as JSON (schema 1)
    Json {
        /// The roadmap (Markdown), or - for standard input
        file: String,
    },
    /// A human summary: progress, claims, phases, sections
    Stats {
        /// The roadmap (Markdown), or - for standard input
        file: String,
    },
    /// FILE with its checkboxes set from STATE (JSON), every other byte unchanged
    Export {
        /// The roadmap (Markdown), or - for standard input
        file: String,
        /// A roadboard progress file (what the web app's "Download progress" saves)
        #[arg(long, value_name = "STATE")]
        state: String,
    },
    /// What changed between two versions: added, removed, edited, status changed, moved, re-dated
    Diff {
        /// The older version (Markdown), or - for standard input
        old: String,
        /// The newer version (Markdown), or - for standard input
        new: String,
        /// Write the changes as JSON for tools
        #[arg(long)]
        json: bool,
    },
    /// Check roadmaps for CI: dependency cycles, ambiguous and broken references, stale claims
    #[command(long_about = CHECK_HELP)]
    Check {
        /// The roadmaps to check (Markdown), or - for standard input
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Fail (exit 1) on warnings too, not only on errors
        #[arg(long)]
        deny_warnings: bool,
        /// How to write the findings
        #[arg(long, value_enum, default_value_t = check::Format::Human)]
        format: check::Format,
    },
    /// The timeline as a standalone SVG (title, legend, as-of date, full labels), for a README
    #[command(
        long_about = "The timeline as a standalone, well-formed SVG document: the title, the as-of date and progress, a legend, and every phase with its full title. Inline colours, no scripts: GitHub shows it as an image.\n\nExample: roadboard svg ROADMAP.md > timeline.svg"
    )]
    Svg {
        /// The roadmap (Markdown), or - for standard input
        file: String,
        #[command(flatten)]
        picture: picture::PictureArgs,
    },
    /// The roadmap as a self-contained static HTML page (board, phases, timeline)
    #[command(
        long_about = "The roadmap as one self-contained HTML page: title, as-of date and source, overall and per-phase progress, the board's columns with their cards and statuses, the timeline and the health findings. Inline CSS and SVG, no scripts, no external requests: for CI artefacts, e-mail and archives.\n\nExample: roadboard html ROADMAP.md > roadmap.html"
    )]
    Html {
        /// The roadmap (Markdown), or - for standard input
        file: String,
        /// How the board groups its cards
        #[arg(long, value_enum, default_value_t = picture::Group::Section)]
        group: picture::Group,
        #[command(flatten)]
        picture: picture::PictureArgs,
    },
}

const CHECK_HELP: &str = "Check roadmaps for CI.

Errors (exit 1): dependency cycles (nothing on them can start first) and ambiguous references
(a reference that names two or more things, so no dependency is drawn).

Warnings (exit 1 only with --deny-warnings): references written as an id or numbered name that
match nothing (external prerequisites, names the document does not define, are fine); a done
item whose prerequisite is still open; a phase whose written time starts before a phase it
depends on ends; a claim about the whole document more than 20 points from measured progress;
a phase, not marked done, with no time written.

Exit codes: 0 no errors, 1 errors (or warnings with --deny-warnings), 2 a file could not be
read or the arguments are wrong.

In GitHub Actions, --format github turns each finding into an annotation on its line.";

fn main() -> ExitCode {
    // No command at all: the usage, as an error (exit 2), as before clap.
    if std::env::args_os().len() <= 1 {
        let mut cmd = <Cli as clap::CommandFactory>::command();
        say(&cmd.render_help().to_string());
        return ExitCode::from(2);
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Json { file } => finish(basic::json(&file)),
        Command::Stats { file } => finish(basic::stats(&file)),
        Command::Export { file, state } => finish(basic::export(&file, &state)),
        Command::Diff { old, new, json } => {
            ExitCode::from(diff::run(&old, &new, json, &mut std::io::stdout().lock()))
        }
        Command::Check {
            files,
            deny_warnings,
            format,
        } => {
            let outcome = check::run(&files, format, deny_warnings);
            for Unreadable(msg) in &outcome.unreadable {
                say(&format!("roadboard: {msg}"));
            }
            if emit(&mut std::io::stdout().lock(), outcome.out.as_bytes()) != ExitCode::SUCCESS {
                return ExitCode::from(1);
            }
            ExitCode::from(outcome.code)
        }
        Command::Svg { file, picture } => finish(picture::svg(&file, &picture).map_err(input)),
        Command::Html {
            file,
            group,
            picture,
        } => finish(picture::html(&file, group, &picture).map_err(input)),
    }
}

/// A picture's unreadable input: exit 1, as for the other commands.
fn input(Unreadable(msg): Unreadable) -> Failure {
    Failure::Input(msg)
}

/// A command's output on standard output (exit 0; a closed pipe is fine, a full disk exit 1),
/// or its failure on standard error with its exit status.
fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(out) => emit(&mut std::io::stdout().lock(), out.as_bytes()),
        Err(failure) => failure.report(),
    }
}
