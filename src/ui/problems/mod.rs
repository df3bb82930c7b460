//! 问题整改: problems found and the tasks that fix them.

pub mod form;
pub mod page;
