//! Confirming an import: the merge as previewed (worked out again against
//! the plan as it is then, see `merge::recheck`), after a backup, as one
//! undoable edit; or the file's plan opened as a plan of its own.

use crate::model::merge::{merge_op, recheck, Recheck, Side};
use crate::model::TaskId;
use crate::store::local;
use crate::ui::clock::now_iso;
use crate::ui::sharing::import_panel::Incoming;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::HashMap;

/// Backs up the plan on screen before an import (old import backups pruned
/// first, see `Repo::back_up_before_import`).
fn back_up(state: AppState) -> Result<(), String> {
    state
        .doc
        .plan()
        .with_untracked(|p| local::repo().back_up_before_import(p, &now_iso()))
        .map(|_| ())
}

/// What confirming did.
pub enum Confirmed {
    /// Merged; the message says so.
    Done(String),
    /// The plan changed since the preview: here is the preview worked out
    /// again, to confirm instead. Nothing was merged.
    Again(Box<Incoming>),
}

/// Merges as previewed, with the conflicts decided in `choices`, provided
/// the merge worked out against the plan as it is now is the one the user
/// saw (see `merge::recheck`).
pub fn confirm_merge(
    state: AppState,
    incoming: &Incoming,
    choices: &HashMap<(TaskId, String), Side>,
) -> Result<Confirmed, String> {
    let Some(shown) = &incoming.merge else {
        return Err("没有可合并的内容".into());
    };
    let checked = state
        .doc
        .plan()
        .with_untracked(|p| recheck(shown, &incoming.against, p, &incoming.restored.plan));
    let pv = match checked {
        Recheck::OtherPlan => {
            return Err(format!(
            "这次预览是按另一个计划生成的，当前显示的计划已切换，没有导入。请重新选择文件“{}”。",
            incoming.name
        ))
        }
        Recheck::Changed(fresh) => {
            let mut again = incoming.clone();
            again.merge = Some(*fresh);
            again.refreshed = true;
            return Ok(Confirmed::Again(Box::new(again)));
        }
        Recheck::Apply(pv) => pv,
    };
    back_up(state)?;
    let now = now_iso();
    let source = match &pv.from_unit {
        Some(unit) => format!("{unit}填报包 {}", incoming.name),
        None => incoming.name.clone(),
    };
    let op = state
        .doc
        .plan()
        .with_untracked(|p| {
            merge_op(
                p,
                &pv,
                |id, key| choices.get(&(id.clone(), key.to_string())).copied(),
                &source,
                &now,
            )
        })
        .map_err(|e| e.to_string())?;
    state
        .edit(op, format!("导入“{}”", incoming.name))
        .map_err(|e| format!("导入未完成：{e}"))?;
    Ok(Confirmed::Done(format!(
        "已导入“{}”，导入前的计划已备份；如需撤回，点击“撤销”。",
        incoming.name
    )))
}

/// Opens the file's plan as a plan of its own (a new id when this browser
/// already holds a plan with its id).
pub fn open_as_new(state: AppState, incoming: &Incoming) -> Result<String, String> {
    let mut plan = incoming.restored.plan.clone();
    let taken = state
        .storage
        .plans()
        .with_untracked(|l| l.entry(&plan.id).is_some());
    if taken {
        plan.id = crate::model::id::new_id();
        plan.title = format!("{}（导入副本）", plan.title);
    }
    let title = plan.title.clone();
    crate::ui::persistence::plans::add(state, plan, &format!("打开“{}”为新计划", incoming.name))?;
    Ok(format!("已把“{}”作为新计划“{title}”打开。", incoming.name))
}
