//! The import preview's clashes in the outline: a loop of moves, or a
//! parent deleted on one side while the other puts tasks under it. Each
//! is a choice like a field conflict (本计划 or 文件), recorded under the
//! task's id and `merge::STRUCTURE`; the merge applies it.

use crate::model::merge::{Clash, Side, STRUCTURE};
use crate::model::TaskId;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn ClashChoices(
    /// The clashes the preview found.
    clashes: Vec<Clash>,
    /// The choices made so far, by task id and key.
    choices: RwSignal<HashMap<(TaskId, String), Side>>,
) -> impl IntoView {
    (!clashes.is_empty()).then(|| {
        view! {
            <h4>"层级冲突"</h4>
            <ul class="plain">
                {clashes.into_iter().map(|c| {
                    let key = (c.id.clone(), STRUCTURE.to_string());
                    let default = c.default;
                    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key);
                    let ours = move || choices.with(|m| m.get(&k1).copied().unwrap_or(default) == Side::Ours);
                    let theirs = move || choices.with(|m| m.get(&k2).copied().unwrap_or(default) == Side::Theirs);
                    view! {
                        <li class="conflict" data-testid="structure-conflict" data-task-id=c.id.0.clone()>
                            <span>{format!("“{}”：{}。", c.title, c.what)}</span>
                            <label class="check"><input type="radio" data-testid="choose-ours"
                                prop:checked=ours
                                on:change=move |_| choices.update(|m| { m.insert(k3.clone(), Side::Ours); }) />
                                {format!("按本计划：{}", c.ours)}</label>
                            <label class="check"><input type="radio" data-testid="choose-theirs"
                                prop:checked=theirs
                                on:change=move |_| choices.update(|m| { m.insert(k4.clone(), Side::Theirs); }) />
                                {format!("按文件：{}", c.theirs)}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
