//! The structure actions on the selected task — add beside or below, move,
//! indent, outdent, edit, delete — as toolbar buttons and keyboard
//! shortcuts, and undo/redo from the keyboard. Each is one undoable edit.

use crate::model::edit::{self, Direction, Place};
use crate::model::id::TaskId;
use crate::model::ops::{EditError, Op};
use crate::ui::ledger::panel_state::{use_panel, Editing, TaskPanel};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Deletes a task after saying what goes with it.
pub fn delete_with_confirmation(state: AppState, panel: TaskPanel, id: TaskId) {
    let (title, below) = state.doc.plan().with_untracked(|p| {
        (
            p.task(&id).map(|t| t.title.clone()).unwrap_or_default(),
            edit::descendants(p, &id).len(),
        )
    });
    let message = if below > 0 {
        format!("将删除“{title}”及其下的 {below} 项子任务（含进展记录）。删除后可点击“撤销”恢复。")
    } else {
        format!("将删除“{title}”（含进展记录）。删除后可点击“撤销”恢复。")
    };
    state.ask("删除任务", message, "删除", move || {
        let label = if below > 0 {
            format!("删除任务“{title}”（含 {below} 项子任务）")
        } else {
            format!("删除任务“{title}”")
        };
        let op = state
            .doc
            .plan()
            .with_untracked(|p| edit::delete_task(p, &id));
        if op.and_then(|op| state.edit(op, label)).is_ok() {
            panel.editing.set(None);
            panel.selected.set(None);
        }
    });
}

/// Runs a structure edit on the selected task.
fn on_selected(
    state: AppState,
    panel: TaskPanel,
    label: &str,
    build: impl Fn(&crate::model::plan::Plan, &TaskId) -> Result<Op, EditError>,
) {
    let Some(id) = panel.selected.get_untracked() else {
        state
            .edit_error
            .set(Some("请先在台账中选中一项任务".into()));
        return;
    };
    // With rows hidden or reordered, "up" and "the one above" are not what
    // the screen shows.
    if !state.nav.query().with_untracked(|q| q.is_empty()) {
        state.edit_error.set(Some(
            "筛选或排序时不能调整层级和顺序，请先点击“清除筛选”。".into(),
        ));
        return;
    }
    let title = state
        .doc
        .plan()
        .with_untracked(|p| p.task(&id).map(|t| t.title.clone()).unwrap_or_default());
    let op = state.doc.plan().with_untracked(|p| build(p, &id));
    let result = op.and_then(|op| state.edit(op, format!("{label}“{title}”")));
    if let Err(e) = result {
        state.edit_error.set(Some(format!("操作未完成：{e}")));
    }
}

/// Where a new 要点 goes: the selected task's area, else the first area.
pub fn new_point_place(state: AppState, panel: TaskPanel) -> Place {
    state.doc.with_index_untracked(|index| {
        let p = index.plan;
        let area = panel
            .selected
            .get_untracked()
            .and_then(|id| index.position(&id))
            .and_then(|pos| index.area_of(pos))
            .or_else(|| p.areas.iter().min_by_key(|a| a.order))
            .map(|a| a.id.clone());
        Place::EndOfArea(area)
    })
}

/// The element a key went to, unless the key is not a shortcut's to take:
/// in a text field the browser's own undo and arrows apply, and under a
/// question the dialog has the keyboard. (`Some(None)`: no element.)
fn key_target(state: AppState, e: &leptos::ev::KeyboardEvent) -> Option<Option<web_sys::Element>> {
    let target = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
    let typing = target.as_ref().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("[contenteditable]").ok().flatten().is_some()
    });
    (!typing && state.confirm.with_untracked(Option::is_none)).then_some(target)
}

