//! The ledger (台账) page: header counts and the task table.

pub mod counts;
pub mod page;
pub mod row;
pub mod warning_badge;
