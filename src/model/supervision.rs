//! 督办/催办: the supervision list (every red and yellow work item, by lead
//! unit or by responsible leader), supervision records with notice numbers
//! that run on per year and are never reused, and the printed notice.

use crate::model::date::format_date;
use crate::model::id::new_id;
use crate::model::index::PlanIndex;
use crate::model::ops::Op;
use crate::model::plan::Plan;
use crate::model::rollup::Assessments;
use crate::model::schedule::{judged_due, Assessment, Level};
use crate::model::task::{SuperviseKind, Supervision, Task};
use crate::model::validate::{error, FieldError};
use crate::model::TaskId;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The last number issued for one kind of notice in one year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct NoticeCounter {
    pub year: i32,
    pub kind: SuperviseKind,
    pub last: u32,
}

/// The next number for `kind` in `year`: after the counter and after every
/// number on record, so neither a removed record nor an imported one makes
/// a number come round twice.
pub fn next_number(plan: &Plan, kind: SuperviseKind, year: i32) -> u32 {
    let counted = plan
        .notice_counters
        .iter()
        .filter(|c| c.year == year && c.kind == kind)
        .map(|c| c.last)
        .max()
        .unwrap_or(0);
    let recorded = plan
        .tasks
        .iter()
        .flat_map(|t| &t.supervisions)
        .filter(|s| s.kind == kind && s.date.year() == year)
        .filter_map(|s| s.number)
        .max()
        .unwrap_or(0);
    counted.max(recorded).saturating_add(1)
}

/// The notice numbers issued more than once in one year, for one kind, as
/// written (督字〔2026〕1号), each once, in the order first met. A plan the
/// app made has none: `supervise` and `next_number` never hand a number
/// out twice, and the sample numbers its records one by one.
pub fn repeated_numbers(plan: &Plan) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for s in plan.tasks.iter().flat_map(|t| &t.supervisions) {
        let Some(n) = s.number else { continue };
        if !seen.insert((s.kind, s.date.year(), n)) {
            let text = number_text(plan, s);
            if !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// 督字〔2026〕3号.
pub fn number_text(plan: &Plan, s: &Supervision) -> String {
    let prefix = match s.kind {
        SuperviseKind::Supervise => &plan.settings.supervise_prefix,
        SuperviseKind::Chase => &plan.settings.chase_prefix,
    };
    match s.number {
        Some(n) => format!("{prefix}〔{}〕{n}号", s.date.year()),
        None => String::new(),
    }
}

/// What the office fills in to supervise.
#[derive(Debug, Clone, PartialEq)]
pub struct SuperviseForm {
    pub kind: SuperviseKind,
    pub date: NaiveDate,
    /// 督办要求.
    pub note: String,
    /// 反馈时限.
    pub reply_due: Option<NaiveDate>,
}

/// Checks the form: a requirement, a reply-by date not before the day.
pub fn check_form(form: &SuperviseForm, today: NaiveDate) -> Vec<FieldError> {
    let mut out = Vec::new();
    if form.date > today {
        out.push(error("supervise_date", "督办日期不能晚于今天"));
    }
    if form.note.trim().is_empty() {
        out.push(error("supervise_note", "请填写督办要求"));
    }
    match form.reply_due {
        None => out.push(error("supervise_reply", "请填写反馈时限")),
        Some(r) if r < form.date => out.push(error("supervise_reply", "反馈时限不能早于督办日期")),
        _ => {}
    }
    out
}

/// Supervises each of `ids` with one numbered record each, numbers running
/// on in the order given; one op (undoable as one step). Returns the op and
/// the new records' ids in order.
pub fn supervise(
    plan: &Plan,
    ids: &[TaskId],
    form: &SuperviseForm,
    today: NaiveDate,
) -> Result<(Op, Vec<String>), Vec<FieldError>> {
    let problems = check_form(form, today);
    if !problems.is_empty() {
        return Err(problems);
    }
    let year = form.date.year();
    let mut number = next_number(plan, form.kind, year);
    let mut ops = Vec::new();
    let mut made = Vec::new();
    for id in ids {
        let Some(task) = plan.task(id) else {
            return Err(vec![error("supervise_note", format!("找不到任务“{id}”"))]);
        };
        let mut t = task.clone();
        let record = Supervision {
            id: new_id(),
            date: form.date,
            kind: form.kind,
            note: form.note.trim().to_string(),
            reply_due: form.reply_due,
            number: Some(number),
        };
        made.push(record.id.clone());
        t.supervisions.push(record);
        ops.push(Op::PutTask {
            task: Box::new(t),
            at: None,
        });
        number = number.saturating_add(1);
    }
    ops.push(Op::SetNoticeCounter(NoticeCounter {
        year,
        kind: form.kind,
        last: number.saturating_sub(1),
    }));
    Ok((Op::Batch(ops), made))
}

/// How supervision list rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    LeadUnit,
    Leader,
}

/// One row of the supervision list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: TaskId,
    pub title: String,
    pub level: Level,
    pub label: String,
    /// Negative: days overdue.
    pub days_left: Option<i64>,
    pub latest: Option<(NaiveDate, String)>,
    pub supervised: usize,
    pub unanswered: usize,
}

