//! `roadboard`: the command-line face of the core (json, stats, export).

use roadboard::progress::{export_markdown, ProgressState};
use std::process::ExitCode;

const USAGE: &str = "usage:
  roadboard json FILE                    the model as JSON (schema 1)
  roadboard stats FILE                   a human summary
  roadboard export FILE --state STATE    FILE with checkboxes set from STATE (JSON)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("roadboard: {msg}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}

fn file_stem(path: &str) -> Option<&str> {
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
}

fn run(args: &[String]) -> Result<String, String> {
    match args {
        [cmd, file] if cmd == "json" => {
            let text = read(file)?;
            let map = roadboard::parse_named(&text, file_stem(file));
            let mut s = serde_json::to_string_pretty(&map).map_err(|e| e.to_string())?;
            s.push('\n');
            Ok(s)
        }
        [cmd, file] if cmd == "stats" => {
            let text = read(file)?;
            let map = roadboard::parse_named(&text, file_stem(file));
            Ok(roadboard::stats::summary(&map))
        }
        [cmd, file, flag, state] if cmd == "export" && flag == "--state" => {
            let text = read(file)?;
            let map = roadboard::parse_named(&text, file_stem(file));
            let state: ProgressState = serde_json::from_str(&read(state)?)
                .map_err(|e| format!("{state} is not a roadboard progress file: {e}"))?;
            Ok(export_markdown(&text, &map, &state))
        }
        _ => Err(USAGE.to_string()),
    }
}
