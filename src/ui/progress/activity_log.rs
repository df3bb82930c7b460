//! 留痕: the task's activity log, newest first — when, what, from → to,
//! and the reason given.

use crate::model::TaskId;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// An ISO 8601 time ("2026-07-01T01:30:12.000Z", as stamped in UTC) in
/// this computer's local time: "2026-07-01 09:30". Text that is not a time
/// is shown as it is.
fn when(at: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(at));
    if d.get_time().is_nan() {
        return at.to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn ActivityLog(id: TaskId) -> impl IntoView {
    let state = use_app();
    let entries = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            let mut list = p.task(&id).map(|t| t.log.clone()).unwrap_or_default();
            list.reverse();
            list
        })
    });
    view! {
        <section class="history">
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="muted">"暂无变更记录。在落实中对任务的每次修改都会记录在这里。"</p>
            </Show>
            <ol class="activity-log" data-testid="activity-log">
                {move || entries.get().into_iter().map(|e| {
                    let change = match (e.from.is_empty(), e.to.is_empty()) {
                        (true, true) => String::new(),
                        (true, false) => e.to.clone(),
                        (false, true) => format!("{}（已删除）", e.from),
                        (false, false) => format!("{} → {}", e.from, e.to),
                    };
                    view! {
                        <li data-testid="log-entry">
                            <span class="muted">{when(&e.at)}</span>
                            <strong>{e.what.clone()}</strong>
                            <span>{change}</span>
                            {(!e.note.is_empty()).then(|| view! { <span class="muted">{format!("（{}）", e.note)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
