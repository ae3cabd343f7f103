//! The roadboard web app: a thin Leptos shell over [`roadboard_core`].
//!
//! Everything here is behind the `web` feature (on by default): without it the package is
//! empty, so native builds and tests of the workspace compile no browser stack.
//!
//! Imports run one way, top to bottom (checked by `scripts/check-shell-layers.py`):
//! - `app`: the root component (address ↔ view, dropped files, which page shows);
//! - `components`: the views (home, board, timeline, document, dependencies, progress menu);
//! - `session`: the shared session context and opening documents (files, pastes, stored
//!   texts, addresses, links); `doc`: the opened document's view model (ticks, saving,
//!   highlight);
//! - `dom`: small browser helpers (events, queries, marks, downloads); `net`: fetching
//!   documents named by address; `follow`: a file followed on disk (File System Access API);
//!   `storage`: localStorage under the core's store seam; `undo`: the reader's changes that can
//!   be undone.

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod doc;
#[cfg(feature = "web")]
pub mod dom;
#[cfg(feature = "web")]
pub mod follow;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod session;
#[cfg(feature = "web")]
pub mod storage;
#[cfg(feature = "web")]
pub mod undo;
