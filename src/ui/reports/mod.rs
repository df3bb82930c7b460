//! 报告 (`#/reports`): the monthly or quarterly 落实情况通报 drafted from
//! the plan as of a chosen day (`model::report`), shown as the document it
//! prints as, printed in the official layout and downloaded as a Word
//! document written in the worker; and the 领导版, a page per 责任领导.

pub mod attachments;
pub mod choice;
pub mod controls;
pub mod download;
pub mod leaders;
pub mod page;
pub mod sheet;
