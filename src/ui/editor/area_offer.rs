//! Adding a 领域 from the task editor: the area select offers only areas
//! that exist, and a blank plan has none. "＋新增领域" opens a name field;
//! the area is added after the others (`新增领域“…”`, an ordinary registry
//! edit, undone like one made on the 单位与领域 page) and chosen for the task.

use crate::model::ops::Op;
use crate::model::registry::check_area_name;
use crate::model::registry_intake::new_area;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The "＋新增领域" button, and the name field it opens.
#[component]
pub fn AddAreaInline(
    /// Called with the new area's id once it is in the registry.
    on_added: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let add = move || {
        let checked = state
            .doc
            .plan()
            .with_untracked(|p| check_area_name(p, &name.get_untracked(), None));
        let area = match checked {
            Ok(n) => state.doc.plan().with_untracked(|p| new_area(p, &n)),
            Err(e) => return error.set(Some(e)),
        };
        let (id, label) = (area.id.clone(), format!("新增领域“{}”", area.name));
        match state.edit(Op::PutArea { area, at: None }, label) {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
                open.set(false);
                on_added.run(id);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let close = move || {
        name.set(String::new());
        error.set(None);
        open.set(false);
    };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button type="button" class="link add-area-open" data-testid="add-area-open"
                    on:click=move |_| open.set(true)>"＋新增领域"</button>
            }>
            <div class="area-offer" role="group" aria-label="新增领域">
                <input node_ref=input data-testid="add-area-inline-name" placeholder="领域名称，如：党的建设"
                    aria-label="新领域名称"
                    prop:value=move || name.get()
                    on:input=move |e| { name.set(event_target_value(&e)); error.set(None); }
                    // Enter adds the area rather than saving the task.
                    on:keydown=move |e| if e.key() == "Enter" { e.prevent_default(); add(); } />
                <button type="button" data-testid="add-area-inline" on:click=move |_| add()>"添加并选用"</button>
                <button type="button" data-testid="add-area-inline-cancel" on:click=move |_| close()>"取消"</button>
                {move || error.get().map(|e| view! { <span class="field-error">{e}</span> })}
            </div>
        </Show>
    }
}
