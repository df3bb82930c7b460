//! Pure layouts of the dashboard's charts: every scale, tick, arc, bar and
//! point is computed here and tested natively; the components only turn
//! marks into SVG elements. Each mark carries the number of work items it
//! stands for and the `Query` that shows exactly those items in the ledger.

pub mod burnup;
pub mod donut;
pub mod ranking;
pub mod ticks;

use crate::model::query::Query;
use crate::model::schedule::Level;

/// The state a work item is counted under, in the order charts stack them.
pub const STATES: [Level; 6] = [
    Level::DoneOnTime,
    Level::DoneLate,
    Level::Green,
    Level::Yellow,
    Level::Red,
    Level::Halted,
];

/// Something a chart draws that stands for some work items.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// How many work items it stands for.
    pub count: usize,
    /// Shows exactly those items in the ledger.
    pub query: Query,
    /// The tooltip: what it is and the exact numbers.
    pub tip: String,
}
