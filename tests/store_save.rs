//! The rule for when a changed plan may be written to storage, and how it
//! is written: packed and stamped, another tab's write told by the stamp.

mod common;

use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use luoshi::store::backend::{Backend, MemoryStorage};
use luoshi::store::repo::{read_value, SaveOutcome};
use luoshi::store::stored::{self, Seen};
use luoshi::store::{holds, serialize, Loaded, Repo, Synced};

const AT: &str = "2026-06-30T08:00:00Z";
const KEY: &str = "luoshi.plan";

fn synced(plan: Option<&Plan>, seen: Seen) -> Synced {
    Synced {
        plan: plan.cloned(),
        seen,
    }
}

/// Saves `plan` as a first run would and returns what the tab then knows.
fn saved(repo: &Repo<&MemoryStorage>, plan: &Plan) -> Synced {
    match repo.save(KEY, plan, Some(&Synced::default()), AT) {
        SaveOutcome::Written { seen, .. } => synced(Some(plan), seen),
        other => panic!("expected a write, got {other:?}"),
    }
}

#[test]
fn first_run_with_nothing_stored_writes_the_plan_packed_and_stamped() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    let s = saved(&repo, &plan);
    let value = mem.get(KEY).unwrap().unwrap();
    assert!(value.starts_with(stored::STAMP_PREFIX));
    let Seen::Stamp(stamp) = &s.seen else {
        panic!("a written plan is seen by its stamp")
    };
    assert_eq!(stored::stamp_of(&value), Some(stamp.as_str()));
    let json = serialize(&plan, AT).unwrap();
    assert_eq!(stored::decode(&value).unwrap(), json);
    // Packed: far smaller than the JSON it holds.
    assert!(value.encode_utf16().count() * 4 < json.encode_utf16().count());
    match read_value(Some(value)).0 {
        Loaded::Plan {
            plan: back,
            current,
        } => {
            assert!(current);
            assert_eq!(back, plan);
        }
        other => panic!("the stored plan reads back: {other:?}"),
    }
}

#[test]
fn plan_equal_to_what_was_synced_is_not_written_again() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    let s = saved(&repo, &plan);
    let writes = mem.writes();
    assert_eq!(repo.save(KEY, &plan, Some(&s), AT), SaveOutcome::Unchanged);
    assert_eq!(mem.writes(), writes);
}

#[test]
fn changed_plan_over_unchanged_storage_is_written_with_a_new_stamp() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let s = saved(&repo, &sample_plan(2026));
    let new = Plan::empty(2026);
    match repo.save(KEY, &new, Some(&s), AT) {
        SaveOutcome::Written { seen, .. } => assert_ne!(seen, s.seen),
        other => panic!("expected a write, got {other:?}"),
    }
}

#[test]
fn storage_changed_by_another_tab_is_a_conflict_not_a_write() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let s = saved(&repo, &sample_plan(2026));
    // Another tab writes another plan under the key.
    let json = serialize(&Plan::empty(2025), AT).unwrap();
    mem.set(KEY, &stored::encode("other-tab", &json)).unwrap();
    let other = synced(None, Seen::Stamp("other-tab".into()));
    let before = mem.snapshot();
    let mine = Plan::empty(2026);
    assert_eq!(repo.save(KEY, &mine, Some(&s), AT), SaveOutcome::Conflict);
    assert_eq!(mem.snapshot(), before, "nothing written");
    // Another tab clearing the key is a change too.
    mem.remove(KEY).unwrap();
    assert_eq!(
        repo.save(KEY, &mine, Some(&other), AT),
        SaveOutcome::Conflict
    );
}

#[test]
fn another_tab_is_noticed_by_the_stamp_alone() {
    // The same packed text under a new stamp is another tab's write: the
    // stamp is what is compared, not the text.
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    let s = saved(&repo, &plan);
    let json = serialize(&plan, AT).unwrap();
    mem.set(KEY, &stored::encode("another-tab", &json)).unwrap();
    assert!(repo.changed_since(KEY, &s.seen).unwrap());
    assert!(!repo
        .changed_since(KEY, &Seen::Stamp("another-tab".into()))
        .unwrap());
}

#[test]
fn unreadable_storage_blocks_every_write() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    assert_eq!(repo.save(KEY, &plan, None, AT), SaveOutcome::Blocked);
    assert_eq!(mem.writes(), 0);
}

#[test]
fn damaged_text_set_aside_is_replaced_once_acknowledged() {
    // A damaged load syncs the raw text but no plan: a chosen plan may then
    // be written over exactly that text, and nothing else.
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    mem.set(KEY, "{broken").unwrap();
    let s = synced(None, Seen::of(Some("{broken")));
    let plan = Plan::empty(2026);
    assert!(matches!(
        repo.save(KEY, &plan, Some(&s), AT),
        SaveOutcome::Written { .. }
    ));
    mem.set(KEY, "{other").unwrap();
    assert_eq!(repo.save(KEY, &plan, Some(&s), AT), SaveOutcome::Conflict);
}

#[test]
fn another_tab_having_written_this_very_plan_is_adopted_not_a_conflict() {
    // Two tabs opened on a first run: both show the sample, one saves first.
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    let theirs = saved(&repo, &plan);
    assert_eq!(
        repo.save(KEY, &plan, Some(&Synced::default()), AT),
        SaveOutcome::Adopt(theirs.seen)
    );
}

#[test]
fn a_full_quota_is_reported_and_the_stored_plan_kept() {
    let mem = MemoryStorage::with_quota(40_000);
    let repo = Repo::new(&mem);
    let small = Plan::empty(2026);
    let s = saved(&repo, &small);
    let before = mem.snapshot();
    let mut big = small.clone();
    // Random ids: text that does not compress away.
    big.issuer = (0..12_000).map(|_| luoshi::model::id::new_id()).collect();
    assert_eq!(
        repo.save(KEY, &big, Some(&s), AT),
        SaveOutcome::Failed(luoshi::store::SaveError::Quota)
    );
    assert_eq!(mem.snapshot(), before);
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
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let first = sample_plan(2026);
    let second = sample_plan(2026);
    let theirs = saved(&repo, &first);
    let fresh = Synced::default();
    assert_eq!(
        repo.save(KEY, &second, Some(&fresh), AT),
        SaveOutcome::Yield(Box::new(first), theirs.seen)
    );
    // Once the second tab's plan is changed, it is its own: a conflict.
    let mut edited = second.clone();
    edited.revision = 1;
    assert_eq!(
        repo.save(KEY, &edited, Some(&fresh), AT),
        SaveOutcome::Conflict
    );
}

#[test]
fn a_plan_stored_plain_by_an_older_version_is_read_and_rewritten_packed() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let plan = sample_plan(2026);
    let json = serialize(&plan, AT).unwrap();
    mem.set(KEY, &json).unwrap();
    let (list, _) = repo.start().unwrap();
    let entry = list.current_entry().unwrap().clone();
    let opened = repo
        .open(&entry, 2026, AT)
        .unwrap()
        .opened()
        .expect("read whole");
    assert_eq!(opened.plan, plan);
    assert!(opened.damage.is_none());
    // Not synced as a plan: the first save rewrites it in the packed form.
    assert_eq!(opened.synced.plan, None);
    assert_eq!(opened.synced.seen, Seen::Text(json));
    assert!(matches!(
        repo.save(KEY, &plan, Some(&opened.synced), AT),
        SaveOutcome::Written { .. }
    ));
    assert!(mem
        .get(KEY)
        .unwrap()
        .unwrap()
        .starts_with(stored::STAMP_PREFIX));
}
