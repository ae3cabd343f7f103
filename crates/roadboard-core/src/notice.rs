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
    /// The saved progress could not be read and there was no room to keep it aside: it is left
    /// as it was and new ticks are not saved until the reader downloads and clears it.
    Locked,
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
        matches!(
            self.kind,
            NoticeKind::NotSaved | NoticeKind::ReadOnly | NoticeKind::Locked
        )
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

/// The words of the banner on an opened document that says what is not being kept, once:
/// why the document's own text could not be stored (`text_not_kept`), and why ticks are not
/// being saved (`ticks`, a notice of a storage kind). The banner's buttons ("Download this
/// document", "Export progress") say what to do, so the words do not repeat them.
pub fn storage_banner(
    text_not_kept: Option<&StorageError>,
    ticks: Option<&Notice>,
) -> Option<String> {
    let ticks = ticks.filter(|n| n.ticks_stay_in_tab());
    match (text_not_kept, ticks) {
        (None, None) => None,
        (None, Some(n)) => Some(n.message.clone()),
        (Some(StorageError::Unavailable), Some(n)) if n.kind == NoticeKind::NotSaved => Some(
            "Your browser blocked storage: this roadmap and your ticks are kept only in this tab until you close it. Download them to keep a copy.".into(),
        ),
        (Some(e), ticks) => {
            let mut s = format!(
                "This roadmap could not be kept in this browser ({}): after a reload it will be gone. Download it to keep a copy.",
                cause(e)
            );
            if let Some(n) = ticks {
                s.push(' ');
                s.push_str(&n.message);
            }
            Some(s)
        }
    }
}

/// Why something could not be stored, as a clause.
fn cause(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => "your browser blocked storage".into(),
        StorageError::QuotaExceeded => "your browser's storage for this site is full".into(),
        StorageError::ReadOnly(v) => format!("a newer roadboard's format {v} is stored"),
        StorageError::Other(m) => format!("the browser refused: {m}"),
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

    /// Issue 13, point 8: notices repeated themselves ("Export your progress to keep it. Use
    /// Progress ▾ → Export progress to keep a copy."); each says what happened, once.
    #[test]
    fn r13_8_the_storage_banner_says_each_thing_once() {
        let quota = Notice::from(StorageError::QuotaExceeded);
        let blocked = Notice::from(StorageError::Unavailable);
        let read_only = Notice::from(StorageError::ReadOnly(2));
        let cases = [
            storage_banner(None, Some(&quota)),
            storage_banner(None, Some(&blocked)),
            storage_banner(None, Some(&read_only)),
            storage_banner(Some(&StorageError::QuotaExceeded), None),
            storage_banner(Some(&StorageError::QuotaExceeded), Some(&quota)),
            storage_banner(Some(&StorageError::Unavailable), Some(&blocked)),
        ];
        for text in cases {
            let text = text.expect("a banner");
            assert!(!text.contains("Export"), "the button says it: {text}");
            let sentences: Vec<&str> = text.split(". ").collect();
            for (k, s) in sentences.iter().enumerate() {
                assert!(!sentences[k + 1..].contains(s), "repeated: {text}");
            }
            assert_eq!(
                text.matches("blocked storage").count().min(1),
                text.matches("blocked storage").count(),
                "{text}"
            );
        }
        assert_eq!(storage_banner(None, None), None);
        let outcome = Notice::outcome("Imported 2 ticks.");
        assert_eq!(
            storage_banner(None, Some(&outcome)),
            None,
            "not a storage notice"
        );
    }
}
