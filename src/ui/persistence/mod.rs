//! Persistence: where the plan on screen is stored and whether storage
//! holds it — what this tab last saw there, a failed save, another tab's
//! write awaiting a decision, damaged data awaiting one, the plan list, and
//! steps on whole plans (added, deleted) for undo. The storage itself is
//! written by the repository (`store::repo`); this keeps what the page
//! knows of it, changed only through the methods below, each named for
//! what happened.
//!
//! `saving` writes changes; `plans` opens, creates and deletes plans;
//! `reading` has the worker read stored text the page's fast pass does not
//! take.

pub mod plans;
pub mod reading;
pub mod saving;

use crate::store::plans::{PlanEntry, PlanList};
use crate::store::{Damage, Synced};
use leptos::prelude::*;

/// Whether the plan on screen is what storage holds, for the quiet
/// indicator in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Storage holds the plan on screen.
    Saved,
    /// A change waits a moment before it is written.
    Pending,
    /// The plan on screen is not saved: a conflict or damage awaits a
    /// decision, or the last save failed.
    NotSaved,
}

/// A step on whole plans, undone when the open plan has no edits left to
/// undo: plans are added and deleted outside any one plan's history.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanStep {
    /// A plan was added (new, or copied to the next year) while `back_to`
    /// was open.
    Added {
        id: String,
        back_to: String,
        label: String,
    },
    /// A plan was deleted; its text was set aside under `copy_key`.
    Deleted {
        entry: PlanEntry,
        copy_key: String,
        label: String,
    },
}

impl PlanStep {
    pub fn label(&self) -> &str {
        match self {
            PlanStep::Added { label, .. } | PlanStep::Deleted { label, .. } => label,
        }
    }
}

/// A plan whose stored text the worker is reading: until it answers,
/// nothing of it is shown and nothing is saved under its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Tells this read's answer from a later one's.
    pub token: u64,
    /// Why the worker could not read it, once it failed.
    pub failed: Option<String>,
}

/// What the page knows of storage.
#[derive(Clone, Copy)]
pub struct Persistence {
    /// The read under way of the plan to show, if any.
    reading: RwSignal<Option<Reading>>,
    /// The last read's token.
    reads: StoredValue<u64>,
    /// Stored data that failed to load; while set, nothing is saved over it.
    damage: RwSignal<Option<Damage>>,
    /// The last save's failure, shown until a save succeeds.
    save_error: RwSignal<Option<String>>,
    /// Another tab wrote the plan; saving pauses until the user chooses.
    external_change: RwSignal<bool>,
    /// Where the plan on screen is stored.
    plan_key: RwSignal<String>,
    /// The plans this browser holds.
    plans: RwSignal<PlanList>,
    /// What this tab last read from or wrote to storage; `None` when
    /// storage could not be read at all, which blocks every write.
    synced: StoredValue<Option<Synced>>,
    /// Asks for a save without a change to the plan: after space was freed,
    /// or a conflict resolved. Kept apart from plan changes so a retry never
    /// looks like an edit.
    save_requested: Trigger,
    save_state: RwSignal<SaveState>,
    /// Counts the writes this tab made, so what shows storage use measures
    /// again after each.
    stored_at: RwSignal<u64>,
    /// Steps on whole plans, newest last, and those undone, to redo.
    steps: RwSignal<Vec<PlanStep>>,
    undone: RwSignal<Vec<PlanStep>>,
}

impl Persistence {
    /// What was found at start-up: the plan's key, damage, what storage was
    /// seen to hold (`None`: it could not be read), a message about it.
    pub fn new(
        plan_key: String,
        damage: Option<Damage>,
        synced: Option<Synced>,
        message: Option<String>,
    ) -> Persistence {
        Persistence {
            reading: RwSignal::new(None),
            reads: StoredValue::new(0),
            damage: RwSignal::new(damage),
            save_error: RwSignal::new(message),
            external_change: RwSignal::new(false),
            plan_key: RwSignal::new(plan_key),
            plans: RwSignal::new(PlanList::default()),
            synced: StoredValue::new(synced),
            save_requested: Trigger::new(),
            save_state: RwSignal::new(SaveState::Saved),
            stored_at: RwSignal::new(0),
            steps: RwSignal::new(Vec::new()),
            undone: RwSignal::new(Vec::new()),
        }
    }

    // What the page reads.

