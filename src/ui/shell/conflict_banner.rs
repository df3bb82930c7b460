//! Shown when another window changed Luoshi's data: saving here pauses and
//! the user chooses whose data to keep. Neither choice discards data
//! without a copy: the side given up is set aside (compressed, so even a
//! 5,000-task plan fits beside the one kept); if even that does not fit,
//! the user downloads it first and confirms.
//!
//! What is stored is read whole first (by the worker, when the page's fast
//! pass does not take it), then each choice acts on that reading.

use crate::store::repo::KeepMine;
use crate::store::{self, local, Loaded, Seen, Synced};
use crate::ui::clock::now_iso;
use crate::ui::download::{download_text, stamped_name};
use crate::ui::persistence::reading::read_whole;
use crate::ui::state::{use_app, AppState, Change};
use leptos::prelude::*;

/// What the user downloaded before replacing without a copy: at the moment
/// of replacing, it must still be exactly what would be given up.
#[derive(Debug, Clone, PartialEq)]
enum Downloaded {
    /// This tab's plan (given up by loading theirs).
    Mine(Box<crate::model::plan::Plan>),
    /// What the other window wrote (given up by keeping mine), as seen.
    Theirs(Seen),
}

/// True when what would be given up now is still what was downloaded.
fn still_downloaded(state: AppState, downloaded: &Downloaded) -> bool {
    match downloaded {
        Downloaded::Mine(plan) => state.doc.plan().with_untracked(|p| p == &**plan),
        Downloaded::Theirs(seen) => local::repo()
            .changed_since(&state.storage.plan_key().get_untracked(), seen)
            .is_ok_and(|changed| !changed),
    }
}

/// Which choice waits for the user to download what it would give up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    Load,
    Keep,
}

/// Shows what storage holds now. This tab's plan is set aside first (it may
/// hold a change that could not be saved), unless `skip_copy` because the
/// user downloaded it.
async fn load_theirs(state: AppState, skip_copy: bool) -> Result<(), String> {
    let key = state.storage.plan_key().get_untracked();
    let (loaded, seen) = read_whole(&key).await?;
    let mine = state.doc.plan().get_untracked();
    let (loaded, seen) = local::repo().take_read(
        &key,
        loaded,
        seen,
        (!skip_copy).then_some(&mine),
        &now_iso(),
    )?;
    let storage = state.storage;
    match loaded {
        Loaded::Plan { plan, .. } => {
            storage.conflict_settled(
                Synced {
                    plan: Some(plan.clone()),
                    seen,
                },
                Some(None),
            );
            let _ = state.dispatch(Change::Adopt(Box::new(plan)));
        }
        // The other window removed the data: write this tab's plan back.
        Loaded::Nothing => {
            storage.conflict_settled(Synced::default(), Some(None));
            storage.request_save();
        }
        Loaded::Damaged(d) => {
            storage.conflict_settled(Synced { plan: None, seen }, Some(Some(d)));
        }
        // `read_whole` leaves nothing unread, and `take_read` refuses it.
        Loaded::Unread(_) => {}
    }
    Ok(())
}

/// Keeps this tab's data; what the other window wrote is set aside first
/// (unless `skip_copy`, after the user downloaded it). Data from a newer
/// Luoshi is never replaced; it is shown read-only instead. While this tab
/// still has damaged stored data to decide about, "this tab's data" is that
/// damaged text: it is put back, so the decision goes on against it.
async fn keep_mine(state: AppState, skip_copy: bool) -> Result<(), String> {
    let key = state.storage.plan_key().get_untracked();
    let (loaded, seen) = read_whole(&key).await?;
    let damage = state.storage.damage().get_untracked();
    let kept = state.doc.plan().with_untracked(|mine| {
        local::repo().keep_mine_read(
            &key,
            loaded,
            seen,
            mine,
            damage.as_ref(),
            skip_copy,
            &now_iso(),
        )
    })?;
    let storage = state.storage;
    match kept {
        KeepMine::Newer(d, seen) => {
            storage.conflict_settled(Synced { plan: None, seen }, Some(Some(*d)));
        }
        KeepMine::PutBack(seen) => {
            storage.conflict_settled(Synced { plan: None, seen }, None);
            storage.wrote();
        }
        KeepMine::Write(seen) => {
            storage.conflict_settled(Synced { plan: None, seen }, None);
            storage.request_save();
        }
    }
    Ok(())
}

