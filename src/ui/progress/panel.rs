//! The 进展与办理 tab of the task panel: summary, the actions the task's
//! state allows, the open form, and the records.

use crate::model::task::Status;
use crate::model::TaskId;
use crate::ui::progress::handling::HandlingRecords;
use crate::ui::progress::lifecycle_forms::{
    CloseForm, ExtendForm, HaltForm, ReopenForm, ResumeForm,
};
use crate::ui::progress::milestones::MilestoneTicks;
use crate::ui::progress::occurrences::Occurrences;
use crate::ui::progress::report_form::ReportForm;
use crate::ui::progress::summary::TaskSummary;
use crate::ui::progress::supervise_form::SuperviseForm;
use crate::ui::progress::supervisions::SupervisionRecords;
use crate::ui::progress::updates::UpdateHistory;
use crate::ui::progress::TaskAction;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn TaskProgress(id: TaskId) -> impl IntoView {
    let state = use_app();
    let panel = crate::ui::ledger::panel_state::use_panel();
    let action = panel.action;
    let status_id = id.clone();
    let parent_id = id.clone();
    let status = Memo::new(move |_| {
        state
            .doc
            .plan()
            .with(|p| p.task(&status_id).map(|t| t.status))
    });
    // A 要点 or 任务 with children moves through its children: its
    // progress is theirs, and so is any reply to a 督办.
    let is_parent = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            p.tasks
                .iter()
                .any(|t| t.parent.as_ref() == Some(&parent_id))
        })
    });
    let button = move |label: &'static str, testid: &'static str, to: TaskAction| {
        let open = to.clone();
        view! {
            <button type="button" data-testid=testid
                class:active=move || action.with(|a| a.as_ref() == Some(&open))
                on:click={
                    let to = to.clone();
                    move |_| action.set(Some(to.clone()))
                }>{label}</button>
        }
    };
    let form_id = id.clone();
    let form = move || {
        let id = form_id.clone();
        action.get().map(|a| match a {
            TaskAction::Report(correcting) => {
                view! { <ReportForm id=id correcting=correcting action=action /> }.into_any()
            }
            TaskAction::Extend => view! { <ExtendForm id=id action=action /> }.into_any(),
            TaskAction::Close => view! { <CloseForm id=id action=action /> }.into_any(),
            TaskAction::Reopen => view! { <ReopenForm id=id action=action /> }.into_any(),
            TaskAction::Halt => view! { <HaltForm id=id action=action /> }.into_any(),
            TaskAction::Resume => view! { <ResumeForm id=id action=action /> }.into_any(),
            TaskAction::Supervise => view! {
                <SuperviseForm ids=vec![id]
                    on_done=Callback::new(move |_| action.set(None))
                    on_cancel=Callback::new(move |_| action.set(None)) />
            }
            .into_any(),
        })
    };
    view! {
        <div class="task-progress" data-testid="task-progress">
            <TaskSummary id=id.clone() />
            <div class="progress-actions">
                {move || match status.get() {
                    Some(Status::Closed) => view! {
                        {button("重新打开", "reopen-task", TaskAction::Reopen)}
                    }.into_any(),
                    Some(s) if s.is_halted() => view! {
                        {(!is_parent.get()).then(|| button("报送进展", "report-progress", TaskAction::Report(None)))}
                        {button("恢复办理", "resume-task", TaskAction::Resume)}
                    }.into_any(),
                    Some(_) if is_parent.get() => view! {
                        <p class="hint">"该任务有下级任务，进展由下级任务汇总；请在下级任务中报送进展、督办。"</p>
                        {button("申请延期", "extend-task", TaskAction::Extend)}
                        {button("办结", "close-task", TaskAction::Close)}
                        {button("暂缓/中止", "halt-task", TaskAction::Halt)}
                    }.into_any(),
                    Some(_) => view! {
                        {button("报送进展", "report-progress", TaskAction::Report(None))}
                        {button("申请延期", "extend-task", TaskAction::Extend)}
                        {button("办结", "close-task", TaskAction::Close)}
                        {button("暂缓/中止", "halt-task", TaskAction::Halt)}
                        {button("督办/催办", "supervise-task", TaskAction::Supervise)}
                    }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {form}
            <HandlingRecords id=id.clone() />
            <UpdateHistory id=id.clone() action=action />
            <MilestoneTicks id=id.clone() />
            <Occurrences id=id.clone() />
            <SupervisionRecords id=id />
        </div>
    }
}
