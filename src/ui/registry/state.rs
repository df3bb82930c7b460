//! What the registry page itself remembers while it is shown: which unit's
//! editor is open and which removal awaits a choice of successor. Shared by
//! its components through context (`use_registry`), apart from the plan,
//! which only `AppState::edit` changes.

use leptos::prelude::*;

/// A removal that waits for the user to pick who takes over the tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// A unit (by id) that tasks still lead or support.
    Unit(String),
    /// An area (by id) that tasks are still filed under.
    Area(String),
}

/// The page's own state; one removal at a time, so one panel shows.
#[derive(Clone, Copy)]
pub struct RegistryState {
    /// The unit whose editor is open.
    pub editing_unit: RwSignal<Option<String>>,
    /// The removal whose reassignment panel is open.
    pub removal: RwSignal<Option<Removal>>,
}

impl RegistryState {
    /// Nothing open.
    pub fn new() -> RegistryState {
        RegistryState {
            editing_unit: RwSignal::new(None),
            removal: RwSignal::new(None),
        }
    }
}

impl Default for RegistryState {
    fn default() -> Self {
        RegistryState::new()
    }
}

/// The registry page's state; panics only if a registry component is used
/// outside `RegistryPage`, a programming error the browser tests catch.
pub fn use_registry() -> RegistryState {
    expect_context::<RegistryState>()
}
