//! The app: loads the stored plan once, provides the state, saves every
//! change (as `store::decide_save` allows), and lays out the shell around
//! the current page.

use crate::model::plan::Plan;
use crate::model::sample::sample_plan;
use crate::store::{self, local, Loaded, SaveDecision, Synced, PLAN_KEY};
use crate::ui::clock::{now_iso, today};
use crate::ui::data::page::DataPage;
use crate::ui::ledger::page::LedgerPage;
use crate::ui::shell::alerts::Alerts;
use crate::ui::shell::damage_panel::DamagePanel;
use crate::ui::shell::header::AppHeader;
use crate::ui::state::{AppState, Page};
use chrono::Datelike;
use leptos::prelude::*;

/// What start-up found: the plan to show, damage to resolve, a message, and
/// what storage was seen to hold (`None` if it could not be read).
struct Start {
    plan: Plan,
    damage: Option<store::Damage>,
    message: Option<String>,
    synced: Option<Synced>,
}

fn start(year: i32) -> Start {
    let raw = match local::read_plan() {
        Ok(raw) => raw,
        Err(e) => {
            return Start {
                plan: sample_plan(year),
                damage: None,
                message: Some(store::read_failure_message(&e)),
                synced: None,
            }
        }
    };
    let text = raw.clone();
    let (plan, damage, synced_plan) = match store::interpret(raw) {
        Loaded::Nothing => (sample_plan(year), None, None),
        Loaded::Plan(p) => (p.clone(), None, Some(p)),
        Loaded::Damaged(d) => (
            d.plan.clone().unwrap_or_else(|| Plan::empty(year)),
            Some(d),
            None,
        ),
    };
    Start {
        plan,
        damage,
        message: None,
        synced: Some(Synced {
            plan: synced_plan,
            text,
        }),
    }
}

/// Writes the plan if `decide_save` allows; reports failures and conflicts.
fn save(state: AppState) {
    if state.damage.with_untracked(Option::is_some) || state.external_change.get_untracked() {
        return; // the user has a decision to make first
    }
    if state.synced.with_value(Option::is_none) {
        return; // storage was unreadable at start; its message stays up
    }
    let stored_now = match local::read_plan() {
        Ok(t) => t,
        Err(e) => return state.save_error.set(Some(e.to_string())),
    };
    let decision = state.plan.with_untracked(|p| {
        state
            .synced
            .with_value(|s| store::decide_save(p, s.as_ref(), stored_now.as_deref(), &now_iso()))
    });
    match decision {
        SaveDecision::Unchanged | SaveDecision::Blocked => {}
        SaveDecision::Conflict => state.external_change.set(true),
        SaveDecision::Adopt => state.synced.set_value(Some(Synced {
            plan: Some(state.plan.get_untracked()),
            text: stored_now,
        })),
        SaveDecision::Write(text) => match local::write_plan_text(&text) {
            Ok(()) => {
                state.synced.set_value(Some(Synced {
                    plan: Some(state.plan.get_untracked()),
                    text: Some(text),
                }));
                if state.save_error.with_untracked(Option::is_some) {
                    state.save_error.set(None);
                }
            }
            Err(e) => state.save_error.set(Some(e.to_string())),
        },
    }
}

#[component]
pub fn App() -> impl IntoView {
    let today = today();
    let Start {
        plan,
        damage,
        message,
        synced,
    } = start(today.date.year());
    let state = AppState {
        plan: RwSignal::new(plan),
        today: StoredValue::new(today),
        damage: RwSignal::new(damage),
        save_error: RwSignal::new(message),
        external_change: RwSignal::new(false),
        page: RwSignal::new(Page::from_hash(&current_hash())),
        synced: StoredValue::new(synced),
    };
    provide_context(state);

    // Every change to the plan is saved.
    Effect::new(move |_| {
        state.plan.track();
        save(state);
    });

    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.page.set(Page::from_hash(&current_hash()));
    });
    let storage_listener = window_event_listener(leptos::ev::storage, move |e| {
        // No key means another tab cleared all storage.
        if e.key().is_some_and(|k| k != PLAN_KEY) {
            return;
        }
        // Another tab writing the very plan shown here is no conflict, unless
        // this tab still has damaged data to decide about.
        let text = e.new_value();
        let deciding = state.damage.with_untracked(Option::is_some);
        let same = state
            .plan
            .with_untracked(|mine| store::holds(text.as_deref(), mine));
        if same && !deciding {
            state.synced.set_value(Some(Synced {
                plan: Some(state.plan.get_untracked()),
                text,
            }));
        } else {
            state.external_change.set(true);
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
