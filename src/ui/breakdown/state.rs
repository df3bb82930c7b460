//! The breakdown page's own state: what was pasted, where reading stands,
//! the proposal being checked. It belongs to the page and ends with it.

use crate::format::breakdown::Proposal;
use crate::model::plan::Unit;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Where reading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Idle,
    /// Reading, in words ("正在读取“要点.docx”……").
    Reading(String),
    /// Why nothing was proposed (`breakdown-error`).
    Failed(String),
    /// A proposal to check; what it was read from.
    Ready(String),
}

/// Where confirming puts the tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    NewPlan,
    CurrentPlan,
}

#[derive(Clone, Copy)]
pub struct Breakdown {
    pub text: RwSignal<String>,
    pub stage: RwSignal<Stage>,
    pub proposal: RwSignal<Option<Proposal>>,
    pub target: RwSignal<Target>,
    /// Why the last correction was not taken whole (kept here: the entry
    /// and its form are drawn again once the proposal changes).
    pub edit_error: RwSignal<Option<String>>,
    /// The latest reading; a reading's answer is shown only while it is
    /// still the latest (another file chosen, or 取消, drops it).
    latest: StoredValue<u32>,
}

impl Breakdown {
    pub fn new() -> Breakdown {
        Breakdown {
            text: RwSignal::new(String::new()),
            stage: RwSignal::new(Stage::Idle),
            proposal: RwSignal::new(None),
            target: RwSignal::new(Target::NewPlan),
            edit_error: RwSignal::new(None),
            latest: StoredValue::new(0),
        }
    }

    /// A new reading begins; the one before it no longer counts.
    pub fn begin(&self, what: String) -> u32 {
        self.latest.update_value(|n| *n = n.wrapping_add(1));
        self.stage.set(Stage::Reading(what));
        self.latest.get_value()
    }

    /// Ends the reading under way: its answer will be dropped.
    pub fn cancel(&self) {
        self.latest.update_value(|n| *n = n.wrapping_add(1));
        let had = self.proposal.with_untracked(Option::is_some);
        self.stage.set(if had {
            Stage::Ready(String::new())
        } else {
            Stage::Idle
        });
    }

    /// Shows what reading `run` found, if it is still the latest.
    pub fn finish(&self, run: u32, source: String, found: Result<Proposal, String>) {
        if self.latest.get_value() != run {
            return;
        }
        match found {
            Ok(p) => {
                self.proposal.set(Some(p));
                self.stage.set(Stage::Ready(source));
            }
            Err(e) => self.stage.set(Stage::Failed(e)),
        }
    }
}

impl Default for Breakdown {
    fn default() -> Self {
        Breakdown::new()
    }
}

/// The units names are matched against: the plan on screen's registry,
/// unless it is the untouched sample (its units are not the office's).
pub fn registry(state: AppState) -> Vec<Unit> {
    state.doc.plan().with_untracked(|p| {
        if crate::store::untouched_sample(p) {
            Vec::new()
        } else {
            p.units.clone()
        }
    })
}
