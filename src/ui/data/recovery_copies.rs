//! The copies of stored data set aside during recoveries (unreadable data,
//! or another window's data replaced by this one's): each can be downloaded
//! or, after confirmation, deleted to free space.

use crate::store::{local, RECOVERY_PREFIX};
use crate::ui::download::download_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RecoveryCopies() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    // Bumped after a deletion so the list is read again.
    let version = RwSignal::new(0u32);
    let copies = Memo::new(move |_| {
        version.track();
        state.plan.track();
        local::recovery_copies()
    });
    let download = move |key: String| {
        message.set(None);
        let result = match local::read_copy(&key) {
            Ok(Some(text)) => download_text(&file_name(&key), &text),
            Ok(None) => Err("这份备份已不存在".into()),
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            message.set(Some(e));
        }
    };
    let delete = move |key: String| {
        message.set(None);
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message("确定删除这份备份吗？删除后无法恢复，建议先下载。")
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        match local::remove(&key) {
            Ok(()) => {
                version.update(|v| *v += 1);
                // Space was freed: retry a save that failed for want of it.
                state.save_requested.notify();
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="recovery" data-testid="recovery-copies">
            <h3>"本机备份"</h3>
            <Show
                when=move || copies.with(|c| !c.is_empty())
                fallback=|| view! { <p class="hint">"没有备份。读取失败或两个窗口冲突时，被替换的数据会自动另存在这里。"</p> }
            >
                <ul>
                    {move || copies.get().into_iter().map(|(key, chars)| {
                        let (k1, k2) = (key.clone(), key.clone());
                        view! {
                            <li data-testid="recovery-copy">
                                {format!("{}（占用 {} 字符）", label(&key), chars)}
                                <button data-testid="recovery-download" on:click=move |_| download(k1.clone())>"下载"</button>
                                <button data-testid="recovery-delete" on:click=move |_| delete(k2.clone())>"删除"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            {move || message.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
        </section>
    }
}

/// "备份于 2026-06-30 16:00:00" in local time, from a key stamped with an
/// ISO time in UTC (and perhaps a "-2" suffix).
fn label(key: &str) -> String {
    let stamp = key.trim_start_matches(RECOVERY_PREFIX);
    let iso = stamp.get(..24).unwrap_or(stamp);
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return format!("备份 {stamp}");
    }
    format!(
        "备份于 {:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

fn file_name(key: &str) -> String {
    let stamp: String = key
        .trim_start_matches(RECOVERY_PREFIX)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("落实-备份-{stamp}.json")
}
