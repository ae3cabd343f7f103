//! Following a roadmap file on disk: when a change happened, whether writing the reader's ticks
//! back is safe, the bytes written, and the messages the reader sees.
//!
//! The browser (File System Access API) only supplies a file's modification time, size and
//! bytes; every decision is made here, so it is tested natively.

use crate::progress::{export_markdown, ProgressState};
use crate::Roadmap;
use std::fmt;

/// What the browser says about a file without reading it: its modification time and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileStamp {
    /// `lastModified`, in milliseconds since 1970.
    pub modified_ms: u64,
    /// Size in bytes.
    pub size: u64,
}

impl FileStamp {
    /// Whether the file may have changed since `seen` was taken: a different modification time
    /// or size. (Equal stamps are trusted: the file is not read again.)
    pub fn differs_from(&self, seen: &FileStamp) -> bool {
        self != seen
    }
}

/// The file as it was last read: its stamp and its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadFile {
    /// Stamp when read.
    pub stamp: FileStamp,
    /// The text read (the file's bytes, which were UTF-8).
    pub text: String,
}

/// Whether the text on disk now is a change to show: the bytes differ from what was read.
/// A touched file (new time, same bytes) is not redrawn.
pub fn is_new_version(read: &ReadFile, on_disk: &str) -> bool {
    read.text != on_disk
}

/// Why the reader's ticks were not written to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteRefusal {
    /// The file changed on disk since roadboard read it: writing would overwrite that change.
    ChangedOnDisk,
    /// Every box in the file already says what the reader's ticks say.
    NothingToWrite,
}

impl fmt::Display for WriteRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteRefusal::ChangedOnDisk => f.write_str(
                "Not written: the file changed on disk since roadboard read it. roadboard has read it again; check your ticks and write again.",
            ),
            WriteRefusal::NothingToWrite => {
                f.write_str("Nothing to write: every box in the file already matches your ticks.")
            }
        }
    }
}

/// The bytes to write: `read.text` with each task box set to the reader's tick (the byte-exact
/// [`export_markdown`]), or why not. `on_disk` is the file's text just before writing; when it
/// is not what was read, the write is refused (the conflict rule: never overwrite a change made
/// elsewhere).
pub fn plan_write(
    read: &ReadFile,
    on_disk: &str,
    roadmap: &Roadmap,
    state: &ProgressState,
) -> Result<String, WriteRefusal> {
    if is_new_version(read, on_disk) {
        return Err(WriteRefusal::ChangedOnDisk);
    }
    let out = export_markdown(&read.text, roadmap, state);
    if out == read.text {
        return Err(WriteRefusal::NothingToWrite);
    }
    Ok(out)
}

/// How many task boxes a write would change (for the confirmation).
pub fn boxes_changed(before: &str, after: &str) -> usize {
    before
        .bytes()
        .zip(after.bytes())
        .filter(|(a, b)| a != b)
        .count()
}

/// Why a followed file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowProblem {
    /// The file is gone from where it was opened (deleted, moved or renamed).
    Gone,
    /// The browser no longer allows reading (or writing) it.
    PermissionDenied,
    /// Another error, with the browser's words.
    Other(String),
}

impl FollowProblem {
    /// The problem a browser error name (`DOMException.name`) stands for.
    pub fn from_error_name(name: &str, message: &str) -> Self {
        match name {
            "NotFoundError" | "NotReadableError" => FollowProblem::Gone,
            "NotAllowedError" | "SecurityError" => FollowProblem::PermissionDenied,
            _ => FollowProblem::Other(message.to_string()),
        }
    }

    /// The message for the reader about file `name`.
    pub fn message(&self, name: &str) -> String {
        match self {
            FollowProblem::Gone => format!(
                "“{name}” can no longer be found on disk (deleted, moved or renamed). The last version read stays on screen; open the file again to follow it."
            ),
            FollowProblem::PermissionDenied => format!(
                "The browser no longer allows roadboard to read or write “{name}” (permission denied). The last version read stays on screen; open the file again to follow it."
            ),
            FollowProblem::Other(m) => format!(
                "“{name}” could not be read ({m}). The last version read stays on screen."
            ),
        }
    }
}

/// The note after a redraw from disk: "Updated from disk 12:04" (local time).
pub fn updated_note(hours: u32, minutes: u32) -> String {
    format!("Updated from disk {hours:02}:{minutes:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> ReadFile {
        ReadFile {
            stamp: FileStamp {
                modified_ms: 1000,
                size: text.len() as u64,
            },
            text: text.to_string(),
        }
    }

    #[test]
    fn a_change_is_a_new_time_or_size_then_new_bytes() {
        let seen = FileStamp {
            modified_ms: 1000,
            size: 10,
        };
        assert!(!seen.differs_from(&seen));
        assert!(FileStamp {
            modified_ms: 1001,
            ..seen
        }
        .differs_from(&seen));
        assert!(FileStamp { size: 11, ..seen }.differs_from(&seen));
        let r = read("# T\n- [ ] a\n");
        assert!(
            !is_new_version(&r, "# T\n- [ ] a\n"),
            "touched, not changed"
        );
        assert!(is_new_version(&r, "# T\n- [ ] a\n- [ ] b\n"));
    }

    #[test]
    fn writing_changes_only_box_bytes() {
        let text = "\u{feff}# Plan\r\n- [ ] Build *it*  \r\n- [x] Ship\r\n\ttrailing\t\r\n";
        let map = crate::parse(text);
        let mut st = ProgressState::new();
        st.set(&map.items[0].id, true, "Build");
        st.set(&map.items[1].id, false, "Ship");
        let r = read(text);
        let out = plan_write(&r, text, &map, &st).expect("writable");
        assert_eq!(out.len(), text.len());
        let diffs: Vec<usize> = text
            .bytes()
            .zip(out.bytes())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(diffs.len(), 2);
        for i in diffs {
            assert_eq!(
                text.as_bytes().get(i - 1),
                Some(&b'['),
                "only box characters"
            );
        }
        assert_eq!(boxes_changed(text, &out), 2);
    }

    #[test]
    fn a_change_on_disk_refuses_the_write() {
        let text = "# T\n- [ ] a\n";
        let map = crate::parse(text);
        let mut st = ProgressState::new();
        st.set(&map.items[0].id, true, "a");
        let r = read(text);
        assert_eq!(
            plan_write(&r, "# T\n- [ ] a\n- [ ] b\n", &map, &st),
            Err(WriteRefusal::ChangedOnDisk)
        );
        let none = ProgressState::new();
        assert_eq!(
            plan_write(&r, text, &map, &none),
            Err(WriteRefusal::NothingToWrite)
        );
        assert!(WriteRefusal::ChangedOnDisk
            .to_string()
            .contains("changed on disk"));
    }

    #[test]
    fn problems_and_notes_read_well() {
        assert_eq!(
            FollowProblem::from_error_name("NotFoundError", "x"),
            FollowProblem::Gone
        );
        assert_eq!(
            FollowProblem::from_error_name("NotAllowedError", "x"),
            FollowProblem::PermissionDenied
        );
        assert!(FollowProblem::Gone.message("R.md").contains("last version"));
        assert!(FollowProblem::PermissionDenied
            .message("R.md")
            .contains("permission denied"));
        assert_eq!(updated_note(9, 4), "Updated from disk 09:04");
    }
}
