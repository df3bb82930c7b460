//! The worker: what is not drawing runs there (`client`), Excel
//! (`ui::excel::worker`), the plan work of imports and restores
//! (`plans`), and the 工作要点 reader (`breakdown`).

pub mod breakdown;
pub mod client;
pub mod plans;
