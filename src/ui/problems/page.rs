//! The problem list: each problem with its source, date, state (from its
//! rectification tasks) and tasks; add, edit and delete (undoable).

use crate::model::date::format_date;
use crate::model::ops::Op;
use crate::model::problems::{state_with, Problem};
use crate::ui::ledger::warning_badge::WarningBadge;
use crate::ui::problems::form::ProblemForm;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ProblemsPage() -> impl IntoView {
    let state = use_app();
    // `Some(None)`: adding; `Some(Some(id))`: editing that problem.
    let editing = RwSignal::new(None::<Option<String>>);
    let rows = Memo::new(move |_| {
        state.doc.with_index(|index| {
            let p = index.plan;
            let all = state.doc.assessments().get();
            let a = |id: &str| index.position(id).and_then(|i| all.get(i));
            p.problems
                .iter()
                .map(|pr| {
                    let tasks: Vec<_> = pr
                        .tasks
                        .iter()
                        .map(|id| match (index.task(id), a(id)) {
                            (Some(t), Some(x)) => {
                                (id.0.clone(), t.title.clone(), Some((x.level, x.label())))
                            }
                            _ => (id.0.clone(), "（任务已不存在）".to_string(), None),
                        })
                        .collect();
                    (
                        pr.clone(),
                        state_with(pr, |id| a(id).map(|x| x.level)),
                        tasks,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let remove = move |pr: Problem| {
        let short: String = pr.description.chars().take(20).collect();
        state.ask(
            "删除整改问题",
            format!("确定删除问题“{short}”吗？关联的任务不会被删除。可以撤销。"),
            "删除",
            move || {
                let _ = state.edit(
                    Op::RemoveProblem(pr.id.clone()),
                    format!("删除整改问题“{short}”"),
                );
            },
        );
    };
    view! {
        <section class="problems-page" data-testid="problems-page">
            <h1>"问题整改"</h1>
            <p class="muted">"每个问题关联一项或多项整改任务：任务全部办结即为已整改，有任务逾期即为整改逾期。"</p>
            <div class="toolbar">
                <button type="button" class="primary" data-testid="add-problem" on:click=move |_| editing.set(Some(None))>"新增问题"</button>
            </div>
            {move || editing.get().map(|which| view! { <ProblemForm editing=which on_close=Callback::new(move |_| editing.set(None)) /> })}
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"尚未登记整改问题。"</p>
            </Show>
            <table class="problems-table">
                <thead><tr><th>"问题"</th><th>"来源"</th><th>"发现日期"</th><th>"整改状态"</th><th>"整改任务"</th><th></th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(pr, st, tasks)| {
                        let (edit_id, gone) = (pr.id.clone(), pr.clone());
                        view! {
                            <tr data-testid="problem-row" data-state=st.key()>
                                <td>{pr.description.clone()}</td>
                                <td>{pr.source.clone()}</td>
                                <td class="nowrap">{pr.date.map(format_date).unwrap_or_default()}</td>
                                <td class="nowrap"><span class=format!("problem-state state-{}", st.key())>{st.label()}</span></td>
                                <td><ul class="plain">{tasks.into_iter().map(|(id, title, light)| view! {
                                    <li>
                                        <a href=format!("#/ledger?edit={id}")>{title}</a>
                                        {light.map(|(level, label)| view! { <WarningBadge level=level label=label /> })}
                                    </li>
                                }).collect_view()}</ul></td>
                                <td class="nowrap">
                                    <button type="button" on:click=move |_| editing.set(Some(Some(edit_id.clone())))>"编辑"</button>
                                    <button type="button" class="danger-text" on:click=move |_| remove(gone.clone())>"删除"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
