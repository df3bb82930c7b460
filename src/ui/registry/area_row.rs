//! One area of the registry: its place, name (renamed in place), how many
//! tasks are filed under it, and its actions.

use crate::model::ops::Op;
use crate::model::plan::Area;
use crate::model::registry::move_area;
use crate::ui::registry::area_form::AreaForm;
use crate::ui::registry::state::{use_registry, Removal};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;

/// An area's row, kept by id so it follows the area through renames and moves.
#[component]
pub fn RegistryAreaRow(
    /// The area's id.
    id: String,
    /// Every area's id in display order.
    #[prop(into)]
    order: Signal<Vec<String>>,
    /// How many tasks are filed under each area id.
    #[prop(into)]
    counts: Signal<HashMap<String, usize>>,
) -> impl IntoView {
    let state = use_app();
    let registry = use_registry();
    let renaming = RwSignal::new(false);
    let area = {
        let id = id.clone();
        Memo::new(move |_| state.doc.plan().with(|p| p.area(&id).cloned()))
    };
    let name = move || area.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    // For event handlers and the editor's start, which should not subscribe.
    let name_now =
        move || area.with_untracked(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let place = {
        let id = id.clone();
        Memo::new(move |_| order.with(|o| (o.iter().position(|x| *x == id).unwrap_or(0), o.len())))
    };
    let tasks = {
        let id = id.clone();
        Memo::new(move |_| counts.with(|c| c.get(&id).copied().unwrap_or(0)))
    };
    let shift = {
        let id = id.clone();
        move |up: bool| {
            if let Some(op) = state.doc.plan().with_untracked(|p| move_area(p, &id, up)) {
                let way = if up { "上移" } else { "下移" };
                let _ = state.edit(op, format!("{way}领域“{}”", name_now()));
            }
        }
    };
    let shift_down = shift.clone();
    let at_end = move || {
        let (pos, len) = place.get();
        pos + 1 >= len
    };
    let remove = {
        let id = id.clone();
        move |_| {
            renaming.set(false);
            if tasks.get_untracked() > 0 {
                registry.removal.set(Some(Removal::Area(id.clone())));
                return;
            }
            let (id, name) = (id.clone(), name_now());
            state.ask(
                "删除领域",
                format!("领域“{name}”下没有任务，将被删除。删除后可点击“撤销”恢复。"),
                "删除",
                move || {
                    let _ = state.edit(Op::RemoveArea(id.clone()), format!("删除领域“{name}”"));
                },
            );
        }
    };
    let save = Callback::new(move |next: String| {
        let Some(old) = area.get_untracked() else {
            return Some("该领域已被删除".to_string());
        };
        if next != old.name {
            let label = format!("将领域“{}”改名为“{next}”", old.name);
            let op = Op::PutArea {
                area: Area { name: next, ..old },
                at: None,
            };
            if let Err(e) = state.edit(op, label) {
                return Some(e.to_string());
            }
        }
        renaming.set(false);
        None
    });
    let close = Callback::new(move |()| renaming.set(false));
    let except = id.clone();
    let name_cell = move || {
        if renaming.get() {
            view! {
                <AreaForm name=name_now() except=except.clone() testid="area-editor" submit_label="保存"
                    submit_testid="save-area" on_save=save on_cancel=close focus=true />
            }
            .into_any()
        } else {
            view! { <span class="area-name">{name}</span> }.into_any()
        }
    };
    view! {
        <tr class="registry-area-row" data-testid="registry-area-row" data-area-id=id>
            <td class="col-no">{move || place.get().0 + 1}</td>
            <td>{name_cell}</td>
            <td class="col-num" data-testid="area-task-count">{move || tasks.get()}</td>
            <td class="row-actions">
                <button data-testid="rename-area" on:click=move |_| renaming.set(true)>"改名"</button>
                <button data-testid="area-up" disabled=move || place.get().0 == 0
                    on:click=move |_| shift(true)>"上移"</button>
                <button data-testid="area-down" disabled=at_end
                    on:click=move |_| shift_down(false)>"下移"</button>
                <button data-testid="delete-area" on:click=remove>"删除"</button>
            </td>
        </tr>
    }
}
