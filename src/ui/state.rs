//! The app state shared through context: the plan in one signal that only
//! `dispatch` may change, plus what the storage layer needs to tell the
//! user. `use_app` fetches it in any component.
//!
//! Every change to the plan goes through `AppState::dispatch`: edits as
//! `Op`s (recorded for undo, stamped by `ops::apply`), undo and redo, and
//! adopting what storage holds. Components never set the plan themselves.

use crate::model::edit::Place;
use crate::model::history::History;
use crate::model::id::TaskId;
use crate::model::ops::{EditError, Op};
use crate::model::plan::Plan;
use crate::model::query::Query;
use crate::store::plans::PlanList;
use crate::store::{Damage, Synced};
use crate::ui::clock::{now_iso, Today};
use leptos::prelude::*;

/// Which page is shown; mirrors the address's `#/…` part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// 总览
    Dashboard,
    /// 进度计划 (Gantt)
    Gantt,
    Ledger,
    Data,
    /// 盲区排查
    Audit,
    /// 单位和领域名录
    Units,
    /// 督办: the red and yellow list and who has not reported.
    Supervision,
    /// 问题整改
    Problems,
    /// 设置
    Settings,
    /// Printable 督办通知单/催办单 (`#/notice?ids=…`).
    Notice,
}

impl Page {
    /// The page named by an address's `#/page?query` part.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('?').next().unwrap_or_default() {
            "data" => Page::Data,
            "audit" => Page::Audit,
            "units" => Page::Units,
            "supervision" => Page::Supervision,
            "dashboard" => Page::Dashboard,
            "gantt" => Page::Gantt,
            "problems" => Page::Problems,
            "settings" => Page::Settings,
            "notice" => Page::Notice,
            _ => Page::Ledger,
        }
    }
}

/// The `?query` part of an address's `#/page?query`, without the `?`.
pub fn hash_query(hash: &str) -> &str {
    hash.split_once('?').map_or("", |(_, q)| q)
}

/// A change to the plan.
#[derive(Debug, Clone)]
pub enum Change {
    /// A user's edit, undoable, called `label` in the undo button.
    Edit { op: Op, label: String },
    /// Undo the latest edit.
    Undo,
    /// Redo the latest undone edit.
    Redo,
    /// Show a plan read from storage (another window's, or the recovered
    /// one). Not an edit: the undo history belonged to the plan replaced,
    /// so it is cleared.
    Adopt(Box<Plan>),
}

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
        entry: crate::store::plans::PlanEntry,
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

