//! `roadboard`: the command-line face of the core (json, stats, export, diff).

mod diff;

use roadboard_core::progress::{export_markdown, ProgressState};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  roadboard json FILE                    the model as JSON (schema 1)
  roadboard stats FILE                   a human summary
  roadboard export FILE --state STATE    FILE with checkboxes set from STATE (JSON)
  roadboard diff OLD NEW [--json]        what changed between two versions

FILE may be - for standard input.";

/// Why the command failed: bad usage (exit 2) or unreadable input (exit 1).
enum Failure {
    Usage(String),
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("diff") {
        let rest: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
        let json = rest.contains(&"--json");
        let files: Vec<&str> = rest.into_iter().filter(|a| *a != "--json").collect();
        if let [old, new] = files.as_slice() {
            return ExitCode::from(diff::run(old, new, json, &mut std::io::stdout().lock()));
        }
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("roadboard: {msg}");
            ExitCode::from(1)
        }
    }
}

/// The file's text; a message naming the first line that is not UTF-8 otherwise.
fn read(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        Failure::Input(format!(
            "{path} is not UTF-8 text (first bad byte on line {line}); save it as UTF-8"
        ))
    })
}

fn file_stem(path: &str) -> Option<&str> {
    if path == "-" {
        return None;
    }
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
}

fn run(args: &[String]) -> Result<String, Failure> {
    let strs: Vec<&str> = args.iter().map(String::as_str).collect();
    match strs.as_slice() {
        ["json", file] => {
            let text = read(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            let mut s = serde_json::to_string_pretty(&map)
                .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
            s.push('\n');
            Ok(s)
        }
        ["stats", file] => {
            let text = read(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            Ok(roadboard_core::stats::summary(&map))
        }
        ["export", file, "--state", state] | ["export", "--state", state, file] => {
            let text = read(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            let state: ProgressState = serde_json::from_str(&read(state)?).map_err(|e| {
                Failure::Input(format!("{state} is not a roadboard progress file: {e}"))
            })?;
            Ok(export_markdown(&text, &map, &state))
        }
        ["-h" | "--help" | "help"] => Ok(format!("{USAGE}\n")),
        _ => Err(Failure::Usage(USAGE.to_string())),
    }
}