/// One group of rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Unit id or leader's name; empty for "not given".
    pub key: String,
    pub name: String,
    pub rows: Vec<Row>,
}

impl Group {
    pub fn red(&self) -> usize {
        self.rows.iter().filter(|r| r.level == Level::Red).count()
    }
}

/// The red and yellow work items, grouped; red first, then the most
/// overdue or least time left. Groups with more red items come first.
pub fn list(index: &PlanIndex, assessments: &Assessments, by: GroupBy) -> Vec<Group> {
    list_with(index, |pos| assessments.get(index.id(pos)), by)
}

/// `list` with assessments by position (as the app holds them).
pub fn list_at(index: &PlanIndex, assessments: &[Assessment], by: GroupBy) -> Vec<Group> {
    list_with(index, |pos| assessments.get(pos), by)
}

fn list_with<'a>(
    index: &PlanIndex,
    assessment: impl Fn(usize) -> Option<&'a Assessment>,
    by: GroupBy,
) -> Vec<Group> {
    let plan = index.plan();
    let mut groups: Vec<Group> = Vec::new();
    for pos in index.work_items_in_order() {
        let task = index.at(pos);
        let Some(a) = assessment(pos) else {
            continue;
        };
        if !matches!(a.level, Level::Red | Level::Yellow) {
            continue;
        }
        let (key, name) = group_of(plan, task, by);
        let at = match groups.iter().position(|g| g.key == key) {
            Some(at) => at,
            None => {
                groups.push(Group {
                    key,
                    name,
                    rows: Vec::new(),
                });
                groups.len() - 1
            }
        };
        groups[at].rows.push(Row {
            id: task.id.clone(),
            title: task.title.clone(),
            level: a.level,
            label: a.label(),
            days_left: a.days_left,
            latest: task.latest_update().map(|u| (u.date, u.progress.clone())),
            supervised: task.supervisions.len(),
            unanswered: a.unanswered,
        });
    }
    for g in &mut groups {
        crate::model::sorting::sort_by_key(&mut g.rows, |r| {
            (r.level != Level::Red, r.days_left.unwrap_or(i64::MAX))
        });
    }
    crate::model::sorting::sort_by_key(&mut groups, |g| {
        (std::cmp::Reverse(g.red()), std::cmp::Reverse(g.rows.len()))
    });
    groups
}

fn group_of(plan: &Plan, task: &Task, by: GroupBy) -> (String, String) {
    match by {
        GroupBy::LeadUnit => match &task.lead_unit {
            Some(u) => (u.clone(), plan.unit_name(u)),
            None => (String::new(), "（未指定牵头单位）".into()),
        },
        GroupBy::Leader => {
            // The task's own 责任领导, else the lead unit's 分管区领导.
            let leader = if task.leader.trim().is_empty() {
                task.lead_unit
                    .as_deref()
                    .and_then(|u| plan.unit(u))
                    .map(|u| u.leader.trim().to_string())
                    .unwrap_or_default()
            } else {
                task.leader.trim().to_string()
            };
            if leader.is_empty() {
                (String::new(), "（未填责任领导）".into())
            } else {
                (leader.clone(), leader)
            }
        }
    }
}

