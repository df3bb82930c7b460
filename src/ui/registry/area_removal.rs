//! Removing an area that tasks are still filed under: says how many and
//! which 要点, and files them under the area chosen (or under none) before
//! the area goes, in one step that one undo reverts.

use crate::model::registry::{area_use, area_use_message, reassign_area, sorted_areas};
use crate::ui::registry::reassign_panel::ReassignPanel;
use crate::ui::registry::state::{use_registry, Removal};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The select value that stands for "under no area".
const NO_AREA: &str = "";

/// The reassignment panel for the area awaiting removal, if any.
#[component]
pub fn AreaRemoval() -> impl IntoView {
    let state = use_app();
    let registry = use_registry();
    // The area awaiting removal, while it still exists.
    let target = Memo::new(move |_| {
        let Some(Removal::Area(id)) = registry.removal.get() else {
            return None;
        };
        state
            .doc
            .plan()
            .with(|p| p.area(&id).map(|a| (a.id.clone(), a.name.clone())))
    });
    let title = Signal::derive(move || {
        target.with(|t| {
            t.as_ref()
                .map(|(_, name)| format!("删除领域“{name}”"))
                .unwrap_or_default()
        })
    });
    let message = Signal::derive(move || {
        target.with(|t| match t {
            Some((id, name)) => state
                .doc
                .plan()
                .with(|p| area_use_message(name, &area_use(p, id))),
            None => String::new(),
        })
    });
    let options = Signal::derive(move || {
        let Some((id, _)) = target.get() else {
            return Vec::new();
        };
        let mut list: Vec<(String, String)> = state.doc.plan().with(|p| {
            sorted_areas(p)
                .into_iter()
                .filter(|a| a.id != id)
                .map(|a| (a.id, a.name))
                .collect()
        });
        list.push((
            NO_AREA.to_string(),
            "不归入任何领域（未分领域）".to_string(),
        ));
        list
    });
    let cancel = Callback::new(move |()| registry.removal.set(None));
    let confirm = Callback::new(move |to: String| {
        let Some((id, name)) = target.get_untracked() else {
            return;
        };
        let to = (to != NO_AREA).then_some(to);
        let (op, label) = state.doc.plan().with_untracked(|p| {
            let tasks = area_use(p, &id).tasks;
            let whereto = match &to {
                Some(to) => format!(
                    "改归“{}”",
                    p.area(to).map_or(to.as_str(), |a| a.name.as_str())
                ),
                None => "改为未分领域".to_string(),
            };
            let label = format!("删除领域“{name}”（{tasks} 项任务{whereto}）");
            (reassign_area(p, &id, to.as_deref()), label)
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
                    select_testid="reassign-area"
                    empty_hint="没有可选的领域。"
                    on_confirm=confirm
                    on_cancel=cancel
                />
            }
        })
    }
}
