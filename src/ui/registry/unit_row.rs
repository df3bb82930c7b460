//! One unit of the registry table: its details, how many tasks it leads and
//! supports, and its actions; its editor opens in a row beneath it.

use crate::model::ops::Op;
use crate::model::plan::Unit;
use crate::model::registry::{move_unit, UseCount};
use crate::ui::registry::state::{use_registry, Removal};
use crate::ui::registry::unit_form::UnitForm;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;

/// A unit's row, kept by id so it follows the unit through renames and moves.
#[component]
pub fn UnitRow(
    /// The unit's registry id.
    id: String,
    /// Lead and support counts of every unit, by id.
    #[prop(into)]
    counts: Signal<HashMap<String, UseCount>>,
) -> impl IntoView {
    let state = use_app();
    let registry = use_registry();
    let unit = {
        let id = id.clone();
        Memo::new(move |_| state.doc.plan().with(|p| p.unit(&id).cloned()))
    };
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.plan().with(|p| {
                let pos = p.units.iter().position(|u| u.id == id).unwrap_or(0);
                (pos, p.units.len())
            })
        })
    };
    let count = {
        let id = id.clone();
        Memo::new(move |_| counts.with(|c| c.get(&id).copied().unwrap_or_default()))
    };
    let name = move || unit.with(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    // For event handlers, which should not subscribe.
    let name_now =
        move || unit.with_untracked(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let editing = {
        let id = id.clone();
        Memo::new(move |_| {
            registry
                .editing_unit
                .with(|e| e.as_deref() == Some(id.as_str()))
        })
    };
    let shift = {
        let id = id.clone();
        move |up: bool| {
            let op = state.doc.plan().with_untracked(|p| move_unit(p, &id, up));
            if let Some(op) = op {
                let way = if up { "上移" } else { "下移" };
                let _ = state.edit(op, format!("{way}单位“{}”", name_now()));
            }
        }
    };
    let shift_down = shift.clone();
    let remove = {
        let id = id.clone();
        move |_| {
            let used = count.get_untracked().tasks() > 0;
            if editing.get_untracked() {
                registry.editing_unit.set(None);
            }
            if used {
                registry.removal.set(Some(Removal::Unit(id.clone())));
                return;
            }
            let (id, name) = (id.clone(), name_now());
            state.ask(
                "删除单位",
                format!("单位“{name}”没有任务使用，将从单位名录中删除。删除后可点击“撤销”恢复。"),
                "删除",
                move || {
                    let _ = state.edit(Op::RemoveUnit(id.clone()), format!("删除单位“{name}”"));
                },
            );
        }
    };
    let open = {
        let id = id.clone();
        move |_| registry.editing_unit.set(Some(id.clone()))
    };
    let close = Callback::new(move |()| registry.editing_unit.set(None));
    let save = Callback::new(move |next: Unit| {
        let Some(old) = unit.get_untracked() else {
            return Some("该单位已被删除".to_string());
        };
        if next == old {
            registry.editing_unit.set(None);
            return None;
        }
        let label = if next.name == old.name {
            format!("修改单位“{}”", next.name)
        } else {
            format!("将单位“{}”改名为“{}”", old.name, next.name)
        };
        match state.edit(
            Op::PutUnit {
                unit: next,
                at: None,
            },
            label,
        ) {
            Ok(()) => {
                registry.editing_unit.set(None);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    });
    let editor = move || {
        editing.get().then(|| {
            unit.get_untracked().map(|u| {
                view! {
                    <tr class="unit-edit-row">
                        <td colspan="8">
                            <UnitForm unit=u testid="unit-editor" submit_label="保存"
                                submit_testid="save-unit" on_save=save on_cancel=close focus=true />
                        </td>
                    </tr>
                }
            })
        })
    };
    let at_end = move || {
        let (pos, len) = place.get();
        pos + 1 >= len
    };
    let field =
        move |f: fn(&Unit) -> String| move || unit.with(|u| u.as_ref().map(f).unwrap_or_default());
    view! {
        <tr class="unit-row" class:is-editing=move || editing.get() data-testid="unit-row" data-unit-id=id>
            <td class="col-no">{move || place.get().0 + 1}</td>
            <td class="unit-name">{name}</td>
            <td>{field(|u| u.short_name.clone())}</td>
            <td>{field(|u| u.kind.label().to_string())}</td>
            <td>{field(|u| u.leader.clone())}</td>
            <td class="col-num" data-testid="unit-lead-count">{move || count.get().lead}</td>
            <td class="col-num" data-testid="unit-support-count">{move || count.get().support}</td>
            <td class="row-actions">
                <button data-testid="edit-unit" on:click=open>"编辑"</button>
                <button data-testid="unit-up" title="上移" disabled=move || place.get().0 == 0
                    on:click=move |_| shift(true)>"上移"</button>
                <button data-testid="unit-down" title="下移"
                    disabled=at_end
                    on:click=move |_| shift_down(false)>"下移"</button>
                <button data-testid="delete-unit" on:click=remove>"删除"</button>
            </td>
        </tr>
        {editor}
    }
}
