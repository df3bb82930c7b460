//! Printable 督办通知单 and 催办单, one A4 page each.

pub mod page;
pub mod sheet;
