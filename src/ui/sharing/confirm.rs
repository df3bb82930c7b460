//! Confirming an import: the merge as previewed, worked out again in the
//! worker against the plan as it is then (see `merge::confirm`), applied
//! after a backup as one undoable edit; or the file's plan opened as a
//! plan of its own.

use crate::model::merge::{Choice, Side};
use crate::model::ops::Op;
use crate::model::TaskId;
use crate::store::local;
use crate::ui::clock::now_iso;
use crate::ui::sharing::import_panel::Incoming;
use crate::ui::sharing::run::Run;
use crate::ui::state::AppState;
use crate::ui::worker::plans::merge_confirm;
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

/// The plan on screen as the document the worker reads it from.
pub fn document_of(state: AppState) -> Result<String, String> {
    state
        .doc
        .plan()
        .with_untracked(|p| crate::format::write_plan(p, &now_iso(), "导入"))
        .map_err(|e| format!("当前计划无法交给后台组件：{e}"))
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
/// saw (see `merge::recheck`). The plan may change while the worker works
/// (the page stays usable): the op is applied only to the plan it was
/// worked out against, else the merge is worked out again.
pub async fn confirm_merge(
    state: AppState,
    incoming: &Incoming,
    choices: &HashMap<(TaskId, String), Side>,
    run: Run,
) -> Result<Confirmed, String> {
    if incoming.merge.is_none() {
        return Err("没有可合并的内容".into());
    }
    let choices: Vec<Choice> = choices
        .iter()
        .map(|((id, key), side)| (id.clone(), key.clone(), *side))
        .collect();
    let version = || {
        state
            .doc
            .plan()
            .with_untracked(|p| (p.id.clone(), p.revision))
    };
    for _ in 0..3 {
        let before = version();
        let document = document_of(state)?;
        let done = merge_confirm(
            incoming.token,
            &document,
            &incoming.against,
            &choices,
            &incoming.name,
            &now_iso(),
        )
        .await?;
        if done.other_plan {
            return Err(format!(
                "这次预览是按另一个计划生成的，当前显示的计划已切换，没有导入。请重新选择文件“{}”。",
                incoming.name
            ));
        }
        if let Some(fresh) = done.changed {
            let mut again = incoming.clone();
            again.merge = Some(fresh);
            again.refreshed = true;
            return Ok(Confirmed::Again(Box::new(again)));
        }
        let Some(merged) = done.merged else {
            return Err(format!(
                "导入“{}”未完成：后台组件没有给出结果。",
                incoming.name
            ));
        };
        if !run.is_current() {
            return Err(format!(
                "已取消导入“{}”，当前计划没有任何改动。",
                incoming.name
            ));
        }
        if version() != before {
            continue;
        }
        back_up(state)?;
        // The plan merged in the worker replaces the one it was worked out
        // from (checked just above): one step, undone as one.
        state
            .edit(
                Op::ReplacePlan(Box::new(merged)),
                format!("导入“{}”", incoming.name),
            )
            .map_err(|e| format!("导入未完成：{e}"))?;
        return Ok(Confirmed::Done(format!(
            "已导入“{}”，导入前的计划已备份；如需撤回，点击“撤销”。",
            incoming.name
        )));
    }
    Err(format!(
        "导入时计划一直在变动，没有导入。请稍候再确认导入“{}”。",
        incoming.name
    ))
}

/// Opens the file's plan as a plan of its own (a new id when this browser
/// already holds a plan with its id).
/// Nothing is opened when `run` was cancelled while the plan was fetched.
pub async fn open_as_new(state: AppState, incoming: &Incoming, run: Run) -> Result<String, String> {
    let mut plan = match &incoming.plan {
        Some(plan) => plan.clone(),
        None => {
            crate::ui::worker::plans::incoming_plan(incoming.token)
                .await
                .map_err(|e| format!("文件“{}”未能打开：{e}", incoming.name))?
                .plan
        }
    };
    if !run.is_current() {
        return Err(format!("已取消打开“{}”。", incoming.name));
    }
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
