//! 导入: choose a file (or drop one anywhere on the page), see what it
//! would change, then confirm or cancel. Nothing changes before the user
//! confirms; a backup of the plan is kept first; the merge is one undoable
//! edit. A file of another plan is opened as a plan of its own instead.
//!
//! The import's stage belongs to this panel (the data page): a file
//! dropped elsewhere is handed over (`dropped::DroppedFile`) and taken up here. A
//! preview belongs to the plan it was read against: confirming works the
//! merge out again against the plan as it is then (`confirm`), and
//! shows it again instead of applying it when the plan changed meanwhile;
//! a switch to another plan ends the preview.

use crate::format::incoming::Summary;
use crate::model::merge::{MergePreview, Side};
use crate::model::plan::Plan;
use crate::model::TaskId;
use crate::ui::sharing::confirm::{confirm_merge, open_as_new, Confirmed};
use crate::ui::sharing::dropped::DroppedFile;
use crate::ui::sharing::preview::ImportPreview;
use crate::ui::sharing::reading::{check, refuse_before_reading, size_text};
use crate::ui::sharing::run::Run;
use crate::ui::sharing::workbook::{is_workbook, sheet_incoming, start_workbook, SheetIncoming};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::collections::HashMap;

/// Where an import stands.
#[derive(Clone)]
pub enum Stage {
    Idle,
    Reading {
        name: String,
        loaded: f64,
        total: f64,
    },
    /// A workbook read, its cells being read by the Excel worker.
    Parsing(String),
    /// The worker restoring a file, working out or carrying out a merge:
    /// what it is doing, in words.
    Working(String),
    Failed(String),
    Ready(Box<Incoming>),
    Done(String),
}

/// A file read and restored, with what it would do.
#[derive(Clone)]
pub struct Incoming {
    /// The id of the plan the preview was worked out against.
    pub against: String,
    /// True when the preview was worked out again at confirming, because
    /// the plan had changed since it was first shown.
    pub refreshed: bool,
    pub name: String,
    /// The token the worker keeps the incoming plan under, for the merge.
    pub token: u32,
    /// What the preview says of the file's plan.
    pub summary: Summary,
    /// The file's plan, when the page has it (a workbook's, read against
    /// the plan on screen); a plan file's stays in the worker until it is
    /// opened as a plan of its own.
    pub plan: Option<Plan>,
    /// `Some` when the file is of the plan on screen: the merge.
    pub merge: Option<MergePreview>,
    /// The plan of that id this browser holds, when it is not the one on screen.
    pub other_plan: Option<String>,
    /// For a workbook: how its columns and rows were read.
    pub sheet: Option<Box<SheetIncoming>>,
}

/// Starts importing `file`: checks its size, reads it, restores it.
pub fn start(state: AppState, stage: RwSignal<Stage>, file: web_sys::File) {
    let name = file.name();
    if let Some(why) = refuse_before_reading(&name, file.size()) {
        return stage.set(Stage::Failed(why));
    }
    let run = Run::begin();
    if is_workbook(&name) {
        return start_workbook(state, stage, file, run);
    }
    // The worker reads the file itself: its text never passes through
    // the page's thread, however large.
    stage.set(Stage::Working(format!(
        "正在读取并检查“{name}”（{}）……",
        size_text(file.size())
    )));
    leptos::task::spawn_local(async move {
        let result = restored_incoming(state, name, &file).await;
        run.set(
            stage,
            match result {
                Ok(incoming) => Stage::Ready(Box::new(incoming)),
                Err(e) => Stage::Failed(e),
            },
        );
    });
}

/// A file read and restored in the worker, with the merge it would make
/// when it is of the plan on screen.
async fn restored_incoming(
    state: AppState,
    name: String,
    file: &web_sys::File,
) -> Result<Incoming, String> {
    let kept = check(&name, file).await?;
    let summary = kept.summary;
    let against = state.doc.plan().with_untracked(|p| p.id.clone());
    let same = summary.id == against;
    let merge = if same {
        let document = crate::ui::sharing::confirm::document_of(state)?;
        let preview = crate::ui::worker::plans::merge_preview(kept.token, &document)
            .await
            .map_err(|e| format!("文件“{name}”无法导入：{e}。当前计划没有任何改动。"))?;
        Some(preview)
    } else {
        None
    };
    // The plan on screen switched while the worker worked: the merge was
    // worked out against the other one.
    if state.doc.plan().with_untracked(|p| p.id != against) {
        return Err(VOIDED.into());
    }
    let other_plan = (!same)
        .then(|| {
            state
                .storage
                .plans()
                .with_untracked(|l| l.entry(&summary.id).map(|e| e.title.clone()))
        })
        .flatten();
    Ok(Incoming {
        against,
        refreshed: false,
        name,
        token: kept.token,
        summary,
        plan: None,
        merge,
        other_plan,
        sheet: None,
    })
}

