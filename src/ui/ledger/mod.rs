//! The ledger (台账) page: header counts and the task table.

pub mod area_row;
pub mod counts;
pub mod empty_state;
pub mod filter_bar;
pub mod inline_due;
pub mod inline_edit;
pub mod page;
pub mod panel_state;
pub mod table;
pub mod task_row;
pub mod warning_badge;
pub mod window;
