//! Saving the plan on screen: whether it may be written (nothing this tab
//! has not seen is ever written over), then the write, packed and stamped,
//! then the list entry's title and year if they changed.
//!
//! Telling whether another tab wrote since this one last looked takes the
//! stamp alone, the first few characters of the stored value; the whole
//! value is read only when the stamp differs, to see whether the other tab
//! wrote this very plan.

use super::{value_holds, Backend, Repo};
use crate::format::WriteError;
use crate::model::id::new_id;
use crate::model::plan::Plan;
use crate::store::plans::{Pending, PlanList};
use crate::store::stored::{self, Seen};
use crate::store::{serialize, untouched_sample, Loaded, SaveError, Synced};

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Storage already holds this plan; nothing written.
    Unchanged,
    /// Storage is in a state this tab does not know (unreadable at start),
    /// so writing could destroy data; nothing written.
    Blocked,
    /// Written. `list` is the plan list when its entry had to change.
    Written { seen: Seen, list: Option<PlanList> },
    /// Storage changed since this tab last synced (another tab or window):
    /// writing would silently overwrite that change; nothing written.
    Conflict,
    /// Storage changed, but to this very plan: take it as synced.
    Adopt(Seen),
    /// Storage changed while this tab shows only the sample it started
    /// with, untouched: show what the other tab wrote instead of asking.
    Yield(Box<Plan>, Seen),
    /// The write failed (a full quota, storage switched off).
    Failed(SaveError),
    /// The plan could not be serialised; nothing written.
    Unwritable(WriteError),
}

impl<B: Backend> Repo<B> {
    /// Saves `plan`, stored under `key`, if `synced` (what this tab last
    /// saw there; `None` when storage could not be read) allows.
    pub fn save(&self, key: &str, plan: &Plan, synced: Option<&Synced>, now: &str) -> SaveOutcome {
        let Some(synced) = synced else {
            return SaveOutcome::Blocked;
        };
        if synced.plan.as_ref() == Some(plan) {
            return SaveOutcome::Unchanged;
        }
        match self.changed_since(key, &synced.seen) {
            Err(e) => return SaveOutcome::Failed(e),
            Ok(true) => return self.after_other_write(key, plan, synced),
            Ok(false) => {}
        }
        // The list is read once: another window deleting this plan (or
        // stopped half-way) marked it, and then nothing is written over the
        // mark (the user is asked); otherwise it is kept up to date below.
        let listed = self.list().ok();
        if listed.as_ref().is_some_and(|(l, _)| {
            l.plans
                .iter()
                .any(|e| e.key == key && matches!(e.pending, Some(Pending::Removing { .. })))
        }) {
            return SaveOutcome::Conflict;
        }
        let json = match serialize(plan, now) {
            Ok(j) => j,
            Err(e) => return SaveOutcome::Unwritable(e),
        };
        let stamp = new_id();
        if let Err(e) = self.backend.set(key, &stored::encode(&stamp, &json)) {
            return SaveOutcome::Failed(e);
        }
        SaveOutcome::Written {
            seen: Seen::Stamp(stamp),
            list: listed.and_then(|l| self.list_entry(l, key, plan)),
        }
    }

    /// Another tab wrote under `key`: was it this very plan, or may this
    /// tab's untouched sample give way?
    fn after_other_write(&self, key: &str, plan: &Plan, synced: &Synced) -> SaveOutcome {
        let value = match self.backend.get(key) {
            Ok(v) => v,
            Err(e) => return SaveOutcome::Failed(e),
        };
        if value_holds(value.as_deref(), plan) {
            return SaveOutcome::Adopt(Seen::of(value.as_deref()));
        }
        // Text a fast reader does not take is not this plan: a conflict,
        // which the user settles with everything kept.
        if synced.seen == Seen::Absent && untouched_sample(plan) {
            if let (Loaded::Plan { plan, .. }, seen) = self.read(value) {
                return SaveOutcome::Yield(Box::new(plan), seen);
            }
        }
        SaveOutcome::Conflict
    }

    /// Keeps the list's entry for the plan just saved up to date (its title
    /// and year show in the plan switcher), in the list as read during this
    /// save (not the tab's own copy, so a plan another window added
    /// meanwhile is not dropped). Best effort: the entry is a cache of what
    /// the plan says.
    fn list_entry(
        &self,
        (mut list, rebuilt): (PlanList, bool),
        key: &str,
        plan: &Plan,
    ) -> Option<PlanList> {
        let listed = list.plans.iter().any(|e| {
            e.key == key && e.id == plan.id && e.title == plan.title && e.year == plan.year
        });
        // A list rebuilt from the keys (none stored yet: a first run) is
        // written even when it already names the plan: until it is, any
        // plan key would be listed on the next start, found plans included.
        if listed && !rebuilt {
            return None;
        }
        let first = list.current.is_none();
        list.upsert(plan, key, first);
        self.write_list(&list).ok()?;
        Some(list)
    }
}
