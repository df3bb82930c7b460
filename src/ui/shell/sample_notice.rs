//! Tells the user the plan on screen is the sample, with one action to start
//! an empty plan instead.

use crate::model::plan::Plan;
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn SampleNotice() -> impl IntoView {
    let state = use_app();
    let year = state.today.get_value().date.year();
    view! {
        <Show when=move || state.plan.with(|p| p.sample)>
            <div class="notice" data-testid="sample-notice">
                <strong>"这是示例计划。"</strong>
                "内容根据2022年区委工作会讲话整理，用于熟悉功能，并非真实数据。"
                <button
                    data-testid="start-empty"
                    on:click=move |_| state.plan.set(Plan::empty(year))
                >
                    "开始空白计划"
                </button>
            </div>
        </Show>
    }
}
