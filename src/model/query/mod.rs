//! One description of "which tasks": filters, search and sort, as the page
//! address carries them and as every view applies them.
//!
//! The ledger, the charts, the supervision list and reports all select
//! tasks through `select`, so a chart mark that says 7 leads to exactly
//! those 7 tasks, and a view sent to a colleague as an address opens the
//! same way for them (`from_address` / `to_address`).
//!
//! The address is untrusted input (typed, bookmarked, pasted): a value that
//! cannot be understood is dropped and reported in Chinese, never guessed,
//! and parameters that belong to other parts of the app (`today`, `edit`)
//! are left alone.
//!
//! Lists (`area`, `level`, `status`) are comma-separated. An area id that
//! itself contains a comma or `%` is escaped inside the list (`,` as `%2C`,
//! `%` as `%25`, before the address encoding), so every value round-trips;
//! ids the app makes never need it.

mod address;
mod select;

pub use select::{select, SelectedRow, Selection};

use crate::model::schedule::Level;
use crate::model::search::SearchTerms;
use crate::model::task::Status;
use chrono::NaiveDate;

/// The area key that means 未分领域: tasks under no known area (see
/// `PlanIndex::area_of`). An area whose id is literally `none` is selected
/// by it as well.
pub const NO_AREA_KEY: &str = "none";

/// The address parameters a `Query` owns; every other one is left to the
/// rest of the app.
pub const PARAMS: [&str; 14] = [
    "q", "area", "unit", "role", "leader", "level", "status", "key", "tag", "from", "to", "sort",
    "desc", "warn",
];

/// A reason for a warning, as the header counts and the dashboard count
/// them: on open items not past due (临近时限, 进度滞后, 未按期报送), and
/// on open items for 本期未报送.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Warning {
    DueSoon,
    Behind,
    Stale,
    Unreported,
}

impl Warning {
    pub const ALL: [Warning; 4] = [
        Warning::DueSoon,
        Warning::Behind,
        Warning::Stale,
        Warning::Unreported,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Warning::DueSoon => "due-soon",
            Warning::Behind => "behind",
            Warning::Stale => "stale",
            Warning::Unreported => "unreported",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Warning::DueSoon => "临近时限",
            Warning::Behind => "进度滞后",
            Warning::Stale => "未按期报送",
            Warning::Unreported => "本期未报送",
        }
    }

    pub fn from_key(key: &str) -> Option<Warning> {
        Self::ALL.into_iter().find(|w| w.key() == key)
    }

    /// Whether `a` carries this warning, counted the way `stats::Tally` does.
    pub fn holds(self, a: &crate::model::schedule::Assessment) -> bool {
        let open = a.level.is_open();
        let warned = open && a.level != Level::Red;
        match self {
            Warning::DueSoon => warned && a.due_soon,
            Warning::Behind => warned && a.behind,
            Warning::Stale => warned && a.stale,
            Warning::Unreported => open && a.reported == Some(false),
        }
    }
}

/// Which tasks to show, how to order them, and what to search for. The
/// default selects every task in hierarchy order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What was typed in the search box (see `SearchTerms`), kept as typed.
    pub text: String,
    /// Area ids; `NO_AREA_KEY` means 未分领域. Any of them (blank ids are
    /// ignored).
    pub areas: Vec<String>,
    /// A unit id; blank means no unit filter.
    pub unit: Option<String>,
    /// How `unit` must take part in a task; ignored without a unit.
    pub unit_role: UnitRole,
    /// 责任领导, compared exactly after trimming both; blank means no filter.
    pub leader: Option<String>,
    /// Warning levels on the day, any of them (a parent's is its rolled-up
    /// light).
    pub levels: Vec<Level>,
    /// Recorded statuses, any of them.
    pub statuses: Vec<Status>,
    /// Only 重点任务.
    pub key_only: bool,
    /// A 专项 tag, compared exactly after trimming; blank means no filter.
    pub tag: Option<String>,
    /// The due date in force on the day (`Assessment::due`) is on or after
    /// this. A task without a due date fails any date bound.
    pub due_from: Option<NaiveDate>,
    /// The due date in force on the day is on or before this.
    pub due_to: Option<NaiveDate>,
    /// Warnings, any of them (see `Warning`).
    pub warnings: Vec<Warning>,
    /// `None` keeps the hierarchy, with ancestors shown as context.
    pub sort: Option<Sort>,
}

/// How a unit filter reads a task's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum UnitRole {
    /// The task's 牵头单位.
    Lead,
    /// One of the task's 配合单位.
    Support,
    /// Either.
    #[default]
    Either,
}

