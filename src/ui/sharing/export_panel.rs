//! 导出: the whole plan, one unit's 填报包, or every unit's at once (one
//! file each). File names say what they are.

use crate::format::write_plan;
use crate::model::date::format_date;
use crate::model::package::{package_file_name, package_for, plan_file_name};
use crate::model::plan::Plan;
use crate::ui::clock::now_iso;
use crate::ui::download::download_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Writes and downloads one unit's package; `Ok(false)` when the unit has
/// no work in the plan.
fn export_package(plan: &Plan, unit: &str, day: &str, source: &str) -> Result<bool, String> {
    let now = now_iso();
    let Some(pkg) = package_for(plan, unit, &now) else {
        return Ok(false);
    };
    let text = write_plan(&pkg, &now, source).map_err(|e| e.to_string())?;
    download_text(
        &package_file_name(&plan.title, &plan.unit_name(unit), day),
        &text,
    )?;
    Ok(true)
}

#[component]
pub fn ExportPanel(
    /// Downloads the whole plan (the data page's own export, which knows
    /// about partly readable data) and says what happened.
    on_export_plan: Callback<(), String>,
) -> impl IntoView {
    let state = use_app();
    let unit = RwSignal::new(String::new());
    // Each message stands beside the button that caused it.
    let message = RwSignal::new(None::<String>);
    let plan_message = RwSignal::new(None::<String>);
    let day = move || format_date(state.today.with_untracked(|t| t.date));
    let source = move || {
        state.doc.plan().with_untracked(|p| {
            if p.settings.office_name.is_empty() {
                p.issuer.clone()
            } else {
                p.settings.office_name.clone()
            }
        })
    };
    let one = move |_| {
        plan_message.set(None);
        let id = unit.get_untracked();
        if id.is_empty() {
            return message.set(Some("请先选择单位".into()));
        }
        let result = state
            .doc
            .plan()
            .with_untracked(|p| export_package(p, &id, &day(), &source()));
        message.set(Some(match result {
            Ok(true) => "已生成填报包，请在浏览器的下载列表中查看，发给该单位。".into(),
            Ok(false) => "该单位在本计划中没有牵头或配合的任务，没有生成填报包。".into(),
            Err(e) => e,
        }));
    };
    let all = move |_| {
        plan_message.set(None);
        let (mut made, mut failed) = (0, Vec::new());
        state.doc.plan().with_untracked(|p| {
            for u in &p.units {
                match export_package(p, &u.id, &day(), &source()) {
                    Ok(true) => made += 1,
                    Ok(false) => {}
                    Err(e) => failed.push(format!("{}：{e}", u.name)),
                }
            }
        });
        message.set(Some(if failed.is_empty() {
            format!("已为 {made} 个单位分别生成填报包（每个单位一个文件）。浏览器可能询问是否允许下载多个文件，请选择允许。")
        } else {
            format!("已生成 {made} 个；未生成：{}", failed.join("；"))
        }));
    };
    view! {
        <section class="export" data-testid="export-panel">
            <h3>"导出"</h3>
            <p class="hint">{move || state.doc.plan().with(|p| format!("整个计划导出为“{}”。", plan_file_name(&p.title, &day())))}</p>
            <div class="field-row export-plan-row">
                <button data-testid="export-plan" on:click=move |_| {
                    message.set(None);
                    plan_message.set(Some(on_export_plan.run(())));
                }>"导出整个计划（JSON）"</button>
                {move || plan_message.get().map(|m| view! { <p class="hint" role="status" data-testid="data-message">{m}</p> })}
            </div>
            <div class="field-row export-package">
                <select data-testid="export-unit" aria-label="选择单位" prop:value=move || unit.get()
                    on:change=move |e| unit.set(event_target_value(&e))>
                    <option value="">"（选择单位）"</option>
                    {move || state.doc.plan().with(|p| p.units.clone()).into_iter().map(|u| view! {
                        <option value=u.id.clone()>{u.name}</option>
                    }).collect_view()}
                </select>
                <button data-testid="export-package" on:click=one>"导出该单位的填报包"</button>
                <button data-testid="export-all-packages" on:click=all>"为所有单位分别导出填报包"</button>
            </div>
            {move || message.get().map(|m| view! { <p class="hint" role="status" data-testid="export-message">{m}</p> })}
        </section>
    }
}
