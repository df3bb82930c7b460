//! An area's name, for adding an area and for renaming one. Checked on
//! saving (required, not another area's); the reason shows beside the field.

use crate::model::registry::check_area_name;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A one-field form for an area's name.
#[component]
pub fn AreaForm(
    /// The name to start from.
    name: String,
    /// The area being renamed, which the name check skips; `None` when adding.
    #[prop(optional)]
    except: Option<String>,
    /// The form's `data-testid`.
    testid: &'static str,
    /// What the save button says.
    submit_label: &'static str,
    /// The save button's `data-testid`.
    submit_testid: &'static str,
    /// Called with the checked (trimmed) name; returns why it could not be
    /// saved, if it could not.
    on_save: Callback<String, Option<String>>,
    /// Shows a 取消 button that calls this.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Empties the field after a save.
    #[prop(optional)]
    reset: bool,
    /// Puts the cursor in the field when the form appears.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let state = use_app();
    let start = name.clone();
    let value = RwSignal::new(name);
    // Something typed and not saved: 取消 asks before dropping it.
    let typed = move || value.get_untracked() != start;
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                let _ = el.focus();
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = state
            .doc
            .plan()
            .with_untracked(|p| check_area_name(p, &value.get_untracked(), except.as_deref()));
        let problem = match checked {
            Ok(name) => on_save.run(name),
            Err(e) => Some(e),
        };
        if problem.is_none() && reset {
            value.set(String::new());
        }
        error.set(problem);
    };
    view! {
        <form class="area-form" data-testid=testid on:submit=submit>
            <input
                node_ref=input
                data-testid="area-name-input"
                placeholder="领域名称，如：党的建设"
                class:invalid=move || error.with(Option::is_some)
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
            />
            <button type="submit" data-testid=submit_testid>{submit_label}</button>
            {on_cancel.map(|cancel| view! {
                <button type="button" data-testid="cancel-area" on:click=move |_| {
                    if typed() {
                        state.ask_discard("这个领域的名称有尚未保存的修改。", move || cancel.run(()));
                    } else {
                        cancel.run(());
                    }
                }>"取消"</button>
            })}
            {move || error.get().map(|e| view! { <span class="field-error" data-testid="area-name-error">{e}</span> })}
        </form>
    }
}
