//! The page reads storage with the fast typed pass alone (`Repo::fast`);
//! what that does not take goes to the worker's thorough restore, whose
//! answer crosses to the page as JSON and is finished here
//! (`store::finish`, `Repo::finish_open`, and the `*_read` operations).
//! That path must give exactly what the thorough reader (`Repo::new`)
//! gives: the same plan, damage, messages, `stored` value, `current` flag,
//! the same backup set aside before an upgrade, and the same storage
//! afterwards.

mod common;

use common::fixture;
use luoshi::format::{json, restore_plan, RestoreError, Restored};
use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use luoshi::store::backend::{Backend, MemoryStorage};
use luoshi::store::plans::{plan_key, rebuild, PlanList, LEGACY_KEY};
use luoshi::store::repo::{read_value, read_value_fast, KeepMine, OpenedPlan, Opening};
use luoshi::store::{self, serialize, stored, Loaded, Repo, Seen, Synced};

const AT: &str = "2026-06-30T08:00:00Z";

/// The worker's thorough restore of `text`, as the page receives it: the
/// result written as JSON by the worker and read by the page's reader.
fn from_worker(text: &str) -> Result<Restored, RestoreError> {
    let answer = serde_json::to_string(&restore_plan(text)).expect("the answer is written");
    json::from_text(&answer).expect("the answer reads").0
}

/// A current plan as this version stores it: packed and stamped.
fn current_value() -> (String, Plan) {
    let plan = sample_plan(2026);
    let text = serialize(&plan, AT).expect("writes");
    (stored::encode("stamp-1", &text), plan)
}

/// The first half of `value`'s characters: a packed value cut off.
fn cut(value: &str) -> String {
    value.chars().take(value.chars().count() / 2).collect()
}

/// What the thorough reader finds in `value`, and the fast reader finishes
/// to, with the worker's answer when it needed one.
fn both_reads(value: &str) -> ((Loaded, Seen), (Loaded, Seen), bool) {
    let thorough = read_value(Some(value.to_string()));
    let (fast, seen) = read_value_fast(Some(value.to_string()));
    let (finished, asked) = match fast {
        Loaded::Unread(u) => {
            let answer = from_worker(&u.raw);
            (store::finish(u, answer), true)
        }
        other => (other, false),
    };
    (thorough, (finished, seen), asked)
}

/// The values the tests store: each kind of stored plan, plain and packed.
fn values() -> Vec<(&'static str, String)> {
    let (packed_current, _) = current_value();
    let mut bad_field = serialize(&sample_plan(2026), AT).expect("writes");
    bad_field = bad_field.replacen("\"due\":\"2026-", "\"due\":\"2026/", 1);
    let unknown = serialize(&sample_plan(2026), AT).expect("writes").replacen(
        "\"title\"",
        "\"新字段\":1,\"title\"",
        1,
    );
    let cut = cut(&packed_current);
    let mut out = vec![
        ("current, packed", packed_current),
        ("damaged task field", bad_field.clone()),
        (
            "damaged task field, packed",
            stored::encode("s-2", &bad_field),
        ),
        ("unknown field", unknown),
        ("packed value that does not unpack", cut),
        (
            "not JSON",
            "{\"format\":\"luoshi/plan\",\"version\":1,".into(),
        ),
        ("empty", String::new()),
    ];
    for name in [
        "v1_valid.json",
        "v2_valid.json",
        "v3_valid.json",
        "v1_bad_date.json",
        "v1_bad_update.json",
        "v1_duplicate_ids.json",
        "v1_missing_id.json",
        "v1_parent_cycle.json",
        "v99_newer.json",
        "wrong_format.json",
        "non_object_root.json",
        "truncated.json",
    ] {
        let text = fixture(name);
        out.push((name, text.clone()));
        let packed: &'static str = Box::leak(format!("{name}, packed").into_boxed_str());
        out.push((packed, stored::encode("s-3", &text)));
    }
    out
}

#[test]
fn the_fast_read_then_the_workers_answer_equals_the_thorough_read() {
    let mut asked = 0;
    for (name, value) in values() {
        let (thorough, fast, went) = both_reads(&value);
        assert_eq!(fast, thorough, "{name}");
        asked += usize::from(went);
    }
    assert!(asked >= 20, "most of these need the worker ({asked})");
    // What Luoshi wrote itself never does.
    let (_, _, went) = both_reads(&current_value().0);
    assert!(!went);
}

