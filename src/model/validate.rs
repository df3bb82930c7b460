//! Checks a task before it is saved from the editor, field by field, with
//! a Chinese message for each problem, so nothing is saved half-way and the
//! message can sit next to the field it concerns.

use crate::model::date::format_date;
use crate::model::plan::Plan;
use crate::model::task::Task;

/// One problem with one field of a task being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, as the editor names it: `title`, `start`, `due`,
    /// `lead_unit`, `support_units`, `area`, or `milestones[i]`.
    pub field: String,
    pub message: String,
}

pub fn error(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Every problem with `task` as it would be saved into `plan`; empty when
/// it may be saved.
pub fn validate_task(plan: &Plan, task: &Task) -> Vec<FieldError> {
    let mut out = Vec::new();
    if task.title.trim().is_empty() {
        out.push(error("title", "请填写任务名称"));
    }
    if let (Some(start), Some(due)) = (task.start, task.due) {
        if due < start {
            out.push(error(
                "due",
                format!(
                    "完成时限 {} 早于开始日期 {}",
                    format_date(due),
                    format_date(start)
                ),
            ));
        }
    }
    if let Some(lead) = task.lead_unit.as_deref() {
        if plan.unit(lead).is_none() {
            out.push(error(
                "lead_unit",
                format!("牵头单位“{lead}”不在单位名录中，请从名录中选择，或点击“添加到单位名录”"),
            ));
        }
    }
    for unit in &task.support_units {
        if plan.unit(unit).is_none() {
            out.push(error(
                "support_units",
                format!("配合单位“{unit}”不在单位名录中，请从名录中选择，或点击“添加到单位名录”"),
            ));
        } else if task.lead_unit.as_deref() == Some(unit.as_str()) {
            out.push(error("support_units", "牵头单位不必再列为配合单位"));
        }
    }
    if let Some(area) = task.area.as_deref() {
        if task.parent.is_none() && plan.area(area).is_none() {
            out.push(error("area", format!("领域“{area}”不存在，请重新选择")));
        }
    }
    for (i, m) in task.milestones.iter().enumerate() {
        let field = format!("milestones[{i}]");
        if m.title.trim().is_empty() {
            out.push(error(&field, format!("第{}个进度节点缺少名称", i + 1)));
        }
        let before = task.start.filter(|s| m.due < *s);
        let after = task.due.filter(|d| m.due > *d);
        if let Some(s) = before {
            out.push(error(
                &field,
                format!(
                    "第{}个进度节点的日期 {} 早于开始日期 {}",
                    i + 1,
                    format_date(m.due),
                    format_date(s)
                ),
            ));
        }
        if let Some(d) = after {
            out.push(error(
                &field,
                format!(
                    "第{}个进度节点的日期 {} 晚于完成时限 {}",
                    i + 1,
                    format_date(m.due),
                    format_date(d)
                ),
            ));
        }
    }
    out
}
