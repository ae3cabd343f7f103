//! The views. Each is thin: it reads the model and the progress state, the logic lives in the core.

pub mod home;
pub mod roadmap;