#[test]
fn the_kinds_the_page_must_tell_apart_come_out_as_before() {
    let read = |v: &str| both_reads(v).1 .0;
    assert!(matches!(
        read(&current_value().0),
        Loaded::Plan { current: true, .. }
    ));
    assert!(matches!(
        read(&fixture("v2_valid.json")),
        Loaded::Plan { current: false, .. }
    ));
    let Loaded::Damaged(newer) = read(&fixture("v99_newer.json")) else {
        panic!("a newer version is damage")
    };
    assert!(!newer.replaceable, "never replaced here");
    let Loaded::Damaged(bad) = read(&stored::encode("s", &fixture("v1_bad_date.json"))) else {
        panic!("a bad date is damage")
    };
    assert!(bad.replaceable && bad.plan.is_some());
    assert_eq!(bad.raw, fixture("v1_bad_date.json"));
    assert!(bad.stored.is_some(), "the packed value is what is put back");
    let (value, _) = current_value();
    let cut = cut(&value);
    let Loaded::Damaged(cut_damage) = read(&cut) else {
        panic!("a cut packed value is damage")
    };
    assert_eq!(cut_damage.raw, cut);
}

/// Storage with `value` as the only plan, listed under `key`.
fn storage_with(key: &str, value: &str) -> (MemoryStorage, PlanList) {
    let mem = MemoryStorage::new();
    mem.set(key, value).expect("stored");
    let (list, _) = Repo::new(&mem).start().expect("starts");
    (mem, list)
}

/// Opens the one listed plan through the fast reader and the worker.
fn open_fast(mem: &MemoryStorage, list: &PlanList) -> (OpenedPlan, bool) {
    let repo = Repo::fast(mem);
    let entry = list.current_entry().expect("listed");
    match repo.open(entry, 2026, AT).expect("reads") {
        Opening::Opened(o) => (*o, false),
        Opening::Unread(u) => {
            assert_eq!(u.key(), entry.key);
            let answer = from_worker(u.text());
            (repo.finish_open(u, answer, AT).expect("opens"), true)
        }
    }
}

#[test]
fn opening_through_the_worker_equals_opening_thoroughly_and_leaves_the_same_storage() {
    for (name, value) in values() {
        for key in [LEGACY_KEY.to_string(), plan_key("p")] {
            let (slow_mem, list) = storage_with(&key, &value);
            let (fast_mem, fast_list) = storage_with(&key, &value);
            assert_eq!(fast_list, list, "{name}: the list rebuilt");
            let entry = list.current_entry().expect("listed");
            let thorough = Repo::new(&slow_mem)
                .open(entry, 2026, AT)
                .expect("reads")
                .opened()
                .expect("a thorough reader reads whole");
            let (mut fast, _) = open_fast(&fast_mem, &fast_list);
            let mut thorough = thorough;
            if thorough.damage.as_ref().is_some_and(|d| d.plan.is_none()) {
                // Nothing could be read: each shows a new empty plan, whose
                // id is drawn at random.
                (fast.plan.id, thorough.plan.id) = (String::new(), String::new());
            }
            assert!(fast == thorough, "{name} under {key}");
            // The same backups (the 升级数据格式前 copy of an older version's
            // text, under a key made of the time and the reason) and the
            // same plan key.
            assert_eq!(
                fast_mem.snapshot(),
                slow_mem.snapshot(),
                "{name} under {key}"
            );
        }
    }
}

#[test]
fn an_older_versions_plan_opened_through_the_worker_is_set_aside_before_it_is_rewritten() {
    let text = fixture("v1_valid.json");
    let (mem, list) = storage_with(LEGACY_KEY, &text);
    let (opened, asked) = open_fast(&mem, &list);
    assert!(asked, "an older version needs the worker");
    assert!(opened.damage.is_none());
    assert_eq!(opened.synced.plan, None, "rewritten by the first save");
    assert_eq!(opened.synced.seen, Seen::Text(text.clone()));
    let copies = Repo::new(&mem).copies().expect("lists backups");
    assert_eq!(copies.len(), 1);
    assert_eq!(
        luoshi::store::backups::parts(&copies[0].0).1,
        Some("升级数据格式前")
    );
    let copy = Repo::new(&mem).read_copy(&copies[0].0).expect("reads");
    assert_eq!(copy.as_deref(), Some(text.as_str()));
    // The plan list names it by the id its restore gives.
    assert_eq!(list.current.as_deref(), Some(opened.plan.id.as_str()));
}

#[test]
fn a_newer_versions_data_read_through_the_worker_is_never_replaced_when_keeping_mine() {
    let theirs = fixture("v99_newer.json");
    let mine = sample_plan(2026);
    let run = |fast: bool| {
        let mem = MemoryStorage::new();
        mem.set(LEGACY_KEY, &theirs).expect("stored");
        let kept = if fast {
            let repo = Repo::fast(&mem);
            let (loaded, seen) = repo.stored(LEGACY_KEY).expect("reads");
            let Loaded::Unread(u) = loaded else {
                panic!("the fast pass does not take a newer version")
            };
            let answer = from_worker(&u.raw);
            repo.keep_mine_read(
                LEGACY_KEY,
                store::finish(u, answer),
                seen,
                &mine,
                None,
                false,
                AT,
            )
        } else {
            Repo::new(&mem).keep_mine(LEGACY_KEY, &mine, None, false, AT)
        };
        let kept = kept.expect("kept");
        assert!(matches!(kept, KeepMine::Newer(..)), "never replaced");
        assert_eq!(
            mem.get(LEGACY_KEY).unwrap().as_deref(),
            Some(theirs.as_str())
        );
        (kept, mem.snapshot().len())
    };
    assert_eq!(run(true), run(false));
}

