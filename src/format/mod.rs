//! Files in and out, in pure Rust. Everything that reads untrusted text
//! (a file, or what localStorage hands back) goes through here and comes out
//! as domain values plus a list of problems, each with a path and a Chinese
//! message; nothing here panics on input.

pub mod breakdown;
pub mod envelope;
pub mod error;
pub mod head;
pub mod incoming;
mod items;
pub mod json;
pub mod messages;
mod migrate;
mod path;
mod repair;
pub mod restore;
pub mod sheets;

pub use envelope::{write_plan, WriteError, CURRENT_VERSION, PLAN_FORMAT};
pub use error::{Problem, RestoreError, RestoreErrorKind};
pub use restore::{restore_plan, restore_whole, Restored};
