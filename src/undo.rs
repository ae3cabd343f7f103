//! What the reader did that can be undone (ticks, unticks, imports, resets), most recent last,
//! and the message the "Undo" toast shows for it. The undo itself goes through the document's
//! one tick/replace path ([`crate::doc::DocModel::undo_recent`]), so it is saved like a tick.

use leptos::prelude::*;
use roadboard_core::model::Item;
use roadboard_core::progress::ProgressState;

/// Most changes kept for undo.
const KEPT: usize = 100;

/// A change the reader made.
#[derive(Debug, Clone)]
pub enum Change {
    /// Item `index` was ticked or unticked; it was `before`.
    Tick {
        /// The item.
        index: usize,
        /// Ticked before the change.
        before: bool,
    },
    /// All progress was replaced (import, reset, discard); it was `before`.
    Replace {
        /// The progress before.
        before: ProgressState,
    },
}

/// The toast: a message and whether it offers "Undo". `serial` tells toasts apart, so an old
/// toast's timer does not hide a newer one.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    /// Increases with every toast.
    pub serial: u64,
    /// What happened ("Ticked “Write tests”").
    pub message: String,
    /// Whether the toast offers "Undo" (not after an undo).
    pub can_undo: bool,
}

/// The undo stack of an opened document and its toast.
#[derive(Clone, Copy)]
pub struct UndoLog {
    stack: StoredValue<Vec<(Change, String)>>,
    /// The toast on screen, if any.
    pub toast: RwSignal<Option<Toast>>,
    serial: StoredValue<u64>,
}

impl Default for UndoLog {
    fn default() -> Self {
        Self::new()
    }
}

impl UndoLog {
    /// An empty log.
    pub fn new() -> Self {
        UndoLog {
            stack: StoredValue::new(Vec::new()),
            toast: RwSignal::new(None),
            serial: StoredValue::new(0),
        }
    }

    /// Remember `change` (described by `message`) and show it with "Undo".
    pub fn record(&self, change: Change, message: String) {
        self.remember(change, message.clone());
        // The toast comes a task later: the tick's own frame stays as short as before.
        let me = *self;
        set_timeout(move || me.show(message, true), std::time::Duration::ZERO);
    }

    /// Remember `change` for Ctrl/Cmd+Z without a toast (a reset has its own banner).
    pub fn remember(&self, change: Change, message: String) {
        self.stack.update_value(|s| {
            s.push((change, message));
            if s.len() > KEPT {
                s.remove(0);
            }
        });
    }

    /// Forget the most recent change if it replaced all progress (the reset banner undid it).
    pub fn forget_replace(&self) {
        self.stack.update_value(|s| {
            if matches!(s.last(), Some((Change::Replace { .. }, _))) {
                s.pop();
            }
        });
    }

    /// The most recent change, taken off the stack.
    pub fn pop(&self) -> Option<(Change, String)> {
        let mut out = None;
        self.stack.update_value(|s| out = s.pop());
        out
    }

    /// Show a toast.
    pub fn show(&self, message: String, can_undo: bool) {
        let serial = self.serial.get_value() + 1;
        self.serial.set_value(serial);
        self.toast.set(Some(Toast {
            serial,
            message,
            can_undo,
        }));
    }
}

/// The toast message for ticking (or unticking) `item`.
pub fn tick_message(item: &Item, ticked: bool) -> String {
    let name = item.title.as_deref().unwrap_or(&item.text);
    let mut short: String = name.chars().take(60).collect();
    if short.len() < name.len() {
        short.push('…');
    }
    format!("{} “{short}”", if ticked { "Ticked" } else { "Unticked" })
}
