//! Confirming a previewed merge in one call: rechecked against the plan as
//! it is at confirming (`recheck`), then carried out as one op
//! (`merge_op`). The worker runs this and sends the page the outcome as a
//! `ConfirmReply` (the merged plan, or the changed preview), so the page
//! holds none of the merge code.

use super::{merge_op, recheck, MergeError, MergePreview, Recheck, Side};
use crate::model::id::TaskId;
use crate::model::ops::{apply, Op};
use crate::model::plan::Plan;
use serde::{Deserialize, Serialize};

/// One conflict or clash decided by the user: the task, the field key (or
/// `STRUCTURE`) and the side chosen.
pub type Choice = (TaskId, String, Side);

/// What confirming a preview comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmation {
    /// The plan on screen is another plan than the preview's: nothing merged.
    OtherPlan,
    /// The plan changed since the preview in a way that changes the merge:
    /// show this preview instead; nothing merged.
    Changed(Box<MergePreview>),
    /// The merge as the user saw it, as one op to apply.
    Apply(Box<Op>),
}

/// Confirms `shown`, the preview of merging `theirs` (the file named
/// `file`) into the plan with id `against`, against `ours_now`, the plan
/// at confirming, with the user's `choices` (anything not chosen takes its
/// default).
pub fn confirm(
    ours_now: &Plan,
    theirs: &Plan,
    shown: &MergePreview,
    against: &str,
    choices: &[Choice],
    file: &str,
    now: &str,
) -> Result<Confirmation, MergeError> {
    let pv = match recheck(shown, against, ours_now, theirs) {
        Recheck::OtherPlan => return Ok(Confirmation::OtherPlan),
        Recheck::Changed(fresh) => return Ok(Confirmation::Changed(fresh)),
        Recheck::Apply(pv) => pv,
    };
    let source = match &pv.from_unit {
        Some(unit) => format!("{unit}填报包 {file}"),
        None => file.to_string(),
    };
    let choose = |id: &TaskId, key: &str| {
        choices
            .iter()
            .find(|(i, k, _)| i == id && k == key)
            .map(|(_, _, side)| *side)
    };
    merge_op(ours_now, &pv, choose, &source, now).map(|op| Confirmation::Apply(Box::new(op)))
}

/// A confirmation as the worker sends it to the page: the merge carried
/// out on the plan it was worked out against, so the page replaces its
/// plan with the result (one undoable step) and needs neither the merge
/// nor the reading of ops. The plan is read by the same code as a stored
/// plan: a field of a struct, not the content of an enum variant, which
/// serde would read with another copy of every plan type's code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ConfirmReply {
    /// The plan on screen is another plan than the preview's.
    pub other_plan: bool,
    /// The merge changed since the preview: show this one instead.
    pub changed: Option<MergePreview>,
    /// The plan merged, to replace the one it was worked out from.
    pub merged: Option<Plan>,
}

impl Confirmation {
    /// The reply for the page, the op applied to `ours` at `now`.
    pub fn reply(self, ours: &Plan, now: &str) -> Result<ConfirmReply, MergeError> {
        Ok(match self {
            Confirmation::OtherPlan => ConfirmReply {
                other_plan: true,
                ..ConfirmReply::default()
            },
            Confirmation::Changed(fresh) => ConfirmReply {
                changed: Some(*fresh),
                ..ConfirmReply::default()
            },
            Confirmation::Apply(op) => {
                let mut merged = ours.clone();
                apply(&mut merged, *op, now).map_err(|e| MergeError(e.to_string()))?;
                ConfirmReply {
                    merged: Some(merged),
                    ..ConfirmReply::default()
                }
            }
        })
    }
}

/// Tasks of the merged plan to a line in `ConfirmReply::to_lines`.
pub const TASKS_PER_LINE: usize = 250;

impl ConfirmReply {
    /// The reply as the worker sends it: the reply with the merged plan's
    /// tasks left out, as JSON on the first line, then those tasks,
    /// `TASKS_PER_LINE` to a line, each line a JSON array of them. The page
    /// reads a merged plan of thousands of tasks a line at a time and lets
    /// the browser draw between lines: a 5,000-row workbook merged into
    /// the sample was 9 MB of JSON read in one 160 ms task (issue 19).
    /// serde_json writes no line breaks (those in text are escaped).
    pub fn to_lines(mut self) -> Result<String, serde_json::Error> {
        let tasks = self
            .merged
            .as_mut()
            .map(|p| std::mem::take(&mut p.tasks))
            .unwrap_or_default();
        let mut out = serde_json::to_string(&self)?;
        for chunk in tasks.chunks(TASKS_PER_LINE) {
            out.push('\n');
            out.push_str(&serde_json::to_string(chunk)?);
        }
        Ok(out)
    }

    /// Puts back a line of the merged plan's tasks (`to_lines`), read;
    /// false when the reply has no merged plan to put them in.
    pub fn add_tasks(&mut self, tasks: Vec<crate::model::task::Task>) -> bool {
        match self.merged.as_mut() {
            Some(plan) => {
                plan.tasks.extend(tasks);
                true
            }
            None => false,
        }
    }
}
