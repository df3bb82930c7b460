//! The reason for a task's light in words, as the task panel shows it:
//! expected against reported progress, the deadline judged by, whether it
//! has reported this period, missed occurrences and unanswered 督办. A
//! parent whose light comes from a child names that child and gives its
//! reasons, not the parent's own dates.

use crate::model::index::PlanIndex;
use crate::model::recurrence;
use crate::model::reporting::{owed_period, period_of, reported_since};
use crate::model::schedule::{Assessment, ExpectedFrom, Level};
use crate::model::settings::{Lateness, ReportCycle, Settings};
use crate::model::supervision::chinese_date;
use crate::model::task::Task;
use chrono::NaiveDate;

/// Expected against reported progress, e.g. "应达 60%（按时间推算）｜已报 45%".
pub fn progress_line(a: &Assessment) -> String {
    let reported = format!("已报 {:.0}%", a.progress);
    match (a.expected, a.expected_from) {
        (Some(e), ExpectedFrom::Milestones { due, total }) => {
            format!("应达 {e:.0}%（按进度节点，{total} 个节点中 {due} 个已到期）｜{reported}")
        }
        (Some(e), _) => format!("应达 {e:.0}%（按时间推算）｜{reported}"),
        (None, _) => format!("应达进度无法推算（缺少开始日期或完成时限）｜{reported}"),
    }
}

/// Whether the task has reported this period, in words; `None` when the
/// task is not expected to report (closed, halted, not started yet).
pub fn reporting_line(task: &Task, settings: &Settings, today: NaiveDate) -> Option<String> {
    if !crate::model::reporting::expected_to_report(task, today) {
        return None;
    }
    let period = period_of(settings, today)?;
    if !crate::model::reporting::owes_this_period(task, settings, today) {
        let start = task.start.map(chinese_date).unwrap_or_default();
        return Some(format!("{start}开始，本期不要求报送，从下一期起报送"));
    }
    let done = reported_since(task, period.start, today);
    Some(match (settings.report_cycle, done) {
        (ReportCycle::Rolling, true) => {
            format!("近 {} 天内已报送", settings.report_period_days)
        }
        (ReportCycle::Rolling, false) => {
            format!("近 {} 天内未报送", settings.report_period_days)
        }
        (_, true) => format!("本期（{}）已报送", period.label()),
        (_, false) => format!(
            "本期（{}）未报送，报送截止 {}",
            period.label(),
            chinese_date(period.deadline)
        ),
    })
}

/// Every reason behind the light, one sentence each.
pub fn reasons(task: &Task, a: &Assessment, settings: &Settings, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let basis = match (settings.lateness, a.extensions) {
        (_, 0) => String::new(),
        (Lateness::Original, n) => format!("（已延期 {n} 次，按原定时限判断）"),
        (Lateness::Current, n) => format!("（已延期 {n} 次，按延期后的时限判断）"),
    };
    match a.level {
        Level::Halted => {
            let what = if a.stopped { "中止" } else { "暂缓" };
            let why = if task.status_note.trim().is_empty() {
                String::new()
            } else {
                format!("：{}", task.status_note.trim())
            };
            out.push(format!("已{what}{why}，不计入逾期统计"));
            return out;
        }
        Level::DoneOnTime | Level::DoneLate => {
            let when = a
                .closed_on
                .map(chinese_date)
                .unwrap_or_else(|| "（未记录日期）".into());
            let due = a.due.map(chinese_date).unwrap_or_else(|| "未定".into());
            let verdict = if a.level == Level::DoneLate {
                "逾期办结"
            } else {
                "按时办结"
            };
            out.push(format!("{when}办结，完成时限 {due}{basis}，{verdict}"));
            if a.open_children {
                out.push("已标记办结，但有子任务未办结".into());
            }
            return out;
        }
        _ => {}
    }
    match a.days_left {
        Some(d) if d < 0 => out.push(format!(
            "已逾期 {} 天（完成时限 {}）{basis}",
            -d,
            a.due.map(chinese_date).unwrap_or_default()
        )),
        Some(d) if a.due_soon => out.push(format!("距完成时限还剩 {d} 天{basis}")),
        Some(d) => out.push(format!("距完成时限还有 {d} 天{basis}")),
        None => out.push("未定完成时限".into()),
    }
    if a.behind {
        let mut why = format!("进度滞后：{}", progress_line(a));
        if a.missed_milestones > 0 {
            why.push_str(&format!("；{} 个进度节点已过期未完成", a.missed_milestones));
        }
        out.push(why);
    }
    if a.stale {
        let owed = owed_period(task, settings, today)
            .map(|p| format!("（应报 {} 的进展）", p.label()))
            .unwrap_or_default();
        out.push(format!("未按期报送{owed}"));
    }
    if a.missed_occurrences > 0 {
        let missed: Vec<String> = recurrence::occurrences(task, today)
            .into_iter()
            .filter(|o| o.missed)
            .map(|o| o.label)
            .collect();
        out.push(format!(
            "常态化工作漏报 {} 次：{}",
            missed.len(),
            missed.join("、")
        ));
    }
    if a.unanswered > 0 {
        out.push(format!("督办/催办逾期未反馈 {} 件", a.unanswered));
    }
    out
}

/// Every reason behind the light of the task at `pos` (`assessments` by
/// position, as `rollup::assess_positions` gives them). When the light
/// comes from a child, the child is named (down to the task whose own
/// state it is, e.g. “推进会” → “第二次推进会”) and its reasons given.
pub fn reasons_at(
    index: &PlanIndex,
    assessments: &[Assessment],
    pos: usize,
    today: NaiveDate,
) -> Vec<String> {
    let settings = &index.plan().settings;
    let Some(a) = assessments.get(pos) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut cur = pos;
    // Bounded by the number of tasks, so bad data cannot make it spin.
    while names.len() < index.len() {
        let next = assessments
            .get(cur)
            .and_then(|x| x.from_child.as_ref())
            .and_then(|id| index.position(id));
        let Some(child) = next else { break };
        names.push(format!("“{}”", index.at(child).title));
        cur = child;
    }
    let Some(source) = assessments.get(cur).filter(|_| cur != pos) else {
        return reasons(index.at(pos), a, settings, today);
    };
    let mut out = vec![format!(
        "灯色来自子任务{}：{}",
        names.join(" → "),
        source.label()
    )];
    out.extend(reasons(index.at(cur), source, settings, today));
    if a.open_children {
        out.push("已标记办结，但有子任务未办结".into());
    }
    if a.halted_open_children {
        let what = if a.stopped { "中止" } else { "暂缓" };
        out.push(format!("已标记{what}，但有子任务仍在办理"));
    }
    out
}
