//! The ledger page: the plan in hierarchy order with lights and counts.

use crate::model::ledger::ledger_view;
use crate::model::ops::Op;
use crate::model::sample::sample_plan;
use crate::ui::editor::actions::StructureToolbar;
use crate::ui::editor::panel::TaskEditor;
use crate::ui::ledger::counts::LedgerCounts;
use crate::ui::ledger::filter_bar::FilterBar;
use crate::ui::ledger::table::LedgerTable;
use crate::ui::shell::sample_notice::SampleNotice;
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = use_app();
    // The chosen task and the task panel belong to this page.
    let panel = crate::ui::ledger::panel_state::TaskPanel::provide(state);
    crate::ui::editor::actions::install_ledger_keys(state, panel);
    // Lights and roll-up: recomputed when the plan changes or the day
    // moves on, not on every keystroke in the search box.
    let assessments = state.doc.assessments();
    // The search index is built once per plan, and only while searching.
    let search = state.doc.search();
    let view_model = Memo::new_with_compare(
        move |_| {
            state.doc.with_index(|index| {
                assessments.with(|a| {
                    search.with(|s| {
                        state
                            .nav
                            .query()
                            .with(|q| ledger_view(index, a, q, s.as_ref()))
                    })
                })
            })
        },
        |_, _| true,
    );
    let load_sample = move |_| {
        let year = state.today.with_untracked(|t| t.date.year());
        let title = state.doc.plan().with_untracked(|p| p.title.clone());
        state.ask(
            "载入示例计划",
            format!("当前计划“{title}”将被替换为示例计划。替换后可点击“撤销”恢复。"),
            "载入示例计划",
            move || {
                // Same plan id: the plan list keeps naming this plan.
                let mut next = sample_plan(year);
                next.id = state.doc.plan().with_untracked(|p| p.id.clone());
                let _ = state.edit(Op::ReplacePlan(Box::new(next)), "载入示例计划");
            },
        );
    };
    let tally = Signal::derive(move || view_model.with(|(_, t)| t.clone()));
    let lines = Memo::new(move |_| view_model.with(|(l, _)| l.clone()));
    let is_empty = move || state.doc.plan().with(|p| p.tasks.is_empty());
    view! {
        <section class="ledger" data-testid="ledger">
            <SampleNotice />
            <LedgerCounts tally=tally />
            // While stored data awaits a decision, nothing may be edited.
            <Show when=move || state.storage.damage().with(Option::is_none)>
                <StructureToolbar />
                <TaskEditor />
            </Show>
            <FilterBar />
            // Worded by model::counting: first the work items (the number
            // the counts above and a chart mark that led here show), then
            // the rows that matched, 要点 included.
            <Show when=move || !state.nav.query().with(|q| q.is_empty())>
                <p class="hint" data-testid="match-count">
                    {move || {
                        let (rows, context) = lines.with(|l| {
                            l.iter().fold((0, 0), |(m, c), line| match line {
                                crate::model::ledger::LedgerLine::Task(t) if t.matched => (m + 1, c),
                                crate::model::ledger::LedgerLine::Task(_) => (m, c + 1),
                                _ => (m, c),
                            })
                        });
                        let counted = crate::model::counting::Counted {
                            work_items: tally.with(|t| t.total),
                            rows,
                        };
                        let greyed = if context > 0 { "；灰色行为其上级，仅供对照" } else { "" };
                        format!("{}{greyed}", counted.matched())
                    }}
                </p>
            </Show>
            <Show
                when=move || !is_empty()
                fallback=move || view! {
                    <div class="empty" data-testid="ledger-empty">
                        <p>"当前计划还没有任务。"</p>
                        // While stored data awaits a decision, the damage panel
                        // is the only place that may replace the plan.
                        <Show when=move || state.storage.damage().with(Option::is_none)>
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
                <Show when=move || lines.with(Vec::is_empty)>
                    <p class="empty" data-testid="no-match">"没有符合筛选条件的任务。"</p>
                </Show>
            </Show>
        </section>
    }
}
