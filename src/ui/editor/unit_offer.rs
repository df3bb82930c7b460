//! The offer under a unit field when the name typed is not in the registry
//! (a blank plan has no units at all): add it there, as typed, with the
//! kind chosen here. It is an ordinary registry edit (`新增单位“…”`), saved
//! and undone like one made on the 单位与领域 page.

use crate::model::ops::Op;
use crate::model::plan::Unit;
use crate::model::registry::{check_unit_name, kind_from_key, kind_key, UNIT_KINDS};
use crate::model::registry_intake::{common_kind, new_unit};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// True when `text` names no unit of `units`, by name or short name.
pub fn names_no_unit(units: &[Unit], text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !units
            .iter()
            .any(|u| u.name == t || (!u.short_name.is_empty() && u.short_name == t))
}

/// "“…”不在单位名录中", a kind to choose and a button that adds it.
#[component]
pub fn AddUnitOffer(
    /// The name as typed; the offer shows while it names no unit.
    #[prop(into)]
    name: Signal<String>,
    /// Called with the new unit's id once it is in the registry.
    on_added: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let shown = move || {
        let typed = name.get();
        state.doc.plan().with(|p| names_no_unit(&p.units, &typed))
    };
    // The kind most units have, until the user picks one.
    let picked = RwSignal::new(None);
    let kind = move || {
        picked
            .get()
            .unwrap_or_else(|| state.doc.plan().with(common_kind))
    };
    let error = RwSignal::new(None::<String>);
    let add = move |_| {
        let text = name.get_untracked();
        let checked = state
            .doc
            .plan()
            .with_untracked(|p| check_unit_name(p, &text, None));
        let unit = match checked {
            Ok(n) => new_unit(&n, kind()),
            Err(e) => return error.set(Some(e)),
        };
        let (id, label) = (unit.id.clone(), format!("新增单位“{}”", unit.name));
        match state.edit(Op::PutUnit { unit, at: None }, label) {
            Ok(()) => {
                error.set(None);
                on_added.run(id);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <Show when=shown>
            <div class="unit-offer" data-testid="unit-offer" role="group" aria-label="添加到单位名录">
                <span class="unit-offer-text">{move || format!("“{}”不在单位名录中。", name.get().trim())}</span>
                // The kind and the button move together when the line wraps.
                <span class="unit-offer-add">
                "添加为"
                <select data-testid="add-unit-inline-kind" aria-label="单位类别"
                    on:change=move |e| picked.set(Some(kind_from_key(&event_target_value(&e))))>
                    {UNIT_KINDS.into_iter().map(|k| view! {
                        <option value=kind_key(k) selected=move || kind() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" data-testid="add-unit-inline" on:click=add>"添加到单位名录"</button>
                </span>
                {move || error.get().map(|e| view! { <span class="field-error">{e}</span> })}
            </div>
        </Show>
    }
}
