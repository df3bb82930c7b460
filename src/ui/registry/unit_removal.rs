//! Removing a unit that tasks still use: says which tasks, as lead and as
//! support, and hands them all to the unit chosen before the unit goes, in
//! one step that one undo reverts.

use crate::model::registry::{reassign_unit, unit_reassign_label, unit_use, unit_use_message};
use crate::ui::registry::reassign_panel::ReassignPanel;
use crate::ui::registry::state::{use_registry, Removal};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The reassignment panel for the unit awaiting removal, if any.
#[component]
pub fn UnitRemoval() -> impl IntoView {
    let state = use_app();
    let registry = use_registry();
    // The unit awaiting removal, while it still exists.
    let target = Memo::new(move |_| {
        let Some(Removal::Unit(id)) = registry.removal.get() else {
            return None;
        };
        state
            .doc
            .plan()
            .with(|p| p.unit(&id).map(|u| (u.id.clone(), u.name.clone())))
    });
    let title = Signal::derive(move || {
        target.with(|t| {
            t.as_ref()
                .map(|(_, name)| format!("删除单位“{name}”"))
                .unwrap_or_default()
        })
    });
    let message = Signal::derive(move || {
        target.with(|t| match t {
            Some((id, name)) => state
                .doc
                .plan()
                .with(|p| unit_use_message(name, &unit_use(p, id))),
            None => String::new(),
        })
    });
    let options = Signal::derive(move || {
        let Some((id, _)) = target.get() else {
            return Vec::new();
        };
        state.doc.plan().with(|p| {
            p.units
                .iter()
                .filter(|u| u.id != id)
                .map(|u| (u.id.clone(), u.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let cancel = Callback::new(move |()| registry.removal.set(None));
    let confirm = Callback::new(move |to: String| {
        let Some((id, name)) = target.get_untracked() else {
            return;
        };
        let (op, label) = state.doc.plan().with_untracked(|p| {
            let to_name = p.unit_name(&to);
            let label = unit_reassign_label(&name, &unit_use(p, &id), &to_name);
            (reassign_unit(p, &id, &to), label)
        });
        if state.edit(op, label).is_ok() {
            registry.removal.set(None);
        }
    });
    move || {
        target.with(Option::is_some).then(|| {
            view! {
                <ReassignPanel
                    title=title
                    message=message
                    options=options
                    select_testid="reassign-unit"
                    empty_hint="没有其他单位可以接替。请先在下方新增单位，再删除此单位。"
                    on_confirm=confirm
                    on_cancel=cancel
                />
            }
        })
    }
}
