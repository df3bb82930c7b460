//! The task editor: every field of a task, validated before anything is
//! saved, and the structure actions on the selected task.

pub mod actions;
pub mod area_offer;
mod draft;
pub mod extension_reason;
pub mod field;
pub mod keyboard;
pub mod milestones;
pub mod panel;
pub mod support_units;
pub mod unit_input;
pub mod unit_offer;
