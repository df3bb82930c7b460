//! The app state shared through context, in three owners: the `Document`
//! (the plan, its history, what is computed from it; the only writer of
//! the plan, through `dispatch`), `Persistence` (what storage holds and
//! whether the plan is saved) and `Navigation` (the page and the query),
//! plus what the shell itself shows (the day, the confirmation dialog, the
//! latest message). `use_app` fetches it in any component.

use crate::model::ops::{EditError, Op};
use crate::model::plan::Plan;
use crate::store::{Damage, Synced};
use crate::ui::clock::Today;
pub use crate::ui::document::{Change, Document};
pub use crate::ui::navigation::{hash_query, Navigation, Page};
pub use crate::ui::persistence::{Persistence, PlanStep, SaveState};
use leptos::prelude::*;

pub use crate::ui::ledger::panel_state::{Editing, TaskTab};

/// A question put to the user before something that cannot be taken back
/// lightly (see `shell::confirm_dialog`).
#[derive(Clone)]
pub struct ConfirmRequest {
    pub title: String,
    /// What will happen, in full.
    pub message: String,
    /// The label of the button that goes ahead, e.g. "替换".
    pub confirm_label: String,
    /// The label of the button that changes nothing: "取消", or "继续编辑"
    /// when the question is whether to drop what was typed.
    pub cancel_label: String,
    pub on_confirm: Callback<()>,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan on screen and what is computed from it.
    pub doc: Document,
    /// What storage holds and whether the plan on screen is saved.
    pub storage: Persistence,
    /// The page and the tasks it shows.
    pub nav: Navigation,
    /// The date the rules reason with; moves on at midnight unless fixed
    /// by the address (see `clock::watch_day`).
    pub today: RwSignal<Today>,
    /// The question the confirmation dialog is asking, if any.
    pub confirm: RwSignal<Option<ConfirmRequest>>,
    /// Message of the latest action that could not be done (a refused edit
    /// among them).
    pub edit_error: RwSignal<Option<String>>,
}

impl AppState {
    /// State for `plan` (stored under `plan_key`) as found at start-up.
    pub fn new(
        plan: Plan,
        plan_key: String,
        today: Today,
        damage: Option<Damage>,
        synced: Option<Synced>,
        message: Option<String>,
    ) -> AppState {
        let today = RwSignal::new(today);
        let nav = Navigation::new();
        let query = nav.query();
        let searching = Signal::derive(move || query.with(|q| !q.text.trim().is_empty()));
        let day = Signal::derive(move || today.with(|t| t.date));
        let edit_error = RwSignal::new(None);
        AppState {
            doc: Document::new(plan, day, searching, edit_error),
            storage: Persistence::new(plan_key, damage, synced, message),
            nav,
            today,
            confirm: RwSignal::new(None),
            edit_error,
        }
    }

    /// The one place the plan changes (see `Document::dispatch`).
    pub fn dispatch(&self, change: Change) -> Result<(), EditError> {
        self.doc.dispatch(change)
    }

    /// An edit, as `dispatch(Change::Edit { … })`.
    pub fn edit(&self, op: Op, label: impl Into<String>) -> Result<(), EditError> {
        self.dispatch(Change::Edit {
            op,
            label: label.into(),
        })
    }

    /// Asks the user before `action`; nothing happens unless they agree.
    pub fn ask(
        &self,
        title: impl Into<String>,
        message: impl Into<String>,
        confirm_label: impl Into<String>,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.confirm.set(Some(ConfirmRequest {
            title: title.into(),
            message: message.into(),
            confirm_label: confirm_label.into(),
            cancel_label: "取消".into(),
            on_confirm: Callback::new(move |()| action()),
        }));
    }

    /// Before closing a form with something typed in it (`what` says what
    /// would be lost): 放弃修改 runs `discard`, 继续编辑 leaves the form
    /// and its text as they are.
    pub fn ask_discard(&self, what: impl Into<String>, discard: impl Fn() + Send + Sync + 'static) {
        self.confirm.set(Some(ConfirmRequest {
            title: "放弃修改".into(),
            message: format!("{}关闭后这些内容将不会保存。", what.into()),
            confirm_label: "放弃修改".into(),
            cancel_label: "继续编辑".into(),
            on_confirm: Callback::new(move |()| discard()),
        }));
    }

    /// The date the rules reason with, tracked.
    pub fn today_date(&self) -> chrono::NaiveDate {
        self.today.with(|t| t.date)
    }
}

/// The app state; panics only if a component is used outside `App`, which
/// is a programming error caught by the browser tests.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
