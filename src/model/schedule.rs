//! The warning rules (红黄绿灯). A warning is always computed from a task, a
//! date and the settings; it is never stored, so it cannot go stale.

use crate::model::plan::Settings;
use crate::model::task::{Status, Task};
use chrono::NaiveDate;

/// The light shown for a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Red => "逾期",
            Level::Yellow => "预警",
            Level::Green => "正常",
            Level::DoneOnTime => "按时办结",
            Level::DoneLate => "逾期办结",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, Level::Red | Level::Yellow | Level::Green)
    }

    /// How urgent a light is when several are combined: red above yellow
    /// above green, and any open light above a closed one.
    fn urgency(self) -> u8 {
        match self {
            Level::Red => 4,
            Level::Yellow => 3,
            Level::Green => 2,
            Level::DoneLate => 1,
            Level::DoneOnTime => 0,
        }
    }
}

/// The verdict on one task at one date, with the reasons behind a yellow.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub level: Level,
    /// Due within the warning window (临近时限).
    pub due_soon: bool,
    /// Progress below the configured share of the pro-rata expectation (进度滞后).
    pub behind: bool,
    /// No progress update within the current reporting period (未按期报送).
    pub stale: bool,
    /// Progress in percent, 0–100.
    pub progress: f64,
    /// Pro-rata expected progress in percent, when start and due are known.
    pub expected: Option<f64>,
    /// Days from today to the due date (negative when past due).
    pub days_left: Option<i64>,
    /// The due date in force on the day (extensions granted later do not
    /// count yet).
    pub due: Option<NaiveDate>,
    /// When it was closed, for a closed task whose closing date is known.
    pub closed_on: Option<NaiveDate>,
    /// Judged on deadlines only: 暂缓, or a parent whose open children are
    /// all paused.
    pub paused: bool,
    /// A parent marked closed by hand while some of its children are still
    /// open: it shows the most urgent of their lights instead of hiding them.
    pub open_children: bool,
}

impl Assessment {
    /// Text shown beside the colour, e.g. "预警：临近时限、进度滞后".
    pub fn label(&self) -> String {
        let mut reasons = Vec::new();
        if self.level == Level::Yellow {
            if self.due_soon {
                reasons.push("临近时限");
            }
            if self.behind {
                reasons.push("进度滞后");
            }
            if self.stale {
                reasons.push("未按期报送");
            }
        }
        let base = if reasons.is_empty() {
            self.level.label().to_string()
        } else {
            format!("{}：{}", self.level.label(), reasons.join("、"))
        };
        if self.open_children {
            format!("{base}（已标记办结，但有子任务未办结）")
        } else {
            base
        }
    }
}

/// Pro-rata expected progress at `today`: 0 before the start, 100 from the
/// due date on, linear in between. A start after the due date is treated as
/// a zero-length task that is expected done on its due date.
pub fn expected_progress(start: NaiveDate, due: NaiveDate, today: NaiveDate) -> f64 {
    if today >= due {
        return 100.0;
    }
    if today <= start || due <= start {
        return 0.0;
    }
    let total = (due - start).num_days() as f64;
    let done = (today - start).num_days() as f64;
    (done / total * 100.0).clamp(0.0, 100.0)
}

/// What a task is judged on besides its own dates: for a work item, its own
/// records; for a parent, what its children add up to (see `rollup`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Basis {
    /// Progress in percent.
    pub progress: f64,
    /// Whether reporting is expected of the task itself (work items; a
    /// parent reports through its children).
    pub reporting: bool,
    /// Judged on deadlines only.
    pub paused: bool,
    /// Closed as of the day: `Some(closing date, if known)`.
    pub closed: Option<Option<NaiveDate>>,
}

impl Basis {
    /// A work item's own basis at `today`.
    pub fn own(task: &Task, today: NaiveDate) -> Basis {
        Basis {
            progress: task.progress_as_of(today),
            reporting: true,
            paused: task.status == Status::Paused,
            closed: task.closed_as_of(today).then(|| task.closed_on()),
        }
    }
}

