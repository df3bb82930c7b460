//! One proposed area, 要点 or work item: its number and title, what was
//! read from it, what it lacks (marked), and 修改 to correct it.

use crate::format::breakdown::{Level, Node};
use crate::ui::breakdown::entry_form::EntryForm;
use crate::ui::breakdown::state::Breakdown;
use leptos::prelude::*;

/// An entry as listed; `key` changes whenever what it shows does, so a
/// correction redraws only the entries it changed.
#[derive(Clone)]
pub struct Row {
    pub key: String,
    pub index: usize,
    pub depth: usize,
    pub node: Node,
}

impl Row {
    pub fn new(index: usize, depth: usize, node: &Node) -> Row {
        Row {
            key: format!("{index}|{depth}|{node:?}"),
            index,
            depth,
            node: node.clone(),
        }
    }
}

#[component]
pub fn BreakdownEntry(bd: Breakdown, row: Row, editing: RwSignal<Option<usize>>) -> impl IntoView {
    let Row {
        index, depth, node, ..
    } = row;
    let marked = !node.missing.is_empty();
    let class = format!(
        "breakdown-entry level-{}{}",
        node.level.key(),
        if marked { " marked" } else { "" }
    );
    let number = match node.level {
        Level::Item if !node.number.starts_with('（') => format!("{}.", node.number),
        Level::Area => format!("{}、", node.number),
        _ => node.number.clone(),
    };
    let kind = if node.work_item {
        "工作事项"
    } else {
        node.level.label()
    };
    let missing: Vec<&str> = node.missing.iter().map(|m| m.label()).collect();
    let detail = node.detail.clone();
    let open = move || editing.get() == Some(index);
    view! {
        <li class=class data-testid="breakdown-item" data-level=node.level.key()
            data-index=index.to_string() data-marked=marked.to_string()
            style=format!("margin-left: {}em", depth * 2)>
            <div class="breakdown-head">
                <span class="breakdown-kind">{kind}</span>
                <span class="breakdown-number">{number}</span>
                <span class="breakdown-title">{node.title.clone()}</span>
                <button class="link" data-testid="breakdown-edit"
                    on:click=move |_| {
                        bd.edit_error.set(None);
                        editing.set(if open() { None } else { Some(index) });
                    }>"修改"</button>
            </div>
            {(!detail.is_empty()).then(|| view! { <p class="breakdown-detail">{detail}</p> })}
            <ul class="breakdown-read">
                {node.read.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}
                {missing.into_iter().map(|m| view! { <li class="missing" data-testid="breakdown-missing">{m}</li> }).collect_view()}
                {node.notes.iter().map(|n| view! { <li class="note">{n.clone()}</li> }).collect_view()}
            </ul>
            {move || open().then(|| view! { <EntryForm bd=bd index=index editing=editing /> })}
        </li>
    }
}
