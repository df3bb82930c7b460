//! 回看: the day the whole app judges by — a date picker and a slider
//! across the plan's year, a banner while it is not today, and one click
//! back to today. The address carries the day (`?today=`).

use crate::model::date::{format_date, parse_date};
use crate::model::supervision::chinese_date;
use crate::ui::clock::{local_date, look_back};
use crate::ui::state::use_app;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

#[component]
pub fn AsOfControl() -> impl IntoView {
    let state = use_app();
    let year_start = move || {
        state
            .doc
            .plan()
            .with(|p| NaiveDate::from_ymd_opt(p.year, 1, 1))
    };
    // Day of the plan's year, 0-based, for the slider.
    let offset = move || {
        year_start()
            .map(|s| (state.today_date() - s).num_days().clamp(0, 365))
            .unwrap_or(0)
    };
    let year_days = move || {
        state.doc.plan().with(|p| {
            if NaiveDate::from_ymd_opt(p.year, 2, 29).is_some() {
                365
            } else {
                364
            }
        })
    };
    view! {
        <span class="as-of">
            <label>
                "回看"
                <input type="date" data-testid="as-of-date" aria-label="按此日期查看"
                    prop:value=move || format_date(state.today_date())
                    on:change=move |e| {
                        if let Ok(d) = parse_date(&event_target_value(&e)) {
                            look_back(state.today, Some(d));
                        }
                    } />
            </label>
            <input type="range" min="0" prop:max=move || year_days().to_string() data-testid="as-of-slider"
                aria-label="在计划年度内拖动选择日期"
                prop:value=move || offset().to_string()
                on:input=move |e| {
                    let n: u64 = event_target_value(&e).parse().unwrap_or(0);
                    if let Some(d) = year_start().and_then(|s| s.checked_add_days(chrono::Days::new(n))) {
                        look_back(state.today, Some(d));
                    }
                } />
        </span>
    }
}

/// The banner shown while the app judges by a day other than today.
#[component]
pub fn AsOfBanner() -> impl IntoView {
    let state = use_app();
    view! {
        <Show when=move || state.today.with(|t| t.simulated && t.date != local_date())>
            <div class="alert alert-warn as-of-banner" data-testid="as-of-banner" role="status">
                {move || {
                    let d = state.today_date();
                    let when = if d.year() == local_date().year() { format!("{}月{}日", d.month(), d.day()) } else { chinese_date(d) };
                    format!("正在回看 {when} 的状态：红黄绿灯、统计和督办都按这一天计算，之后的报送和办结尚未发生。")
                }}
                <button type="button" data-testid="as-of-reset" on:click=move |_| look_back(state.today, None)>"回到今天"</button>
            </div>
        </Show>
    }
}
