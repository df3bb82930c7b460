//! Sharing work through files: exporting the plan and units' 填报包, and
//! importing a file (by button or by dropping it on the page) through a
//! preview, a backup and one undoable merge.

pub mod clash_choices;
pub mod confirm;
pub mod deletions;
pub mod dropped;
pub mod export_panel;
pub mod import_panel;
pub mod preview;
pub mod reading;
pub mod run;
pub mod workbook;
