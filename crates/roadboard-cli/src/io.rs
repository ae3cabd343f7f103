//! The CLI's input and output, kept apart from its argument parsing so any front end can use
//! them: files read as the web app reads them, the one progress-file reader, exit codes, and
//! writes that never panic (a closed pipe is a quiet success, a full disk exit 1).

use roadboard_core::load::decode_text;
use roadboard_core::progress::{read_progress_file, ProgressFileError, ProgressState};
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

/// Why a command failed, and so its exit status.
pub(crate) enum Failure {
    /// A progress file from a newer roadboard (exit 2).
    Newer(String),
    /// A file could not be read or is not a roadmap (exit 1).
    Input(String),
}

impl Failure {
    /// What failed, in words (without the exit status).
    pub(crate) fn message(self) -> String {
        match self {
            Failure::Newer(m) | Failure::Input(m) => m,
        }
    }

    /// Say what failed on standard error; the exit status that goes with it.
    pub(crate) fn report(self) -> ExitCode {
        match self {
            Failure::Newer(msg) => {
                say(&format!("roadboard: {msg}"));
                ExitCode::from(2)
            }
            Failure::Input(msg) => {
                say(&format!("roadboard: {msg}"));
                ExitCode::from(1)
            }
        }
    }
}

/// Write the output and say how it went: a reader that stopped reading (`| head`) is not an
/// error (exit 0, nothing printed, as `cat` does); any other failure (a full disk) is a message
/// and exit 1. Never panics, unlike `print!`.
pub(crate) fn emit(out: &mut impl Write, bytes: &[u8]) -> ExitCode {
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
pub(crate) fn say(msg: &str) {
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

/// The document's text, read as the web app reads it (UTF-8 with or without a BOM, UTF-16
/// with a BOM; empty and binary input refused), without its size limit.
pub(crate) fn read_document(path: &str) -> Result<String, Failure> {
    let bytes = read_bytes(path)?;
    decode_text(&bytes).map_err(|e| Failure::Input(e.describe(&subject(path))))
}

/// The name a document is titled by when it has no heading: its file name without extension.
pub(crate) fn file_stem(path: &str) -> Option<&str> {
    if path == "-" {
        return None;
    }
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
}

/// A progress file read with the web's "Import progress…" reader: every version, a BOM, the
/// flat map; an entry it cannot read is left out with a warning on standard error; a newer
/// version is refused (exit 2).
pub(crate) fn read_state(path: &str) -> Result<ProgressState, Failure> {
    let name = subject(path);
    let read = read_progress_file(&read_bytes(path)?).map_err(|e| match e {
        ProgressFileError::Newer(_) => Failure::Newer(format!("{name}: {e}.")),
        _ => Failure::Input(format!("{name}: {e}.")),
    })?;
    for entry in &read.skipped {
        say(&format!("roadboard: {name}: left out {entry}"));
    }
    Ok(read.state)
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
