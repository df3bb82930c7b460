//! Tells the user the plan on screen is the sample, with one action to start
//! an empty plan instead.

use crate::model::counting::Counted;
use crate::model::ops::Op;
use crate::model::plan::Plan;
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn SampleNotice() -> impl IntoView {
    let state = use_app();
    let today = state.today.get_untracked();
    let year = today.date.year();
    // The sample's dates are set so every light shows at mid-year; on other
    // dates offer that view, since staff will not edit the address.
    let simulated = today.simulated;
    let start_empty = move |_| {
        let (title, count) = state
            .doc
            .plan()
            .with_untracked(|p| (p.title.clone(), Counted::of_plan(p).describe()));
        state.ask(
            "新建空白计划",
            format!("当前计划“{title}”（{count}）将被替换为空白计划。替换后可点击“撤销”恢复。"),
            "替换为空白计划",
            move || {
                // Same plan id: the plan list and the undo of whole-plan
                // steps keep naming this plan.
                let mut next = Plan::empty(year);
                next.id = state.doc.plan().with_untracked(|p| p.id.clone());
                let _ = state.edit(Op::ReplacePlan(Box::new(next)), "新建空白计划");
            },
        );
    };
    view! {
        <Show when=move || state.doc.plan().with(|p| p.sample) && state.storage.damage().with(Option::is_none)>
            <div class="notice" data-testid="sample-notice">
                <strong>"这是示例计划。"</strong>
                "内容根据2022年区委工作会讲话整理，用于熟悉功能，并非真实数据。"
                {(!simulated).then(|| view! {
                    <a data-testid="sample-mid-year" href=format!("?today={year}-06-30")>
                        {format!("按{year}年6月30日查看示例")}
                    </a>
                })}
                <button
                    data-testid="start-empty"
                    on:click=start_empty
                >
                    "新建空白计划"
                </button>
            </div>
        </Show>
    }
}
