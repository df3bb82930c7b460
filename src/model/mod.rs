//! The domain of Luoshi in pure Rust: plans, units, tasks and the rules that
//! judge them. Nothing here knows about the browser or reads the clock; every
//! rule that depends on time takes `today` as an argument, so the UI reads the
//! clock once and tests can pin any date.

pub mod activity;
pub mod audit;
pub mod charts;
pub mod counting;
pub mod date;
pub mod due_change;
pub mod edit;
pub mod explain;
pub mod hierarchy;
pub mod history;
pub mod id;
pub mod index;
pub mod ledger;
pub mod level;
pub mod lifecycle;
pub mod merge;
pub mod ops;
pub mod package;
pub mod pinyin_table;
pub mod plan;
pub mod problems;
pub mod query;
pub mod recurrence;
pub mod registry;
pub mod registry_intake;
pub mod report;
pub mod reporting;
pub mod rollover;
pub mod rollup;
pub mod sample;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod sorting;
pub mod stats;
pub mod summary;
pub mod supervision;
pub mod task;
pub mod tombstone;
pub mod validate;

pub use id::TaskId;
pub use plan::{Area, Plan, Settings, Unit, UnitKind};
pub use schedule::{assess, Assessment, Level};
pub use task::{Closing, Extension, Milestone, ProgressUpdate, Status, Supervision, Task};
