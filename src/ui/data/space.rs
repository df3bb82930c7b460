//! The storage meter, measured after every write, and when space runs low
//! (over 80 %) what takes it: other plans and backups, largest first, each
//! offered for download and then removal. Nothing is removed without the
//! user's word, and a plan is removed only after its file was downloaded.

use crate::store::repo::{Removable, Usage};
use crate::store::{self, local, QUOTA_CHARS};
use crate::ui::data::recovery_copies::label as backup_label;
use crate::ui::download::download_text;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

#[component]
pub fn StorageSpace() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    // Measured again after every write this tab makes (`stored_at`), so
    // the meter shows what is stored once the save is done.
    let usage = Memo::new(move |_| {
        state.storage.stored_at().track();
        state
            .storage
            .plans()
            .with(|l| local::repo().usage(l))
            .unwrap_or_default()
    });
    let used = move || usage.with(|u| u.used);
    let offer = move |item: Removable| {
        message.set(None);
        if let Err(e) = download_and_remove(state, item) {
            message.set(Some(e));
        }
    };
    view! {
        <div class="meter" data-testid="storage-meter" data-used=move || used().to_string()>
            <div class="meter-bar">
                <div class="meter-fill" style=move || format!("width:{:.1}%", store::usage_percent(used()).min(100.0))></div>
            </div>
            <span>
                {move || format!(
                    "已使用约 {:.1}%（{} / {} 字符）",
                    store::usage_percent(used()),
                    used(),
                    QUOTA_CHARS
                )}
            </span>
        </div>
        <Show when=move || usage.with(Usage::low)>
            <div class="alert alert-warn" data-testid="space-advice">
                <p>"本机存储空间即将用满。下面是占用空间的其他计划和备份（从大到小），可以先下载到文件，再从本机删除；当前打开的计划不在其中。"</p>
                <ul>
                    {move || {
                        let key = state.storage.plan_key().get();
                        usage.with(|u| u.removable(&key)).into_iter().map(|(item, size)| {
                            let name = match &item {
                                Removable::Plan(e) => format!("计划“{}”", e.title),
                                Removable::Backup(k) => backup_label(k),
                            };
                            let share = store::usage_percent(size);
                            view! {
                                <li data-testid="space-item">
                                    {format!("{name}（删除可腾出约 {share:.1}%）")}
                                    <button data-testid="space-remove" on:click=move |_| offer(item.clone())>
                                        "下载并删除"
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </Show>
        {move || message.get().map(|m| view! { <p class="alert alert-error" data-testid="space-message">{m}</p> })}
    }
}

/// Downloads what `item` holds, then asks before removing it from this
/// browser.
fn download_and_remove(state: AppState, item: Removable) -> Result<(), String> {
    let repo = local::repo();
    // What was downloaded, as seen: the plan is removed only if it is still
    // that (another window may save it meanwhile).
    let mut downloaded = crate::store::Seen::Absent;
    let (name, text) = match &item {
        Removable::Plan(entry) => {
            let (text, seen) = repo.stored_text(&entry.key)?;
            downloaded = seen;
            (
                format!("落实-{}-删除前下载.json", entry.title),
                text.ok_or("该计划已不存在")?,
            )
        }
        Removable::Backup(key) => (
            format!("落实-{}.json", backup_label(key)),
            repo.read_copy(key)?.ok_or("这份备份已不存在")?,
        ),
    };
    download_text(&name, &text)?;
    let what = match &item {
        Removable::Plan(e) => format!("计划“{}”", e.title),
        Removable::Backup(k) => backup_label(k),
    };
    state.ask(
        "从本机删除",
        format!("已下载“{name}”，请在浏览器的下载列表中确认文件已保存。确定从本机删除{what}吗？删除后只能从下载的文件恢复。"),
        "删除",
        move || {
            let done = match &item {
                Removable::Plan(e) => {
                    crate::ui::persistence::plans::delete_downloaded(state, &e.id, &downloaded)
                }
                Removable::Backup(k) => local::repo().remove_copy(k),
            };
            match done {
                Ok(()) => {
                    // Space was freed: retry a save that failed for want of it.
                    state.storage.space_freed();
                }
                Err(e) => state.edit_error.set(Some(format!("没有删除：{e}"))),
            }
        },
    );
    Ok(())
}
