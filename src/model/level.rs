//! The lights (红黄绿灯) a task can show, their names and their order of
//! urgency. What decides a task's light is in `schedule`.

/// The light shown for a task. Serialized by its `key` (in a report's
/// draft sent to the worker; never stored in a plan).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Closed by its due date.
    DoneOnTime,
    /// Closed after its due date.
    DoneLate,
    /// Open and nothing to worry about.
    Green,
    /// Open and needs attention: due soon, behind, or not reported.
    Yellow,
    /// Open and past due.
    Red,
    /// 暂缓 or 中止: its own state, left out of lateness counts but listed.
    Halted,
}

impl Level {
    /// Stable machine name, used for `data-level` and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Level::Red => "red",
            Level::Yellow => "yellow",
            Level::Green => "green",
            Level::DoneOnTime => "done-on-time",
            Level::DoneLate => "done-late",
            Level::Halted => "halted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Red => "逾期",
            Level::Yellow => "预警",
            Level::Green => "正常",
            Level::DoneOnTime => "按时办结",
            Level::DoneLate => "逾期办结",
            Level::Halted => "暂缓/中止",
        }
    }

    /// Open: still to be done and judged (not closed, not halted).
    pub fn is_open(self) -> bool {
        matches!(self, Level::Red | Level::Yellow | Level::Green)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Level::DoneOnTime | Level::DoneLate)
    }

    /// How urgent a light is when several are combined: red above yellow
    /// above green, and any open light above a closed one.
    pub(crate) fn urgency(self) -> u8 {
        match self {
            Level::Red => 5,
            Level::Yellow => 4,
            Level::Green => 3,
            Level::Halted => 2,
            Level::DoneLate => 1,
            Level::DoneOnTime => 0,
        }
    }
}
