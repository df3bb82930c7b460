//! 领导版: a page per 责任领导 with their work items, for 分管领导 reviews.

use crate::model::report::LeaderSheet;
use leptos::prelude::*;

#[component]
pub fn LeaderSheets(sheets: Vec<LeaderSheet>) -> impl IntoView {
    if sheets.is_empty() {
        return view! { <p class="hint">"计划中还没有工作事项。"</p> }.into_any();
    }
    view! {
        <div class="report-doc report-leaders" data-testid="report-leader-sheets">
            {sheets.into_iter().map(|s| {
                let f = s.figures;
                let line = format!(
                    "共{}项：已办结{}项，按序时推进{}项，进度滞后{}项，已逾期{}项，暂缓或中止{}项。",
                    f.total, f.closed(), f.on_schedule, f.lagging, f.overdue, f.halted
                );
                view! {
                    <article class="doc-page doc-leader" data-testid="report-leader-sheet" data-leader=s.leader.clone()>
                        <h1 class="doc-annex-title">{s.title}</h1>
                        <p class="doc-period">{s.as_of_line}</p>
                        <p class="doc-text">{line}</p>
                        <table class="doc-table">
                            <thead><tr>
                                <th>"序号"</th><th>"事项"</th><th>"牵头单位"</th><th>"完成时限"</th>
                                <th>"状态"</th><th>"最新进展"</th>
                            </tr></thead>
                            <tbody>
                                {s.items.into_iter().enumerate().map(|(i, it)| view! {
                                    <tr>
                                        <td>{(i + 1).to_string()}</td>
                                        <td>{it.title.clone()}</td>
                                        <td>{it.lead_unit.clone()}</td>
                                        <td>{it.due_text()}</td>
                                        <td>{it.state.clone()}</td>
                                        <td>{it.latest_text()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </article>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}
