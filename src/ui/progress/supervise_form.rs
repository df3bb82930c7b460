//! The 督办/催办 form: kind, date, 督办要求 and 反馈时限, for one task or
//! for all listed items of one unit. Each task gets its own numbered
//! record; all of them are one undoable edit.

use crate::model::supervision::{supervise, SuperviseForm as Form};
use crate::model::task::SuperviseKind;
use crate::model::validate::FieldError;
use crate::model::TaskId;
use crate::ui::editor::field::Field;
use crate::ui::progress::date_input::{date_input, required};
use crate::ui::state::use_app;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;

#[component]
pub fn SuperviseForm(
    /// The tasks supervised.
    ids: Vec<TaskId>,
    /// Called with the new records' ids once saved.
    on_done: Callback<Vec<String>>,
    /// Called on 取消.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let today = state.today.with_untracked(|t| t.date);
    let kind = RwSignal::new(SuperviseKind::Supervise);
    let date = RwSignal::new(Some(today));
    let reply = RwSignal::new(today.checked_add_days(Days::new(7)));
    let note = RwSignal::new(String::new());
    let count = ids.len();
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let day = match required(date.get_untracked(), "supervise_date", "督办日期") {
            Ok(d) => d,
            Err(e) => return errors.set(e),
        };
        let form = Form {
            kind: kind.get_untracked(),
            date: day,
            note: note.get_untracked(),
            reply_due: reply.get_untracked(),
        };
        let today: NaiveDate = state.today.with_untracked(|t| t.date);
        let made = state
            .doc
            .plan()
            .with_untracked(|p| supervise(p, &ids, &form, today));
        match made {
            Ok((op, records)) => {
                let label = format!(
                    "{}{}",
                    form.kind.label(),
                    crate::model::counting::work_items_text(ids.len())
                );
                if state.edit(op, label).is_ok() {
                    errors.set(Vec::new());
                    on_done.run(records);
                }
            }
            Err(found) => errors.set(found),
        }
    };
    view! {
        <form novalidate class="action-form" data-testid="supervise-form" on:submit=submit>
            <h3>{if count == 1 { "督办 / 催办".to_string() } else { format!("督办 / 催办（共 {count} 项）") }}</h3>
            <div class="choice">
                {[SuperviseKind::Supervise, SuperviseKind::Chase].into_iter().map(|k| view! {
                    <label class="check">
                        <input type="radio" name="supervise-kind" data-testid=format!("supervise-kind-{}", k.key())
                            prop:checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                        {k.label()}
                    </label>
                }).collect_view()}
            </div>
            <div class="field-row">
                <Field label="督办日期" name="supervise_date" errors=errors>{date_input(date, "supervise_date", "supervise-date", errors)}</Field>
                <Field label="反馈时限" name="supervise_reply" errors=errors>{date_input(reply, "supervise_reply", "supervise-reply", errors)}</Field>
            </div>
            <Field label="督办要求" name="supervise_note" errors=errors>
                <textarea rows="3" data-testid="supervise-note" prop:value=move || note.get()
                    on:input=move |e| note.set(event_target_value(&e))></textarea>
            </Field>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-supervise">"确认并编号"</button>
                <button type="button" data-testid="cancel-supervise" on:click=move |_| {
                    // 督办要求 typed and not saved: asked before it is dropped.
                    if note.with_untracked(|n| !n.trim().is_empty()) {
                        state.ask_discard("督办要求尚未保存。", move || on_cancel.run(()));
                    } else {
                        on_cancel.run(());
                    }
                }>"取消"</button>
            </div>
        </form>
    }
}