/// Judges a task at `today` on its own progress and updates.
pub fn assess(task: &Task, today: NaiveDate, settings: &Settings) -> Assessment {
    judge(task, Basis::own(task, today), today, settings)
}

/// Judges a task at `today` on `basis`. Every date is the one in force on
/// `today`: an extension granted later has not happened yet.
pub fn judge(task: &Task, basis: Basis, today: NaiveDate, settings: &Settings) -> Assessment {
    let due = task.due_as_of(today);
    let days_left = due.map(|due| (due - today).num_days());
    let expected = match (task.start, due) {
        (Some(start), Some(due)) => Some(expected_progress(start, due, today)),
        _ => None,
    };
    let mut a = Assessment {
        level: Level::Green,
        due_soon: false,
        behind: false,
        stale: false,
        progress: basis.progress,
        expected,
        days_left,
        due,
        closed_on: None,
        paused: false,
        open_children: false,
    };
    if let Some(closed_on) = basis.closed {
        // Judged against the due date in force on the day it was closed; a
        // closed task without a closing date cannot be shown to be late.
        let late = matches!(closed_on.map(|c| (c, task.due_as_of(c))), Some((c, Some(d))) if c > d);
        a.level = if late {
            Level::DoneLate
        } else {
            Level::DoneOnTime
        };
        a.closed_on = closed_on;
        a.progress = 100.0;
        return a;
    }
    a.paused = basis.paused;
    if matches!(days_left, Some(d) if d < 0) {
        a.level = Level::Red;
        return a;
    }
    a.due_soon = matches!(days_left, Some(d) if d <= i64::from(settings.due_soon_days));
    // A paused task (暂缓) is not expected to move or report until it
    // resumes; only its deadline still counts.
    if basis.paused {
        if a.due_soon {
            a.level = Level::Yellow;
        }
        return a;
    }
    a.behind = match expected {
        Some(e) if e > 0.0 && past_grace(task, today, settings) => {
            basis.progress < e * f64::from(settings.behind_share_percent) / 100.0
        }
        _ => false,
    };
    a.stale = basis.reporting && is_stale(task, today, settings);
    if a.due_soon || a.behind || a.stale {
        a.level = Level::Yellow;
    }
    a
}

/// A task is not judged behind during its first `behind_grace_days` days:
/// without this a task that started yesterday would be "behind" at 0%.
fn past_grace(task: &Task, today: NaiveDate, settings: &Settings) -> bool {
    task.start
        .is_none_or(|start| (today - start).num_days() >= i64::from(settings.behind_grace_days))
}

/// True when a started task has had no update in the last reporting period.
/// The period counts from the later of the last update and the start, so a
/// task that started yesterday is not yet late to report, even if someone
/// reported on it before it started.
fn is_stale(task: &Task, today: NaiveDate, settings: &Settings) -> bool {
    if task.start.is_some_and(|s| s > today) {
        return false;
    }
    let period = i64::from(settings.report_period_days.max(1));
    let last = task.update_as_of(today).map(|u| u.date);
    let reference = match (last, task.start) {
        (Some(l), Some(s)) => Some(l.max(s)),
        (l, s) => l.or(s),
    };
    reference.is_some_and(|r| (today - r).num_days() > period)
}

/// Combines a parent's own verdict with its children's: the most urgent
/// light wins, so a red child is never hidden under a green heading, nor
/// under a heading closed by hand while children are still open.
pub fn combine(own: Assessment, children: &[&Assessment]) -> Assessment {
    let mut out = own;
    let closed_by_hand = !out.level.is_open();
    if closed_by_hand {
        let Some(worst) = children
            .iter()
            .filter(|c| c.level.is_open())
            .max_by_key(|c| c.level.urgency())
        else {
            return out;
        };
        out.level = worst.level;
        out.open_children = true;
    }
    for c in children {
        if c.level.urgency() > out.level.urgency() {
            out.level = c.level;
        }
        if c.level == Level::Yellow && out.level == Level::Yellow {
            out.due_soon |= c.due_soon;
            out.behind |= c.behind;
            out.stale |= c.stale;
        }
    }
    out
}
