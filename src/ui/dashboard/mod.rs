//! 总览: the year's state at a glance — counts across the top, the donut of
//! lights, units ranked by completion, and the burn-up — every mark a link
//! to exactly its items in the ledger.

pub mod burnup_chart;
pub mod donut_chart;
pub mod headline;
pub mod lists;
pub mod mark;
pub mod page;
pub mod unit_bars;