/// Everything the components share. Plain signals of plain data; rules live
/// in `model` and `store`.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan on screen. Read it here; change it with `dispatch`.
    pub plan: ReadSignal<Plan>,
    write_plan: WriteSignal<Plan>,
    history: StoredValue<History>,
    /// What "撤销" and "重做" would do, for their buttons.
    pub undo_label: RwSignal<Option<String>>,
    pub redo_label: RwSignal<Option<String>>,
    /// The date the rules reason with; moves on at midnight unless fixed
    /// by the address (see `clock::watch_day`).
    pub today: RwSignal<Today>,
    /// Stored data that failed to load; while set, nothing is saved over it.
    pub damage: RwSignal<Option<Damage>>,
    /// The last save's failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    /// Another tab wrote the plan; saving pauses until the user chooses.
    pub external_change: RwSignal<bool>,
    pub page: RwSignal<Page>,
    /// Where the plan on screen is stored (see `store::plans`).
    pub plan_key: RwSignal<String>,
    /// The plans this browser holds.
    pub plans: RwSignal<PlanList>,
    /// What this tab last read from or wrote to storage; `None` when storage
    /// could not be read at all, which blocks every write (see
    /// `store::decide_save`).
    pub synced: StoredValue<Option<Synced>>,
    /// Counts the writes this tab made, so what shows storage use (the data
    /// page's meter) measures again after each.
    pub stored_at: RwSignal<u64>,
    /// Asks for a save without a change to the plan: after space was freed,
    /// or a conflict resolved. Kept apart from plan changes so a retry never
    /// looks like an edit.
    pub save_requested: Trigger,
    /// The question the confirmation dialog is asking, if any.
    pub confirm: RwSignal<Option<ConfirmRequest>>,
    /// Message of the latest edit that could not be made.
    pub edit_error: RwSignal<Option<String>>,
    /// The task selected in the ledger (keyboard and toolbar act on it).
    pub selected: RwSignal<Option<TaskId>>,
    /// What the task editor is open on, if anything.
    pub editing: RwSignal<Option<Editing>>,
    /// Which tasks the ledger shows: filters, search and sort, as in the
    /// address (`#/ledger?q=…`).
    pub query: RwSignal<Query>,
    /// What the address's query part could not be read as, in Chinese.
    pub query_problems: RwSignal<Vec<String>>,
    /// Saved, about to be, or not (see `saving`).
    pub save_state: RwSignal<SaveState>,
    /// Steps on whole plans, newest last (see `PlanStep`).
    pub plan_steps: RwSignal<Vec<PlanStep>>,
    /// Steps on whole plans undone, to redo, newest last.
    pub plan_redo: RwSignal<Vec<PlanStep>>,
    /// The task panel's tab.
    pub task_tab: RwSignal<TaskTab>,
    /// The form open in the 进展与办理 tab, if any.
    pub task_action: RwSignal<Option<crate::ui::progress::TaskAction>>,
    /// Every task's light on the day, by position in the plan's task list:
    /// computed once per change of plan or day and shared by the ledger,
    /// the header, the task panel and the supervision page.
    pub assessments: Memo<Vec<crate::model::schedule::Assessment>>,
    /// The search index (pinyin included), built once per plan and only
    /// while the search box holds text; shared by the ledger and the Gantt.
    pub search: Memo<Option<crate::model::search::SearchIndex>>,
    /// Where a file import stands (data page; a file may be dropped anywhere).
    pub import_stage: RwSignal<crate::ui::sharing::import_panel::Stage>,
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
        let (read, write) = signal(plan);
        let today = RwSignal::new(today);
        let assessments = Memo::new_with_compare(
            move |_| {
                let day = today.with(|t| t.date);
                read.with(|p| {
                    crate::model::rollup::assess_positions(
                        &crate::model::index::PlanIndex::new(p),
                        day,
                    )
                })
            },
            // Assessments have no cheap equality; any change notifies.
            |_, _| true,
        );
        let query = RwSignal::new(Query::default());
        let searching = Memo::new(move |_| query.with(|q| !q.text.trim().is_empty()));
        let search = Memo::new_with_compare(
            move |_| {
                searching.get().then(|| {
                    read.with(|p| {
                        crate::model::search::SearchIndex::new(
                            &crate::model::index::PlanIndex::new(p),
                        )
                    })
                })
            },
            |_, _| true,
        );
        AppState {
            plan: read,
            write_plan: write,
            history: StoredValue::new(History::default()),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            today,
            damage: RwSignal::new(damage),
            save_error: RwSignal::new(message),
            external_change: RwSignal::new(false),
            page: RwSignal::new(Page::Ledger),
            plan_key: RwSignal::new(plan_key),
            plans: RwSignal::new(PlanList::default()),
            synced: StoredValue::new(synced),
            stored_at: RwSignal::new(0),
            save_requested: Trigger::new(),
            confirm: RwSignal::new(None),
            edit_error: RwSignal::new(None),
            selected: RwSignal::new(None),
            editing: RwSignal::new(None),
            query,
            query_problems: RwSignal::new(Vec::new()),
            save_state: RwSignal::new(SaveState::Saved),
            plan_steps: RwSignal::new(Vec::new()),
            plan_redo: RwSignal::new(Vec::new()),
            task_tab: RwSignal::new(TaskTab::Details),
            task_action: RwSignal::new(None),
            assessments,
            search,
            import_stage: RwSignal::new(crate::ui::sharing::import_panel::Stage::Idle),
        }
    }

    /// The one place the plan changes. An edit that cannot be made leaves
    /// the plan as it was and returns why (also shown as `edit_error`).
    pub fn dispatch(&self, change: Change) -> Result<(), EditError> {
        // Adopting another plan closes the task panel; undo and redo keep it
        // open on a task that still exists (the editor saves only the fields
        // the user changed, onto the task as it is then), and close it
        // otherwise, below.
        let reaches_panel = !matches!(change, Change::Edit { .. });
        if matches!(change, Change::Adopt(_)) && self.editing.with_untracked(Option::is_some) {
            self.editing.set(None);
        }
        let now = now_iso();
        let mut result = Ok(());
        let mut labels = (None, None);
        self.write_plan.maybe_update(|plan| {
            self.history.update_value(|history| {
                result = match change {
                    Change::Edit { op, label } => history.perform(plan, op, label, &now),
                    Change::Undo => history.undo(plan, &now).map(|_| ()),
                    Change::Redo => history.redo(plan, &now).map(|_| ()),
                    Change::Adopt(next) => {
                        *plan = *next;
                        history.clear();
                        Ok(())
                    }
                };
                labels = (
                    history.undo_label().map(str::to_string),
                    history.redo_label().map(str::to_string),
                );
            });
            // A refused edit changed nothing, so nothing is notified.
            result.is_ok()
        });
        if reaches_panel {
            let gone = match self.editing.get_untracked() {
                Some(Editing::Task(id)) => self.plan.with_untracked(|p| p.task(&id).is_none()),
                Some(Editing::New(_)) => true,
                None => false,
            };
            if gone {
                self.editing.set(None);
            }
        }
        self.undo_label.set(labels.0);
        self.redo_label.set(labels.1);
        self.edit_error
            .set(result.as_ref().err().map(|e| format!("操作未完成：{e}")));
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
