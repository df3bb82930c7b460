//! Several plans: opening, creating, copying to the next year, deleting,
//! and the switcher in the header.

pub mod open;
pub mod switcher;
