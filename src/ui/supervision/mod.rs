//! 督办: every red and yellow work item by lead unit or by responsible
//! leader, with 督办/催办 for one unit at once, and who has not reported
//! this period (本期未报送).

pub mod page;
pub mod unit_group;
pub mod unreported;
