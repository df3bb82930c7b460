//! The registry page (`#/units`): the units (单位名录) and areas (领域) a
//! plan's tasks refer to — added, edited, reordered and removed, with used
//! ones handed over to another first. `model::registry` holds the decisions; the other
//! files are one component each.

pub mod area_form;
pub mod area_list;
pub mod area_removal;
pub mod area_row;
pub mod page;
pub mod reassign_panel;
pub mod registry_copy;
pub mod state;
pub mod unit_form;
pub mod unit_paste;
pub mod unit_removal;
pub mod unit_row;
pub mod unit_table;