/// A 督办通知单 or 催办单 as printed: every line already in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: &'static str,
    /// 主送: the unit the notice is addressed to, its lead unit.
    pub addressee: String,
    /// 抄送: its cooperating units, joined with "、" (empty for none).
    pub copied: String,
    /// 督办 or 催办, for the row labels (督办事项, 催办要求 …).
    pub verb: &'static str,
    pub number: String,
    pub matter: String,
    pub lead_unit: String,
    pub support_units: String,
    pub leader: String,
    pub original_due: String,
    pub current_due: String,
    /// 逾期天数 or 剩余天数 on the notice's date, with its label, counted
    /// from the deadline lateness is judged against (`Settings::lateness`).
    pub days_label: &'static str,
    pub days: String,
    pub latest: String,
    pub requirement: String,
    pub reply_due: String,
    pub office: String,
    pub date: String,
}

/// A date as written on paper: 2026年7月5日.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The notice for supervision record `s` of `task`.
pub fn notice(plan: &Plan, task: &Task, s: &Supervision) -> Notice {
    let on = s.date;
    let opt = |d: Option<NaiveDate>| d.map(chinese_date).unwrap_or_else(|| "未定".into());
    let due = judged_due(task, on, &plan.settings);
    let current = task.due_as_of(on);
    // Overdue or not as the lateness setting says, like the task's light:
    // on the original deadline an extension does not hide lateness.
    let (days_label, days) = match due.or(current) {
        Some(d) if d < on => ("逾期天数", format!("已逾期 {} 天", (on - d).num_days())),
        Some(d) => ("剩余天数", format!("剩余 {} 天", (d - on).num_days())),
        None => ("剩余天数", "未定完成时限".into()),
    };
    let latest = task
        .update_as_of(on)
        .map(|u| {
            let mut text = format!(
                "{}报送，进度 {}%：{}",
                chinese_date(u.date),
                u.percent,
                u.progress
            );
            if !u.problems.trim().is_empty() {
                text.push_str(&format!("。存在问题：{}", u.problems));
            }
            text
        })
        .unwrap_or_else(|| "尚未报送进展".into());
    let office = signature(plan);
    let lead_unit = task
        .lead_unit
        .as_deref()
        .map(|u| plan.unit_name(u))
        .unwrap_or_default();
    let support_units = task
        .support_units
        .iter()
        .map(|u| plan.unit_name(u))
        .collect::<Vec<_>>()
        .join("、");
    Notice {
        title: s.kind.notice_title(),
        addressee: if lead_unit.is_empty() {
            "（未指定牵头单位）".into()
        } else {
            lead_unit.clone()
        },
        copied: support_units.clone(),
        verb: s.kind.label(),
        number: number_text(plan, s),
        matter: task.title.clone(),
        lead_unit,
        support_units,
        leader: task.leader.clone(),
        original_due: opt(task.original_due()),
        current_due: opt(current),
        days_label,
        days,
        latest,
        requirement: s.note.clone(),
        reply_due: opt(s.reply_due),
        office,
        date: chinese_date(on),
    }
}

/// The 落款 on notices: the office's name from the settings, else the
/// plan's issuer.
pub fn signature(plan: &Plan) -> String {
    if plan.settings.office_name.trim().is_empty() {
        plan.issuer.clone()
    } else {
        plan.settings.office_name.clone()
    }
}

/// Whether the 落款 still needs filling in before a notice goes out: empty,
/// or a placeholder such as the sample's 中共××区委办公室 (×× or XX where
/// the district's name belongs).
pub fn signature_is_placeholder(plan: &Plan) -> bool {
    let s = signature(plan);
    let s = s.trim();
    s.is_empty()
        || ["××", "XX", "xx", "ＸＸ", "**"]
            .iter()
            .any(|p| s.contains(p))
}

/// Formats a reply-by date for lists: 2026-07-05.
pub fn short_date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}
