//! One import's run, from choosing the file to its preview or its merge.
//! Reading and the worker's work take a while and the page stays usable:
//! the user may cancel (取消) or choose another file meanwhile. What a run
//! that was cancelled or replaced finds later is dropped, never shown.

use crate::ui::sharing::import_panel::Stage;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static LATEST: Cell<u32> = const { Cell::new(0) };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run(u32);

impl Run {
    /// A new run; any earlier one is over.
    pub fn begin() -> Run {
        Run(LATEST.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        }))
    }

    /// Ends whatever run is going on: its results are dropped.
    pub fn cancel() {
        Run::begin();
    }

    /// True while no later run began and nothing was cancelled.
    pub fn is_current(self) -> bool {
        LATEST.with(|l| l.get() == self.0)
    }

    /// Shows `next` when this run is still the current one.
    pub fn set(self, stage: RwSignal<Stage>, next: Stage) {
        if self.is_current() {
            stage.try_set(next);
        }
    }
}
