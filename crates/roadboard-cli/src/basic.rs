//! `roadboard json`, `stats` and `export`: the model as JSON, a summary, and the document with
//! its boxes set from a progress file.

use crate::input::{read, roadmap, Unreadable};
use roadboard_core::progress::{export_markdown, ProgressState};

/// `roadboard json FILE`: the model as pretty JSON (schema 1).
pub(crate) fn json(file: &str) -> Result<String, Unreadable> {
    let (_, map) = roadmap(file)?;
    let mut s = serde_json::to_string_pretty(&map)
        .map_err(|e| Unreadable(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// `roadboard stats FILE`: a human summary.
pub(crate) fn stats(file: &str) -> Result<String, Unreadable> {
    let (_, map) = roadmap(file)?;
    Ok(roadboard_core::stats::summary(&map))
}

/// `roadboard export FILE --state STATE`: FILE with its boxes set from STATE, every other byte
/// unchanged.
pub(crate) fn export(file: &str, state: &str) -> Result<String, Unreadable> {
    let (text, map) = roadmap(file)?;
    let state_text = read(state)?;
    let state: ProgressState = serde_json::from_str(&state_text)
        .map_err(|e| Unreadable(format!("{state} is not a roadboard progress file: {e}")))?;
    Ok(export_markdown(&text, &map, &state))
}
