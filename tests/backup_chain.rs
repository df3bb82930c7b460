//! Import backups kept as reverse deltas (`store/repo/chain.rs`): the
//! newest whole, older ones rebuilt from newer ones. Every backup reads
//! back as the text it was made of, whichever write making or removing one
//! stops at, and a missing or damaged base is a clear message.

#[path = "common/stops.rs"]
mod stops;
#[path = "common/year.rs"]
#[allow(dead_code)]
mod year;

use luoshi::format::restore_plan;
use luoshi::model::Plan;
use luoshi::store::backend::{Backend, MemoryStorage};
use luoshi::store::backups::{as_delta, DeltaCopy, BEFORE_IMPORT};
use luoshi::store::{Repo, RECOVERY_PREFIX};
use std::collections::BTreeMap;
use stops::at_every_write;
use year::{before_last_reports, year_of, Texture};

fn at(i: usize) -> String {
    format!("2026-12-{:02}T08:00:00Z", i + 1)
}

/// A 40-task plan with a year of reports.
fn plan() -> Plan {
    year_of(40, 2026, 3, Texture::Unique)
}

/// `n` backups made before imports of `plan` while its last reports came
/// in: (storage, each backup's key and text, oldest first).
fn chain(plan: &Plan, n: usize) -> (MemoryStorage, Vec<(String, String)>) {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let mut made = Vec::new();
    for i in 0..n {
        let key = repo
            .back_up_before_import(&before_last_reports(plan, i, n), &at(i))
            .unwrap();
        let text = repo.read_copy(&key).unwrap().unwrap();
        made.push((key, text));
    }
    (mem, made)
}

fn is_delta(mem: &MemoryStorage, key: &str) -> bool {
    matches!(mem.get(key), Ok(Some(v)) if as_delta(&v).is_some())
}

/// Every backup in `mem` reads back as the text in `texts` under its key.
fn all_read_back(mem: &MemoryStorage, texts: &BTreeMap<String, String>) {
    let repo = Repo::new(mem);
    for (key, _) in repo.copies().unwrap() {
        let text = repo.read_copy(&key).unwrap().expect("listed, so there");
        assert_eq!(Some(&text), texts.get(&key), "{key} reads back changed");
    }
}

#[test]
fn a_growing_plan_keeps_its_newest_backup_whole_and_the_older_as_small_deltas() {
    let plan = plan();
    let (mem, made) = chain(&plan, 6);
    let (newest, older) = made.split_last().unwrap();
    assert!(!is_delta(&mem, &newest.0), "the newest is whole");
    let whole = mem.get(&newest.0).unwrap().unwrap().chars().count();
    for (key, text) in older {
        assert!(is_delta(&mem, key), "{key} is a delta");
        let size = mem.get(key).unwrap().unwrap().chars().count();
        assert!(size * 10 < whole, "{key}: {size} against {whole} whole");
        let back = restore_plan(text).unwrap().plan;
        let i = made.iter().position(|(k, _)| k == key).unwrap();
        assert_eq!(back, before_last_reports(&plan, i, 6));
    }
    all_read_back(&mem, &made.into_iter().collect());
}

#[test]
fn a_new_backup_stopped_at_any_write_leaves_every_backup_readable() {
    let plan = plan();
    let (start, made) = chain(&plan, 20);
    let texts: BTreeMap<String, String> = made.into_iter().collect();
    let newer = year_of(40, 2026, 4, Texture::Unique);
    at_every_write(
        &start,
        |repo| {
            let _ = repo.back_up_before_import(&newer, "2026-12-30T08:00:00Z");
        },
        |after, stopped| {
            let repo = Repo::new(after);
            let copies = repo.copies().unwrap();
            assert!(copies.len() <= 20, "stopped at {stopped:?}");
            for (key, _) in copies {
                let text = repo.read_copy(&key).unwrap().unwrap();
                match texts.get(&key) {
                    Some(t) => assert_eq!(&text, t, "{key} changed, stopped at {stopped:?}"),
                    None => assert_eq!(restore_plan(&text).unwrap().plan, newer),
                }
            }
        },
    );
}

#[test]
fn removing_the_oldest_a_middle_or_the_newest_backup_stopped_at_any_write_loses_no_other() {
    let plan = plan();
    let (start, made) = chain(&plan, 5);
    let texts: BTreeMap<String, String> = made.iter().cloned().collect();
    for gone in [0, 2, 4] {
        let key = made[gone].0.clone();
        at_every_write(
            &start,
            |repo| {
                repo.remove_copy(&key).unwrap_or_default();
            },
            |after, stopped| {
                all_read_back(after, &texts);
                if stopped.is_none() {
                    assert_eq!(after.get(&key).unwrap(), None);
                    assert_eq!(Repo::new(after).copies().unwrap().len(), 4);
                }
            },
        );
    }
}

#[test]
fn removing_the_newest_keeps_the_next_whole_and_later_backups_shorten_it_again() {
    let plan = plan();
    let (mem, made) = chain(&plan, 3);
    let repo = Repo::new(&mem);
    repo.remove_copy(&made[2].0).unwrap();
    assert!(!is_delta(&mem, &made[1].0), "the next newest became whole");
    assert!(is_delta(&mem, &made[0].0));
    repo.back_up_before_import(&plan, "2026-12-31T08:00:00Z")
        .unwrap();
    assert!(
        is_delta(&mem, &made[1].0),
        "shortened against the new backup"
    );
    let mut texts: BTreeMap<String, String> = made[..2].iter().cloned().collect();
    let (newest, _) = repo.copies().unwrap().pop().unwrap();
    texts.insert(newest.clone(), repo.read_copy(&newest).unwrap().unwrap());
    all_read_back(&mem, &texts);
}