    pub fn damage(&self) -> ReadSignal<Option<Damage>> {
        self.damage.read_only()
    }
    pub fn reading(&self) -> ReadSignal<Option<Reading>> {
        self.reading.read_only()
    }
    /// True while the read with `token` is the one under way.
    pub fn still_reading(&self, token: u64) -> bool {
        self.reading
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.token == token))
    }
    pub fn save_error(&self) -> ReadSignal<Option<String>> {
        self.save_error.read_only()
    }
    pub fn external_change(&self) -> ReadSignal<bool> {
        self.external_change.read_only()
    }
    pub fn plan_key(&self) -> ReadSignal<String> {
        self.plan_key.read_only()
    }
    pub fn plans(&self) -> ReadSignal<PlanList> {
        self.plans.read_only()
    }
    pub fn save_state(&self) -> ReadSignal<SaveState> {
        self.save_state.read_only()
    }
    /// Changes after every write this tab makes.
    pub fn stored_at(&self) -> ReadSignal<u64> {
        self.stored_at.read_only()
    }
    pub fn steps(&self) -> ReadSignal<Vec<PlanStep>> {
        self.steps.read_only()
    }
    pub fn undone(&self) -> ReadSignal<Vec<PlanStep>> {
        self.undone.read_only()
    }
    /// Calls `f` with what this tab last saw in storage.
    pub fn with_synced<R>(&self, f: impl FnOnce(&Option<Synced>) -> R) -> R {
        self.synced.with_value(f)
    }
    /// Tracks requests for a save without a change.
    pub fn track_save_requests(&self) {
        self.save_requested.track();
    }

    // What happened.

    /// A plan read from (or just written to) storage under `key` is shown:
    /// a fresh start, no conflict or failure carried over.
    pub fn opened(&self, key: String, damage: Option<Damage>, synced: Synced) {
        if self.reading.with_untracked(Option::is_some) {
            self.reading.set(None);
        }
        self.synced.set_value(Some(synced));
        self.external_change.set(false);
        self.save_error.set(None);
        self.damage.set(damage);
        self.plan_key.set(key);
    }

    /// The plan stored under `key` is being read by the worker: nothing is
    /// saved (nothing of it is known yet) until it is `opened`. Returns
    /// the read's token.
    pub fn began_reading(&self, key: String) -> u64 {
        let token = self.reads.get_value() + 1;
        self.reads.set_value(token);
        self.synced.set_value(None);
        self.external_change.set(false);
        self.save_error.set(None);
        self.damage.set(None);
        self.plan_key.set(key);
        self.reading.set(Some(Reading {
            token,
            failed: None,
        }));
        token
    }

    /// The worker could not read the plan of the read `token`: it stays
    /// unread and unwritten, and the page says why.
    pub fn reading_failed(&self, token: u64, message: String) {
        if self.still_reading(token) {
            self.reading.set(Some(Reading {
                token,
                failed: Some(message),
            }));
        }
    }

    /// The plan list as storage now holds it.
    pub fn listed(&self, list: PlanList) {
        self.plans.set(list);
    }

    /// Storage holds what `synced` says, as this tab wrote or adopted it.
    pub fn synced_to(&self, synced: Synced) {
        self.synced.set_value(Some(synced));
    }

    /// This tab wrote storage: measure it again.
    pub fn wrote(&self) {
        self.stored_at.update(|n| *n += 1);
    }

    /// The plan shown was removed from storage: nothing of it may be
    /// written on the way to the next one.
    pub fn forget_synced(&self) {
        self.synced.set_value(None);
    }

    /// Another tab wrote (or storage changed under this tab).
    pub fn conflict(&self) {
        self.external_change.set(true);
    }

    /// The user chose whose data to keep; storage now holds `synced`, and
    /// `damage` is what still awaits a decision (if anything).
    pub fn conflict_settled(&self, synced: Synced, damage: Option<Option<Damage>>) {
        self.external_change.set(false);
        self.synced.set_value(Some(synced));
        if let Some(damage) = damage {
            self.damage.set(damage);
        }
    }

    /// The damaged data was set aside (or downloaded) and replaced.
    pub fn damage_settled(&self) {
        self.damage.set(None);
    }

    /// A save failed, for this reason.
    pub fn failed(&self, message: String) {
        self.save_error.set(Some(message));
    }

    /// Storage holds what this tab shows: a failed save's message is over.
    pub fn clear_error(&self) {
        if self.save_error.with_untracked(Option::is_some) {
            self.save_error.set(None);
        }
    }

    pub fn set_save_state(&self, now: SaveState) {
        if self.save_state.get_untracked() != now {
            self.save_state.set(now);
        }
    }

    /// Space was freed (a backup or plan removed): measure again and retry
    /// a save that failed for want of it.
    pub fn space_freed(&self) {
        self.wrote();
        self.save_requested.notify();
    }

    /// Asks for a save though the plan did not change.
    pub fn request_save(&self) {
        self.save_requested.notify();
    }

    /// A step on whole plans was taken: it can be undone, and what was
    /// undone before can no longer be redone.
    pub fn took_step(&self, step: PlanStep) {
        self.undone.set(Vec::new());
        self.steps.update(|s| s.push(step));
    }

    /// The latest step to undo (`undo`) or redo, if any.
    pub fn last_step(&self, undo: bool) -> Option<PlanStep> {
        let stack = if undo { self.steps } else { self.undone };
        stack.with_untracked(|s| s.last().cloned())
    }

    /// The latest step was undone (`undo`) or redone; `inverse` is what
    /// reverses that in turn.
    pub fn shifted_step(&self, undo: bool, inverse: Option<PlanStep>) {
        let (from, to) = if undo {
            (self.steps, self.undone)
        } else {
            (self.undone, self.steps)
        };
        from.update(|s| {
            s.pop();
        });
        if let Some(inverse) = inverse {
            to.update(|s| s.push(inverse));
        }
    }
}
