//! Backups (本机备份): copies of stored data set aside before an import, a
//! plan's deletion, an upgrade or a recovery, each with when and why. Each
//! can be restored (an undoable step), downloaded, or, after confirmation,
//! deleted to free space.

use crate::model::ops::Op;
use crate::store::{backups, local};
use crate::ui::clock::now_iso;
use crate::ui::download::download_text;
use crate::ui::state::use_app;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn RecoveryCopies() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<String>);
    // Bumped after a deletion so the list is read again.
    let version = RwSignal::new(0u32);
    let copies = Memo::new(move |_| {
        version.track();
        state.doc.plan().track();
        state.storage.stored_at().track();
        local::repo().copies().unwrap_or_default()
    });
    let download = move |key: String| {
        message.set(None);
        let result = match local::repo().read_copy(&key) {
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
        match local::repo().remove_copy(&key) {
            Ok(()) => {
                version.update(|v| *v += 1);
                // Space was freed: measure again, and retry a save that
                // failed for want of it.
                state.storage.space_freed();
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let restore = move |key: String| {
        message.set(None);
        leptos::task::spawn_local(async move {
            if let Err(e) = restore_backup(state, &key).await {
                message.try_set(Some(e));
            }
        });
    };
    view! {
        <section class="recovery" data-testid="recovery-copies">
            <h3>"本机备份"</h3>
            <p class="hint">{format!(
                "导入、合并、删除计划、升级数据和处理读取失败或冲突之前，都会自动备份。导入前的备份最多保留 {} 份，超出时删除最早的；较早的导入前备份只存与下一份的差别，所以占用很少。其他备份保留到手动删除。",
                backups::KEEP_IMPORT_BACKUPS
            )}</p>
            <Show
                when=move || copies.with(|c| !c.is_empty())
                fallback=|| view! { <p class="hint">"没有备份。读取失败或两个窗口冲突时，被替换的数据会自动另存在这里。"</p> }
            >
                <ul data-testid="backup-list">
                    {move || copies.get().into_iter().rev().map(|(key, chars)| {
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <li data-testid="recovery-copy">
                                {format!("{}（占用 {} 字符）", label(&key), chars)}
                                <button data-testid="restore-backup" on:click=move |_| restore(k3.clone())>"恢复"</button>
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

/// Restores the backup under `key`: over the plan on screen when it is a
/// copy of it (asked first, undoable, the plan on screen backed up too), as
/// a plan of its own when its plan is gone (undoable too).
async fn restore_backup(state: AppState, key: &str) -> Result<(), String> {
    let text = local::repo().read_copy(key)?.ok_or("这份备份已不存在")?;
    let restored = crate::ui::worker::plans::restore_any(&text)
        .await
        .map_err(|e| format!("这份备份无法读取：{e}"))?;
    // What the backup could not give back is said before anything is
    // restored, as when stored data fails to load: nothing is repaired
    // silently.
    let problems = problems_note(&restored.problems);
    let plan = restored.plan;
    let current = state.doc.plan().with_untracked(|p| p.id.clone());
    if plan.id == current {
        let when = label(key);
        state.ask(
            "恢复备份",
            format!(
                "用“{when}”的备份替换当前计划“{}”？当前内容会先另存备份，恢复后也可点击“撤销”。{problems}",
                plan.title
            ),
            "恢复",
            move || {
                let saved = state
                    .doc.plan()
                    .with_untracked(|p| local::repo().back_up(p, "恢复备份前", &now_iso()));
                match saved {
                    Ok(_) => {
                        let _ = state.edit(Op::ReplacePlan(Box::new(plan.clone())), "恢复备份");
                    }
                    Err(e) => state
                        .edit_error
                        .set(Some(format!("无法先备份当前计划（{e}），没有恢复。"))),
                }
            },
        );
        return Ok(());
    }
    if let Some(entry) = state
        .storage
        .plans()
        .with_untracked(|l| l.entry(&plan.id).cloned())
    {
        return Err(format!(
            "这份备份属于计划“{}”，请先在右上角切换到该计划再恢复。",
            entry.title
        ));
    }
    let label = format!("恢复备份为计划“{}”", plan.title);
    if problems.is_empty() {
        return crate::ui::persistence::plans::add(state, plan, &label);
    }
    state.ask(
        "恢复备份",
        format!("把这份备份恢复为计划“{}”？{problems}", plan.title),
        "恢复",
        move || {
            if let Err(e) = crate::ui::persistence::plans::add(state, plan.clone(), &label) {
                state.edit_error.set(Some(e));
            }
        },
    );
    Ok(())
}

/// The problems a backup was read with, for the question before restoring
/// it; empty when it read cleanly.
fn problems_note(problems: &[crate::format::Problem]) -> String {
    const SHOWN: usize = 10;
    if problems.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect();
    let more = if problems.len() > SHOWN {
        format!("；另有 {} 处", problems.len() - SHOWN)
    } else {
        String::new()
    };
    format!(
        "注意：这份备份有 {} 处问题，恢复后这些内容缺失或按空值处理（原备份保留不变，可下载查看）：{}{more}。",
        problems.len(),
        listed.join("；")
    )
}

/// "导入前备份 2026-06-30 16:00:00" in local time, from a key stamped with
/// an ISO time in UTC (perhaps a "-2" suffix) and the reason.
pub fn label(key: &str) -> String {
    let (stamp, reason) = backups::parts(key);
    let reason = reason
        .map(|r| format!("{r}备份"))
        .unwrap_or_else(|| "备份".into());
    let iso = stamp.get(..24).unwrap_or(stamp);
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return format!("{reason} {stamp}");
    }
    format!(
        "{reason}于 {:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

fn file_name(key: &str) -> String {
    let stamp: String = backups::parts(key)
        .0
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
