//! The progress report form (进展报送): date (today by default), percent,
//! 进展情况, 存在问题, 下步打算 and who reported; also corrects an update.

use crate::model::lifecycle::report;
use crate::model::task::ProgressUpdate;
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::editor::field::Field;
use crate::ui::progress::date_input::{date_input, required};
use crate::ui::progress::{current_task, save_task, TaskAction};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ReportForm(
    id: TaskId,
    /// The update corrected, or `None` for a new one.
    correcting: Option<String>,
    action: RwSignal<Option<TaskAction>>,
) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let task = current_task(state, &id);
    let old = correcting
        .as_ref()
        .and_then(|u| task.as_ref()?.updates.iter().find(|x| &x.id == u).cloned());
    let latest = task.as_ref().and_then(|t| t.latest_update().cloned());
    let date = RwSignal::new(Some(
        old.as_ref()
            .map_or(state.today.with_untracked(|t| t.date), |u| u.date),
    ));
    // A new report starts from the last one's percent and reporter.
    let percent = RwSignal::new(
        old.as_ref()
            .or(latest.as_ref())
            .map_or(0, |u| u.percent)
            .to_string(),
    );
    let progress = RwSignal::new(old.as_ref().map(|u| u.progress.clone()).unwrap_or_default());
    let problems = RwSignal::new(old.as_ref().map(|u| u.problems.clone()).unwrap_or_default());
    let next_steps = RwSignal::new(
        old.as_ref()
            .map(|u| u.next_steps.clone())
            .unwrap_or_default(),
    );
    let by = RwSignal::new(
        old.as_ref()
            .or(latest.as_ref())
            .map(|u| u.by.clone())
            .unwrap_or_default(),
    );
    // What the form started with: 取消 asks before dropping a change.
    let now = move || {
        (
            date.get_untracked(),
            percent.get_untracked(),
            [progress, problems, next_steps, by].map(|v| v.get_untracked()),
        )
    };
    let start = now();
    let typed = move || now() != start;
    let cancel = move |_| {
        if typed() {
            state.ask_discard(
                "进展报送表单中填写的内容尚未保存。",
                move || action.set(None),
            );
        } else {
            action.set(None);
        }
    };
    let id_for_save = id.clone();
    let update_id = correcting.clone().unwrap_or_default();
    let save = move || {
        let today = state.today.with_untracked(|t| t.date);
        let Some(task) = current_task(state, &id_for_save) else {
            return;
        };
        let day = match required(date.get_untracked(), "update_date", "报送日期") {
            Ok(d) => d,
            Err(e) => return errors.set(e),
        };
        let pct = match percent.get_untracked().trim().parse::<u8>() {
            Ok(p) if p <= 100 => p,
            _ => {
                return errors.set(vec![FieldError {
                    field: "update_percent".into(),
                    message: format!(
                        "进度“{}”应为 0 到 100 之间的整数",
                        percent.get_untracked().trim()
                    ),
                }])
            }
        };
        let update = ProgressUpdate {
            id: update_id.clone(),
            date: day,
            percent: pct,
            progress: progress.get_untracked().trim().to_string(),
            problems: problems.get_untracked().trim().to_string(),
            next_steps: next_steps.get_untracked().trim().to_string(),
            by: by.get_untracked().trim().to_string(),
        };
        let label = if update_id.is_empty() {
            format!("报送进展“{}”", task.title)
        } else {
            format!("更正进展“{}”", task.title)
        };
        if save_task(state, report(&task, update, today), label, errors) {
            action.set(None);
        }
    };
    let area = |value: RwSignal<String>, testid: &'static str| {
        view! {
            <textarea rows="2" data-testid=testid prop:value=move || value.get()
                on:input=move |e| value.set(event_target_value(&e))></textarea>
        }
    };
    view! {
        <form novalidate class="action-form" data-testid="update-form" on:submit=move |e| { e.prevent_default(); save(); }>
            <h3>{if correcting.is_some() { "更正进展" } else { "报送进展" }}</h3>
            <div class="field-row">
                <Field label="报送日期" name="update_date" errors=errors>
                    {date_input(date, "update_date", "update-date", errors)}
                </Field>
                <Field label="完成进度（%）" name="update_percent" errors=errors>
                    <input type="number" min="0" max="100" step="1" data-testid="update-percent"
                        prop:value=move || percent.get() on:input=move |e| percent.set(event_target_value(&e)) />
                </Field>
            </div>
            <Field label="进展情况" name="update_progress" errors=errors>{area(progress, "update-progress")}</Field>
            <Field label="存在问题" name="update_problems" errors=errors>{area(problems, "update-problems")}</Field>
            <Field label="下步打算" name="update_next" errors=errors>{area(next_steps, "update-next")}</Field>
            <Field label="报送人" name="update_by" errors=errors>
                <input data-testid="update-by" prop:value=move || by.get() on:input=move |e| by.set(event_target_value(&e)) />
            </Field>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-update">"保存进展"</button>
                <button type="button" data-testid="cancel-update" on:click=cancel>"取消"</button>
            </div>
        </form>
    }
}
