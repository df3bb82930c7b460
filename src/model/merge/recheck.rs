//! A preview left open while the plan changes. What the user confirmed was
//! worked out against the plan as it was; confirming must not put that
//! back over what was edited since. So the merge is worked out again
//! against the plan as it is at the moment of confirming: when it comes
//! out the same, it goes ahead; when it does not, the user is shown the
//! new preview to confirm instead.

use super::{preview, MergePreview};
use crate::model::plan::Plan;

/// What confirming a preview comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Recheck {
    /// The merge against the plan now is what the user saw: apply this.
    Apply(Box<MergePreview>),
    /// The plan changed since the preview in a way that changes the merge:
    /// show this instead, and apply nothing.
    Changed(Box<MergePreview>),
    /// The plan on screen is another plan than the one the preview was
    /// made against (the user switched plans): nothing may be merged.
    OtherPlan,
}

/// Rechecks `shown`, the preview of merging `theirs` into the plan with id
/// `against`, against `ours_now`, the plan on screen at confirming.
pub fn recheck(shown: &MergePreview, against: &str, ours_now: &Plan, theirs: &Plan) -> Recheck {
    if ours_now.id != against {
        return Recheck::OtherPlan;
    }
    let fresh = preview(ours_now, theirs);
    if fresh == *shown {
        Recheck::Apply(Box::new(fresh))
    } else {
        Recheck::Changed(Box::new(fresh))
    }
}
