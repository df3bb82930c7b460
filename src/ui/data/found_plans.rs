//! Plans found in storage that the plan list does not name (left by a
//! deletion an older version did not finish, or put there by hand). They
//! are never removed at start: the user opens (lists) them again,
//! downloads them, or, after confirming, removes them.

use crate::store::{local, Loaded};
use crate::ui::download::download_text;
use crate::ui::persistence::reading::read_whole;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How a found plan is named in the list: by its title, read whole (by
/// the worker when the page's fast pass does not take it).
async fn describe(key: &str) -> String {
    match read_whole(key).await {
        Ok((Loaded::Plan { plan, .. }, _)) => format!("计划“{}”", plan.title),
        Ok((Loaded::Damaged(d), _)) => d.plan.map_or("无法读取的计划".into(), |p| {
            format!("计划“{}”（部分无法读取）", p.title)
        }),
        _ => "无法读取的计划".into(),
    }
}

#[component]
pub fn FoundPlans() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    // Read again when the plan list changes or a found plan was dealt with
    // here, not after every save: each found plan is read whole for its
    // title (they are rare, and listed on this page alone).
    let version = RwSignal::new(0u32);
    let found = RwSignal::new(Vec::<(String, usize, String)>::new());
    // The latest reading's number: an earlier one that ends later is dropped.
    let readings = StoredValue::new(0u32);
    Effect::new(move |_| {
        version.track();
        let list = state.storage.plans().get();
        let reading = readings.get_value() + 1;
        readings.set_value(reading);
        spawn_local(async move {
            let repo = local::repo();
            let mut rows = Vec::new();
            for key in repo.found_plans(&list).unwrap_or_default() {
                let size = repo.stored_size(&key).ok().flatten().unwrap_or(0);
                let title = describe(&key).await;
                rows.push((key, size, title));
            }
            if readings.get_value() == reading {
                found.set(rows);
            }
        });
    });
    let open = move |key: String| {
        message.set(None);
        spawn_local(async move {
            let result = match read_whole(&key).await {
                Ok((loaded, seen)) => local::repo()
                    .adopt_read(&key, loaded, &seen, &crate::ui::clock::now_iso())
                    .and_then(|(list, id)| {
                        state.storage.listed(list);
                        crate::ui::persistence::plans::open(state, &id)
                    }),
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    version.update(|v| *v += 1);
                    state.storage.space_freed();
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    let download = move |key: String| {
        message.set(None);
        let result = local::repo().stored_text(&key).and_then(|(text, _)| {
            let text = text.ok_or("该计划已不存在")?;
            download_text(&format!("落实-找到的计划-{key}.json"), &text)
        });
        if let Err(e) = result {
            message.set(Some(e));
        }
    };
    let remove = move |key: String| {
        message.set(None);
        state.ask(
            "删除找到的计划",
            "确定从本机删除这份不在计划列表中的计划吗？删除后无法恢复，建议先下载。",
            "删除",
            move || match local::repo().remove_found(&key) {
                Ok(()) => {
                    version.update(|v| *v += 1);
                    state.storage.space_freed();
                }
                Err(e) => message.set(Some(e)),
            },
        );
    };
    view! {
        <Show when=move || found.with(|f| !f.is_empty())>
            <section class="found-plans" data-testid="found-plans">
                <h3>"找到的计划"</h3>
                <p class="hint">"本机存储中有以下计划不在计划列表中（可能是以前删除计划时中途被打断留下的）。可以打开（重新加入计划列表）、下载或删除。"</p>
                <ul>
                    {move || found.get().into_iter().map(|(key, size, title)| {
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <li data-testid="found-plan" data-key=key.clone()>
                                {format!("{title}（存储位置 {key}，占用 {size} 字符）")}
                                <button data-testid="found-open" on:click=move |_| open(k1.clone())>"打开"</button>
                                <button data-testid="found-download" on:click=move |_| download(k2.clone())>"下载"</button>
                                <button data-testid="found-remove" on:click=move |_| remove(k3.clone())>"删除"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || message.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
            </section>
        </Show>
    }
}
