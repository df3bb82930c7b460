//! The settings page. A field applies on change as its own undoable edit,
//! so its effect shows at once in every light and count.

use crate::model::ops::Op;
use crate::model::settings::{Lateness, ReportCycle, Settings};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Applies `change` to the settings if the result is valid; else shows why.
fn apply(
    state: AppState,
    what: &str,
    error: RwSignal<Option<String>>,
    change: impl FnOnce(&mut Settings),
) {
    let mut next = state.doc.plan().with_untracked(|p| p.settings.clone());
    change(&mut next);
    if let Some((_, message)) = next.problems().into_iter().next() {
        error.set(Some(message));
        return;
    }
    if state.doc.plan().with_untracked(|p| p.settings == next) {
        return;
    }
    error.set(None);
    let _ = state.edit(Op::SetSettings(Box::new(next)), format!("修改设置：{what}"));
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let get = move |f: fn(&Settings) -> String| move || state.doc.plan().with(|p| f(&p.settings));
    let number = move |label: &'static str,
                       testid: &'static str,
                       f: fn(&Settings) -> u32,
                       set: fn(&mut Settings, u32)| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input type="number" min="0" data-testid=testid prop:value=move || state.doc.plan().with(|p| f(&p.settings).to_string())
                    on:change=move |e| {
                        let text = event_target_value(&e);
                        match text.trim().parse::<u32>() {
                            Ok(v) => apply(state, label, error, |s| set(s, v)),
                            Err(_) => error.set(Some(format!("“{label}”应为 0 或正整数，实际为“{}”", text.trim()))),
                        }
                    } />
            </label>
        }
    };
    let text = move |label: &'static str,
                     testid: &'static str,
                     f: fn(&Settings) -> String,
                     set: fn(&mut Settings, String)| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input data-testid=testid prop:value=get(f)
                    on:change=move |e| { let v = event_target_value(&e).trim().to_string(); apply(state, label, error, |s| set(s, v)); } />
            </label>
        }
    };
    view! {
        <section class="settings-page" data-testid="settings-page">
            <h1>"设置"</h1>
            <p class="muted">"每项修改立即生效（红黄绿灯和统计随之更新），可以撤销。"</p>
            {move || error.get().map(|m| view! { <p class="alert alert-error" data-testid="settings-error">{m}</p> })}
            <h2>"预警规则"</h2>
            <div class="field-row">
                {number("临近时限提前天数", "settings-due-soon", |s| s.due_soon_days, |s, v| s.due_soon_days = v)}
                {number("进度滞后比例（%）", "settings-behind-share", |s| s.behind_share_percent, |s, v| s.behind_share_percent = v)}
                {number("开始后宽限天数", "settings-grace", |s| s.behind_grace_days, |s, v| s.behind_grace_days = v)}
            </div>
            <label class="field">
                <span class="field-label">"逾期判断依据"</span>
                <select data-testid="settings-lateness" prop:value=move || state.doc.plan().with(|p| p.settings.lateness.key()) on:change=move |e| {
                    if let Some(l) = Lateness::from_key(&event_target_value(&e)) { apply(state, "逾期判断依据", error, |s| s.lateness = l); }
                }>
                    {[Lateness::Original, Lateness::Current].into_iter().map(|l| view! {
                        <option value=l.key() selected=move || state.doc.plan().with(|p| p.settings.lateness == l)>{l.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <h2>"报送周期"</h2>
            <div class="field-row">
                <label class="field">
                    <span class="field-label">"周期"</span>
                    <select data-testid="settings-cycle" prop:value=move || state.doc.plan().with(|p| p.settings.report_cycle.key()) on:change=move |e| {
                        if let Some(c) = ReportCycle::from_key(&event_target_value(&e)) { apply(state, "报送周期", error, |s| s.report_cycle = c); }
                    }>
                        {ReportCycle::ALL.into_iter().map(|c| view! {
                            <option value=c.key() selected=move || state.doc.plan().with(|p| p.settings.report_cycle == c)>{c.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                {number("每期报送截止日（每月几日）", "settings-due-day", |s| s.report_due_day, |s, v| s.report_due_day = v)}
                {number("滚动周期天数", "settings-period-days", |s| s.report_period_days, |s, v| s.report_period_days = v)}
            </div>
            <h2>"显示"</h2>
            <crate::ui::shell::text_size::TextSizeSetting />
            <h2>"督办通知单"</h2>
            <div class="field-row">
                {text("落款单位", "settings-office", |s| s.office_name.clone(), |s, v| s.office_name = v)}
                {text("督办编号字头", "settings-supervise-prefix", |s| s.supervise_prefix.clone(), |s, v| s.supervise_prefix = v)}
                {text("催办编号字头", "settings-chase-prefix", |s| s.chase_prefix.clone(), |s, v| s.chase_prefix = v)}
            </div>
            <p class="muted">{move || state.doc.plan().with(|p| format!(
                "编号示例：{}〔{}〕1号。编号按年度、按督办/催办分别连续编排，删除记录后编号也不会重复使用。",
                p.settings.supervise_prefix, p.year
            ))}</p>
            <h2>"落实情况通报"</h2>
            <label class="field field-wide">
                <span class="field-label">"“下步工作”的固定表述（每行一段，留空则通报不写这一部分）"</span>
                <textarea data-testid="settings-next-steps" rows="6"
                    prop:value=move || state.doc.plan().with(|p| p.settings.report_next_steps.join("\n"))
                    on:change=move |e| {
                        let lines: Vec<String> = event_target_value(&e)
                            .lines()
                            .map(|l| l.trim().to_string())
                            .filter(|l| !l.is_empty())
                            .collect();
                        apply(state, "下步工作", error, |s| s.report_next_steps = lines);
                    }></textarea>
            </label>
            <button type="button" data-testid="settings-next-steps-default"
                on:click=move |_| apply(state, "下步工作", error, |s| s.report_next_steps = crate::model::settings::default_next_steps())>
                "恢复默认表述"
            </button>
        </section>
    }
}
