//! The warning rules (红黄绿灯). A warning is always computed from a task, a
//! date and the settings; it is never stored, so it cannot go stale.

use crate::model::id::TaskId;
use crate::model::recurrence;
use crate::model::reporting;
use crate::model::settings::{Lateness, Settings};
use crate::model::task::{Status, Task};
use chrono::NaiveDate;

pub use crate::model::level::Level;

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
    /// The due date lateness is judged against on the day: the original
    /// one, or the one in force, as the settings say (`judged_due`).
    pub due: Option<NaiveDate>,
    /// The due date in force on the day, after extensions granted by then:
    /// what the ledger shows and filters by.
    pub current_due: Option<NaiveDate>,
    /// When it was closed, for a closed task whose closing date is known.
    pub closed_on: Option<NaiveDate>,
    /// Judged on deadlines only: 暂缓, or a parent whose open children are
    /// all paused.
    pub paused: bool,
    /// A parent marked closed by hand while some of its children are still
    /// open: it shows the most urgent of their lights instead of hiding them.
    pub open_children: bool,
    /// A parent marked 暂缓/中止 by hand while some of its children are
    /// still open: like one closed by hand, it shows the most urgent of
    /// their lights, and it counts in its own parent's progress as open
    /// work (light and weight agree).
    pub halted_open_children: bool,
    /// The child whose light this parent shows, when a child's is more
    /// urgent than the parent's own: the reasons are that child's.
    pub from_child: Option<TaskId>,
    /// What the expected progress is based on.
    pub expected_from: ExpectedFrom,
    /// Milestones due before the day and not reached by then.
    pub missed_milestones: usize,
    /// Occurrences of standing work that ended without a report.
    pub missed_occurrences: usize,
    /// 督办/催办 past their reply-by date with no progress update since.
    pub unanswered: usize,
    /// Extensions granted by the day.
    pub extensions: usize,
    /// 中止 rather than 暂缓 (for `Level::Halted`).
    pub stopped: bool,
    /// For an open, started work item: whether it has reported in the
    /// current period (本期已报送); `None` when no report is expected.
    pub reported: Option<bool>,
}

/// Where an expected progress comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedFrom {
    /// No start or no due date: nothing to expect.
    Nothing,
    /// Pro-rata by time from start to due.
    Time,
    /// The share of 时序进度节点 (and the due date after the last one)
    /// that fall due by the day.
    Milestones { due: usize, total: usize },
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
            if self.missed_occurrences > 0 {
                reasons.push("常态化工作漏报");
            }
            if self.unanswered > 0 {
                reasons.push("督办逾期未反馈");
            }
        }
        let base = if self.level == Level::Halted {
            if self.stopped { "中止" } else { "暂缓" }.to_string()
        } else if reasons.is_empty() {
            self.level.label().to_string()
        } else {
            format!("{}：{}", self.level.label(), reasons.join("、"))
        };
        if self.open_children {
            format!("{base}（已标记办结，但有子任务未办结）")
        } else if self.halted_open_children {
            let what = if self.stopped { "中止" } else { "暂缓" };
            format!("{base}（已标记{what}，但有子任务仍在办理）")
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
            paused: task.status.is_halted(),
            closed: task.closed_as_of(today).then(|| task.closed_on()),
        }
    }
}

/// Judges a task at `today` on its own progress and updates.
pub fn assess(task: &Task, today: NaiveDate, settings: &Settings) -> Assessment {
    judge(task, Basis::own(task, today), today, settings)
}

/// The due date lateness is judged against on `day`: the one first agreed
/// (default: an extension does not hide lateness), or the one in force
/// then, as the settings say.
pub fn judged_due(task: &Task, day: NaiveDate, settings: &Settings) -> Option<NaiveDate> {
    match settings.lateness {
        Lateness::Original => task.original_due(),
        Lateness::Current => task.due_as_of(day),
    }
}

