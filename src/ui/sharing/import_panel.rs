//! 导入: choose a file (or drop one anywhere on the page), see what it
//! would change, then confirm or cancel. Nothing changes before the user
//! confirms; a backup of the plan is kept first; the merge is one undoable
//! edit. A file of another plan is opened as a plan of its own instead.
//!
//! The import's stage belongs to this panel (the data page): a file
//! dropped elsewhere is handed over (`DroppedFile`) and taken up here. A
//! preview belongs to the plan it was read against: confirming works the
//! merge out again against the plan as it is then (`merge::recheck`), and
//! shows it again instead of applying it when the plan changed meanwhile;
//! a switch to another plan ends the preview.

use crate::format::Restored;
use crate::model::merge::{
    merge_op, preview as merge_preview, recheck, MergePreview, Recheck, Side,
};
use crate::model::TaskId;
use crate::store::local;
use crate::ui::clock::now_iso;
use crate::ui::sharing::preview::ImportPreview;
use crate::ui::sharing::reading::{interpret, read, refuse_before_reading, size_text};
use crate::ui::sharing::workbook::{is_workbook, sheet_incoming, start_workbook, SheetIncoming};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

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
    pub restored: Restored,
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
    if is_workbook(&name) {
        return start_workbook(state, stage, file);
    }
    stage.set(Stage::Reading {
        name: name.clone(),
        loaded: 0.0,
        total: file.size(),
    });
    let progress_name = name.clone();
    read(
        &file,
        move |loaded, total| {
            stage.set(Stage::Reading {
                name: progress_name.clone(),
                loaded,
                total,
            })
        },
        move |text| {
            let result = text.and_then(|t| interpret(&name, &t));
            stage.set(match result {
                Err(e) => Stage::Failed(e),
                Ok(restored) => {
                    let current = state.doc.plan().with_untracked(|p| p.id.clone());
                    let against = current.clone();
                    let same = restored.plan.id == current;
                    let merge = same.then(|| {
                        state
                            .doc
                            .plan()
                            .with_untracked(|p| merge_preview(p, &restored.plan))
                    });
                    let other_plan = (!same)
                        .then(|| {
                            state.storage.plans().with_untracked(|l| {
                                l.entry(&restored.plan.id).map(|e| e.title.clone())
                            })
                        })
                        .flatten();
                    Stage::Ready(Box::new(Incoming {
                        against,
                        refreshed: false,
                        name,
                        restored,
                        merge,
                        other_plan,
                        sheet: None,
                    }))
                }
            });
        },
    );
}

/// Backs up the plan on screen before an import (old import backups pruned
/// first, see `Repo::back_up_before_import`).
fn back_up(state: AppState) -> Result<(), String> {
    state
        .doc
        .plan()
        .with_untracked(|p| local::repo().back_up_before_import(p, &now_iso()))
        .map(|_| ())
}

/// What confirming did.
enum Confirmed {
    /// Merged; the message says so.
    Done(String),
    /// The plan changed since the preview: here is the preview worked out
    /// again, to confirm instead. Nothing was merged.
    Again(Box<Incoming>),
}

/// Merges as previewed, with the conflicts decided in `choices`, provided
/// the merge worked out against the plan as it is now is the one the user
/// saw (see `merge::recheck`).
fn confirm_merge(
    state: AppState,
    incoming: &Incoming,
    choices: &HashMap<(TaskId, String), Side>,
) -> Result<Confirmed, String> {
    let Some(shown) = &incoming.merge else {
        return Err("没有可合并的内容".into());
    };
    let checked = state
        .doc
        .plan()
        .with_untracked(|p| recheck(shown, &incoming.against, p, &incoming.restored.plan));
    let pv = match checked {
        Recheck::OtherPlan => {
            return Err(format!(
            "这次预览是按另一个计划生成的，当前显示的计划已切换，没有导入。请重新选择文件“{}”。",
            incoming.name
        ))
        }
        Recheck::Changed(fresh) => {
            let mut again = incoming.clone();
            again.merge = Some(*fresh);
            again.refreshed = true;
            return Ok(Confirmed::Again(Box::new(again)));
        }
        Recheck::Apply(pv) => pv,
    };
    back_up(state)?;
    let now = now_iso();
    let source = match &pv.from_unit {
        Some(unit) => format!("{unit}填报包 {}", incoming.name),
        None => incoming.name.clone(),
    };
    let op = state
        .doc
        .plan()
        .with_untracked(|p| {
            merge_op(
                p,
                &pv,
                |id, key| choices.get(&(id.clone(), key.to_string())).copied(),
                &source,
                &now,
            )
        })
        .map_err(|e| e.to_string())?;
    state
        .edit(op, format!("导入“{}”", incoming.name))
        .map_err(|e| format!("导入未完成：{e}"))?;
    Ok(Confirmed::Done(format!(
        "已导入“{}”，导入前的计划已备份；如需撤回，点击“撤销”。",
        incoming.name
    )))
}

