//! The rule for when a changed plan may be written to storage.

mod common;

use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use luoshi::store::{decide_save, holds, serialize, SaveDecision, Synced};

const AT: &str = "2026-06-30T08:00:00Z";

fn synced(plan: Option<&Plan>, text: Option<&str>) -> Synced {
    Synced {
        plan: plan.cloned(),
        text: text.map(str::to_string),
    }
}

#[test]
fn first_run_with_nothing_stored_writes() {
    let plan = sample_plan(2026);
    let d = decide_save(&plan, Some(&Synced::default()), None, AT);
    assert_eq!(d, SaveDecision::Write(serialize(&plan, AT).unwrap()));
}

#[test]
fn plan_equal_to_what_was_synced_is_not_written_again() {
    let plan = sample_plan(2026);
    let text = serialize(&plan, AT).unwrap();
    let s = synced(Some(&plan), Some(&text));
    assert_eq!(
        decide_save(&plan, Some(&s), Some(&text), AT),
        SaveDecision::Unchanged
    );
}

#[test]
fn changed_plan_over_unchanged_storage_is_written() {
    let old = sample_plan(2026);
    let text = serialize(&old, AT).unwrap();
    let s = synced(Some(&old), Some(&text));
    let new = Plan::empty(2026);
    assert_eq!(
        decide_save(&new, Some(&s), Some(&text), AT),
        SaveDecision::Write(serialize(&new, AT).unwrap())
    );
}

#[test]
fn storage_changed_by_another_tab_is_a_conflict_not_a_write() {
    let old = sample_plan(2026);
    let text = serialize(&old, AT).unwrap();
    let s = synced(Some(&old), Some(&text));
    let theirs = serialize(&Plan::empty(2025), AT).unwrap();
    let mine = Plan::empty(2026);
    assert_eq!(
        decide_save(&mine, Some(&s), Some(&theirs), AT),
        SaveDecision::Conflict
    );
    // Another tab clearing the key is a change too.
    assert_eq!(
        decide_save(&mine, Some(&s), None, AT),
        SaveDecision::Conflict
    );
}

#[test]
fn unreadable_storage_blocks_every_write() {
    let plan = sample_plan(2026);
    assert_eq!(decide_save(&plan, None, None, AT), SaveDecision::Blocked);
}

#[test]
fn damaged_text_set_aside_is_replaced_once_acknowledged() {
    // A damaged load syncs the raw text but no plan: a chosen plan may then
    // be written over exactly that text, and nothing else.
    let raw = "{broken";
    let s = synced(None, Some(raw));
    let plan = Plan::empty(2026);
    assert!(matches!(
        decide_save(&plan, Some(&s), Some(raw), AT),
        SaveDecision::Write(_)
    ));
    assert_eq!(
        decide_save(&plan, Some(&s), Some("{other"), AT),
        SaveDecision::Conflict
    );
}

#[test]
fn another_tab_having_written_this_very_plan_is_adopted_not_a_conflict() {
    // Two tabs opened on a first run: both show the sample, one saves first.
    let plan = sample_plan(2026);
    let theirs = serialize(&plan, "2026-06-30T07:59:00Z").unwrap();
    assert_eq!(
        decide_save(&plan, Some(&Synced::default()), Some(&theirs), AT),
        SaveDecision::Adopt
    );
}

#[test]
fn holds_recognises_the_very_plan_written_by_another_tab_and_nothing_else() {
    let plan = sample_plan(2026);
    let theirs = serialize(&plan, "2026-06-30T07:59:00Z").unwrap();
    assert!(holds(Some(&theirs), &plan));
    assert!(!holds(None, &plan));
    // Any change to the plan, however small, is no match.
    let mut other = plan.clone();
    other.tasks[3].title.push('。');
    assert!(!holds(Some(&theirs), &other));
    // Nor is text from another version, or with a field this one would
    // not write (adopting it would drop that field on the next save).
    let older = theirs.replacen("\"version\":3", "\"version\":2", 1);
    assert!(!holds(Some(&older), &plan));
    let extra = theirs.replacen("\"plan\":{", "\"plan\":{\"future\":1,", 1);
    assert!(!holds(Some(&extra), &plan));
    assert!(!holds(Some("{}"), &plan));
}

#[test]
fn two_tabs_opened_on_a_first_run_do_not_conflict_over_their_samples() {
    // Each tab made its own sample (random ids); the first one saved.
    let first = sample_plan(2026);
    let second = sample_plan(2026);
    let stored = serialize(&first, AT).unwrap();
    let fresh = Synced::default();
    assert_eq!(
        decide_save(&second, Some(&fresh), Some(&stored), AT),
        SaveDecision::Yield
    );
    // Once the second tab's plan is changed, it is its own: a conflict.
    let mut edited = second.clone();
    edited.revision = 1;
    assert_eq!(
        decide_save(&edited, Some(&fresh), Some(&stored), AT),
        SaveDecision::Conflict
    );
}
