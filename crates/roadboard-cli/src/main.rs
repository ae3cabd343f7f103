//! `roadboard`: the command-line face of the core (json, stats, export). Reading, writing and
//! exit codes live in [`io`]; this file only parses the arguments.

mod io;

use io::{emit, file_stem, read_document, read_state, Failure};
use roadboard_core::progress::export_markdown;
use std::process::ExitCode;

const USAGE: &str = "usage:
  roadboard json FILE                    the model as JSON (schema 1)
  roadboard stats FILE                   a human summary
  roadboard export FILE --state STATE    FILE with checkboxes set from STATE (a progress file)

FILE may be - for standard input. Files are read as the web app reads them: UTF-8 (a BOM is
fine) or UTF-16 with a BOM; binary and empty files are refused.
Exit status: 0 done; 1 a file could not be read or the output not written; 2 bad usage, or a
STATE written by a newer roadboard.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => emit(&mut std::io::stdout().lock(), out.as_bytes()),
        Err(failure) => failure.report(),
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    let strs: Vec<&str> = args.iter().map(String::as_str).collect();
    match strs.as_slice() {
        ["json", file] => {
            let text = read_document(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            let mut s = serde_json::to_string_pretty(&map)
                .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
            s.push('\n');
            Ok(s)
        }
        ["stats", file] => {
            let text = read_document(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            Ok(roadboard_core::stats::summary(&map))
        }
        ["export", file, "--state", state] | ["export", "--state", state, file] => {
            let text = read_document(file)?;
            let map = roadboard_core::parse_named(&text, file_stem(file));
            let state = read_state(state)?;
            Ok(export_markdown(&text, &map, &state))
        }
        ["-h" | "--help" | "help"] => Ok(format!("{USAGE}\n")),
        _ => Err(Failure::Usage(USAGE.to_string())),
    }
}
