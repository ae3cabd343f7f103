//! The roadboard web app: a thin Leptos shell over [`roadboard_core`].
//!
//! Everything here is behind the `web` feature (on by default): without it the package is
//! empty, so native builds and tests of the workspace compile no browser stack.
//! - `app`: the root component and the session (document, ticks, notices);
//! - `components`: the views (home, board, timeline, document, dependencies, progress menu);
//! - `net`: fetching documents named by address;
//! - `storage`: localStorage under the core's store seam.

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod storage;
