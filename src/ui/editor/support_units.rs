//! 配合单位 in the editor: chosen units as removable chips, and an input
//! with type-ahead to add one more from the registry. A name typed that the
//! registry lacks stays as a chip (saving says it is unknown) with the
//! offer to add it to the registry, which puts the new unit in its place.

use crate::model::plan::Unit;
use crate::model::task::Task;
use crate::ui::editor::unit_input::unit_id_for;
use crate::ui::editor::unit_offer::{names_no_unit, AddUnitOffer};
use leptos::prelude::*;

#[component]
pub fn SupportUnits(
    /// The task being edited.
    draft: RwSignal<Task>,
    /// The registry.
    units: Signal<Vec<Unit>>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let name = move |id: &str| {
        units.with(|us| {
            us.iter()
                .find(|u| u.id == id)
                .map_or_else(|| id.to_string(), |u| u.name.clone())
        })
    };
    let add = move || {
        let text = typed.get_untracked();
        if let Some(id) = units.with_untracked(|us| unit_id_for(us, &text)) {
            draft.update(|t| {
                if !t.support_units.contains(&id) {
                    t.support_units.push(id);
                }
            });
        }
        typed.set(String::new());
    };
    view! {
        <div class="chips">
            {move || draft.with(|t| t.support_units.clone()).into_iter().map(|id| {
                let label = name(&id);
                let gone = id.clone();
                view! {
                    <span class="chip" data-testid="support-unit">
                        {label}
                        <button type="button" aria-label="移除" on:click=move |_| draft.update(|t| t.support_units.retain(|u| *u != gone))>"×"</button>
                    </span>
                }
            }).collect_view()}
            <input list="unit-options" data-testid="support-unit-input" placeholder="输入单位名称添加"
                prop:value=move || typed.get()
                on:input=move |e| typed.set(event_target_value(&e))
                on:change=move |_| add()
                on:keydown=move |e| if e.key() == "Enter" { e.prevent_default(); add(); } />
        </div>
    }
}

/// The offer to add each 配合单位 typed that the registry lacks; drawn
/// beside the field rather than inside its `<label>`, whose clicks go to
/// the field's first control.
pub fn support_offers(draft: RwSignal<Task>, units: Signal<Vec<Unit>>) -> impl IntoView {
    move || {
        let unknown: Vec<String> = draft.with(|t| {
            units.with(|us| {
                t.support_units
                    .iter()
                    .filter(|id| !us.iter().any(|u| u.id == **id) && names_no_unit(us, id))
                    .cloned()
                    .collect()
            })
        });
        unknown
            .into_iter()
            .map(|raw| {
                let typed_as = raw.clone();
                let replace = Callback::new(move |id: String| {
                    draft.update(|t| {
                        for u in t.support_units.iter_mut().filter(|u| **u == typed_as) {
                            u.clone_from(&id);
                        }
                    })
                });
                view! { <AddUnitOffer name=Signal::derive(move || raw.clone()) on_added=replace /> }
            })
            .collect_view()
    }
}