/// Handles the editing shortcuts; returns true when the key was one.
fn ledger_key(state: AppState, panel: TaskPanel, e: &leptos::ev::KeyboardEvent) -> bool {
    let ctrl = e.ctrl_key() || e.meta_key();
    let key = e.key();
    let Some(target) = key_target(state, e) else {
        return false;
    };
    // The structure keys act on the ledger's selected row only: with the
    // table (or nothing) focused, not while a button, a link, a quick edit
    // or the editor has the keyboard — Enter on a heading's button sorts.
    let on_ledger = target
        .as_ref()
        .is_some_and(|el| el.tag_name() == "BODY" || crate::ui::ledger::table::is_table_itself(el));
    if !on_ledger
        || state.nav.page().get_untracked() != crate::ui::state::Page::Ledger
        || panel.editing.with_untracked(Option::is_some)
        || state.storage.damage().with_untracked(Option::is_some)
    {
        return false;
    }
    match (ctrl, e.shift_key(), e.alt_key(), key.as_str()) {
        (false, false, true, "ArrowUp") => on_selected(state, panel, "上移", |p, id| {
            edit::move_task(p, id, Direction::Up)
        }),
        (false, false, true, "ArrowDown") => on_selected(state, panel, "下移", |p, id| {
            edit::move_task(p, id, Direction::Down)
        }),
        (false, false, true, "ArrowRight") => on_selected(state, panel, "降级", edit::indent),
        (false, false, true, "ArrowLeft") => on_selected(state, panel, "升级", edit::outdent),
        (false, false, false, "Enter") => match panel.selected.get_untracked() {
            Some(id) => panel.editing.set(Some(Editing::Task(id))),
            None => return false,
        },
        (false, false, false, "Insert") => match panel.selected.get_untracked() {
            Some(id) => panel.editing.set(Some(Editing::New(Place::After(id)))),
            None => return false,
        },
        (false, false, false, "Delete") => match panel.selected.get_untracked() {
            Some(id) => delete_with_confirmation(state, panel, id),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// Undo and redo from the keyboard, on every page (not in a text field,
/// where the browser's own undo applies, nor under a question). Call once,
/// inside the app's owner.
pub fn install_undo_keys(state: AppState) {
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if key_target(state, &e).is_none() {
            return;
        }
        let ctrl = e.ctrl_key() || e.meta_key();
        match (ctrl, e.shift_key(), e.alt_key(), e.key().as_str()) {
            (true, false, false, "z" | "Z") => crate::ui::shell::undo_buttons::undo(state),
            (true, true, false, "z" | "Z") | (true, false, false, "y" | "Y") => {
                crate::ui::shell::undo_buttons::redo(state)
            }
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());
}

/// The structure keys of the ledger (Enter, Insert, Delete, Alt+arrows),
/// while the ledger page is shown. Called by the ledger page.
pub fn install_ledger_keys(state: AppState, panel: TaskPanel) {
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if ledger_key(state, panel, &e) {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
}

/// The toolbar above the ledger.
#[component]
pub fn StructureToolbar() -> impl IntoView {
    let state = use_app();
    let panel = use_panel();
    let none = move || panel.selected.with(Option::is_none);
    let with_selected = move |make: fn(TaskId) -> Editing| {
        if let Some(id) = panel.selected.get_untracked() {
            panel.editing.set(Some(make(id)));
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="任务结构">
            <button data-testid="add-task" on:click=move |_| panel.editing.set(Some(Editing::New(new_point_place(state, panel))))>
                "＋ 新增要点"
            </button>
            <button data-testid="add-sibling" title="在选中任务之后添加同级任务（Insert）" disabled=none
                on:click=move |_| with_selected(|id| Editing::New(Place::After(id)))>"添加同级"</button>
            <button data-testid="add-child" title="在选中任务之下添加子任务" disabled=none
                on:click=move |_| with_selected(|id| Editing::New(Place::LastChildOf(id)))>"添加下级"</button>
            <button data-testid="move-up" title="上移（Alt+↑）" disabled=none
                on:click=move |_| on_selected(state, panel, "上移", |p, id| edit::move_task(p, id, Direction::Up))>"上移"</button>
            <button data-testid="move-down" title="下移（Alt+↓）" disabled=none
                on:click=move |_| on_selected(state, panel, "下移", |p, id| edit::move_task(p, id, Direction::Down))>"下移"</button>
            <button data-testid="indent" title="降级为上一项的子任务（Alt+→）" disabled=none
                on:click=move |_| on_selected(state, panel, "降级", edit::indent)>"降级"</button>
            <button data-testid="outdent" title="升级为上级的同级任务（Alt+←）" disabled=none
                on:click=move |_| on_selected(state, panel, "升级", edit::outdent)>"升级"</button>
            <button data-testid="edit-task" title="编辑选中任务（Enter）" disabled=none
                on:click=move |_| with_selected(Editing::Task)>"编辑"</button>
            <button data-testid="delete-selected" title="删除选中任务（Delete）" disabled=none
                on:click=move |_| if let Some(id) = panel.selected.get_untracked() { delete_with_confirmation(state, panel, id) }>"删除"</button>
        </div>
    }
}
