//! The 领域 section: areas in display order with their task counts, the
//! reassignment panel when a used area is being removed, and the form that
//! adds an area after the others.

use crate::model::ops::Op;
use crate::model::registry::{area_counts, sorted_areas};
use crate::model::registry_intake::new_area;
use crate::ui::registry::area_form::AreaForm;
use crate::ui::registry::area_removal::AreaRemoval;
use crate::ui::registry::area_row::RegistryAreaRow;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The areas of the plan and the form to add one.
#[component]
pub fn AreaList() -> impl IntoView {
    let state = use_app();
    let order = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            sorted_areas(p)
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<_>>()
        })
    });
    let counts = Memo::new(move |_| state.doc.plan().with(area_counts));
    let add = Callback::new(move |name: String| {
        let area = state.doc.plan().with_untracked(|p| new_area(p, &name));
        let label = format!("新增领域“{}”", area.name);
        state
            .edit(Op::PutArea { area, at: None }, label)
            .err()
            .map(|e| e.to_string())
    });
    view! {
        <section class="registry-section" data-testid="area-registry">
            <h3>"领域" <span class="registry-count">{move || order.with(Vec::len)}</span></h3>
            <Show
                when=move || order.with(|list| !list.is_empty())
                fallback=|| view! { <p class="hint" data-testid="areas-empty">"还没有领域，请在下方新增。"</p> }
            >
                <table class="registry-table">
                    <thead>
                        <tr>
                            <th class="col-no">"序号"</th>
                            <th>"名称"</th>
                            <th class="col-num">"任务数"</th>
                            <th class="row-actions">"操作"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || order.get() key=|id| id.clone() let:id>
                            <RegistryAreaRow id=id order=order counts=counts />
                        </For>
                    </tbody>
                </table>
            </Show>
            <AreaRemoval />
            <h4>"新增领域"</h4>
            <AreaForm name=String::new() testid="add-area" submit_label="新增领域"
                submit_testid="add-area-submit" on_save=add reset=true />
        </section>
    }
}