#[component]
pub fn ConflictBanner() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(None::<Waiting>);
    let downloaded = RwSignal::new(None::<Downloaded>);
    // A choice under way (the worker may be reading what is stored): a
    // second click waits for it.
    let busy = StoredValue::new(false);
    let run = move |choice: Waiting, skip_copy: bool| {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = match choice {
                Waiting::Load => load_theirs(state, skip_copy).await,
                Waiting::Keep => keep_mine(state, skip_copy).await,
            };
            busy.set_value(false);
            match result {
                Ok(()) => {
                    waiting.set(None);
                    downloaded.set(None);
                }
                Err(e) => {
                    waiting.set(Some(choice));
                    error.set(Some(e));
                }
            }
        });
    };
    // What the waiting choice would give up, as a file.
    let download = move |_| {
        let date = state.today.with_untracked(|t| t.date);
        let result = match waiting.get_untracked() {
            Some(Waiting::Load) => {
                let mine = state.doc.plan().get_untracked();
                store::serialize(&mine, &now_iso())
                    .map_err(|e| e.to_string())
                    .and_then(|t| download_text(&stamped_name("本窗口的数据", date), &t))
                    .map(|()| Some(Downloaded::Mine(Box::new(mine))))
            }
            Some(Waiting::Keep) => {
                match local::repo().stored_text(&state.storage.plan_key().get_untracked()) {
                    Ok((Some(t), seen)) => download_text(&stamped_name("另一窗口的数据", date), &t)
                        .map(|()| Some(Downloaded::Theirs(seen))),
                    Ok((None, seen)) => Ok(Some(Downloaded::Theirs(seen))),
                    Err(e) => Err(e),
                }
            }
            None => Ok(None),
        };
        match result {
            Ok(d) => downloaded.set(d),
            Err(e) => error.set(Some(e)),
        }
    };
    let replace_downloaded = move |_| {
        let Some(choice) = waiting.get_untracked() else {
            return;
        };
        let Some(file) = downloaded.get_untracked() else {
            return;
        };
        if !still_downloaded(state, &file) {
            downloaded.set(None);
            error.set(Some(
                "下载之后数据又有了变化，刚下载的文件已不是将被替换的内容。请重新下载，再替换。"
                    .into(),
            ));
            return;
        }
        let message = match choice {
            Waiting::Load => "本窗口的数据将被另一窗口的数据替换，本机不保留备份，只有您刚下载的文件。确定继续吗？",
            Waiting::Keep => "另一窗口的数据将被本窗口的数据替换，本机不保留备份，只有您刚下载的文件。确定继续吗？",
        };
        state.ask(
            "不保留备份直接替换",
            message,
            "确定替换",
            move || {
                // Checked again: the dialog may have stayed open a while.
                if downloaded
                    .with_untracked(|d| d.as_ref().is_some_and(|d| still_downloaded(state, d)))
                {
                    run(choice, true);
                } else {
                    downloaded.set(None);
                    error.set(Some("下载之后数据又有了变化，请重新下载，再替换。".into()));
                }
            },
        );
    };
    // Another window deleted the plan shown here: its key is gone from the
    // plan list (which storage events keep up to date).
    let deleted = move || {
        let key = state.storage.plan_key().get();
        state
            .storage
            .plans()
            .with(|l| !l.plans.is_empty() && l.plans.iter().all(|p| p.key != key))
    };
    view! {
        <Show when=move || state.storage.external_change().get()>
            <div class="alert alert-warn" data-testid="external-change" role="alert">
                {move || if deleted() {
                    "另一个浏览器窗口删除了本计划（删除前已另存备份）。本窗口的计划仍在页面上，已暂停保存；保留它即重新加入计划列表，不保留可关闭本窗口。"
                } else {
                    "另一个浏览器窗口修改了落实的数据。为避免互相覆盖，本窗口已暂停保存。"
                }}
                <Show when=move || !deleted()>
                    <button data-testid="external-load" on:click=move |_| run(Waiting::Load, false)>
                        "载入另一窗口的数据（本窗口的数据另存备份）"
                    </button>
                </Show>
                <button data-testid="external-keep" on:click=move |_| run(Waiting::Keep, false)>
                    {move || if deleted() {
                        "保留本窗口的计划（重新加入计划列表）"
                    } else {
                        "以本窗口的数据为准（另一窗口的数据另存备份）"
                    }}
                </button>
                {move || error.get().map(|e| view! { <p class="alert-detail" data-testid="external-error">{e}</p> })}
                {move || waiting.get().map(|w| view! {
                    <button data-testid="external-download" on:click=download>
                        {if w == Waiting::Load { "下载本窗口的数据" } else { "下载另一窗口的数据" }}
                    </button>
                })}
                <Show when=move || waiting.with(Option::is_some) && downloaded.with(Option::is_some)>
                    <button data-testid="external-replace-downloaded" on:click=replace_downloaded>
                        "已下载，直接替换"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
