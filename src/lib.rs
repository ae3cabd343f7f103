//! roadboard: roadmap Markdown → interactive boards, timeline and dependency highlighting.
//!
//! The crate is a pure core (compiled and tested natively with `--no-default-features`):
//! - [`model`]: the roadmap model every view reads;
//! - [`parse`]: Markdown → model, tolerant of real-world documents;
//! - [`deps`]: the dependency graph (resolution, cycles, upstream/downstream);
//! - [`progress`]: the reader's checklist state and Markdown export;
//! - [`load`]: bytes → document text, with refusals a user understands;
//! - [`board`], [`render`], [`viewstate`], [`recent`]: board layout, safe display tree,
//!   view state in the address, recently opened documents — what the views draw;
//! - [`schedule`]: timeline geometry (bars, ticks, arrows, critical path) and its SVG export;
//!
//! and a thin Leptos shell behind the `web` feature (`app`, `components`, `net`, `storage`).

pub mod board;
pub mod deps;
pub mod highlight;
pub mod load;
pub mod model;
pub mod parse;
pub mod progress;
pub mod recent;
pub mod render;
pub mod schedule;
pub mod stats;
pub mod store;
pub mod viewstate;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod storage;

pub use model::Roadmap;
pub use parse::{parse, parse_named};
