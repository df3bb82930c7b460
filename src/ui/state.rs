//! The app state shared through context, in three owners: the `Document`
//! (the plan, its history, what is computed from it; the only writer of
//! the plan, through `dispatch`), `Persistence` (what storage holds and
//! whether the plan is saved) and `Navigation` (the page and the query),
//! plus what the shell itself shows (the day, the confirmation dialog, the
//! latest message). `use_app` fetches it in any component.

use crate::model::edit::Place;
use crate::model::id::TaskId;
use crate::model::ops::{EditError, Op};
use crate::model::plan::Plan;
use crate::store::{Damage, Synced};
use crate::ui::clock::Today;
pub use crate::ui::document::{Change, Document};
pub use crate::ui::navigation::{hash_query, Navigation, Page};
pub use crate::ui::persistence::{Persistence, PlanStep, SaveState};
use leptos::prelude::*;

/// Which tab of the task panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskTab {
    /// 基本信息: the editor's fields.
    #[default]
    Details,
    /// 进展与办理
    Progress,
    /// 留痕
    Log,
}

/// What the task editor is editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    /// An existing task.
    Task(TaskId),
    /// A new task, to be added at this place when saved.
    New(Place),
}

/// A question put to the user before something that cannot be taken back
/// lightly (see `shell::confirm_dialog`).
#[derive(Clone)]
pub struct ConfirmRequest {
    pub title: String,
    /// What will happen, in full.
    pub message: String,
    /// The label of the button that goes ahead, e.g. "替换".
    pub confirm_label: String,
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
    /// The task selected in the ledger (keyboard and toolbar act on it).
    pub selected: RwSignal<Option<TaskId>>,
    /// What the task editor is open on, if anything.
    pub editing: RwSignal<Option<Editing>>,
    /// The task panel's tab.
    pub task_tab: RwSignal<TaskTab>,
    /// The form open in the 进展与办理 tab, if any.
    pub task_action: RwSignal<Option<crate::ui::progress::TaskAction>>,
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
            selected: RwSignal::new(None),
            editing: RwSignal::new(None),
            task_tab: RwSignal::new(TaskTab::Details),
            task_action: RwSignal::new(None),
        }
    }

    /// Closes the task panel when its task is gone (deleted, undone, or the
    /// plan replaced). Call once, inside the app's owner.
    pub fn close_panel_when_its_task_goes(&self) {
        let state = *self;
        Effect::new(move |_| {
            state.doc.adopted().track();
            state.doc.plan().track();
            let gone = match state.editing.get_untracked() {
                Some(Editing::Task(id)) => {
                    state.doc.plan().with_untracked(|p| p.task(&id).is_none())
                }
                _ => false,
            };
            if gone {
                state.editing.set(None);
            }
        });
    }

    /// The one place the plan changes (see `Document::dispatch`).
    pub fn dispatch(&self, change: Change) -> Result<(), EditError> {
        if matches!(change, Change::Adopt(_)) && self.editing.with_untracked(Option::is_some) {
            self.editing.set(None);
        }
        let undoing = !matches!(change, Change::Edit { .. });
        let result = self.doc.dispatch(change);
        // Undo and redo keep the panel on a task that still exists (the
        // editor saves only the fields the user changed, onto the task as it
        // is then); a new task's panel has nothing left to show.
        if undoing && matches!(self.editing.get_untracked(), Some(Editing::New(_))) {
            self.editing.set(None);
        }
        result
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
            on_confirm: Callback::new(move |()| action()),
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
