//! roadboard's core: roadmap Markdown → a model, a dependency graph, a timeline, progress.
//!
//! Pure Rust with no browser types: the web app (the root package) and the `roadboard` CLI
//! (`crates/roadboard-cli`) are thin faces over it, and everything here is built and tested
//! natively.
//!
//! - [`model`]: the roadmap model every view reads (the `roadboard json` schema);
//! - [`parse()`] / [`parse_named`] (module [`mod@parse`]): Markdown → model, tolerant of
//!   real-world documents, never failing;
//! - [`deps`]: the dependency graph (resolution, cycles); [`highlight`]: upstream/downstream;
//!   [`graph`]: the walks they and the critical path share (cycles, reachability, longest chain);
//! - [`calendar`]: civil dates and working days, shared by the parser and the timeline;
//! - [`schedule`]: timeline geometry (bars, ticks, arrows, critical path) and its SVG export;
//! - [`progress`]: the reader's checklist state, the one progress-file reader and Markdown
//!   export; [`store`]: progress storage over any key-value store; [`backup`]: values kept
//!   aside; [`docid`]: which document (the id in storage keys and links); [`notice`]: messages
//!   for the reader, by kind;
//! - [`follow`]: following a file on disk (change detection, the write-back conflict rule);
//! - [`load`]: bytes → document text, with refusals a user understands; [`address`]: which
//!   `?src=` addresses are opened;
//! - [`detail`]: the notes under an item, for its detail panel;
//! - [`arrange`]: the board's default grouping, fitted to the document;
//! - [`board`], [`render`], [`viewstate`], [`recent`]: board layout, safe display tree, view
//!   state in the address, recently opened documents — what the views draw;
//! - [`export`]: the timeline as a standalone SVG and the roadmap as a static HTML page;
//! - [`stats`]: the `roadboard stats` summary; [`health`]: the findings of `roadboard check`.

pub mod address;
pub mod arrange;
pub mod backup;
pub mod board;
pub mod calendar;
pub mod changes;
pub mod deps;
pub mod detail;
pub mod docid;
pub mod export;
pub mod follow;
pub mod graph;
pub mod health;
pub mod highlight;
pub mod load;
pub mod model;
pub mod notice;
pub mod parse;
pub mod progress;
pub mod recent;
pub mod render;
pub mod schedule;
pub mod sharelink;
pub mod stats;
pub mod store;
pub mod viewstate;

pub use model::Roadmap;
pub use parse::slug;
pub use parse::{parse, parse_named};
