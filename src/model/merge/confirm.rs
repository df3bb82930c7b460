//! Confirming a previewed merge in one call: rechecked against the plan as
//! it is at confirming (`recheck`), then carried out as one op
//! (`merge_op`). The worker runs this and sends the outcome back to the
//! page as a value, so the page applies the op without holding the merge
//! code at all.

use super::{merge_op, recheck, MergeError, MergePreview, Recheck, Side};
use crate::model::id::TaskId;
use crate::model::ops::Op;
use crate::model::plan::Plan;
use serde::{Deserialize, Serialize};

/// One conflict or clash decided by the user: the task, the field key (or
/// `STRUCTURE`) and the side chosen.
pub type Choice = (TaskId, String, Side);

/// What confirming a preview comes to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
