//! The proposed plan, to check before anything is created: its title and
//! year, how much will be made, every area, 要点 and work item with what
//! was read from it and what it lacks, the paragraphs passed over, and
//! where confirming puts it.

use crate::format::breakdown::Proposal;
use crate::ui::breakdown::confirm::BreakdownConfirm;
use crate::ui::breakdown::entry::{BreakdownEntry, Row};
use crate::ui::breakdown::state::Breakdown;
use leptos::prelude::*;

/// Entries drawn at once.
const PAGE: usize = 200;

/// Each entry's depth in the tree (its parents are always earlier).
fn depths(p: &Proposal) -> Vec<usize> {
    let mut depth = vec![0usize; p.nodes.len()];
    for (i, n) in p.nodes.iter().enumerate() {
        if let Some(up) = n.parent.filter(|up| *up < i) {
            depth[i] = depth[up] + 1;
        }
    }
    depth
}

#[component]
pub fn BreakdownPreview(bd: Breakdown) -> impl IntoView {
    // The proposal comes in below the paste box: shown, not left below
    // the fold.
    let section = NodeRef::<leptos::html::Section>::new();
    section.on_load(|el| el.scroll_into_view());
    // The entry whose form is open, if any: one at a time.
    let editing = RwSignal::new(None::<usize>);
    // A long document is shown a page of entries at a time, so drawing it
    // never holds the page up; 只看缺项 narrows it to what needs a look.
    let page = RwSignal::new(0usize);
    let marked_only = RwSignal::new(false);
    let shown = move || {
        let only = marked_only.get();
        bd.proposal.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                (0..p.nodes.len())
                    .filter(|&i| !only || !p.nodes[i].missing.is_empty())
                    .collect::<Vec<usize>>()
            })
        })
    };
    let pages = move || shown().len().div_ceil(PAGE).max(1);
    let rows = move || {
        let at = page.get().min(pages() - 1);
        let indices = shown();
        bd.proposal.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let depth = depths(p);
            indices
                .iter()
                .skip(at * PAGE)
                .take(PAGE)
                .map(|&i| Row::new(i, depth[i], &p.nodes[i]))
                .collect::<Vec<_>>()
        })
    };
    let pager = move || {
        let n = pages();
        let at = page.get().min(n - 1);
        let total = shown().len();
        (n > 1).then(|| view! {
            <div class="breakdown-pager" data-testid="breakdown-pager">
                <button disabled=move || at == 0 on:click=move |_| page.set(at.saturating_sub(1))>"上一页"</button>
                <span>{format!("第 {}–{} 条，共 {total} 条", at * PAGE + 1, ((at + 1) * PAGE).min(total))}</span>
                <button data-testid="breakdown-next-page" disabled=move || { at + 1 >= n } on:click=move |_| page.set(at + 1)>"下一页"</button>
            </div>
        })
    };
    let set_year = move |e: leptos::ev::Event| {
        let typed = event_target_value(&e);
        match typed.trim().parse::<i32>() {
            Ok(y) if (2000..=2100).contains(&y) => {
                bd.proposal.update(|p| {
                    if let Some(p) = p {
                        p.set_year(y)
                    }
                });
            }
            // Shown back as it was; the field says what it takes.
            _ => bd.proposal.update(|_| {}),
        }
    };
    let passed = move || {
        bd.proposal
            .with(|p| p.as_ref().map(|p| p.passed.clone()).unwrap_or_default())
    };
    view! {
        <section class="breakdown-preview" data-testid="breakdown-preview" node_ref=section>
            <h3>"生成预览"</h3>
            <div class="breakdown-plan-fields">
                <label>"计划名称"
                    <input data-testid="breakdown-title" size="32"
                        prop:value=move || bd.proposal.with(|p| p.as_ref().map(|p| p.title.clone()).unwrap_or_default())
                        on:change=move |e| {
                            let t = event_target_value(&e);
                            bd.proposal.update(|p| if let Some(p) = p {
                                if !t.trim().is_empty() { p.title = t.trim().to_string(); }
                            });
                        } />
                </label>
                <label>"年度"
                    <input data-testid="breakdown-year" type="number" min="2000" max="2100" step="1"
                        prop:value=move || bd.proposal.with(|p| p.as_ref().map(|p| p.year.to_string()).unwrap_or_default())
                        on:change=set_year />
                </label>
                <span class="hint">{move || bd.proposal.with(|p| p.as_ref().map(|p| format!("年度取自：{}", p.year_from)).unwrap_or_default())}</span>
            </div>
            <p class="breakdown-summary" data-testid="breakdown-summary">
                {move || bd.proposal.with(|p| p.as_ref().map(Proposal::summary).unwrap_or_default())}
            </p>
            <label class="breakdown-filter">
                <input type="checkbox" data-testid="breakdown-marked-only"
                    prop:checked=move || marked_only.get()
                    on:change=move |e| { marked_only.set(event_target_checked(&e)); page.set(0); } />
                "只看缺少牵头单位或完成时限的事项"
            </label>
            {pager}
            <ol class="breakdown-tree">
                <For each=rows key=|r: &Row| r.key.clone() let:row>
                    <BreakdownEntry bd=bd row=row editing=editing />
                </For>
            </ol>
            {pager}
            <details class="breakdown-passed">
                <summary>{move || format!("未作为任务的段落（{} 段）", passed().len())}</summary>
                <ul>
                    {move || passed().into_iter().map(|x| view! {
                        <li><span class="line-no">{format!("第 {} 行", x.line)}</span>" "{x.text}<span class="why">{format!("：{}", x.why)}</span></li>
                    }).collect_view()}
                </ul>
            </details>
            <BreakdownConfirm bd=bd />
        </section>
    }
}
