//! The forms of a task's lifecycle: 延期 (new due date and reason), 办结
//! (date and 办结说明), 重新打开 (reason), 暂缓/中止 (reason) and 恢复.

use crate::model::lifecycle::{close, extend, halt, reopen, resume};
use crate::model::task::{Status, Task};
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::editor::field::Field;
use crate::ui::progress::date_input::{date_input, required};
use crate::ui::progress::{current_task, save_task, TaskAction};
use crate::ui::state::{use_app, AppState};
use chrono::NaiveDate;
use leptos::prelude::*;

fn today(state: AppState) -> NaiveDate {
    state.today.with_untracked(|t| t.date)
}

/// Runs `make` on the task as it is now and saves the result.
fn act(
    state: AppState,
    id: &TaskId,
    action: RwSignal<Option<TaskAction>>,
    errors: RwSignal<Vec<FieldError>>,
    verb: &str,
    make: impl FnOnce(&Task) -> Result<Task, Vec<FieldError>>,
) {
    let Some(task) = current_task(state, id) else {
        return errors.set(vec![FieldError {
            field: "form".into(),
            message: "该任务已不存在（可能已被删除或撤销）".into(),
        }]);
    };
    let label = format!("{verb}“{}”", task.title);
    if save_task(state, make(&task), label, errors) {
        action.set(None);
    }
}

fn text_area(value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    view! {
        <textarea rows="2" data-testid=testid prop:value=move || value.get()
            on:input=move |e| value.set(event_target_value(&e))></textarea>
    }
}

/// True when a form's text field holds something typed.
fn filled(value: RwSignal<String>) -> bool {
    !value.with_untracked(|v| v.trim().is_empty())
}

/// Save and 取消; 取消 asks first when `typed` says something was typed.
fn buttons(
    save_testid: &'static str,
    save_label: &'static str,
    action: RwSignal<Option<TaskAction>>,
    typed: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let cancel = move |_| {
        if typed() {
            state.ask_discard("表单中填写的内容尚未保存。", move || {
                action.set(None)
            });
        } else {
            action.set(None);
        }
    };
    view! {
        <div class="actions">
            <button type="submit" class="primary" data-testid=save_testid>{save_label}</button>
            <button type="button" data-testid="cancel-action" on:click=cancel>"取消"</button>
        </div>
    }
}

#[component]
pub fn ExtendForm(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let on = RwSignal::new(Some(today(state)));
    let new_due = RwSignal::new(None::<NaiveDate>);
    let reason = RwSignal::new(String::new());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        act(state, &id, action, errors, "延期", |t| {
            let on = required(on.get_untracked(), "extend_date", "批准延期的日期")?;
            let due = required(new_due.get_untracked(), "extend_due", "延期后的完成时限")?;
            extend(t, on, due, &reason.get_untracked(), today(state))
        });
    };
    view! {
        <form novalidate class="action-form" data-testid="extend-form" on:submit=submit>
            <h3>"申请延期"</h3>
            <p class="muted">"原定完成时限会保留在记录中，延期次数计入统计。"</p>
            <div class="field-row">
                <Field label="批准日期" name="extend_date" errors=errors>{date_input(on, "extend_date", "extend-date", errors)}</Field>
                <Field label="延期至" name="extend_due" errors=errors>{date_input(new_due, "extend_due", "extend-due", errors)}</Field>
            </div>
            <Field label="延期理由" name="extend_reason" errors=errors>{text_area(reason, "extend-reason")}</Field>
            {buttons("save-extend", "确认延期", action, move || filled(reason) || new_due.with_untracked(Option::is_some))}
        </form>
    }
}

#[component]
pub fn CloseForm(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let on = RwSignal::new(Some(today(state)));
    let note = RwSignal::new(String::new());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        act(state, &id, action, errors, "办结", |t| {
            let on = required(on.get_untracked(), "close_date", "办结日期")?;
            close(t, on, &note.get_untracked(), today(state))
        });
    };
    view! {
        <form novalidate class="action-form" data-testid="close-form" on:submit=submit>
            <h3>"办结"</h3>
            <Field label="办结日期" name="close_date" errors=errors>{date_input(on, "close_date", "close-date", errors)}</Field>
            <Field label="办结说明" name="close_note" errors=errors>{text_area(note, "close-note")}</Field>
            {buttons("save-close", "确认办结", action, move || filled(note))}
        </form>
    }
}

#[component]
pub fn ReopenForm(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let reason = RwSignal::new(String::new());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        act(state, &id, action, errors, "重新打开", |t| {
            reopen(t, &reason.get_untracked())
        });
    };
    view! {
        <form novalidate class="action-form" data-testid="reopen-form" on:submit=submit>
            <h3>"重新打开"</h3>
            <Field label="重新打开的原因" name="reopen_reason" errors=errors>{text_area(reason, "reopen-reason")}</Field>
            {buttons("save-reopen", "确认重新打开", action, move || filled(reason))}
        </form>
    }
}

#[component]
pub fn HaltForm(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let to = RwSignal::new(Status::Paused);
    let reason = RwSignal::new(String::new());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let status = to.get_untracked();
        act(state, &id, action, errors, status.label(), |t| {
            halt(t, status, &reason.get_untracked())
        });
    };
    view! {
        <form novalidate class="action-form" data-testid="halt-form" on:submit=submit>
            <h3>"暂缓或中止"</h3>
            <p class="muted">"暂缓、中止的任务单独列出，不计入逾期统计。"</p>
            <div class="choice">
                {[Status::Paused, Status::Stopped].into_iter().map(|s| view! {
                    <label class="check">
                        <input type="radio" name="halt-kind" prop:checked=move || to.get() == s on:change=move |_| to.set(s) />
                        {s.label()}
                    </label>
                }).collect_view()}
            </div>
            <Field label="原因" name="halt_reason" errors=errors>{text_area(reason, "halt-reason")}</Field>
            {buttons("save-halt", "确认", action, move || filled(reason))}
        </form>
    }
}

#[component]
pub fn ResumeForm(id: TaskId, action: RwSignal<Option<TaskAction>>) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let note = RwSignal::new(String::new());
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        act(state, &id, action, errors, "恢复办理", |t| {
            resume(t, &note.get_untracked())
        });
    };
    view! {
        <form novalidate class="action-form" data-testid="resume-form" on:submit=submit>
            <h3>"恢复办理"</h3>
            <Field label="说明（可不填）" name="halt_reason" errors=errors>{text_area(note, "resume-note")}</Field>
            {buttons("save-resume", "确认恢复", action, move || filled(note))}
        </form>
    }
}
