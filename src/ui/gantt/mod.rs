//! 进度计划: the Gantt timeline, drawn from `model::charts::gantt` and
//! windowed, so a 5,000-task plan keeps only the rows in view in the page.

pub mod page;
pub mod row;
