//! The report's choices: the period (`report-period`), the judged day
//! (`report-as-of`), 通报 or 领导版 (`report-leaders`), and the actions:
//! print (`report-print`) and 下载 Word 文档 (`report-docx`).

use crate::model::date::{format_date, parse_date};
use crate::model::report::ReportPeriod;
use crate::ui::reports::choice::{offered, Choice};
use crate::ui::reports::download::{download_docx, Busy};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ReportControls(choice: Choice) -> impl IntoView {
    let state = use_app();
    let busy = Busy::new();
    let year = move || state.doc.plan().with(|p| p.year);
    let periods = move || offered(year(), choice.period.get());
    let judged = move || choice.judged(state.today_date());
    // A day that is not a date is said, and the day shown stays as it was.
    let day_error = RwSignal::new(None::<String>);
    view! {
        <div class="report-controls no-print">
            <label>"报告期"
                <select data-testid="report-period"
                    prop:value=move || choice.period.get().key()
                    on:change=move |e| {
                        if let Ok(p) = ReportPeriod::parse(&event_target_value(&e)) {
                            choice.period.set(p);
                            // A new period is judged at its end again.
                            choice.as_of.set(None);
                            day_error.set(None);
                        }
                    }>
                    {move || periods().into_iter().map(|p| {
                        let key = p.key();
                        let selected = p == choice.period.get_untracked();
                        view! { <option value=key selected=selected>{p.label()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>"统计截至"
                <input type="date" data-testid="report-as-of"
                    prop:value=move || format_date(judged())
                    on:change=move |e| {
                        let text = event_target_value(&e);
                        match parse_date(&text) {
                            Ok(d) => { choice.as_of.set(Some(d)); day_error.set(None); }
                            Err(_) => day_error.set(Some(format!("“{text}”不是日期，请按 2026-11-30 的格式填写"))),
                        }
                    } />
            </label>
            <label class="report-toggle">
                <input type="checkbox" data-testid="report-leaders"
                    prop:checked=move || choice.leaders.get()
                    on:change=move |e| choice.leaders.set(event_target_checked(&e)) />
                "领导版（每位责任领导一页）"
            </label>
            <button data-testid="report-print" on:click=move |_| { let _ = window().print(); }>"打印"</button>
            <button class="primary" data-testid="report-docx" disabled=move || busy.is_busy()
                on:click=move |_| download_docx(state, choice, busy)>
                {move || if busy.is_busy() { "正在生成 Word 文档……" } else { "下载 Word 文档" }}
            </button>
            {move || day_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || busy.message().map(|m| view! { <p class="status" role="status" data-testid="report-docx-status">{m}</p> })}
        </div>
    }
}
