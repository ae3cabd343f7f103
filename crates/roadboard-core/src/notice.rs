//! Messages for the reader about saving, storage and what they asked for: a kind the app acts
//! on, and words the reader reads. The app decides what to do with a notice from its kind,
//! never from its wording.

use crate::store::StorageError;
use std::fmt;

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoticeKind {
    /// Progress could not be saved (storage full, blocked, or another browser error): new ticks
    /// stay in this tab. A later successful save makes it obsolete.
    NotSaved,
    /// The saved progress was written by a newer roadboard: shown, never changed; new ticks stay
    /// in this tab.
    ReadOnly,
    /// The saved progress could not be read: it was kept aside as a backup, or left in place
    /// when there was no room for one.
    Unreadable,
    /// A document's own text could not be kept in this browser: a reload will not find it.
    DocumentNotKept,
    /// The outcome of something the reader asked for: opening, importing, downloading.
    Outcome,
}

/// A message for the reader, with what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What it is about: decides how long it is shown and what it offers.
    pub kind: NoticeKind,
    /// The words shown.
    pub message: String,
}

impl Notice {
    /// A notice of `kind` saying `message`.
    pub fn new(kind: NoticeKind, message: impl Into<String>) -> Self {
        Notice {
            kind,
            message: message.into(),
        }
    }

    /// The outcome of something the reader asked for.
    pub fn outcome(message: impl Into<String>) -> Self {
        Notice::new(NoticeKind::Outcome, message)
    }

    /// Whether a successful save makes this notice obsolete.
    pub fn cleared_by_save(&self) -> bool {
        self.kind == NoticeKind::NotSaved
    }

    /// Whether it means new ticks are kept only in this tab (so the reader should export them
    /// to keep a copy).
    pub fn ticks_stay_in_tab(&self) -> bool {
        matches!(self.kind, NoticeKind::NotSaved | NoticeKind::ReadOnly)
    }
}

impl From<StorageError> for Notice {
    fn from(e: StorageError) -> Self {
        let kind = match e {
            StorageError::ReadOnly(_) => NoticeKind::ReadOnly,
            _ => NoticeKind::NotSaved,
        };
        Notice::new(kind, e.to_string())
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_become_notices_of_their_kind() {
        for (e, kind) in [
            (StorageError::Unavailable, NoticeKind::NotSaved),
            (StorageError::QuotaExceeded, NoticeKind::NotSaved),
            (StorageError::Other("x".into()), NoticeKind::NotSaved),
            (StorageError::ReadOnly(3), NoticeKind::ReadOnly),
        ] {
            let n = Notice::from(e.clone());
            assert_eq!(n.kind, kind, "{e:?}");
            assert_eq!(n.message, e.to_string());
            assert!(n.ticks_stay_in_tab(), "{e:?}");
            assert_eq!(n.cleared_by_save(), kind == NoticeKind::NotSaved, "{e:?}");
        }
    }

    /// The wording never decides: an outcome that mentions storage is still an outcome.
    #[test]
    fn outcomes_are_not_storage_notices_whatever_they_say() {
        let n = Notice::outcome("Imported 3 ticks from “storage-plan.progress.json”.");
        assert!(!n.cleared_by_save());
        assert!(!n.ticks_stay_in_tab());
        let n = Notice::outcome("“a.json” was not imported: kept only in this tab.");
        assert!(!n.ticks_stay_in_tab());
    }
}