/// Said when the plan on screen changed to another while a preview was open.
const VOIDED: &str =
    "当前显示的计划已切换，刚才的导入预览已作废，没有导入任何内容。如需导入，请重新选择文件。";

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let stage = RwSignal::new(Stage::Idle);
    // A file dropped anywhere: the page came here for it.
    if let Some(dropped) = use_context::<DroppedFile>() {
        Effect::new(move |_| {
            if let Some(file) = dropped.take() {
                start(state, stage, file);
            }
        });
    }
    // A preview belongs to the plan it was read against: another plan
    // shown (switched, or a new one opened) ends it.
    Effect::new(move |_| {
        let id = state.doc.plan().with(|p| p.id.clone());
        let other = stage.with_untracked(
            |s| matches!(s, Stage::Ready(i) if i.merge.is_some() && i.against != id),
        );
        if other {
            stage.set(Stage::Failed(VOIDED.into()));
        }
    });
    let choices = RwSignal::new(HashMap::<(TaskId, String), Side>::new());
    let on_file = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            choices.set(HashMap::new());
            start(state, stage, file);
        }
        // The same file can be chosen again.
        input.set_value("");
    };
    let confirm = move |_| {
        if let Stage::Ready(incoming) = stage.get_untracked() {
            let decided = choices.get_untracked();
            let run = Run::begin();
            stage.set(Stage::Working(format!("正在导入“{}”……", incoming.name)));
            leptos::task::spawn_local(async move {
                let done = confirm_merge(state, &incoming, &decided, run).await;
                run.set(
                    stage,
                    match done {
                        Ok(Confirmed::Done(m)) => Stage::Done(m),
                        // Shown again; the choices made still apply where the
                        // same conflicts remain.
                        Ok(Confirmed::Again(again)) => Stage::Ready(again),
                        Err(e) => Stage::Failed(e),
                    },
                );
            });
        }
    };
    // A column's role corrected in a workbook's preview: its cells are
    // read again against the plan (the workbook itself is not read again).
    let remap = Callback::new(
        move |(col, role): (u16, crate::format::sheets::intake::columns::Role)| {
            let Stage::Ready(incoming) = stage.get_untracked() else {
                return;
            };
            let Some(sheet) = incoming.sheet.clone() else {
                return;
            };
            let mut roles = sheet.roles.clone();
            roles.retain(|(c, _)| *c != col);
            roles.push((col, role));
            choices.set(HashMap::new());
            let run = Run::begin();
            stage.set(Stage::Parsing(incoming.name.clone()));
            leptos::task::spawn_local(async move {
                let next = sheet_incoming(
                    state,
                    incoming.name.clone(),
                    sheet.bytes.clone(),
                    roles,
                    false,
                )
                .await;
                run.set(
                    stage,
                    match next {
                        Ok(next) => Stage::Ready(Box::new(next)),
                        Err(e) => Stage::Failed(e),
                    },
                );
            });
        },
    );
    let as_new = move |_| {
        let Stage::Ready(incoming) = stage.get_untracked() else {
            return;
        };
        match incoming.sheet.clone() {
            // A workbook becomes a plan of its own rows only (not the plan
            // on screen with them added).
            Some(sheet) => {
                let run = Run::begin();
                stage.set(Stage::Parsing(incoming.name.clone()));
                leptos::task::spawn_local(async move {
                    let fresh = sheet_incoming(
                        state,
                        incoming.name.clone(),
                        sheet.bytes.clone(),
                        sheet.roles.clone(),
                        true,
                    )
                    .await;
                    if !run.is_current() {
                        return;
                    }
                    let result = match fresh {
                        Ok(f) => open_as_new(state, &f, run).await,
                        Err(e) => Err(e),
                    };
                    run.set(
                        stage,
                        match result {
                            Ok(m) => Stage::Done(m),
                            Err(e) => Stage::Failed(e),
                        },
                    );
                });
            }
            None => {
                let run = Run::begin();
                stage.set(Stage::Working(format!("正在打开“{}”……", incoming.name)));
                leptos::task::spawn_local(async move {
                    let result = open_as_new(state, &incoming, run).await;
                    run.set(
                        stage,
                        match result {
                            Ok(m) => Stage::Done(m),
                            Err(e) => Stage::Failed(e),
                        },
                    );
                });
            }
        }
    };
    view! {
        <section class="import" data-testid="import-panel">
            <h3>"导入数据文件"</h3>
            <p class="hint">"选择或把文件拖到页面上：单位报回的填报包、其他电脑导出的计划文件，或 Excel、WPS 表格的任务台账（.xlsx、.xls、.ods）。导入前先显示将要发生的变化，确认后才会改动，并自动备份当前计划。"</p>
            <label class="file-button">
                "选择文件…"
                <input type="file" accept=".json,application/json,.xlsx,.xlsm,.xls,.xlsb,.ods" data-testid="import-file" on:change=on_file />
            </label>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading { name, loaded, total } => view! {
                    <Busy what=format!("正在读取“{name}”：{} / {}", size_text(loaded), size_text(total)) stage=stage />
                }.into_any(),
                Stage::Parsing(name) => view! {
                    <Busy what=format!("正在解析表格“{name}”……") stage=stage />
                }.into_any(),
                Stage::Working(what) => view! { <Busy what=what stage=stage /> }.into_any(),
                Stage::Failed(m) => view! { <p class="alert alert-error" data-testid="import-error" role="alert">{m}</p> }.into_any(),
                Stage::Done(m) => view! { <p class="alert alert-ok" data-testid="import-done">{m}</p> }.into_any(),
                Stage::Ready(incoming) => view! {
                    <ImportPreview incoming=*incoming choices=choices on_role=remap
                        on_confirm=Callback::new(move |_| confirm(()))
                        on_new=Callback::new(move |_| as_new(()))
                        on_cancel=Callback::new(move |_| stage.set(Stage::Idle)) />
                }.into_any(),
            }}
        </section>
    }
}

/// What the import is busy with, and 取消: the page stays usable while a
/// file is read and worked on; cancelling drops whatever the run finds
/// (nothing has changed before the user confirms).
#[component]
fn Busy(what: String, stage: RwSignal<Stage>) -> impl IntoView {
    view! {
        <p class="hint" data-testid="import-reading">
            {what}
            " "
            <button type="button" data-testid="import-cancel-reading" on:click=move |_| {
                Run::cancel();
                stage.set(Stage::Idle);
            }>"取消"</button>
        </p>
    }
}
