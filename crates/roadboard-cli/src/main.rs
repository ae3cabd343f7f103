//! `roadboard`: the command-line face of the core (json, stats, export).

use roadboard_core::load::decode_text;
use roadboard_core::progress::{export_markdown, read_progress_file, ProgressFileError};
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  roadboard json FILE                    the model as JSON (schema 1)
  roadboard stats FILE                   a human summary
  roadboard export FILE --state STATE    FILE with checkboxes set from STATE (a progress file)

FILE may be - for standard input. Files are read as the web app reads them: UTF-8 (a BOM is
fine) or UTF-16 with a BOM; binary and empty files are refused.
Exit status: 0 done; 1 a file could not be read or the output not written; 2 bad usage, or a
STATE written by a newer roadboard.";

/// Why the command failed: bad usage or a newer format (exit 2), unreadable input (exit 1).
enum Failure {
    Usage(String),
    Newer(String),
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => emit(&mut std::io::stdout().lock(), out.as_bytes()),
        Err(Failure::Usage(msg)) => {
            say(&msg);
            ExitCode::from(2)
        }
        Err(Failure::Newer(msg)) => {
            say(&format!("roadboard: {msg}"));
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            say(&format!("roadboard: {msg}"));
            ExitCode::from(1)
        }
    }
}

/// Write the output and say how it went: a reader that stopped reading (`| head`) is not an
/// error (exit 0, nothing printed, as `cat` does); any other failure (a full disk) is a message
/// and exit 1. Never panics, unlike `print!`.
fn emit(out: &mut impl Write, bytes: &[u8]) -> ExitCode {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("roadboard: cannot write the output: {e}"));
            ExitCode::from(1)
        }
    }
}

/// A line on standard error; a closed standard error is ignored rather than a panic.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

/// The bytes of `path` (`-`: standard input).
fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        Ok(b)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))
    }
}

/// What a path is called in messages.
fn subject(path: &str) -> String {
    if path == "-" {
        "standard input".into()
    } else {
        path.to_string()
    }
}

/// The document's text, read as the web app reads it (without its size limit).
fn read(path: &str) -> Result<String, Failure> {
    let bytes = read_bytes(path)?;
    decode_text(&bytes).map_err(|e| Failure::Input(e.describe(&subject(path))))
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
            let name = subject(state);
            let read = read_progress_file(&read_bytes(state)?).map_err(|e| match e {
                ProgressFileError::Newer(_) => Failure::Newer(format!("{name}: {e}.")),
                _ => Failure::Input(format!("{name}: {e}.")),
            })?;
            for entry in &read.skipped {
                say(&format!("roadboard: {name}: left out {entry}"));
            }
            Ok(export_markdown(&text, &map, &read.state))
        }
        ["-h" | "--help" | "help"] => Ok(format!("{USAGE}\n")),
        _ => Err(Failure::Usage(USAGE.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a closed pipe or a full disk does.
    struct Failing(ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_success_and_other_failures_exit_1() {
        assert_eq!(
            emit(&mut Failing(ErrorKind::BrokenPipe), b"x"),
            ExitCode::SUCCESS
        );
        assert_eq!(
            emit(&mut Failing(ErrorKind::StorageFull), b"x"),
            ExitCode::from(1)
        );
        assert_eq!(emit(&mut Vec::new(), b"x"), ExitCode::SUCCESS);
    }
}
