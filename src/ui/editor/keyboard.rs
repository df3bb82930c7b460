//! The editor panel and the keyboard. The panel sits beside the ledger and
//! does not block it (no focus trap), but a keyboard user must not get lost
//! in or behind it: on opening, the keyboard goes to its first field; Escape
//! closes it (asking first when something was typed); on closing, the
//! keyboard goes back to what opened it — the ledger's table, a toolbar
//! button, a row's quick edit — or, when that is gone, to the ledger's
//! table, where ↑↓ go on from the selected task.

use crate::ui::ledger::panel_state::TaskPanel;
use crate::ui::shell::focus::{active, focusable, give_back};
use crate::ui::state::AppState;
use leptos::html::Aside;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the keyboard into `panel` (the editor's element) when the task
/// panel opens and back when it closes.
pub fn keep_focus(task_panel: TaskPanel, panel: NodeRef<Aside>) {
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let open = task_panel.editing.with(Option::is_some);
        if open && was_open != Some(true) {
            let inside = |el: &web_sys::HtmlElement| {
                panel
                    .get_untracked()
                    .is_some_and(|p| p.contains(Some(el.unchecked_ref())))
            };
            opener.set_value(active().filter(|el| !inside(el)));
            request_animation_frame(move || {
                if let Some(el) = panel.get_untracked().and_then(|p| first_field(&p)) {
                    let _ = el.focus();
                }
            });
        }
        if !open && was_open == Some(true) {
            let back = opener.try_get_value().flatten();
            request_animation_frame(move || match back {
                Some(el) if el.is_connected() && el.tag_name() != "BODY" => give_back(&el),
                _ => to_ledger_table(),
            });
        }
        open
    });
}

/// Where typing starts: the task's title on the 基本信息 tab, otherwise the
/// panel's first control (its close button).
fn first_field(panel: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    panel
        .query_selector("[data-testid='editor-title']")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .or_else(|| focusable(panel).into_iter().next())
}

/// The ledger's table, which walks the tasks with ↑↓.
fn to_ledger_table() {
    if let Some(table) = document()
        .query_selector(".ledger-table")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = table.focus();
    }
}

/// Closes the editor (by 取消, × or Escape), first asking whether to drop
/// what was typed when `changed`.
pub fn close_asking(state: AppState, panel: TaskPanel, changed: bool) {
    if changed {
        state.ask_discard(
            "这项任务有尚未保存的修改，或正在填写的进展、办理表单。",
            move || panel.editing.set(None),
        );
    } else {
        panel.editing.set(None);
    }
}
