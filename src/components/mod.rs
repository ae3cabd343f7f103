//! The views. Each is thin: it reads the model and the reader's ticks; layout, filtering and
//! sanitising live in the core.

pub mod banners;
pub mod board;
pub mod board_events;
pub mod board_keys;
pub mod card;
pub mod card_details;
pub mod changes;
pub mod deps_panel;
pub mod detail;
pub mod docpage;
pub mod docview;
pub mod follow;
pub mod health;
pub mod home;
pub mod kept;
pub mod progress_menu;
pub mod rich;
pub mod share_link;
pub mod snapshot;
pub mod timeline;
pub mod undo;
pub mod whatif;
