//! Search, filters and sort above the ledger. They live in `state.nav.query()`
//! and in the page address (`#/ledger?q=…&unit=…`), so a view can be
//! bookmarked, reloaded and sent to a colleague.

use crate::model::date::{format_date, parse_date};
use crate::model::query::{
    status_key, Query, Sort, SortKey, UnitRole, LEVELS, NO_AREA_KEY, STATUSES,
};
use crate::ui::state::{hash_query, use_app, AppState};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Changes the query and writes it into the address of the page showing it
/// (the ledger or the Gantt) without adding a step to the browser's history
/// for every keystroke.
pub fn set_query(state: AppState, change: impl FnOnce(&mut Query)) {
    state.nav.change_query(change);
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let mut rest = state
        .nav
        .query()
        .with_untracked(|q| q.replace_in_address(hash_query(&hash)));
    // The view names its plan, so a bookmark opens the same plan's view.
    let has_plan = form_urlencoded::parse(rest.as_bytes()).any(|(k, _)| k == "plan");
    if !has_plan && !rest.is_empty() {
        let id = state.doc.plan().with_untracked(|p| p.id.clone());
        let pair: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("plan", &id)
            .finish();
        rest = format!("{rest}&{pair}");
    }
    let page = if hash.starts_with("#/gantt") {
        "#/gantt"
    } else {
        "#/ledger"
    };
    let next = if rest.is_empty() {
        page.to_string()
    } else {
        format!("{page}?{rest}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next));
    }
}

/// `Some(value)` unless blank.
fn chosen(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

/// `sortable`: whether to offer the sort (the Gantt keeps the outline's
/// order, so it has none).
#[component]
pub fn FilterBar(#[prop(default = true)] sortable: bool) -> impl IntoView {
    let state = use_app();
    let q = state.nav.query();
    let choices = Memo::new(move |_| {
        state.doc.plan().with(|p| {
            let leaders: BTreeSet<String> = p
                .tasks
                .iter()
                .map(|t| t.leader.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let tags: BTreeSet<String> = p
                .tasks
                .iter()
                .flat_map(|t| t.tags.iter().cloned())
                .collect();
            let mut areas = p.areas.clone();
            crate::model::sorting::sort_by_key(&mut areas, |a| a.order);
            (areas, p.units.clone(), leaders, tags)
        })
    });
    let option = |value: String, label: String, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    view! {
        <div class="filter-bar" role="search">
            <input type="search" data-testid="search" class="search" placeholder="搜索任务、单位、领导、进展（支持拼音和首字母，如 zzb）"
                prop:value=move || q.with(|q| q.text.clone())
                on:input=move |e| { let v = event_target_value(&e); set_query(state, |q| q.text = v); } />
            <select data-testid="filter-area" aria-label="领域" prop:value=move || q.with(|q| q.areas.first().cloned().unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.areas = chosen(v).into_iter().collect()); }>
                <option value="">"全部领域"</option>
                {move || choices.with(|(areas, ..)| areas.iter().map(|a| option(a.id.clone(), a.name.clone(), q.with_untracked(|q| q.areas.first() == Some(&a.id)))).collect_view())}
                {move || option(NO_AREA_KEY.into(), "未分领域".into(), q.with(|q| q.areas.first().map(String::as_str) == Some(NO_AREA_KEY)))}
            </select>
            <select data-testid="filter-unit" aria-label="单位" prop:value=move || q.with(|q| q.unit.clone().unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.unit = chosen(v)); }>
                <option value="">"全部单位"</option>
                {move || choices.with(|(_, units, ..)| units.iter().map(|u| option(u.id.clone(), u.name.clone(), q.with_untracked(|q| q.unit.as_deref() == Some(u.id.as_str())))).collect_view())}
            </select>
            <select data-testid="filter-role" aria-label="单位角色" prop:value=move || q.with(|q| q.unit_role.key()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.unit_role = UnitRole::from_key(&v).unwrap_or_default()); }>
                {UnitRole::ALL.into_iter().map(|r| option(r.key().into(), r.label().into(), q.with_untracked(|q| q.unit_role == r))).collect_view()}
            </select>
            <select data-testid="filter-leader" aria-label="责任领导" prop:value=move || q.with(|q| q.leader.clone().unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.leader = chosen(v)); }>
                <option value="">"全部领导"</option>
                {move || choices.with(|(_, _, leaders, _)| leaders.iter().map(|l| option(l.clone(), l.clone(), q.with_untracked(|q| q.leader.as_deref() == Some(l.as_str())))).collect_view())}
            </select>
            <select data-testid="filter-level" aria-label="灯色" prop:value=move || q.with(|q| q.levels.first().map(|l| l.key()).unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.levels = LEVELS.into_iter().filter(|l| l.key() == v).collect()); }>
                <option value="">"全部灯色"</option>
                {LEVELS.into_iter().map(|l| option(l.key().into(), l.label().into(), q.with_untracked(|q| q.levels.first() == Some(&l)))).collect_view()}
            </select>
            <select data-testid="filter-status" aria-label="状态" prop:value=move || q.with(|q| q.statuses.first().map(|s| status_key(*s)).unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.statuses = STATUSES.into_iter().filter(|s| status_key(*s) == v).collect()); }>
                <option value="">"全部状态"</option>
                {STATUSES.into_iter().map(|s| option(status_key(s).into(), s.label().into(), q.with_untracked(|q| q.statuses.first() == Some(&s)))).collect_view()}
            </select>
            <select data-testid="filter-tag" aria-label="专项" prop:value=move || q.with(|q| q.tag.clone().unwrap_or_default()) on:change=move |e| { let v = event_target_value(&e); set_query(state, |q| q.tag = chosen(v)); }>
                <option value="">"全部专项"</option>
                {move || choices.with(|(.., tags)| tags.iter().map(|t| option(t.clone(), t.clone(), q.with_untracked(|q| q.tag.as_deref() == Some(t.as_str())))).collect_view())}
            </select>
            <label class="check">
                <input type="checkbox" data-testid="filter-key" prop:checked=move || q.with(|q| q.key_only)
                    on:change=move |e| { let v = event_target_checked(&e); set_query(state, |q| q.key_only = v); } />
                "仅重点任务"
            </label>
            <label class="range">"时限"
                <input type="date" data-testid="filter-due-from" aria-label="完成时限从" prop:value=move || q.with(|q| q.due_from.map(format_date).unwrap_or_default())
                    on:change=move |e| { let v = parse_date(&event_target_value(&e)).ok(); set_query(state, |q| q.due_from = v); } />
                "至"
                <input type="date" data-testid="filter-due-to" aria-label="完成时限至" prop:value=move || q.with(|q| q.due_to.map(format_date).unwrap_or_default())
                    on:change=move |e| { let v = parse_date(&event_target_value(&e)).ok(); set_query(state, |q| q.due_to = v); } />
            </label>
            {sortable.then(|| view! {
                <select data-testid="sort" aria-label="排序" prop:value=move || q.with(|q| q.sort.map(|s| s.key.key()).unwrap_or_default()) on:change=move |e| {
                    let v = event_target_value(&e);
                    set_query(state, |q| q.sort = SortKey::from_key(&v).map(|key| Sort { key, descending: q.sort.is_some_and(|s| s.descending) }));
                }>
                    <option value="">"按层级排列"</option>
                    {SortKey::ALL.into_iter().map(|k| option(k.key().into(), format!("按{}排序", k.label()), q.with_untracked(|q| q.sort.map(|s| s.key) == Some(k)))).collect_view()}
                </select>
                <label class="check">
                    <input type="checkbox" data-testid="sort-desc" prop:checked=move || q.with(|q| q.sort.is_some_and(|s| s.descending))
                        on:change=move |e| { let v = event_target_checked(&e); set_query(state, |q| if let Some(s) = q.sort.as_mut() { s.descending = v }); } />
                    "倒序"
                </label>
            })}
            <Show when=move || !q.with(Query::is_empty)>
                <button data-testid="clear-filters" on:click=move |_| set_query(state, |q| *q = Query::default())>"清除筛选"</button>
            </Show>
        </div>
        {move || state.nav.query_problems().with(|p| (!p.is_empty()).then(|| view! {
            <div class="alert alert-warn" data-testid="query-problems">{p.join("；")}</div>
        }))}
    }
}
