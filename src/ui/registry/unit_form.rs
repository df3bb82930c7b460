//! The fields of a unit — name, short name, kind, 分管区领导 — for adding a
//! unit and for editing one. The name is checked on saving (required, not
//! another unit's); the reason shows next to the field and nothing is saved.

use crate::model::plan::Unit;
use crate::model::registry::{check_unit_name, kind_from_key, kind_key, UNIT_KINDS};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A form for one unit's details.
#[component]
pub fn UnitForm(
    /// The values to start from; its id is the unit the name check skips.
    unit: Unit,
    /// The form's `data-testid`.
    testid: &'static str,
    /// What the save button says, e.g. "保存".
    submit_label: &'static str,
    /// The save button's `data-testid`.
    submit_testid: &'static str,
    /// Called with the checked unit (trimmed); returns why it could not be
    /// saved, if it could not.
    on_save: Callback<Unit, Option<String>>,
    /// Shows a 取消 button that calls this.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Empties the fields after a save, ready for the next unit.
    #[prop(optional)]
    reset: bool,
    /// Puts the cursor in the name field when the form appears.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(unit.name.clone());
    let short_name = RwSignal::new(unit.short_name.clone());
    let kind = RwSignal::new(unit.kind);
    let leader = RwSignal::new(unit.leader.clone());
    let error = RwSignal::new(None::<String>);
    let id = unit.id.clone();
    // Something typed and not saved: 取消 asks before dropping it.
    let typed = move || {
        name.get_untracked() != unit.name
            || short_name.get_untracked() != unit.short_name
            || kind.get_untracked() != unit.kind
            || leader.get_untracked() != unit.leader
    };
    let name_input = NodeRef::<leptos::html::Input>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(input) = name_input.get() {
                let _ = input.focus();
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = state
            .doc
            .plan()
            .with_untracked(|p| check_unit_name(p, &name.get_untracked(), Some(&id)));
        let name_ok = match checked {
            Ok(n) => n,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let next = Unit {
            id: id.clone(),
            name: name_ok,
            short_name: short_name.get_untracked().trim().to_string(),
            kind: kind.get_untracked(),
            leader: leader.get_untracked().trim().to_string(),
        };
        let problem = on_save.run(next);
        if problem.is_none() && reset {
            name.set(String::new());
            short_name.set(String::new());
            leader.set(String::new());
        }
        error.set(problem);
    };
    let kinds = UNIT_KINDS
        .into_iter()
        .map(|k| {
            view! {
                <option value=kind_key(k) selected=move || kind.get() == k>{k.label()}</option>
            }
        })
        .collect_view();
    view! {
        <form class="unit-form" data-testid=testid on:submit=submit>
            <label class="field">
                <span>"名称"</span>
                <input
                    node_ref=name_input
                    data-testid="unit-name-input"
                    class:invalid=move || error.with(Option::is_some)
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
                {move || error.get().map(|e| view! { <span class="field-error" data-testid="unit-name-error">{e}</span> })}
            </label>
            <label class="field">
                <span>"简称"</span>
                <input
                    data-testid="unit-short-input"
                    prop:value=move || short_name.get()
                    on:input=move |ev| short_name.set(event_target_value(&ev))
                />
            </label>
            <label class="field">
                <span>"类别"</span>
                <select
                    data-testid="unit-kind-select"
                    on:change=move |ev| kind.set(kind_from_key(&event_target_value(&ev)))
                >
                    {kinds}
                </select>
            </label>
            <label class="field">
                <span>"分管区领导"</span>
                <input
                    data-testid="unit-leader-input"
                    prop:value=move || leader.get()
                    on:input=move |ev| leader.set(event_target_value(&ev))
                />
            </label>
            <div class="form-actions">
                <button type="submit" data-testid=submit_testid>{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="cancel-unit" on:click=move |_| {
                    if typed() {
                        state.ask_discard("这个单位有尚未保存的修改。", move || cancel.run(()));
                    } else {
                        cancel.run(());
                    }
                }>"取消"</button>
                })}
            </div>
        </form>
    }
}
