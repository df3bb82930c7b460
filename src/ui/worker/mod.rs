//! The worker: what is not drawing runs there (`client`), Excel
//! (`ui::excel::worker`) and the plan work of imports and restores
//! (`plans`).

pub mod client;
pub mod plans;