#[test]
fn acting_on_a_reading_refuses_when_the_value_changed_meanwhile() {
    let mem = MemoryStorage::new();
    let older = fixture("v2_valid.json");
    mem.set(LEGACY_KEY, &older).expect("stored");
    let repo = Repo::fast(&mem);
    let (loaded, seen) = repo.stored(LEGACY_KEY).expect("reads");
    let Loaded::Unread(u) = loaded else {
        panic!("an older version needs the worker")
    };
    let finished = store::finish(u, from_worker(&older));
    // Another tab writes while the worker reads.
    let (other, _) = current_value();
    mem.set(LEGACY_KEY, &other).expect("written");
    let before = mem.snapshot();
    let mine = sample_plan(2025);
    assert!(repo
        .keep_mine_read(
            LEGACY_KEY,
            finished.clone(),
            seen.clone(),
            &mine,
            None,
            false,
            AT
        )
        .is_err());
    assert!(repo
        .take_read(LEGACY_KEY, finished.clone(), seen.clone(), Some(&mine), AT)
        .is_err());
    assert_eq!(mem.snapshot(), before, "nothing written");
    // Unread text is never acted on.
    let (loaded, seen) = repo.stored(&plan_key("none")).expect("reads");
    assert_eq!((loaded, seen), (Loaded::Nothing, Seen::Absent));
    let unread = Loaded::Unread(store::Unread {
        raw: older.clone(),
        stored: None,
    });
    mem.set(LEGACY_KEY, &older).expect("stored");
    let seen = Seen::of(Some(&older));
    assert!(repo
        .keep_mine_read(
            LEGACY_KEY,
            unread.clone(),
            seen.clone(),
            &mine,
            None,
            false,
            AT
        )
        .is_err());
    assert!(repo
        .take_read(LEGACY_KEY, unread, seen, Some(&mine), AT)
        .is_err());
}

#[test]
fn a_fast_reader_never_takes_what_it_cannot_read_for_a_saved_plan_in_a_conflict() {
    // This tab shows its untouched sample; another tab wrote an older
    // version's plan: the thorough reader shows it, the fast one asks the
    // user (a conflict, nothing written).
    let mem = MemoryStorage::new();
    let older = fixture("v2_valid.json");
    mem.set(LEGACY_KEY, &older).expect("stored");
    let sample = sample_plan(2026);
    let outcome = Repo::fast(&mem).save(LEGACY_KEY, &sample, Some(&Synced::default()), AT);
    assert_eq!(outcome, luoshi::store::repo::SaveOutcome::Conflict);
    assert_eq!(
        mem.get(LEGACY_KEY).unwrap().as_deref(),
        Some(older.as_str())
    );
}

#[test]
fn a_start_after_a_crash_keeps_an_added_plan_the_fast_reader_cannot_judge() {
    // An entry marked adding whose text is an older version's: kept either
    // way (the thorough reader reads it whole; the fast one leaves it to be
    // judged when opened), never removed unread.
    let text = fixture("v2_valid.json");
    for fast in [false, true] {
        let mem = MemoryStorage::new();
        let key = plan_key("x");
        mem.set(&key, &text).expect("stored");
        let list = format!(
            "{{\"format\":\"luoshi/plans\",\"current\":\"x\",\"plans\":[{{\"id\":\"x\",\"key\":\"{key}\",\"title\":\"t\",\"year\":2022,\"pending\":\"adding\"}}]}}"
        );
        mem.set(luoshi::store::plans::LIST_KEY, &list)
            .expect("stored");
        let (list, _) = if fast {
            Repo::fast(&mem).start()
        } else {
            Repo::new(&mem).start()
        }
        .expect("starts");
        assert_eq!(list.plans.len(), 1, "fast: {fast}");
        assert!(list.plans[0].pending.is_none());
        assert_eq!(mem.get(&key).unwrap().as_deref(), Some(text.as_str()));
    }
}

#[test]
fn a_rebuilt_list_names_each_plan_by_the_id_title_and_year_its_restore_gives() {
    for (name, value) in values() {
        let list = rebuild(&[(plan_key("k"), value.clone())]);
        let entry = &list.plans[0];
        let text = stored::text_of(&value);
        match restore_plan(&text) {
            Ok(r) => assert_eq!(
                (entry.id.as_str(), entry.title.as_str(), entry.year),
                (r.plan.id.as_str(), r.plan.title.as_str(), r.plan.year),
                "{name}"
            ),
            Err(_) => assert_eq!(entry.title, "无法读取的计划", "{name}"),
        }
    }
}
