//! The 单位名录 section: every unit in registry order with its task counts,
//! the reassignment panel when a used unit is being removed, and the form
//! that adds a unit.

use crate::model::id::new_id;
use crate::model::ops::Op;
use crate::model::plan::{Unit, UnitKind};
use crate::model::registry::use_counts;
use crate::ui::registry::unit_form::UnitForm;
use crate::ui::registry::unit_removal::UnitRemoval;
use crate::ui::registry::unit_row::UnitRow;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The units of the plan and the form to add one.
#[component]
pub fn UnitTable() -> impl IntoView {
    let state = use_app();
    // One pass over the tasks per change, shared by every row.
    let counts = Memo::new(move |_| state.doc.plan().with(use_counts));
    let ids = Memo::new(move |_| {
        state
            .doc
            .plan()
            .with(|p| p.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>())
    });
    let add = Callback::new(move |unit: Unit| {
        let unit = Unit {
            id: new_id(),
            ..unit
        };
        let label = format!("新增单位“{}”", unit.name);
        state
            .edit(Op::PutUnit { unit, at: None }, label)
            .err()
            .map(|e| e.to_string())
    });
    let blank = Unit {
        id: String::new(),
        name: String::new(),
        short_name: String::new(),
        kind: UnitKind::Other,
        leader: String::new(),
    };
    view! {
        <section class="registry-section" data-testid="unit-registry">
            <h3>"单位名录" <span class="registry-count">{move || ids.with(Vec::len)}</span></h3>
            <Show
                when=move || ids.with(|list| !list.is_empty())
                fallback=|| view! { <p class="hint" data-testid="units-empty">"还没有单位，请在下方新增。"</p> }
            >
                <table class="registry-table">
                    <thead>
                        <tr>
                            <th class="col-no">"序号"</th>
                            <th>"名称"</th>
                            <th>"简称"</th>
                            <th>"类别"</th>
                            <th>"分管区领导"</th>
                            <th class="col-num">"牵头任务"</th>
                            <th class="col-num">"配合任务"</th>
                            <th class="row-actions">"操作"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <UnitRow id=id counts=counts />
                        </For>
                    </tbody>
                </table>
            </Show>
            <UnitRemoval />
            <h4>"新增单位"</h4>
            <UnitForm unit=blank testid="add-unit" submit_label="新增单位"
                submit_testid="add-unit-submit" on_save=add reset=true />
        </section>
    }
}
