//! The blind-spot audit page (盲区排查): what the plan leaves without an
//! owner, a date, a leader, a load, milestones or a report, each entry a
//! link to where it can be fixed. The rules are in `model::audit`.

pub mod page;
pub mod section;
