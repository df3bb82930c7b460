//! Picking a unit from the registry by typing its name or short name (the
//! browser's own type-ahead over a `<datalist>`), for 牵头单位 and 配合单位.

use crate::model::plan::Unit;
use leptos::prelude::*;

/// The id of the unit a typed text names (full or short name), or the
/// text itself when it names none, so validation can say so.
pub fn unit_id_for(units: &[Unit], text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Some(
        units
            .iter()
            .find(|u| u.name == t || (!u.short_name.is_empty() && u.short_name == t))
            .map_or_else(|| t.to_string(), |u| u.id.clone()),
    )
}

/// The datalist of unit names every unit input offers.
#[component]
pub fn UnitOptions(
    /// The registry.
    units: Signal<Vec<Unit>>,
) -> impl IntoView {
    view! {
        <datalist id="unit-options">
            {move || units.get().into_iter().map(|u| view! {
                <option value=u.name.clone()>{u.short_name.clone()}</option>
            }).collect_view()}
        </datalist>
    }
}
