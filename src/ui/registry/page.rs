//! The registry page: units, then areas. Opens a unit's editor when the
//! address asks for it (`#/units?edit=<id>`, as the blind-spot audit links),
//! on arrival and whenever the address changes.

use crate::model::registry::edit_target;
use crate::ui::registry::area_list::AreaList;
use crate::ui::registry::registry_copy::CopyRegistry;
use crate::ui::registry::state::RegistryState;
use crate::ui::registry::unit_paste::PasteUnits;
use crate::ui::registry::unit_table::UnitTable;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The 单位与领域 page.
#[component]
pub fn RegistryPage() -> impl IntoView {
    let state = use_app();
    let registry = RegistryState::new();
    provide_context(registry);
    let follow_address = move || {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = edit_target(&hash) {
            // An id from an old link may name a unit since removed.
            if state.doc.plan().with_untracked(|p| p.unit(&id).is_some()) {
                registry.editing_unit.set(Some(id));
            }
        }
    };
    follow_address();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| follow_address());
    on_cleanup(move || listener.remove());
    view! {
        <section class="registry-page" data-testid="registry-page">
            <h2>"单位与领域"</h2>
            <p class="hint">
                "任务的牵头单位、配合单位和所属领域都从这里选取。改名后台账中各处随即显示新名称；删除仍有任务使用的单位或领域时，须先把任务交给其他单位或领域。"
            </p>
            // Open on a registry with no units yet, where it is the quick start.
            <details class="registry-section registry-intake" data-testid="registry-intake"
                open=state.doc.plan().with_untracked(|p| p.units.is_empty())>
                <summary>"批量建立名录：从其他计划复制，或粘贴单位名单"</summary>
                <div class="registry-intake-parts">
                    <CopyRegistry />
                    <PasteUnits />
                </div>
            </details>
            <UnitTable />
            <AreaList />
        </section>
    }
}
