//! 从工作要点生成计划: the committee's 工作要点 pasted or chosen as a file,
//! read in the worker into a proposed plan (`format::breakdown`), checked
//! and corrected by the user, then made a new plan or added to the plan on
//! screen in one undoable step.

pub mod confirm;
pub mod entry;
pub mod entry_form;
pub mod page;
pub mod preview;
pub mod reading;
pub mod source;
pub mod state;
