//! 总体情况 in numbers: the work items on one day split into 已办结 (按时 /
//! 逾期), 按序时推进, 进度滞后, 已逾期 and 暂缓, read off `stats::Tally` (the
//! ledger's and the dashboard's counts) rather than counted again; and the
//! change between two days, each item judged on both.

use crate::model::index::PlanIndex;
use crate::model::report::items::{item_ref, ItemRef};
use crate::model::schedule::{Assessment, Level};
use crate::model::stats::{tally_indexed, Tally};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The work items on one day. `closed_on_time + closed_late + on_schedule
/// + lagging + overdue + halted == total`: every item is in exactly one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// 工作事项: tasks with no subtasks.
    pub total: usize,
    pub closed_on_time: usize,
    pub closed_late: usize,
    /// 按序时推进: open, not past due, not behind (green, or yellow only
    /// for 临近时限, 未按期报送, 漏报 or an unanswered 督办).
    pub on_schedule: usize,
    /// 进度滞后: open, not past due, and behind (the dashboard's 进度滞后).
    pub lagging: usize,
    /// 已逾期: open and past due (red).
    pub overdue: usize,
    /// 暂缓 or 中止.
    pub halted: usize,
    /// Of the open ones, due within the warning window (临近时限).
    pub due_soon: usize,
    /// Open items that owe this period's report and have not made it
    /// (本期未报送, as the ledger marks them).
    pub unreported: usize,
    /// Open items with a 督办/催办 past its reply-by date unanswered.
    pub unanswered: usize,
}

impl Figures {
    /// The figures of the ledger's and the dashboard's tally.
    pub fn from_tally(t: &Tally) -> Figures {
        Figures {
            total: t.total,
            closed_on_time: t.closed_on_time,
            closed_late: t.closed_late,
            // `Tally::in_progress` is every open item not past due, and
            // `behind` is counted among exactly those.
            on_schedule: t.in_progress.saturating_sub(t.behind),
            lagging: t.behind,
            overdue: t.overdue,
            halted: t.halted,
            due_soon: t.due_soon,
            unreported: t.unreported,
            unanswered: t.unanswered,
        }
    }

    /// The figures of the work items, given their assessments by position.
    pub fn of(index: &PlanIndex, assessments: &[Assessment]) -> Figures {
        Figures::from_tally(&tally_indexed(index, |i| assessments.get(i)))
    }

    pub fn closed(&self) -> usize {
        self.closed_on_time + self.closed_late
    }

    /// 办结率 in percent: closed over all work items, 暂缓 and 中止
    /// included, as the dashboard's 完成率 (`charts::completion_rate`)
    /// and `Tally::completion_rate` count it; 0 for none.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.closed() as f64 * 100.0 / self.total as f64
        }
    }

    /// "34.9%": one decimal, as the dashboard shows it.
    pub fn rate_text(&self) -> String {
        format!("{:.1}%", self.rate())
    }

    /// The four numbers the report page carries for tests and the
    /// dashboard shows as cards.
    pub fn headline(&self) -> Headline {
        Headline {
            total: self.total,
            closed: self.closed(),
            overdue: self.overdue,
            lagging: self.lagging,
        }
    }
}

/// What the report page puts on `report-sheet` as `data-total`,
/// `data-closed`, `data-overdue` and `data-lagging`: the dashboard's
/// 工作事项, 已办结, 已逾期 and 进度滞后 cards for the same day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    pub total: usize,
    pub closed: usize,
    pub overdue: usize,
    pub lagging: usize,
}

/// A work item closed between the two days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedItem {
    pub item: ItemRef,
    /// The closing date, when recorded (a parent closed by its children
    /// is dated by the last of them).
    pub closed_on: Option<NaiveDate>,
    /// 按时办结 rather than 逾期办结.
    pub on_time: bool,
}

/// How the work items moved from `since` to the judged day, each judged on
/// both days with the rules of that day (a report or a closing dated later
/// had not happened yet on the earlier one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The earlier day: the end of the period before the report's.
    pub since: Option<NaiveDate>,
    /// The figures on that day.
    pub previous: Figures,
    /// Open (or paused) then, closed now: 本期办结.
    pub closed: Vec<ClosedItem>,
    /// Not overdue then, overdue now: 新增逾期.
    pub turned_red: Vec<ItemRef>,
    /// 已逾期 or 进度滞后 then, and now closed or 按序时推进: 恢复正常. An
    /// overdue item that was closed late counts here as well as among the
    /// closed; one paused since is in neither.
    pub recovered: Vec<ItemRef>,
}

/// Whether an item is overdue or lagging (a problem the report names).
pub fn in_trouble(a: &Assessment) -> bool {
    a.level == Level::Red || lagging(a)
}

/// 进度滞后 as the dashboard counts it (`query::Warning::Behind`).
pub fn lagging(a: &Assessment) -> bool {
    a.level.is_open() && a.level != Level::Red && a.behind
}

/// The change from `before` (assessments on `since`) to `now`, by position;
/// work items in hierarchy order.
pub fn change(
    index: &PlanIndex,
    before: &[Assessment],
    now: &[Assessment],
    since: NaiveDate,
) -> Change {
    let mut out = Change {
        since: Some(since),
        previous: Figures::of(index, before),
        ..Change::default()
    };
    for pos in index.work_items_in_order() {
        let (Some(b), Some(n)) = (before.get(pos), now.get(pos)) else {
            continue;
        };
        if n.level.is_closed() && !b.level.is_closed() {
            out.closed.push(ClosedItem {
                item: item_ref(index, pos),
                closed_on: n.closed_on,
                on_time: n.level == Level::DoneOnTime,
            });
        }
        if n.level == Level::Red && b.level != Level::Red {
            out.turned_red.push(item_ref(index, pos));
        }
        let fine_now = n.level.is_closed() || (n.level.is_open() && !in_trouble(n));
        if in_trouble(b) && fine_now {
            out.recovered.push(item_ref(index, pos));
        }
    }
    out
}
