//! The plan switcher in the header, with the actions on whole plans (new,
//! copy to next year, rename, delete); opening and storing plans is
//! `persistence::plans`.

pub mod switcher;