/// Opens the file's plan as a plan of its own (a new id when this browser
/// already holds a plan with its id).
fn open_as_new(state: AppState, incoming: &Incoming) -> Result<String, String> {
    let mut plan = incoming.restored.plan.clone();
    let taken = state
        .storage
        .plans()
        .with_untracked(|l| l.entry(&plan.id).is_some());
    if taken {
        plan.id = crate::model::id::new_id();
        plan.title = format!("{}（导入副本）", plan.title);
    }
    let title = plan.title.clone();
    crate::ui::persistence::plans::add(state, plan, &format!("打开“{}”为新计划", incoming.name))?;
    Ok(format!("已把“{}”作为新计划“{title}”打开。", incoming.name))
}

/// A file dropped on the page outside the data page, handed over to the
/// import panel there (which owns the import).
#[derive(Clone, Copy)]
pub struct DroppedFile(StoredValue<Option<web_sys::File>, LocalStorage>, Trigger);

impl DroppedFile {
    fn new() -> DroppedFile {
        DroppedFile(StoredValue::new_local(None), Trigger::new())
    }

    fn hand_over(&self, file: web_sys::File) {
        self.0.set_value(Some(file));
        self.1.notify();
    }

    /// The file dropped, once (tracked: called again on the next drop).
    fn take(&self) -> Option<web_sys::File> {
        self.1.track();
        self.0.try_update_value(Option::take).flatten()
    }
}

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
            stage.set(Stage::Failed(
                "当前显示的计划已切换，刚才的导入预览已作废，没有导入任何内容。如需导入，请重新选择文件。".into(),
            ));
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
    let finish = move |result: Result<String, String>| {
        stage.set(match result {
            Ok(m) => Stage::Done(m),
            Err(e) => Stage::Failed(e),
        })
    };
    let confirm = move |_| {
        if let Stage::Ready(incoming) = stage.get_untracked() {
            match choices.with_untracked(|c| confirm_merge(state, &incoming, c)) {
                Ok(Confirmed::Done(m)) => stage.set(Stage::Done(m)),
                // Shown again; the choices made still apply where the same
                // conflicts remain.
                Ok(Confirmed::Again(again)) => stage.set(Stage::Ready(again)),
                Err(e) => stage.set(Stage::Failed(e)),
            }
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
                stage.try_set(match next {
                    Ok(next) => Stage::Ready(Box::new(next)),
                    Err(e) => Stage::Failed(e),
                });
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
                    let result = fresh.and_then(|f| open_as_new(state, &f));
                    stage.try_set(match result {
                        Ok(m) => Stage::Done(m),
                        Err(e) => Stage::Failed(e),
                    });
                });
            }
            None => finish(open_as_new(state, &incoming)),
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
                    <p class="hint" data-testid="import-reading">
                        {format!("正在读取“{name}”：{} / {}", size_text(loaded), size_text(total))}
                    </p>
                }.into_any(),
                Stage::Parsing(name) => view! {
                    <p class="hint" data-testid="import-reading">{format!("正在解析表格“{name}”……")}</p>
                }.into_any(),
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

/// Lets a file be dropped anywhere on the page: it is handed to the data
/// page's import, and the data page shown.
pub fn install_drop() {
    let dropped = DroppedFile::new();
    provide_context(dropped);
    let over = window_event_listener(leptos::ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        e.prevent_default();
        dropped.hand_over(file.unchecked_into());
        let _ = window().location().set_hash("#/data");
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