/// Expected progress from 时序进度节点: the share of nodes due by `today`,
/// where the nodes are the milestones and, when it comes after the last of
/// them, the due date. `None` for a task without milestones.
pub fn milestone_expectation(
    task: &Task,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<(f64, usize, usize)> {
    let mut nodes: Vec<NaiveDate> = task.milestones.iter().map(|m| m.due).collect();
    let last = nodes.iter().max().copied()?;
    if let Some(d) = due.filter(|&d| d > last) {
        nodes.push(d);
    }
    let total = nodes.len();
    let reached = nodes.iter().filter(|&&d| d <= today).count();
    Some((reached as f64 * 100.0 / total as f64, reached, total))
}

/// Judges a task at `today` on `basis`. Every date is the one in force on
/// `today`: an extension granted later has not happened yet.
pub fn judge(task: &Task, basis: Basis, today: NaiveDate, settings: &Settings) -> Assessment {
    let due = judged_due(task, today, settings);
    let days_left = due.map(|due| (due - today).num_days());
    let (expected, expected_from) = match milestone_expectation(task, due, today) {
        Some((e, due, total)) => (Some(e), ExpectedFrom::Milestones { due, total }),
        None => match (task.start, due) {
            (Some(start), Some(due)) => (
                Some(expected_progress(start, due, today)),
                ExpectedFrom::Time,
            ),
            _ => (None, ExpectedFrom::Nothing),
        },
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
        current_due: task.due_as_of(today),
        closed_on: None,
        paused: false,
        open_children: false,
        halted_open_children: false,
        from_child: None,
        expected_from,
        missed_milestones: 0,
        missed_occurrences: 0,
        unanswered: 0,
        extensions: task.extensions_as_of(today),
        stopped: false,
        reported: None,
    };
    if let Some(closed_on) = basis.closed {
        // Judged against the due date on the day it was closed; a closed
        // task without a closing date cannot be shown to be late.
        let late = matches!(closed_on.map(|c| (c, judged_due(task, c, settings))), Some((c, Some(d))) if c > d);
        a.level = if late {
            Level::DoneLate
        } else {
            Level::DoneOnTime
        };
        a.closed_on = closed_on;
        a.progress = 100.0;
        return a;
    }
    // 暂缓/中止 is its own state: not expected to move or report, and
    // left out of lateness counts until it resumes.
    if basis.paused {
        a.paused = true;
        a.level = Level::Halted;
        a.stopped = task.status == Status::Stopped;
        return a;
    }
    // 本期未报 only for what owes this period: work that starts mid-period
    // reports from the next one on.
    if basis.reporting && reporting::owes_this_period(task, settings, today) {
        a.reported = Some(reporting::reported_this_period(task, settings, today));
    }
    a.unanswered = task
        .supervisions
        .iter()
        .filter(|s| s.unanswered_late(task, today))
        .count();
    if matches!(days_left, Some(d) if d < 0) {
        a.level = Level::Red;
        return a;
    }
    a.due_soon = matches!(days_left, Some(d) if d <= i64::from(settings.due_soon_days));
    a.missed_milestones = task
        .milestones
        .iter()
        .filter(|m| m.due < today && m.done_on.is_none_or(|d| d > today))
        .count();
    a.behind = a.missed_milestones > 0
        || match expected {
            Some(e) if e > 0.0 && past_grace(task, today, settings) => {
                basis.progress < e * f64::from(settings.behind_share_percent) / 100.0
            }
            _ => false,
        };
    if basis.reporting {
        a.stale = reporting::is_stale(task, settings, today);
        a.missed_occurrences = recurrence::missed_count(task, today);
    }
    if a.due_soon || a.behind || a.stale || a.missed_occurrences > 0 || a.unanswered > 0 {
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

/// Combines a parent's own verdict with its children's: the most urgent
/// light wins, so a red child is never hidden under a green heading, nor
/// under a heading closed or halted by hand while children are still open.
pub fn combine(own: Assessment, children: &[&Assessment]) -> Assessment {
    combine_from(own, children).0
}

/// `combine`, also saying which child (by position in `children`) the
/// light comes from, when it comes from one.
pub fn combine_from(own: Assessment, children: &[&Assessment]) -> (Assessment, Option<usize>) {
    let mut out = own;
    let mut from = None;
    let worst_open = children
        .iter()
        .enumerate()
        .filter(|(_, c)| c.level.is_open())
        .max_by_key(|(i, c)| (c.level.urgency(), std::cmp::Reverse(*i)));
    let closed_by_hand = out.level.is_closed();
    if closed_by_hand {
        let Some((i, worst)) = worst_open else {
            return (out, None);
        };
        out.level = worst.level;
        out.open_children = true;
        from = Some(i);
    } else if out.level == Level::Halted {
        // Halted by hand (children all halted leave no open one): the
        // children still at work are not hidden, and the parent is open
        // work in its own parent's progress too.
        if let Some((i, worst)) = worst_open {
            out.level = worst.level;
            out.paused = false;
            out.halted_open_children = true;
            from = Some(i);
        }
    }
    for (i, c) in children.iter().enumerate() {
        if c.level.urgency() > out.level.urgency() {
            out.level = c.level;
            from = Some(i);
        }
        if c.level == Level::Yellow && out.level == Level::Yellow {
            out.due_soon |= c.due_soon;
            out.behind |= c.behind;
            out.stale |= c.stale;
            out.missed_occurrences += c.missed_occurrences;
            out.unanswered += c.unanswered;
        }
    }
    (out, from)
}
