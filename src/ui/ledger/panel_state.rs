//! The ledger page's own state: the task chosen in the table and the task
//! panel (what it is open on, its tab, the form open in 进展与办理). It is
//! made by the ledger page and lives as long as the page; other pages open
//! a task here through the address (`#/ledger?edit=<id>`).
//!
//! The panel lets go of a task that is gone: deleted, undone, or in a plan
//! replaced by another (another plan opened, another window's data loaded).

use crate::model::edit::Place;
use crate::model::id::TaskId;
use crate::ui::navigation::hash_query;
use crate::ui::progress::TaskAction;
use crate::ui::state::AppState;
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

/// The chosen task and the task panel.
#[derive(Clone, Copy)]
pub struct TaskPanel {
    /// The task chosen in the ledger (keyboard and toolbar act on it).
    pub selected: RwSignal<Option<TaskId>>,
    /// What the task editor is open on, if anything.
    pub editing: RwSignal<Option<Editing>>,
    /// The task panel's tab.
    pub tab: RwSignal<TaskTab>,
    /// The form open in the 进展与办理 tab, if any.
    pub action: RwSignal<Option<TaskAction>>,
}

impl TaskPanel {
    fn new() -> TaskPanel {
        TaskPanel {
            selected: RwSignal::new(None),
            editing: RwSignal::new(None),
            tab: RwSignal::new(TaskTab::Details),
            action: RwSignal::new(None),
        }
    }

    /// The ledger page's panel state, provided to what the page holds:
    /// it opens the task the address names, closes when its task goes,
    /// and takes `edit=` out of the address once closed.
    pub fn provide(state: AppState) -> TaskPanel {
        let panel = TaskPanel::new();
        provide_context(panel);
        panel.follow_address(state);
        let listener =
            window_event_listener(leptos::ev::hashchange, move |_| panel.follow_address(state));
        on_cleanup(move || listener.remove());
        // Another plan shown: nothing of the old one stays chosen.
        let adopted = state.doc.adopted();
        Effect::new(move |seen: Option<u64>| {
            let now = adopted.get();
            if seen.is_some_and(|s| s != now) {
                panel.selected.set(None);
                panel.editing.set(None);
            }
            now
        });
        // A task that is gone (deleted, or undone) takes its panel along; a
        // new task's panel closes on undo or redo, which moved past it.
        let moved = state.doc.history_moved();
        Effect::new(move |seen: Option<u64>| {
            state.doc.plan().track();
            let now = moved.get();
            let gone = match panel.editing.get_untracked() {
                Some(Editing::Task(id)) => {
                    state.doc.plan().with_untracked(|p| p.task(&id).is_none())
                }
                Some(Editing::New(_)) => seen.is_some_and(|s| s != now),
                None => false,
            };
            if gone {
                panel.editing.set(None);
            }
            now
        });
        Effect::new(move |_| {
            if panel.editing.with(Option::is_none) {
                drop_edit_from_address();
            }
        });
        panel
    }

    /// Opens the task the address names (`edit=<id>`), as links from the
    /// blind-spot audit, the Gantt and the supervision page do.
    fn follow_address(&self, state: AppState) {
        let hash = current_hash();
        let edit = form_urlencoded::parse(hash_query(&hash).as_bytes())
            .find(|(k, _)| k == "edit")
            .map(|(_, v)| TaskId::from(v.into_owned()));
        if let Some(id) = edit {
            if state.doc.plan().with_untracked(|p| p.task(&id).is_some()) {
                self.selected.set(Some(id.clone()));
                self.editing.set(Some(Editing::Task(id)));
            }
        }
    }
}

/// The ledger page's panel state; panics only outside the ledger page,
/// which is a programming error caught by the browser tests.
pub fn use_panel() -> TaskPanel {
    expect_context::<TaskPanel>()
}

/// Once the editor closes, `edit=` leaves the address, so a reload does
/// not open it again.
fn drop_edit_from_address() {
    let hash = current_hash();
    let query = hash_query(&hash);
    if !form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == "edit") {
        return;
    }
    let rest: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k != "edit"))
        .finish();
    let path = hash.split('?').next().unwrap_or("#/ledger").to_string();
    let next = if rest.is_empty() {
        path
    } else {
        format!("{path}?{rest}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next));
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
