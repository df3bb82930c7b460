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
        if reasons.is_empty() {
            self.level.label().to_string()
        } else {
            format!("{}：{}", self.level.label(), reasons.join("、"))
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

/// Judges a task at `today` using its own progress and updates.
pub fn assess(task: &Task, today: NaiveDate, settings: &Settings) -> Assessment {
    assess_with_progress(task, task.progress_as_of(today), true, today, settings)
}

/// Judges a task given its progress (a parent passes its rolled-up progress)
/// and whether reporting is expected of it directly (`check_reporting`;
/// parents are reported through their children).
pub fn assess_with_progress(
    task: &Task,
    progress: f64,
    check_reporting: bool,
    today: NaiveDate,
    settings: &Settings,
) -> Assessment {
    let days_left = task.due.map(|due| (due - today).num_days());
    let expected = match (task.start, task.due) {
        (Some(start), Some(due)) => Some(expected_progress(start, due, today)),
        _ => None,
    };
    let mut a = Assessment {
        level: Level::Green,
        due_soon: false,
        behind: false,
        stale: false,
        progress,
        expected,
        days_left,
    };
    if task.closed_as_of(today) {
        // A closed task without a closing date cannot be shown to be late.
        let late = matches!((task.closed_on(), task.due), (Some(c), Some(d)) if c > d);
        a.level = if late {
            Level::DoneLate
        } else {
            Level::DoneOnTime
        };
        a.progress = 100.0;
        return a;
    }
    if matches!(days_left, Some(d) if d < 0) {
        a.level = Level::Red;
        return a;
    }
    a.due_soon = matches!(days_left, Some(d) if d <= i64::from(settings.due_soon_days));
    // A paused task (暂缓) is not expected to move or report until it
    // resumes; only its deadline still counts.
    if task.status == Status::Paused {
        if a.due_soon {
            a.level = Level::Yellow;
        }
        return a;
    }
    a.behind = match expected {
        Some(e) if e > 0.0 && past_grace(task, today, settings) => {
            progress < e * f64::from(settings.behind_share_percent) / 100.0
        }
        _ => false,
    };
    a.stale = check_reporting && is_stale(task, today, settings);
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
/// The period is counted from the last update, or from the start when there
/// is none, so a task that started yesterday is not yet late to report.
fn is_stale(task: &Task, today: NaiveDate, settings: &Settings) -> bool {
    let period = i64::from(settings.report_period_days.max(1));
    let reference = task.update_as_of(today).map(|u| u.date).or(task.start);
    match reference {
        Some(r) if task.start.is_none_or(|s| s <= today) => (today - r).num_days() > period,
        _ => false,
    }
}

/// Combines a parent's own verdict with its children's: the most urgent
/// light wins, so a red child is never hidden under a green heading.
pub fn combine(own: Assessment, children: &[Assessment]) -> Assessment {
    let mut out = own;
    if out.level.is_open() {
        for c in children {
            if c.level.urgency() > out.level.urgency() {
                out.level = c.level;
            }
            if c.level == Level::Yellow {
                out.due_soon |= c.due_soon;
                out.behind |= c.behind;
                out.stale |= c.stale;
            }
        }
    }
    out
}
