//! The app: loads the stored plan once, provides the state, saves every
//! change (see `saving`), follows other windows' writes, and lays out the
//! shell around the current page.

use crate::model::plan::Plan;
use crate::model::sample::sample_plan;
use crate::store::{self, local, Loaded, Synced, PLAN_KEY};
use crate::ui::clock::{today, watch_day};
use crate::ui::data::page::DataPage;
use crate::ui::ledger::page::LedgerPage;
use crate::ui::saving;
use crate::ui::shell::alerts::Alerts;
use crate::ui::shell::confirm_dialog::ConfirmDialog;
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
        // Data from an older version is written again in this one by the
        // first save, which treats it as not yet synced.
        Loaded::Plan { plan, current } => {
            let synced = current.then(|| plan.clone());
            (plan, None, synced)
        }
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

#[component]
pub fn App() -> impl IntoView {
    let today = today();
    let Start {
        plan,
        damage,
        message,
        synced,
    } = start(today.date.year());
    let state = AppState::new(plan, today, damage, synced, message);
    state.page.set(Page::from_hash(&current_hash()));
    provide_context(state);
    saving::install(state);
    watch_day(state.today);

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
                <ConfirmDialog />
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
