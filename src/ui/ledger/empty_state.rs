//! What an empty ledger says: the plan has no tasks yet, and the ways to
//! begin — write the first 要点, bring in an Excel ledger the office
//! already keeps, or look at the sample first. (Generating tasks from the
//! 工作要点 document joins these once it exists.)

use crate::model::ops::Op;
use crate::model::sample::sample_plan;
use crate::ui::editor::actions::new_point_place;
use crate::ui::ledger::panel_state::{use_panel, Editing};
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;
use std::time::Duration;

/// How long to wait for the data page to draw its import panel, in tries of
/// `IMPORT_WAIT` each.
const IMPORT_TRIES: u32 = 20;
const IMPORT_WAIT: Duration = Duration::from_millis(50);

/// Once the data page shows its import panel: brings it into view and opens
/// the file chooser there (still within the click's user activation, which
/// the browser requires), so the user picks the workbook at once; if they
/// close the chooser they are at the import panel.
fn open_import_chooser(tries: u32) {
    let input = document()
        .query_selector("[data-testid='import-file']")
        .ok()
        .flatten()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    match input {
        Some(input) => {
            input.scroll_into_view();
            let _ = input.focus();
            input.click();
        }
        None if tries > 0 => set_timeout(move || open_import_chooser(tries - 1), IMPORT_WAIT),
        None => {}
    }
}

/// The empty ledger's message and next steps.
#[component]
pub fn LedgerEmpty() -> impl IntoView {
    let state = use_app();
    let panel = use_panel();
    let add_point = move |_| {
        panel
            .editing
            .set(Some(Editing::New(new_point_place(state, panel))));
    };
    let import_excel = move |_| {
        let _ = window().location().set_hash("/data");
        open_import_chooser(IMPORT_TRIES);
    };
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
    view! {
        <div class="empty ledger-empty" data-testid="ledger-empty">
            <p>"当前计划还没有任务。"</p>
            // While stored data awaits a decision, nothing may be edited and
            // the damage panel is the only place that may replace the plan.
            <Show when=move || state.storage.damage().with(Option::is_none)>
                <p>"可以从这里开始："</p>
                <ul class="next-steps" data-testid="next-steps">
                    <li>
                        <button class="primary" data-testid="empty-add-point" on:click=add_point>"＋ 新增要点"</button>
                        <span class="hint">"逐条填写工作要点和任务；牵头单位、领域不在名录中时可当场添加。"</span>
                    </li>
                    <li>
                        <button data-testid="empty-import-excel" on:click=import_excel>"导入 Excel 台账"</button>
                        <span class="hint">"已有 Excel 台账的，在“数据管理”页选择文件，预览后导入。"</span>
                    </li>
                    <li>
                        <button data-testid="load-sample" on:click=load_sample>"载入示例计划"</button>
                        <span class="hint">"先看看示例：根据区委工作会讲话整理的一份完整计划。"</span>
                    </li>
                </ul>
                <p class="hint">
                    "单位名录和领域可到"
                    <a href="#/units" data-testid="empty-to-units">"单位与领域"</a>
                    "页从其他计划复制，或粘贴单位名单。"
                </p>
            </Show>
        </div>
    }
}
