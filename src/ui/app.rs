//! The app: loads the stored plan once, provides the state, saves every
//! change, and lays out the shell around the current page.

use crate::model::plan::Plan;
use crate::model::sample::sample_plan;
use crate::store::{self, local, Loaded, PLAN_KEY};
use crate::ui::clock::{now_iso, today};
use crate::ui::data::page::DataPage;
use crate::ui::ledger::page::LedgerPage;
use crate::ui::shell::alerts::Alerts;
use crate::ui::shell::damage_panel::DamagePanel;
use crate::ui::shell::header::AppHeader;
use crate::ui::state::{AppState, Page};
use chrono::Datelike;
use leptos::prelude::*;

/// What to show first, from what storage holds: the plan, damage to
/// resolve, a read error, and the plan as stored (when it loaded cleanly).
type Initial = (Plan, Option<store::Damage>, Option<String>, Option<Plan>);

fn initial_state(year: i32) -> Initial {
    match local::read_plan() {
        Err(e) => (sample_plan(year), None, Some(e.to_string()), None),
        Ok(raw) => match store::interpret(raw) {
            Loaded::Nothing => (sample_plan(year), None, None, None),
            Loaded::Plan(p) => (p.clone(), None, None, Some(p)),
            Loaded::Damaged(d) => (
                d.plan.clone().unwrap_or_else(|| Plan::empty(year)),
                Some(d),
                None,
                None,
            ),
        },
    }
}

#[component]
pub fn App() -> impl IntoView {
    let today = today();
    let (plan, damage, read_error, saved) = initial_state(today.date.year());
    let state = AppState {
        saved: StoredValue::new(saved),
        plan: RwSignal::new(plan),
        today: StoredValue::new(today),
        damage: RwSignal::new(damage),
        save_error: RwSignal::new(read_error),
        external_change: RwSignal::new(false),
        page: RwSignal::new(Page::from_hash(&current_hash())),
    };
    provide_context(state);

    // Save every change. Damaged stored data is never written over, and a
    // change from another tab pauses saving until the user decides.
    Effect::new(move |_| {
        let unchanged = state
            .plan
            .with(|p| state.saved.with_value(|s| s.as_ref() == Some(p)));
        if unchanged
            || state.damage.with_untracked(Option::is_some)
            || state.external_change.get_untracked()
        {
            return;
        }
        let text = state
            .plan
            .with_untracked(|p| store::serialize(p, &now_iso()));
        match local::write_plan_text(&text) {
            Ok(()) => {
                state.saved.set_value(Some(state.plan.get_untracked()));
                if state.save_error.with_untracked(Option::is_some) {
                    state.save_error.set(None);
                }
            }
            Err(e) => state.save_error.set(Some(e.to_string())),
        }
    });

    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.page.set(Page::from_hash(&current_hash()));
    });
    let storage_listener = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() != Some(PLAN_KEY) {
            return;
        }
        // Another tab writing the very plan shown here is no conflict.
        match store::interpret(e.new_value()) {
            Loaded::Plan(p) if state.plan.with_untracked(|mine| *mine == p) => {
                state.saved.set_value(Some(p));
            }
            _ => state.external_change.set(true),
        }
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
    });

    view! {
        <div class="app">
            <AppHeader />
            <main class="page">
                <Alerts />
                <DamagePanel />
                {move || match state.page.get() {
                    Page::Ledger => view! { <LedgerPage /> }.into_any(),
                    Page::Data => view! { <DataPage /> }.into_any(),
                }}
            </main>
        </div>
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
