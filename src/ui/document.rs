//! The document: the plan on screen, its undo history, and what is computed
//! from it once for every view — the index (hierarchy and lookups), each
//! task's light on the day, and the search index. It is the only writer of
//! the plan: every change goes through `dispatch` (edits as `Op`s, recorded
//! for undo; undo and redo; adopting a plan read from storage).
//!
//! Fields are private; views read the plan and the computed parts through
//! the accessors, which track like signals.

use crate::model::history::History;
use crate::model::index::{IndexData, PlanIndex};
use crate::model::ops::{EditError, Op};
use crate::model::plan::Plan;
use crate::model::schedule::Assessment;
use crate::model::search::SearchIndex;
use crate::ui::clock::now_iso;
use chrono::NaiveDate;
use leptos::prelude::*;

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
    /// so it is cleared, and views holding state about the old plan's tasks
    /// let it go (see `adopted`).
    Adopt(Box<Plan>),
}

/// The plan on screen and what is computed from it.
#[derive(Clone, Copy)]
pub struct Document {
    plan: ReadSignal<Plan>,
    write: WriteSignal<Plan>,
    history: StoredValue<History>,
    undo_label: RwSignal<Option<String>>,
    redo_label: RwSignal<Option<String>>,
    /// Counts plans adopted: a view keeping something about tasks (the
    /// task panel) lets it go when this changes.
    adopted: RwSignal<u64>,
    /// Counts undos and redos.
    moved: RwSignal<u64>,
    /// The page's message for an action that could not be done (shown by
    /// `shell::alerts`); dispatch puts a refused edit's reason there.
    alert: RwSignal<Option<String>>,
    index: Memo<IndexData>,
    assessments: Memo<Vec<Assessment>>,
    search: Memo<Option<SearchIndex>>,
}

impl Document {
    /// The document for `plan`, judged on `day`, with the search index
    /// built only while `searching`.
    pub fn new(
        plan: Plan,
        day: Signal<NaiveDate>,
        searching: Signal<bool>,
        alert: RwSignal<Option<String>>,
    ) -> Document {
        let (read, write) = signal(plan);
        // No cheap equality for these: any change of the plan notifies.
        let index = Memo::new_with_compare(move |_| read.with(IndexData::new), |_, _| true);
        let assessments = Memo::new_with_compare(
            move |_| {
                let day = day.get();
                read.with(|p| {
                    index.with(|d| {
                        crate::model::rollup::assess_positions(&PlanIndex::with_data(p, d), day)
                    })
                })
            },
            |_, _| true,
        );
        let search = Memo::new_with_compare(
            move |_| {
                searching.get().then(|| {
                    read.with(|p| index.with(|d| SearchIndex::new(&PlanIndex::with_data(p, d))))
                })
            },
            |_, _| true,
        );
        Document {
            plan: read,
            write,
            history: StoredValue::new(History::default()),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            adopted: RwSignal::new(0),
            moved: RwSignal::new(0),
            alert,
            index,
            assessments,
            search,
        }
    }

    /// The plan on screen (read only: change it with `dispatch`).
    pub fn plan(&self) -> ReadSignal<Plan> {
        self.plan
    }

    /// Calls `f` with the plan's index, tracked. The index is built once
    /// per change of the plan and lent to every view.
    pub fn with_index<R>(&self, f: impl FnOnce(&PlanIndex) -> R) -> R {
        self.plan
            .with(|p| self.index.with(|d| f(&PlanIndex::with_data(p, d))))
    }

    /// `with_index`, untracked.
    pub fn with_index_untracked<R>(&self, f: impl FnOnce(&PlanIndex) -> R) -> R {
        self.plan.with_untracked(|p| {
            self.index
                .with_untracked(|d| f(&PlanIndex::with_data(p, d)))
        })
    }

    /// Every task's light on the day, by position in the plan's task list.
    pub fn assessments(&self) -> Memo<Vec<Assessment>> {
        self.assessments
    }

    /// The search index (pinyin included), while the search box has text.
    pub fn search(&self) -> Memo<Option<SearchIndex>> {
        self.search
    }

    /// What 撤销 and 重做 would do, for their buttons.
    pub fn undo_label(&self) -> ReadSignal<Option<String>> {
        self.undo_label.read_only()
    }

    pub fn redo_label(&self) -> ReadSignal<Option<String>> {
        self.redo_label.read_only()
    }

    /// Changes whenever an edit is undone or redone.
    pub fn history_moved(&self) -> ReadSignal<u64> {
        self.moved.read_only()
    }

    /// Changes whenever another plan is adopted.
    pub fn adopted(&self) -> ReadSignal<u64> {
        self.adopted.read_only()
    }

    /// The one place the plan changes. An edit that cannot be made leaves
    /// the plan as it was and returns why (also put in the page's alert).
    pub fn dispatch(&self, change: Change) -> Result<(), EditError> {
        let adopting = matches!(change, Change::Adopt(_));
        let moving = matches!(change, Change::Undo | Change::Redo);
        let now = now_iso();
        let mut result = Ok(());
        let mut labels = (None, None);
        self.write.maybe_update(|plan| {
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
        if adopting {
            self.adopted.update(|n| *n += 1);
        }
        if moving && result.is_ok() {
            self.moved.update(|n| *n += 1);
        }
        self.undo_label.set(labels.0);
        self.redo_label.set(labels.1);
        self.alert
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
}
