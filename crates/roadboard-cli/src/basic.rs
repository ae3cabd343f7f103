//! `roadboard json`, `stats` and `export`: the model as JSON, a summary, and the document with
//! its boxes set from a progress file.

use crate::input::Unreadable;
use crate::io::{read_state, Failure};
use roadboard_core::progress::export_markdown;

/// Read and parse `file` (the CLI's one reader, [`crate::input::roadmap`]); unreadable is exit 1.
fn roadmap(file: &str) -> Result<(String, roadboard_core::Roadmap), Failure> {
    crate::input::roadmap(file).map_err(|Unreadable(msg)| Failure::Input(msg))
}

/// `roadboard json FILE`: the model as pretty JSON (schema 1).
pub(crate) fn json(file: &str) -> Result<String, Failure> {
    let (_, map) = roadmap(file)?;
    let mut s = serde_json::to_string_pretty(&map)
        .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// `roadboard stats FILE`: a human summary.
pub(crate) fn stats(file: &str) -> Result<String, Failure> {
    let (_, map) = roadmap(file)?;
    Ok(roadboard_core::stats::summary(&map))
}

/// `roadboard export FILE --state STATE`: FILE with its boxes set from STATE (read with the
/// web app's progress-file reader), every other byte unchanged.
pub(crate) fn export(file: &str, state: &str) -> Result<String, Failure> {
    let (text, map) = roadmap(file)?;
    let state = read_state(state)?;
    Ok(export_markdown(&text, &map, &state))
}
