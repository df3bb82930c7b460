//! Shown when the stored data could not be read cleanly. It says what is
//! wrong and where, offers the raw text as a download, and lets the user
//! choose how to go on; the raw text is copied to a recovery key first, so
//! choosing never loses it. If storage is too full for that copy, the user
//! may replace it only after downloading it, and after confirming.

use crate::model::plan::Plan;
use crate::model::sample::sample_plan;
use crate::store::local;
use crate::ui::clock::now_iso;
use crate::ui::download::{download_text, stamped_name};
use crate::ui::state::{use_app, Change};
use chrono::Datelike;
use leptos::prelude::*;

/// How many problems to list before summarising the rest.
const SHOWN: usize = 20;

#[component]
pub fn DamagePanel() -> impl IntoView {
    let state = use_app();
    let today = state.today.with_untracked(|t| t.date);
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(false);
    // A choice waiting because the raw text could not be set aside.
    let pending = RwSignal::new(None::<Plan>);

    let download = move |_| {
        let raw = state
            .storage
            .damage()
            .with_untracked(|d| d.as_ref().map(|d| d.raw.clone()));
        if let Some(raw) = raw {
            match download_text(&stamped_name("原始数据", today), &raw) {
                Ok(()) => downloaded.set(true),
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let finish = move |next: Plan| {
        error.set(None);
        pending.set(None);
        state.storage.damage_settled();
        // The damaged text is set aside (or downloaded): what replaces it
        // starts a fresh history.
        let _ = state.dispatch(Change::Adopt(Box::new(next)));
    };
    // Sets the raw text aside, then replaces the plan; on failure nothing changes.
    let resolve = move |next: Plan| {
        error.set(None);
        let raw = state
            .storage
            .damage()
            .with_untracked(|d| d.as_ref().map(|d| d.raw.clone()));
        let Some(raw) = raw else { return };
        // Another window may have resolved it meanwhile; never write over
        // data this tab has not seen.
        let repo = local::repo();
        let seen = state
            .storage
            .with_synced(|s| s.as_ref().map(|s| s.seen.clone()))
            .unwrap_or_default();
        match repo.changed_since(&state.storage.plan_key().get_untracked(), &seen) {
            Ok(false) => {}
            Ok(true) => return state.storage.conflict(),
            Err(e) => return error.set(Some(e.to_string())),
        }
        match repo.set_aside(&raw, "读取失败时另存原始数据", &now_iso()) {
            Ok(_) => finish(next),
            Err(e) => {
                pending.set(Some(next));
                error.set(Some(format!(
                    "无法把原始数据另存为本机备份（{}）。请先点击“下载原始数据”保存到文件，再点击“已下载，直接替换”。",
                    e.cause()
                )));
            }
        }
    };
    let replace_anyway = move |_| {
        state.ask(
            "不保留备份直接替换",
            "本机将不保留原始数据的备份，只有您刚下载的文件。确定继续吗？",
            "确定替换",
            move || {
                if let Some(next) = pending.get_untracked() {
                    finish(next);
                }
            },
        );
    };
    let keep = move |_| {
        if let Some(p) = state
            .storage
            .damage()
            .with_untracked(|d| d.as_ref().and_then(|d| d.plan.clone()))
        {
            resolve(p);
        }
    };

    view! {
        {move || state.storage.damage().get().map(|d| {
            let total = d.messages.len();
            let listed: Vec<_> = d.messages.iter().take(SHOWN).cloned().collect();
            let readable = d.plan.as_ref().map(|p| crate::model::counting::Counted::of_plan(p).describe());
            let replaceable = d.replaceable;
            view! {
                <section class="damage" data-testid="damage-panel" role="alert">
                    <h2>"本机保存的数据无法完整读取"</h2>
                    <p>
                        "原始数据仍完整保存在浏览器中，没有被覆盖。请先下载原始数据留存，再选择如何继续。问题如下："
                    </p>
                    <ul class="damage-list" data-testid="damage-messages">
                        {listed.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                    {(total > SHOWN).then(|| view! { <p>{format!("……另有 {} 处问题未列出。", total - SHOWN)}</p> })}
                    <div class="actions">
                        <button data-testid="damage-download" on:click=download>"下载原始数据"</button>
                        {replaceable.then(|| view! {
                            {readable.map(|n| view! {
                                <button data-testid="damage-keep" on:click=keep>
                                    {format!("使用可读取的部分继续（{n}）")}
                                </button>
                            })}
                            <button data-testid="damage-empty" on:click=move |_| resolve(Plan::empty(today.year()))>
                                "新建空白计划"
                            </button>
                            <button data-testid="damage-sample" on:click=move |_| resolve(sample_plan(today.year()))>
                                "载入示例计划"
                            </button>
                        })}
                    </div>
                    {if replaceable {
                        view! { <p class="hint">"选择继续后，原始数据会另存为本机备份（可在“数据管理”中下载），不会丢失。"</p> }.into_any()
                    } else {
                        view! {
                            <p class="hint" data-testid="damage-newer">
                                "这些数据来自更新版本的落实，本版本不能修改它们，以免覆盖。请使用新版本打开；本窗口不会保存任何修改。"
                            </p>
                        }.into_any()
                    }}
                    {move || error.get().map(|e| view! { <p class="alert alert-error" data-testid="damage-error">{e}</p> })}
                    <Show when=move || pending.with(Option::is_some) && downloaded.get()>
                        <button data-testid="damage-replace-downloaded" on:click=replace_anyway>
                            "已下载，直接替换"
                        </button>
                    </Show>
                </section>
            }
        })}
    }
}
