//! The views. Each is thin: it reads the model and the reader's ticks; layout, filtering and
//! sanitising live in the core.

pub mod board;
pub mod board_keys;
pub mod deps_panel;
pub mod detail;
pub mod docpage;
pub mod docview;
pub mod home;
pub mod progress_menu;
pub mod rich;
pub mod timeline;
pub mod undo;
