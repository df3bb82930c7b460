//! The ledger page: the plan in hierarchy order with lights and counts.

use crate::model::ledger::ledger_view;
use crate::ui::editor::actions::StructureToolbar;
use crate::ui::ledger::counts::LedgerCounts;
use crate::ui::ledger::empty_state::LedgerEmpty;
use crate::ui::ledger::filter_bar::FilterBar;
use crate::ui::ledger::table::LedgerTable;
use crate::ui::shell::sample_notice::SampleNotice;
use crate::ui::state::use_app;
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
                // Its own wasm module in the release build (src/ui/lazy_pages.rs).
                {crate::ui::lazy_pages::task_editor()}
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
                fallback=|| view! { <LedgerEmpty /> }
            >
                <LedgerTable lines=lines />
                <Show when=move || lines.with(Vec::is_empty)>
                    <p class="empty" data-testid="no-match">"没有符合筛选条件的任务。"</p>
                </Show>
            </Show>
        </section>
    }
}