impl UnitRole {
    /// Every role, in the order a picker lists them.
    pub const ALL: [UnitRole; 3] = [UnitRole::Either, UnitRole::Lead, UnitRole::Support];

    /// The name in the address (`role=`).
    pub fn key(self) -> &'static str {
        match self {
            UnitRole::Lead => "lead",
            UnitRole::Support => "support",
            UnitRole::Either => "either",
        }
    }

    /// The role named `key` in the address.
    pub fn from_key(key: &str) -> Option<UnitRole> {
        UnitRole::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Chinese label for the picker.
    pub fn label(self) -> &'static str {
        match self {
            UnitRole::Lead => "牵头",
            UnitRole::Support => "配合",
            UnitRole::Either => "牵头或配合",
        }
    }
}

/// An order for the rows instead of the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (or, for `Level`, least urgent) first.
    pub descending: bool,
}

/// The column to sort by. In both directions, tasks without a value (no
/// due date, no lead unit, blank leader …) come last, and ties keep
/// hierarchy order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// 具体措施, by code point (not by pinyin).
    Title,
    /// 牵头单位 by name, by code point.
    LeadUnit,
    /// 配合单位 by their names joined with "、", by code point.
    SupportUnits,
    /// 责任领导, by code point.
    Leader,
    /// The due date in force on the day.
    Due,
    /// Rolled-up progress, lowest first when ascending.
    Progress,
    /// Urgency: ascending puts the most urgent first (逾期, 预警, 正常,
    /// 逾期办结, 按时办结).
    Level,
    /// Status in the order work goes: 未启动, 推进中, 暂缓, 已办结.
    Status,
}

impl SortKey {
    /// Every key, in the order of the ledger's columns.
    pub const ALL: [SortKey; 8] = [
        SortKey::Title,
        SortKey::LeadUnit,
        SortKey::SupportUnits,
        SortKey::Leader,
        SortKey::Due,
        SortKey::Progress,
        SortKey::Level,
        SortKey::Status,
    ];

    /// The name in the address (`sort=`).
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::LeadUnit => "lead",
            SortKey::SupportUnits => "support",
            SortKey::Leader => "leader",
            SortKey::Due => "due",
            SortKey::Progress => "progress",
            SortKey::Level => "level",
            SortKey::Status => "status",
        }
    }

    /// The key named `key` in the address.
    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The column's name, as the ledger heads it.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Title => "任务",
            SortKey::LeadUnit => "牵头单位",
            SortKey::SupportUnits => "配合单位",
            SortKey::Leader => "责任领导",
            SortKey::Due => "完成时限",
            SortKey::Progress => "进度",
            SortKey::Level => "灯色",
            SortKey::Status => "状态",
        }
    }
}

/// Every warning level, in the order a picker lists them.
pub const LEVELS: [Level; 6] = [
    Level::Red,
    Level::Yellow,
    Level::Green,
    Level::DoneOnTime,
    Level::DoneLate,
    Level::Halted,
];

/// Every status, in the order a picker lists them.
pub const STATUSES: [Status; 5] = [
    Status::NotStarted,
    Status::InProgress,
    Status::Paused,
    Status::Stopped,
    Status::Closed,
];

/// The level named by `Level::key`.
fn level_from_key(key: &str) -> Option<Level> {
    LEVELS.into_iter().find(|l| l.key() == key)
}

/// A status's name in the address: the same as in files (its serde name).
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Closed => "closed",
        Status::Paused => "paused",
        Status::Stopped => "stopped",
    }
}

/// The status named by `status_key`.
fn status_from_key(key: &str) -> Option<Status> {
    STATUSES.into_iter().find(|s| status_key(*s) == key)
}

impl Query {
    /// True when the query selects every task in hierarchy order: no search
    /// text, no filter that excludes anything, no sort.
    pub fn is_empty(&self) -> bool {
        SearchTerms::parse(&self.text).is_empty() && !self.filters() && self.sort.is_none()
    }

    /// True when some filter (not the search) can exclude a task.
    pub fn filters(&self) -> bool {
        self.areas.iter().any(|a| !a.trim().is_empty())
            || given(&self.unit).is_some()
            || given(&self.leader).is_some()
            || !self.levels.is_empty()
            || !self.statuses.is_empty()
            || self.key_only
            || given(&self.tag).is_some()
            || self.due_from.is_some()
            || self.due_to.is_some()
            || !self.warnings.is_empty()
    }
}

/// The value of an optional text filter, when it says something.
pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}