#[test]
fn imports_into_two_plans_in_turn_shorten_each_against_its_own() {
    let a = year_of(40, 2026, 5, Texture::Unique);
    let b = year_of(40, 2025, 6, Texture::Unique);
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let mut texts = BTreeMap::new();
    for i in 0..6 {
        let p = if i % 2 == 0 { &a } else { &b };
        let key = repo
            .back_up_before_import(&before_last_reports(p, i, 6), &at(i))
            .unwrap();
        texts.insert(key.clone(), repo.read_copy(&key).unwrap().unwrap());
    }
    let keys: Vec<String> = texts.keys().cloned().collect();
    // The first four: each a delta against the next of its own plan.
    for key in &keys[..4] {
        assert!(is_delta(&mem, key), "{key} is a delta");
    }
    all_read_back(&mem, &texts);
}

#[test]
fn removing_a_base_when_the_quota_is_full_says_why_and_removes_nothing() {
    let plan = plan();
    let (roomy, made) = chain(&plan, 3);
    let mem = MemoryStorage::with_quota(roomy.used() + 10);
    for (k, v) in roomy.snapshot() {
        mem.set(&k, &v).unwrap();
    }
    let err = Repo::new(&mem).remove_copy(&made[2].0).unwrap_err();
    assert!(
        err.contains("没有删除") && err.contains("空间已满"),
        "{err}"
    );
    all_read_back(&mem, &made.iter().cloned().collect());
    assert_eq!(Repo::new(&mem).copies().unwrap().len(), 3);
    // The oldest has nothing built on it: removing it always frees space.
    Repo::new(&mem).remove_copy(&made[0].0).unwrap();
}

#[test]
fn a_missing_or_damaged_base_is_a_clear_message_not_a_wrong_text() {
    let plan = plan();
    let (mem, made) = chain(&plan, 3);
    let repo = Repo::new(&mem);
    // The newest damaged: the older ones say their data is damaged.
    let newest = mem.get(&made[2].0).unwrap().unwrap();
    let cut: String = newest.chars().take(newest.chars().count() - 5).collect();
    mem.set(&made[2].0, &cut).unwrap();
    let err = repo.read_copy(&made[0].0).unwrap_err();
    assert!(err.contains("损坏"), "{err}");
    // Gone behind the repository's back: the message says so.
    mem.remove(&made[2].0).unwrap();
    let err = repo.read_copy(&made[1].0).unwrap_err();
    assert!(
        err.contains("较新一份导入前备份") && err.contains("已不存在"),
        "{err}"
    );
}

#[test]
fn a_forged_delta_pointing_at_itself_or_an_older_backup_is_refused() {
    let plan = plan();
    let (mem, made) = chain(&plan, 2);
    let older = &made[0].0;
    let stored = mem.get(older).unwrap().unwrap();
    let d = as_delta(&stored).unwrap().unwrap();
    let forged = DeltaCopy { base: older, ..d }.value();
    mem.set(older, &forged).unwrap();
    assert!(Repo::new(&mem)
        .read_copy(older)
        .unwrap_err()
        .contains("损坏"));
    // A wrong fingerprint: the text is not handed back.
    let d = as_delta(&stored).unwrap().unwrap();
    let forged = DeltaCopy {
        print: d.print ^ 1,
        ..d
    }
    .value();
    mem.set(older, &forged).unwrap();
    assert!(Repo::new(&mem)
        .read_copy(older)
        .unwrap_err()
        .contains("校验"));
    // A header cut short.
    mem.set(older, "luoshi-delta-1\nluoshi.recovered.x")
        .unwrap();
    assert!(Repo::new(&mem)
        .read_copy(older)
        .unwrap_err()
        .contains("不完整"));
    assert!(older.starts_with(RECOVERY_PREFIX) && older.ends_with(BEFORE_IMPORT));
}

#[test]
fn the_space_advice_counts_what_removing_a_base_really_frees() {
    let plan = plan();
    let (mem, made) = chain(&plan, 3);
    let repo = Repo::new(&mem);
    let usage = repo.usage(&repo.list().unwrap().0).unwrap();
    assert_eq!(usage.built_on.len(), 2);
    let offered: BTreeMap<String, usize> = usage
        .removable("none")
        .into_iter()
        .filter_map(|(item, size)| match item {
            luoshi::store::repo::Removable::Backup(k) => Some((k, size)),
            luoshi::store::repo::Removable::Plan(_) => None,
        })
        .collect();
    let stored: BTreeMap<String, usize> = usage.copies.iter().cloned().collect();
    let newest = &made[2].0;
    assert_eq!(
        offered[newest], stored[&made[1].0],
        "about its dependant's size"
    );
    assert!(offered[newest] * 10 < stored[newest]);
    assert_eq!(
        offered[&made[0].0], stored[&made[0].0],
        "nothing built on it"
    );
    // And that is what removing it frees, give or take.
    let before = mem.used();
    repo.remove_copy(newest).unwrap();
    let freed = before - mem.used();
    assert!(freed * 4 < stored[newest], "freed {freed}");
}
