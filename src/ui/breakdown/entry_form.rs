//! Correcting one proposed entry before anything is created: its title,
//! level, lead and cooperating units, leader and deadline. Only what was
//! changed is applied; what could not be read is said, and the rest kept.

use crate::format::breakdown::{Correction, Level, Proposal};
use crate::ui::breakdown::state::{registry, Breakdown};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The form's fields, as the entry has them.
#[derive(Clone, PartialEq, Default)]
struct Fields {
    title: String,
    level: String,
    lead: String,
    support: String,
    leader: String,
    deadline: String,
}

fn fields_of(p: &Proposal, i: usize) -> Fields {
    let Some(n) = p.nodes.get(i) else {
        return Fields::default();
    };
    Fields {
        title: n.title.clone(),
        level: n.level.key().to_string(),
        lead: n
            .lead
            .as_ref()
            .map(|u| u.written.clone())
            .unwrap_or_default(),
        support: n
            .support
            .iter()
            .map(|u| u.written.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        leader: n.leader.clone(),
        deadline: n.deadline_text.clone(),
    }
}

fn level_of(key: &str) -> Level {
    match key {
        "area" => Level::Area,
        "group" => Level::Group,
        _ => Level::Item,
    }
}

/// The corrections that turn `was` into `now`.
fn corrections(was: &Fields, now: &Fields) -> Vec<Correction> {
    let mut out = Vec::new();
    if now.level != was.level {
        out.push(Correction::Level(level_of(&now.level)));
    }
    if now.title.trim() != was.title {
        out.push(Correction::Title(now.title.clone()));
    }
    if now.lead.trim() != was.lead {
        out.push(Correction::Lead(now.lead.clone()));
    }
    if now.support.trim() != was.support {
        out.push(Correction::Support(now.support.clone()));
    }
    if now.leader.trim() != was.leader {
        out.push(Correction::Leader(now.leader.clone()));
    }
    if now.deadline.trim() != was.deadline {
        out.push(Correction::Deadline(now.deadline.clone()));
    }
    out
}

#[component]
pub fn EntryForm(bd: Breakdown, index: usize, editing: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_app();
    let was = bd
        .proposal
        .with_untracked(|p| p.as_ref().map(|p| fields_of(p, index)).unwrap_or_default());
    let form = RwSignal::new(was.clone());
    let error = bd.edit_error;
    // Unit names offered while typing: the plan's and those proposed.
    let names: Vec<String> = {
        let mut names: Vec<String> = registry(state).into_iter().map(|u| u.name).collect();
        bd.proposal.with_untracked(|p| {
            if let Some(p) = p {
                names.extend(p.new_units.iter().map(|u| u.name.clone()));
            }
        });
        names
    };
    let list_id = format!("breakdown-units-{index}");
    let save = move || {
        let now = form.get_untracked();
        let list = corrections(&was, &now);
        let units = registry(state);
        let mut problems = Vec::new();
        error.set(None);
        bd.proposal.update(|p| {
            if let Some(p) = p {
                for c in list {
                    if let Err(e) = p.correct(index, c, &units) {
                        problems.push(e);
                    }
                }
            }
        });
        if problems.is_empty() {
            editing.set(None);
        } else {
            error.set(Some(problems.join("；")));
        }
    };
    let field = move |label: &'static str,
                      testid: &'static str,
                      get: fn(&Fields) -> String,
                      put: fn(&mut Fields, String),
                      list: Option<String>| {
        view! {
            <label>
                <span>{label}</span>
                <input data-testid=testid list=list
                    prop:value=move || form.with(get)
                    on:input=move |e| { let v = event_target_value(&e); form.update(|f| put(f, v)); } />
            </label>
        }
    };
    view! {
        <form class="breakdown-form" data-testid="breakdown-form"
            on:submit=move |e| { e.prevent_default(); save(); }>
            {field("名称", "breakdown-edit-title", |f| f.title.clone(), |f, v| f.title = v, None)}
            <label>
                <span>"层级"</span>
                <select data-testid="breakdown-edit-level"
                    prop:value=move || form.with(|f| f.level.clone())
                    on:change=move |e| { let v = event_target_value(&e); form.update(|f| f.level = v); }>
                    <option value="area">"领域"</option>
                    <option value="group">"要点"</option>
                    <option value="item">"工作事项"</option>
                </select>
            </label>
            {field("牵头单位", "breakdown-edit-lead", |f| f.lead.clone(), |f, v| f.lead = v, Some(list_id.clone()))}
            {field("配合单位（用顿号分隔）", "breakdown-edit-support", |f| f.support.clone(), |f, v| f.support = v, None)}
            {field("责任领导", "breakdown-edit-leader", |f| f.leader.clone(), |f, v| f.leader = v, None)}
            {field("完成时限（如 6月底前、2026年9月30日、每季度、长期坚持）", "breakdown-edit-deadline", |f| f.deadline.clone(), |f, v| f.deadline = v, None)}
            <datalist id=list_id>
                {names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="breakdown-edit-error">{e}</p> })}
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="breakdown-edit-save">"确定"</button>
                <button type="button" data-testid="breakdown-edit-cancel" on:click=move |_| editing.set(None)>"取消"</button>
            </div>
        </form>
    }
}
