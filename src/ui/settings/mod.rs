//! 设置: warning thresholds, the reporting cycle, how lateness is judged,
//! and what goes on notices. Each change applies at once, undoably.

pub mod page;
