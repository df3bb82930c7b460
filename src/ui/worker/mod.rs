//! The worker: what is not drawing runs there (`client`), Excel
//! (`ui::excel::worker`), the plan work of imports and restores
//! (`plans`), the 工作要点 reader (`breakdown`) and the 通报 as Word
//! documents (`report`).

pub mod breakdown;
pub mod client;
pub mod plans;
pub mod report;
