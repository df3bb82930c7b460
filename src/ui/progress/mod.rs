//! The monthly cycle on one task, in the task panel's 进展与办理 tab:
//! what its light means, reporting progress, milestones, 延期, 办结 and
//! reopening, 暂缓/中止, 督办/催办, and the 留痕 log. Every action builds
//! a task through `model::lifecycle` and saves it as one undoable edit.

pub mod activity_log;
pub mod date_input;
pub mod handling;
pub mod lifecycle_forms;
pub mod milestones;
pub mod occurrences;
pub mod panel;
pub mod report_form;
pub mod summary;
pub mod supervise_form;
pub mod supervisions;
pub mod updates;

use crate::model::id::TaskId;
use crate::model::ops::Op;
use crate::model::task::Task;
use crate::model::validate::FieldError;
use crate::ui::state::AppState;

/// Saves what a lifecycle change produced as one undoable edit called
/// `label`; on refusal the problems go to `errors`. True when saved.
pub fn save_task(
    state: AppState,
    made: Result<Task, Vec<FieldError>>,
    label: String,
    errors: leptos::prelude::RwSignal<Vec<FieldError>>,
) -> bool {
    use leptos::prelude::*;
    match made {
        Ok(task) => {
            errors.set(Vec::new());
            state
                .edit(
                    Op::PutTask {
                        task: Box::new(task),
                        at: None,
                    },
                    label,
                )
                .is_ok()
        }
        Err(found) => {
            errors.set(found);
            false
        }
    }
}

/// The task with `id` as the plan holds it now, untracked.
pub fn current_task(state: AppState, id: &TaskId) -> Option<Task> {
    use leptos::prelude::*;
    state.doc.plan().with_untracked(|p| p.task(id).cloned())
}

/// Which form is open in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskAction {
    /// Report progress; `Some(id)` corrects that update.
    Report(Option<String>),
    Extend,
    Close,
    Reopen,
    /// 暂缓 or 中止.
    Halt,
    Resume,
    Supervise,
}
