//! Starting a plan's registries from another plan: the units and areas of
//! any other plan of the list (last year's, most often) or of the sample,
//! merged by name into what the plan has (`model::registry_intake`), as one
//! undoable edit. The other plan is read through the storage repository,
//! never opened.

use crate::model::registry_intake::copy_registries;
use crate::model::sample::sample_plan;
use crate::ui::persistence::plans::read_other;
use crate::ui::state::use_app;
use chrono::Datelike;
use leptos::prelude::*;

/// The select's value for the sample plan (plan ids are never empty).
const SAMPLE: &str = "";

/// A choice of plan and the button that copies its units and areas.
#[component]
pub fn CopyRegistry() -> impl IntoView {
    let state = use_app();
    // The other plans, the latest year first: last year's is the likeliest.
    let others = Memo::new(move |_| {
        let current = state.doc.plan().with(|p| p.id.clone());
        let mut list: Vec<(String, String, i32)> = state.storage.plans().with(|l| {
            l.plans
                .iter()
                .filter(|e| e.id != current && e.pending.is_none())
                .map(|e| (e.id.clone(), e.title.clone(), e.year))
                .collect()
        });
        crate::model::sorting::sort_by_key(&mut list, |(_, _, year)| std::cmp::Reverse(*year));
        list
    });
    let picked = RwSignal::new(None::<String>);
    let choice = move || {
        picked.get().unwrap_or_else(|| {
            others.with(|o| {
                o.first()
                    .map_or(SAMPLE.to_string(), |(id, _, _)| id.clone())
            })
        })
    };
    let message = RwSignal::new(None::<String>);
    let copy_from = move |source: Result<crate::model::plan::Plan, String>| {
        let source = match source {
            Ok(p) => p,
            Err(e) => return message.set(Some(format!("未能读取该计划：{e}"))),
        };
        let copy = state
            .doc
            .plan()
            .with_untracked(|p| copy_registries(p, &source));
        let done = copy.message(&source.title);
        if let Some(op) = copy.op {
            let label = format!("从“{}”复制单位和领域", source.title);
            if let Err(e) = state.edit(op, label) {
                return message.set(Some(format!("未能复制：{e}")));
            }
        }
        message.set(Some(done));
    };
    let copy = move |_| {
        let from = choice();
        // The other plan may be read by the worker: what it gives is copied
        // only into the plan that was on screen when asked.
        let into = state.doc.plan().with_untracked(|p| p.id.clone());
        leptos::task::spawn_local(async move {
            let source = if from == SAMPLE {
                Ok(sample_plan(state.today.with_untracked(|t| t.date.year())))
            } else {
                read_other(state, &from).await
            };
            if state.doc.plan().with_untracked(|p| p.id == into) {
                copy_from(source);
            }
        });
    };
    view! {
        <div class="registry-intake-part" data-testid="copy-registry-panel">
            <h4>"从其他计划复制单位和领域"</h4>
            <p class="hint">"本计划已有的单位、领域（按名称）不会重复添加；复制后可点击“撤销”。"</p>
            <div class="field-row">
                <select data-testid="copy-registry-source" aria-label="复制来源"
                    on:change=move |e| picked.set(Some(event_target_value(&e)))>
                    {move || others.get().into_iter().map(|(id, title, _)| {
                        let this = id.clone();
                        view! { <option value=id selected=move || choice() == this>{title}</option> }
                    }).collect_view()}
                    <option value=SAMPLE selected=move || choice() == SAMPLE>"示例计划（区委工作要点示例）"</option>
                </select>
                <button type="button" data-testid="copy-registry" on:click=copy>"复制单位和领域"</button>
            </div>
            {move || message.get().map(|m| view! {
                <p class="hint" data-testid="copy-registry-result" role="status">{m}</p>
            })}
        </div>
    }
}
