//! Reading the files the commands name: a document or standard input, as UTF-8 text, with
//! messages a person can act on; and what the commands may fail with.

/// Why a command failed: the input could not be read (a message naming the file).
#[derive(Debug)]
pub(crate) struct Unreadable(pub(crate) String);

/// The file's text (`-` for standard input), read as the web app reads it (see
/// [`crate::io::read_document`]); a message naming the file otherwise.
pub(crate) fn read(path: &str) -> Result<String, Unreadable> {
    crate::io::read_document(path).map_err(|f| Unreadable(f.message()))
}

/// The file's name as a reader would say it ("ROADMAP.md"; "standard input" for `-`).
pub(crate) fn source_name(path: &str) -> String {
    if path == "-" {
        return "standard input".to_string();
    }
    std::path::Path::new(path)
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
        .to_string()
}

/// Read and parse `path`.
pub(crate) fn roadmap(path: &str) -> Result<(String, roadboard_core::Roadmap), Unreadable> {
    let text = read(path)?;
    let map = roadboard_core::parse_named(&text, crate::io::file_stem(path));
    Ok((text, map))
}

/// Today's date from the system clock (UTC), `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    roadboard_core::calendar::Date(days).iso()
}

/// `value` if it is a valid `YYYY-MM-DD` date (for clap).
pub(crate) fn iso_date(value: &str) -> Result<String, String> {
    roadboard_core::calendar::Date::parse_iso(value)
        .map(|d| d.iso())
        .ok_or_else(|| format!("{value:?} is not a date written YYYY-MM-DD"))
}
