//! 留痕: the activity log of a task. Every change that goes through
//! `ops::apply` is compared field by field with the task as it was, and
//! each difference becomes an entry (when, what, from → to). The log is
//! part of the plan data, so it travels with exports.

use crate::model::date::format_date;
use crate::model::id::new_id;
use crate::model::plan::Plan;
use crate::model::task::Task;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One change to a task.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct LogEntry {
    #[serde(default)]
    pub id: String,
    /// When (ISO 8601).
    #[serde(default)]
    pub at: String,
    /// What changed, in words: 完成时限, 状态, 进展报送 …
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// The reason given, when the change asked for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

fn units_text(plan: &Plan, ids: &[String]) -> String {
    ids.iter()
        .map(|u| plan.unit_name(u))
        .collect::<Vec<_>>()
        .join("、")
}

/// The entries that turn `old` into `new` (`old` is `None` for a new task),
/// stamped `at`. Unit ids are written as names, as people read them.
pub fn changes(plan: &Plan, old: Option<&Task>, new: &Task, at: &str) -> Vec<LogEntry> {
    let mut out = Vec::new();
    let mut push = |what: &str, from: String, to: String, note: &str| {
        out.push(LogEntry {
            id: new_id(),
            at: at.to_string(),
            what: what.to_string(),
            from,
            to,
            note: note.to_string(),
        })
    };
    let Some(old) = old else {
        push("新建任务", String::new(), new.title.clone(), "");
        return out;
    };
    let text_fields: [(&str, &String, &String); 6] = [
        ("任务名称", &old.title, &new.title),
        ("工作要求", &old.detail, &new.detail),
        ("成果形式", &old.deliverable, &new.deliverable),
        ("责任领导", &old.leader, &new.leader),
        ("责任人", &old.owner, &new.owner),
        ("常态化说明", &old.recurrence_note, &new.recurrence_note),
    ];
    for (what, a, b) in text_fields {
        if a != b {
            push(what, a.clone(), b.clone(), "");
        }
    }
    let name = |u: &Option<String>| u.as_deref().map(|u| plan.unit_name(u)).unwrap_or_default();
    if old.lead_unit != new.lead_unit {
        push("牵头单位", name(&old.lead_unit), name(&new.lead_unit), "");
    }
    if old.support_units != new.support_units {
        push(
            "配合单位",
            units_text(plan, &old.support_units),
            units_text(plan, &new.support_units),
            "",
        );
    }
    let area = |a: &Option<String>| {
        a.as_deref()
            .map(|a| {
                plan.area(a)
                    .map_or_else(|| a.to_string(), |x| x.name.clone())
            })
            .unwrap_or_default()
    };
    if old.area != new.area {
        push("领域", area(&old.area), area(&new.area), "");
    }
    if old.parent != new.parent {
        let title = |p: &Option<crate::model::TaskId>| {
            p.as_deref()
                .map(|p| {
                    plan.task(p)
                        .map_or_else(|| p.to_string(), |t| t.title.clone())
                })
                .unwrap_or_else(|| "（顶层）".into())
        };
        push("上级任务", title(&old.parent), title(&new.parent), "");
    }
    if old.start != new.start {
        push("开始日期", date_text(old.start), date_text(new.start), "");
    }
    // An extension is logged as such below, with its reason.
    if old.due != new.due && new.extensions.len() == old.extensions.len() {
        push("完成时限", date_text(old.due), date_text(new.due), "");
    }
    for e in new
        .extensions
        .iter()
        .filter(|e| !old.extensions.iter().any(|o| o.id == e.id))
    {
        push(
            "延期",
            format_date(e.previous_due),
            format_date(e.new_due),
            &e.reason,
        );
    }
    if old.key_task != new.key_task {
        let yes = |b: bool| if b { "是" } else { "否" }.to_string();
        push("重点任务", yes(old.key_task), yes(new.key_task), "");
    }
    if old.tags != new.tags {
        push("专项标签", old.tags.join("、"), new.tags.join("、"), "");
    }
    if old.recurrence != new.recurrence {
        let r = |r: Option<crate::model::recurrence::Recurrence>| {
            r.map(|r| r.label().to_string())
                .unwrap_or_else(|| "不重复".into())
        };
        push("常态化周期", r(old.recurrence), r(new.recurrence), "");
    }
    if old.status != new.status {
        let note = match (&new.closing, new.status) {
            (Some(c), crate::model::task::Status::Closed) => {
                format!("办结日期 {}；{}", format_date(c.date), c.note)
            }
            // A reason given with this change, not one left from before.
            _ if new.status_note != old.status_note => new.status_note.clone(),
            _ => String::new(),
        };
        push(
            "状态",
            old.status.label().into(),
            new.status.label().into(),
            &note,
        );
    } else if old.closing != new.closing {
        let c = |c: &Option<crate::model::task::Closing>| {
            c.as_ref()
                .map(|c| format!("{} {}", format_date(c.date), c.note))
                .unwrap_or_default()
        };
        push("办结记录", c(&old.closing), c(&new.closing), "");
    }
    records(&mut push, old, new);
    out
}

/// Added, corrected and removed records: updates, milestones, supervision.
fn records(push: &mut impl FnMut(&str, String, String, &str), old: &Task, new: &Task) {
    // The report itself is in the task's updates; the log names it
    // briefly, so storing reports does not cost twice the space.
    let update = |u: &crate::model::task::ProgressUpdate| {
        let mut text: String = u.progress.chars().take(30).collect();
        if u.progress.chars().count() > 30 {
            text.push('…');
        }
        format!("{} {}% {}", format_date(u.date), u.percent, text)
    };
    for u in &new.updates {
        match old.updates.iter().find(|o| o.id == u.id) {
            None => push("进展报送", String::new(), update(u), ""),
            Some(o) if o != u => push("更正进展", update(o), update(u), ""),
            _ => {}
        }
    }
    for o in old
        .updates
        .iter()
        .filter(|o| !new.updates.iter().any(|u| u.id == o.id))
    {
        push("删除进展", update(o), String::new(), "");
    }
    let milestone =
        |m: &crate::model::task::Milestone| format!("{}（{}）", m.title, format_date(m.due));
    for m in &new.milestones {
        match old.milestones.iter().find(|o| o.id == m.id) {
            None => push("新增节点", String::new(), milestone(m), ""),
            Some(o) if o.done_on != m.done_on => push(
                "节点完成",
                date_text(o.done_on),
                date_text(m.done_on),
                &m.title,
            ),
            Some(o) if o != m => push("修改节点", milestone(o), milestone(m), ""),
            _ => {}
        }
    }
    for o in old
        .milestones
        .iter()
        .filter(|o| !new.milestones.iter().any(|m| m.id == o.id))
    {
        push("删除节点", milestone(o), String::new(), "");
    }
    for s in &new.supervisions {
        if !old.supervisions.iter().any(|o| o.id == s.id) {
            push(s.kind.label(), String::new(), format_date(s.date), &s.note);
        }
    }
    for o in old
        .supervisions
        .iter()
        .filter(|o| !new.supervisions.iter().any(|s| s.id == o.id))
    {
        push(
            &format!("删除{}记录", o.kind.label()),
            format_date(o.date),
            String::new(),
            "",
        );
    }
}
