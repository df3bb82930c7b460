//! The ledger page: the plan in hierarchy order with lights and counts.

use crate::model::ledger::ledger;
use crate::model::ops::Op;
use crate::model::sample::sample_plan;
use crate::ui::editor::actions::StructureToolbar;
use crate::ui::editor::panel::TaskEditor;
use crate::ui::ledger::counts::LedgerCounts;
use crate::ui::ledger::table::LedgerTable;
use crate::ui::shell::sample_notice::SampleNotice;
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = use_app();
    // Recomputed when the plan changes or the day moves on.
    let view_model = Memo::new(move |_| {
        let today = state.today_date();
        state.plan.with(|p| ledger(p, today))
    });
    let load_sample = move |_| {
        let year = state.today.with_untracked(|t| t.date.year());
        let title = state.plan.with_untracked(|p| p.title.clone());
        state.ask(
            "载入示例计划",
            format!("当前计划“{title}”将被替换为示例计划。替换后可点击“撤销”恢复。"),
            "载入示例计划",
            move || {
                let _ = state.edit(Op::ReplacePlan(Box::new(sample_plan(year))), "载入示例计划");
            },
        );
    };
    let tally = Signal::derive(move || view_model.with(|(_, t)| t.clone()));
    let lines = Memo::new(move |_| view_model.with(|(l, _)| l.clone()));
    let is_empty = move || state.plan.with(|p| p.tasks.is_empty());
    view! {
        <section class="ledger" data-testid="ledger">
            <SampleNotice />
            <LedgerCounts tally=tally />
            // While stored data awaits a decision, nothing may be edited.
            <Show when=move || state.damage.with(Option::is_none)>
                <StructureToolbar />
                <TaskEditor />
            </Show>
            <Show
                when=move || !is_empty()
                fallback=move || view! {
                    <div class="empty" data-testid="ledger-empty">
                        <p>"当前计划还没有任务。"</p>
                        // While stored data awaits a decision, the damage panel
                        // is the only place that may replace the plan.
                        <Show when=move || state.damage.with(Option::is_none)>
                            <button
                                data-testid="load-sample"
                                on:click=load_sample
                            >
                                "载入示例计划"
                            </button>
                        </Show>
                    </div>
                }
            >
                <LedgerTable lines=lines />
            </Show>
        </section>
    }
}
