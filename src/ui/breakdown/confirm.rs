//! Where the proposal goes, and the button that makes it: a new plan
//! (shown at once, undone by 撤销 as any new plan) or tasks added to the
//! plan on screen (one edit, undone as one).

use crate::format::breakdown::{add_to_plan, to_plan};
use crate::model::ops::Op;
use crate::ui::breakdown::state::{registry, Breakdown, Target};
use crate::ui::clock::now_iso;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Makes the proposal into a plan or adds it to the plan on screen; the
/// ledger is shown after.
fn confirm(state: AppState, bd: Breakdown) -> Result<(), String> {
    let Some(proposal) = bd.proposal.get_untracked() else {
        return Err("还没有可生成的内容，请先读取工作要点".into());
    };
    let now = now_iso();
    match bd.target.get_untracked() {
        Target::NewPlan => {
            let plan = to_plan(&proposal, &registry(state), &now);
            crate::ui::persistence::plans::add(state, plan, "从工作要点生成计划")?;
        }
        Target::CurrentPlan => {
            if state.storage.damage().with_untracked(Option::is_some) {
                return Err("本机保存的当前计划有损坏，需要先处理“任务台账”页的提示，才能向它添加任务。可以改为“新建计划”。".into());
            }
            let merged = state
                .doc
                .plan()
                .with_untracked(|plan| add_to_plan(&proposal, plan, &now));
            state
                .edit(Op::ReplacePlan(Box::new(merged)), "从工作要点添加任务")
                .map_err(|e| e.to_string())?;
        }
    }
    let _ = window().location().set_hash("#/ledger");
    Ok(())
}

#[component]
pub fn BreakdownConfirm(bd: Breakdown) -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let current_title = move || state.doc.plan().with(|p| p.title.clone());
    let target = move || bd.target.get();
    let label = move || match target() {
        Target::NewPlan => "生成新计划",
        Target::CurrentPlan => "添加到当前计划",
    };
    view! {
        <div class="breakdown-confirm">
            <fieldset>
                <legend>"生成到"</legend>
                <label>
                    <input type="radio" name="breakdown-target" data-testid="breakdown-target-new"
                        prop:checked=move || target() == Target::NewPlan
                        on:change=move |_| bd.target.set(Target::NewPlan) />
                    "新建一个计划（推荐）"
                </label>
                <label>
                    <input type="radio" name="breakdown-target" data-testid="breakdown-target-current"
                        prop:checked=move || target() == Target::CurrentPlan
                        on:change=move |_| bd.target.set(Target::CurrentPlan) />
                    {move || format!("添加到当前计划“{}”", current_title())}
                </label>
            </fieldset>
            <p class="hint">{move || match target() {
                Target::NewPlan => "生成后即切换到新计划；如需撤回，点击“撤销”。".to_string(),
                Target::CurrentPlan => "任务添加在当前计划已有任务之后，同名领域合并；如需撤回，点击“撤销”。".to_string(),
            }}</p>
            <button class="primary" data-testid="breakdown-confirm"
                on:click=move |_| error.set(confirm(state, bd).err())>{label}</button>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}
