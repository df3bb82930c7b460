//! The Gantt timeline (进度计划).

pub mod keys;
pub mod legend;
pub mod page;
pub mod print;
pub mod row;
pub mod track;
