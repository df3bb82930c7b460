//! The app state shared through context: the plan in one signal, changed
//! through model functions, plus what the storage layer needs to tell the
//! user. `use_app` fetches it in any component.

use crate::model::plan::Plan;
use crate::store::{Damage, Synced};
use crate::ui::clock::Today;
use leptos::prelude::*;

/// Which page is shown; mirrors the address's `#/…` part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Ledger,
    Data,
}

impl Page {
    pub fn from_hash(hash: &str) -> Page {
        match hash.trim_start_matches('#').trim_start_matches('/') {
            "data" => Page::Data,
            _ => Page::Ledger,
        }
    }
}

/// Everything the components share. Plain signals of plain data; rules live
/// in `model` and `store`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub today: StoredValue<Today>,
    /// Stored data that failed to load; while set, nothing is saved over it.
    pub damage: RwSignal<Option<Damage>>,
    /// The last save's failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    /// Another tab wrote the plan; saving pauses until the user chooses.
    pub external_change: RwSignal<bool>,
    pub page: RwSignal<Page>,
    /// What this tab last read from or wrote to storage; `None` when storage
    /// could not be read at all, which blocks every write (see
    /// `store::decide_save`).
    pub synced: StoredValue<Option<Synced>>,
}

/// The app state; panics only if a component is used outside `App`, which
/// is a programming error caught by the browser tests.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
