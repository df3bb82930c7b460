//! Every multi-key operation of the storage repository, stopped at each of
//! its writes in turn (the in-memory storage fails the k-th write and every
//! one after it, as a crash or a full quota would), then started again:
//! every listed plan reads back whole, as it was before or after the
//! operation, and no plan key is left that no list names. SQLite's ioerr
//! tests are the model.

use luoshi::format::restore_plan;
use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use luoshi::store::backend::{Backend, MemoryStorage};
use luoshi::store::backups::{self, BEFORE_IMPORT, KEEP_IMPORT_BACKUPS};
use luoshi::store::codec;
use luoshi::store::plans::{plan_key, PlanEntry, PlanList, LEGACY_KEY, LIST_KEY};
use luoshi::store::repo::{read_value, SaveOutcome};
use luoshi::store::{serialize, Repo, Synced, RECOVERY_PREFIX};
use std::collections::BTreeMap;

#[path = "common/stops.rs"]
mod stops;
use stops::at_every_write;

const AT: &str = "2026-06-30T08:00:00Z";

/// Two plans: A under the legacy key (in use), B under its own key, and
/// one backup.
fn two_plans() -> (MemoryStorage, Plan, Plan) {
    let mem = MemoryStorage::new();
    let a = sample_plan(2026);
    let mut b = sample_plan(2025);
    b.title = "2025年区委工作要点".into();
    {
        let repo = Repo::new(&mem);
        let first = repo.save(LEGACY_KEY, &a, Some(&Synced::default()), AT);
        assert!(matches!(first, SaveOutcome::Written { .. }));
        repo.create(&b, false, AT).unwrap();
        repo.set_aside("{\"old\":1}", "删除计划前", AT).unwrap();
    }
    (mem, a, b)
}

/// Starts again over `mem` and checks the storage is whole: the list reads,
/// nothing is pending, every listed plan opens without damage and equals
/// one of `versions` (by id), no plan key is unlisted, every backup reads.
/// Returns the list.
fn whole_after_start(mem: &MemoryStorage, versions: &BTreeMap<String, Vec<Plan>>) -> PlanList {
    let repo = Repo::new(mem);
    let (list, error) = repo.start().expect("the list reads");
    assert_eq!(error, None, "the list is written at start");
    for entry in &list.plans {
        assert_eq!(entry.pending, None, "{entry:?} still pending after start");
        let opened = repo
            .open(entry, 2026, AT)
            .expect("the plan reads")
            .opened()
            .expect("read whole");
        assert_eq!(opened.damage, None, "{} is damaged", entry.key);
        let known = versions
            .get(&entry.id)
            .unwrap_or_else(|| panic!("an unknown plan {} is listed", entry.id));
        assert!(
            known.contains(&opened.plan),
            "{} does not read back whole",
            entry.key
        );
    }
    assert_eq!(
        repo.found_plans(&list).unwrap(),
        Vec::<String>::new(),
        "orphaned plan keys"
    );
    for (key, _) in repo.copies().unwrap() {
        let text = repo.read_copy(&key).unwrap().expect("the backup is there");
        assert!(!text.is_empty());
    }
    if let Some(current) = &list.current {
        assert!(list.entry(current).is_some(), "the plan in use is listed");
    }
    // Starting again changes nothing more.
    let again = Repo::new(mem).start().unwrap().0;
    assert_eq!(again, list);
    list
}

fn versions(plans: &[&Plan]) -> BTreeMap<String, Vec<Plan>> {
    let mut v: BTreeMap<String, Vec<Plan>> = BTreeMap::new();
    for p in plans {
        v.entry(p.id.clone()).or_default().push((*p).clone());
    }
    v
}

/// True when some backup holds exactly `plan`.
fn backed_up(mem: &MemoryStorage, plan: &Plan) -> bool {
    let repo = Repo::new(mem);
    repo.copies().unwrap().iter().any(|(key, _)| {
        repo.read_copy(key)
            .ok()
            .flatten()
            .and_then(|t| restore_plan(&t).ok())
            .is_some_and(|r| r.plan == *plan)
    })
}

#[test]
fn create_stopped_at_any_write_leaves_the_new_plan_whole_or_absent() {
    let (start, a, b) = two_plans();
    let c = sample_plan(2027);
    at_every_write(
        &start,
        |repo| {
            let _ = repo.create(&c, true, AT);
        },
        |mem, stopped| {
            let list = whole_after_start(mem, &versions(&[&a, &b, &c]));
            assert!(list.entry(&a.id).is_some() && list.entry(&b.id).is_some());
            if stopped.is_none() {
                assert!(list.entry(&c.id).is_some());
                assert_eq!(list.current.as_deref(), Some(c.id.as_str()));
            }
        },
    );
}

#[test]
fn delete_stopped_at_any_write_leaves_the_plan_listed_or_backed_up() {
    let (start, a, b) = two_plans();
    at_every_write(
        &start,
        |repo| {
            let _ = repo.delete(&b.id, true, AT);
        },
        |mem, stopped| {
            let list = whole_after_start(mem, &versions(&[&a, &b]));
            assert!(list.entry(&a.id).is_some());
            if list.entry(&b.id).is_none() {
                assert!(backed_up(mem, &b), "B gone without its copy");
            }
            if stopped.is_none() {
                assert!(list.entry(&b.id).is_none());
                assert!(mem.get(&plan_key(&b.id)).unwrap().is_none());
            }
        },
    );
}

#[test]
fn deleting_the_plan_in_use_moves_use_to_another_and_keeps_a_copy() {
    let (start, a, b) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let repo = Repo::new(&mem);
    let removed = repo.delete(&a.id, true, AT).unwrap();
    assert_eq!(removed.list.current.as_deref(), Some(b.id.as_str()));
    let copy = removed.copy_key.expect("a copy was kept");
    let back = restore_plan(&repo.read_copy(&copy).unwrap().unwrap()).unwrap();
    assert_eq!(back.plan, a);
    assert_eq!(mem.get(LEGACY_KEY).unwrap(), None);
}

#[test]
fn delete_without_a_copy_stopped_at_any_write_leaves_no_orphan() {
    let (start, a, b) = two_plans();
    at_every_write(
        &start,
        |repo| {
            let _ = repo.delete(&a.id, false, AT);
        },
        |mem, stopped| {
            let list = whole_after_start(mem, &versions(&[&a, &b]));
            assert!(list.entry(&b.id).is_some());
            if stopped.is_none() {
                assert!(list.entry(&a.id).is_none());
            }
        },
    );
}

#[test]
fn undoing_a_delete_stopped_at_any_write_restores_whole_or_not_at_all() {
    let (start, a, b) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let entry: PlanEntry = Repo::new(&mem)
        .list()
        .unwrap()
        .0
        .entry(&b.id)
        .unwrap()
        .clone();
    let copy = Repo::new(&mem)
        .delete(&b.id, true, AT)
        .unwrap()
        .copy_key
        .unwrap();
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.restore_deleted(&entry, &copy);
        },
        |after, stopped| {
            let list = whole_after_start(after, &versions(&[&a, &b]));
            assert!(backed_up(after, &b), "the copy is kept");
            if stopped.is_none() {
                assert!(list.entry(&b.id).is_some());
            }
        },
    );
}

#[test]
fn save_stopped_at_any_write_leaves_the_old_or_the_new_plan() {
    let (start, a, b) = two_plans();
    let mut edited = a.clone();
    edited.title = "2026年区委工作要点（修订）".into();
    edited.revision = 1;
    let synced = {
        let repo = Repo::new(&start);
        let list = repo.list().unwrap().0;
        repo.open(list.entry(&a.id).unwrap(), 2026, AT)
            .unwrap()
            .opened()
            .expect("read whole")
            .synced
    };
    at_every_write(
        &start,
        |repo| {
            let _ = repo.save(LEGACY_KEY, &edited, Some(&synced), AT);
        },
        |mem, stopped| {
            let list = whole_after_start(mem, &versions(&[&a, &edited, &b]));
            if stopped.is_none() {
                let entry = list.entry(&a.id).unwrap();
                assert_eq!(entry.title, edited.title, "the list shows the new title");
            }
        },
    );
}

/// Twenty import backups already there, as after a year of weekly imports.
fn with_import_backups(start: &MemoryStorage) -> MemoryStorage {
    let mem = MemoryStorage::from_values(start.snapshot());
    for i in 0..KEEP_IMPORT_BACKUPS {
        let key = format!(
            "{RECOVERY_PREFIX}{}",
            backups::stamp(&format!("2026-01-{:02}T08:00:00Z", i + 1), BEFORE_IMPORT)
        );
        mem.set(&key, &codec::pack(&format!("{{\"n\":{i}}}")))
            .unwrap();
    }
    mem
}

fn import_backups(mem: &MemoryStorage) -> usize {
    Repo::new(mem)
        .copies()
        .unwrap()
        .iter()
        .filter(|(k, _)| backups::parts(k).1 == Some(BEFORE_IMPORT))
        .count()
}

#[test]
fn backup_before_import_stopped_at_any_write_keeps_plans_and_at_most_the_limit() {
    let (start, a, b) = two_plans();
    let mem = with_import_backups(&start);
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.back_up_before_import(&a, AT);
        },
        |after, stopped| {
            whole_after_start(after, &versions(&[&a, &b]));
            assert!(import_backups(after) <= KEEP_IMPORT_BACKUPS);
            if stopped.is_none() {
                assert_eq!(import_backups(after), KEEP_IMPORT_BACKUPS);
                assert!(backed_up(after, &a));
            }
        },
    );
}

#[test]
fn old_import_backups_are_removed_before_the_new_one_is_written() {
    let (start, a, _) = two_plans();
    let mem = with_import_backups(&start);
    let before = mem.log().len();
    let key = Repo::new(&mem).back_up_before_import(&a, AT).unwrap();
    let writes = &mem.log()[before..];
    let oldest = format!(
        "{RECOVERY_PREFIX}{}",
        backups::stamp("2026-01-01T08:00:00Z", BEFORE_IMPORT)
    );
    assert_eq!(
        writes,
        &[("remove", oldest), ("set", key)],
        "the oldest goes first, then the new one is written"
    );
}

#[test]
fn the_21st_import_backup_fits_where_the_20th_filled_the_quota() {
    // Twenty import backups as large as the new one fill the quota to
    // within less than one of them: only removing first makes room.
    let (start, a, _) = two_plans();
    let probe = MemoryStorage::new();
    let one = Repo::new(&probe).back_up_before_import(&a, AT).unwrap();
    let copy = probe.get(&one).unwrap().unwrap();
    let mem_values = {
        let mut v = start.snapshot();
        for i in 0..KEEP_IMPORT_BACKUPS {
            let key = format!(
                "{RECOVERY_PREFIX}{}",
                backups::stamp(&format!("2026-01-{:02}T08:00:00Z", i + 1), BEFORE_IMPORT)
            );
            v.insert(key, copy.clone());
        }
        v
    };
    let full = MemoryStorage::from_values(mem_values.clone());
    let half_a_copy = copy.encode_utf16().count() / 2;
    let mem = MemoryStorage::with_quota(full.used() + half_a_copy);
    for (k, v) in mem_values {
        mem.set(&k, &v).unwrap();
    }
    let key = Repo::new(&mem)
        .back_up_before_import(&a, "2026-07-01T08:00:00Z")
        .expect("room is made before the backup is written");
    assert!(key.contains("2026-07-01"));
    assert_eq!(import_backups(&mem), KEEP_IMPORT_BACKUPS);
}

#[test]
fn a_save_writes_the_plan_before_its_list_entry() {
    let (start, a, _) = two_plans();
    let repo = Repo::new(&start);
    let list = repo.list().unwrap().0;
    let synced = repo
        .open(list.entry(&a.id).unwrap(), 2026, AT)
        .unwrap()
        .opened()
        .expect("read whole")
        .synced;
    let mut renamed = a.clone();
    renamed.title = "改名后的计划".into();
    let before = start.log().len();
    assert!(matches!(
        repo.save(LEGACY_KEY, &renamed, Some(&synced), AT),
        SaveOutcome::Written { list: Some(_), .. }
    ));
    let writes: Vec<_> = start.log()[before..].to_vec();
    assert_eq!(
        writes,
        vec![
            ("set", LEGACY_KEY.to_string()),
            ("set", LIST_KEY.to_string())
        ]
    );
}

#[test]
fn backups_made_in_the_same_millisecond_keep_their_order() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let keys: Vec<String> = (0..11)
        .map(|i| {
            repo.set_aside(&format!("{{\"n\":{i}}}"), BEFORE_IMPORT, AT)
                .unwrap()
        })
        .collect();
    let listed: Vec<String> = repo.copies().unwrap().into_iter().map(|(k, _)| k).collect();
    assert_eq!(listed, keys, "oldest first, -10 after -9");
}

#[test]
fn start_after_the_single_plan_version_lists_the_plan_without_moving_it() {
    let mem = MemoryStorage::new();
    let a = sample_plan(2026);
    let json = serialize(&a, AT).unwrap();
    mem.set(LEGACY_KEY, &json).unwrap();
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.start();
        },
        |after, _| {
            let list = whole_after_start(after, &versions(&[&a]));
            assert_eq!(list.plans[0].key, LEGACY_KEY);
            assert_eq!(
                after.get(LEGACY_KEY).unwrap().as_deref(),
                Some(json.as_str()),
                "nothing copied or rewritten at start"
            );
        },
    );
}

#[test]
fn a_plan_key_no_list_names_is_found_and_can_be_listed_again() {
    let (start, a, b) = two_plans();
    // An older version's delete that stopped between the list and the key.
    let mem = MemoryStorage::from_values(start.snapshot());
    let mut list = Repo::new(&mem).list().unwrap().0;
    list.remove(&b.id);
    mem.set(LIST_KEY, &list.to_text()).unwrap();
    let repo = Repo::new(&mem);
    let (list, _) = repo.start().unwrap();
    let found = repo.found_plans(&list).unwrap();
    assert_eq!(found, vec![plan_key(&b.id)]);
    let usage = repo.usage(&list).unwrap();
    assert_eq!(usage.found.len(), 1);
    assert_eq!(usage.found[0].0, plan_key(&b.id));
    let (list, id) = repo.adopt_found(&found[0], AT).unwrap();
    assert_eq!(id, b.id);
    assert!(list.entry(&b.id).is_some());
    whole_after_start(&mem, &versions(&[&a, &b]));
}

#[test]
fn a_found_plan_whose_id_is_taken_comes_back_as_a_new_plan_at_every_stop() {
    let (start, a, b) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    // A stray older copy of A under a key no list names.
    let stray = plan_key("stray");
    mem.set(&stray, &serialize(&a, AT).unwrap()).unwrap();
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.adopt_found(&stray, AT);
        },
        |after, stopped| {
            let repo = Repo::new(after);
            let (list, _) = repo.start().unwrap();
            let found = repo.found_plans(&list).unwrap();
            let copies: Vec<&PlanEntry> = list
                .plans
                .iter()
                .filter(|p| p.title.ends_with("（找回）"))
                .collect();
            // Either still found (nothing lost), or listed as a copy.
            assert!(
                found == vec![stray.clone()] || copies.len() == 1,
                "the stray plan vanished at stop {stopped:?}"
            );
            if stopped.is_none() {
                assert!(found.is_empty());
                let opened = repo
                    .open(copies[0], 2026, AT)
                    .unwrap()
                    .opened()
                    .expect("read whole");
                assert_eq!(opened.plan.tasks, a.tasks);
                assert_ne!(opened.plan.id, a.id);
            }
            assert!(list.entry(&b.id).is_some());
        },
    );
}

#[test]
fn keeping_mine_in_a_conflict_sets_theirs_aside_before_anything_is_written() {
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let repo = Repo::new(&mem);
    let list = repo.list().unwrap().0;
    let synced = repo
        .open(list.entry(&a.id).unwrap(), 2026, AT)
        .unwrap()
        .opened()
        .expect("read whole")
        .synced;
    // Another tab writes its version.
    let mut theirs = a.clone();
    theirs.title = "另一窗口的标题".into();
    theirs.revision = 2;
    let SaveOutcome::Written { .. } = repo.save(LEGACY_KEY, &theirs, Some(&synced), AT) else {
        panic!("the other tab writes")
    };
    let mut mine = a.clone();
    mine.issuer = "本窗口".into();
    mine.revision = 1;
    assert_eq!(
        repo.save(LEGACY_KEY, &mine, Some(&synced), AT),
        SaveOutcome::Conflict
    );
    // Keeping mine with no room for the copy writes nothing.
    mem.fail_from_write(0);
    assert!(repo.keep_mine(LEGACY_KEY, &mine, None, false, AT).is_err());
    mem.heal();
    let kept = repo.keep_mine(LEGACY_KEY, &mine, None, false, AT).unwrap();
    let luoshi::store::repo::KeepMine::Write(seen) = kept else {
        panic!("mine may be written")
    };
    assert!(backed_up(&mem, &theirs));
    let after = Synced { plan: None, seen };
    assert!(matches!(
        repo.save(LEGACY_KEY, &mine, Some(&after), AT),
        SaveOutcome::Written { .. }
    ));
}

#[test]
fn a_damaged_packed_plan_is_damage_with_its_value_kept_whole() {
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let value = mem.get(LEGACY_KEY).unwrap().unwrap();
    let cut: String = value.chars().take(value.chars().count() - 10).collect();
    mem.set(LEGACY_KEY, &cut).unwrap();
    let repo = Repo::new(&mem);
    let list = repo.start().unwrap().0;
    let opened = repo
        .open(list.entry(&a.id).unwrap(), 2026, AT)
        .unwrap()
        .opened()
        .expect("read whole");
    let damage = opened.damage.expect("cut data is damage");
    assert_eq!(damage.raw, cut);
    assert!(
        damage.messages[0].contains("数据不完整"),
        "{:?}",
        damage.messages
    );
    // Nothing may be written over it until the user decides.
    assert_eq!(opened.synced.plan, None);
    assert_eq!(mem.get(LEGACY_KEY).unwrap().as_deref(), Some(cut.as_str()));
}

#[test]
fn a_first_start_writes_no_empty_list_and_a_list_naming_nothing_gives_way_to_stored_plans() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let (list, _) = repo.start().unwrap();
    assert!(list.plans.is_empty());
    assert_eq!(mem.get(LIST_KEY).unwrap(), None, "nothing to point to yet");
    // A first run that never saved left an empty list; a plan is stored.
    mem.set(LIST_KEY, &PlanList::default().to_text()).unwrap();
    let a = sample_plan(2026);
    mem.set(LEGACY_KEY, &serialize(&a, AT).unwrap()).unwrap();
    let (list, _) = repo.start().unwrap();
    assert_eq!(list.plans.len(), 1);
    assert_eq!(list.plans[0].key, LEGACY_KEY);
    whole_after_start(&mem, &versions(&[&a]));
}

#[test]
fn keeping_a_damaged_text_over_another_tabs_write_stopped_at_any_write_loses_neither() {
    let (start, a, _) = two_plans();
    // This tab was deciding about damaged text; another tab wrote a plan.
    let damaged =
        "{\"format\":\"luoshi/plan\",\"version\":1,\"plan\":{\"tasks\":[{\"id\":\"t1\"}]}}";
    let mut theirs = a.clone();
    theirs.title = "另一窗口写的计划".into();
    let mem = MemoryStorage::from_values(start.snapshot());
    mem.set(LEGACY_KEY, &serialize(&theirs, AT).unwrap())
        .unwrap();
    let luoshi::store::Loaded::Damaged(damage) = read_value(Some(damaged.to_string())).0 else {
        panic!("the text is damaged")
    };
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.keep_mine(LEGACY_KEY, &a, Some(&damage), false, AT);
        },
        |after, stopped| {
            let value = after.get(LEGACY_KEY).unwrap().unwrap();
            let theirs_kept = backed_up(after, &theirs)
                || Repo::new(after)
                    .stored(LEGACY_KEY)
                    .is_ok_and(|(l, _)| matches!(l, luoshi::store::Loaded::Plan { plan, .. } if plan == theirs));
            assert!(
                theirs_kept,
                "the other tab's plan is lost at stop {stopped:?}"
            );
            if stopped.is_none() {
                assert_eq!(value, damaged, "the damaged text is back, to decide about");
            }
            assert!(Repo::new(after)
                .found_plans(&Repo::new(after).list().unwrap().0)
                .unwrap()
                .is_empty());
        },
    );
}

#[test]
fn loading_the_other_tabs_plan_sets_this_tabs_aside_first_or_fails_without_a_change() {
    let (start, a, _) = two_plans();
    let mut theirs = a.clone();
    theirs.title = "另一窗口写的计划".into();
    let mem = MemoryStorage::from_values(start.snapshot());
    mem.set(LEGACY_KEY, &serialize(&theirs, AT).unwrap())
        .unwrap();
    let mut mine = a.clone();
    mine.issuer = "本窗口".into();
    at_every_write(
        &mem,
        |repo| {
            let _ = repo.take_theirs(LEGACY_KEY, Some(&mine), AT);
        },
        |after, stopped| {
            // Storage is untouched but for the copy of this tab's plan.
            let (loaded, _) = Repo::new(after).stored(LEGACY_KEY).unwrap();
            assert!(matches!(loaded, luoshi::store::Loaded::Plan { plan, .. } if plan == theirs));
            if stopped.is_none() {
                assert!(backed_up(after, &mine));
            }
        },
    );
}

#[test]
fn creating_a_plan_never_writes_over_a_found_plan() {
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    // A plan key no list names holds an older copy of plan C.
    let c = sample_plan(2027);
    let found = serialize(&c, AT).unwrap();
    mem.set(&plan_key(&c.id), &found).unwrap();
    let err = Repo::new(&mem).create(&c, true, AT).unwrap_err();
    assert!(err.contains("找到的计划"), "{err}");
    assert_eq!(
        mem.get(&plan_key(&c.id)).unwrap().as_deref(),
        Some(found.as_str())
    );
    let list = Repo::new(&mem).start().unwrap().0;
    assert!(list.entry(&c.id).is_none());
    assert!(list.entry(&a.id).is_some());
}

#[test]
fn a_plan_saved_after_a_deletion_stopped_half_way_is_kept() {
    let (start, a, b) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let repo = Repo::new(&mem);
    let key = plan_key(&b.id);
    let synced = repo
        .open(repo.list().unwrap().0.entry(&b.id).unwrap(), 2025, AT)
        .unwrap()
        .opened()
        .expect("read whole")
        .synced;
    // Tab A marks B for removal, then stops (its copy is made).
    mem.fail_from_write(2);
    assert!(repo.delete(&b.id, true, AT).is_ok() || mem.get(&key).unwrap().is_some());
    mem.heal();
    assert!(
        mem.get(&key).unwrap().is_some(),
        "stopped before the key went"
    );
    // Tab B, still showing B, saves a change: it is not written over the
    // mark (the user is asked), ...
    let mut edited = b.clone();
    edited.issuer = "乙窗口改的".into();
    assert_eq!(
        repo.save(&key, &edited, Some(&synced), AT),
        SaveOutcome::Conflict
    );
    // ... and were it written anyway (an older version), the next start
    // keeps what was saved after the copy instead of removing it.
    let json = serialize(&edited, AT).unwrap();
    mem.set(&key, &luoshi::store::stored::encode("later-save", &json))
        .unwrap();
    let list = whole_after_start(&mem, &versions(&[&a, &b, &edited]));
    assert!(list.entry(&b.id).is_some(), "the later save is kept");
}

#[test]
fn a_downloaded_plan_changed_since_is_not_deleted() {
    let (start, _, b) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let repo = Repo::new(&mem);
    let key = plan_key(&b.id);
    let (_, seen) = repo.stored_text(&key).unwrap();
    // Another window saves B after the download.
    let mut edited = b.clone();
    edited.issuer = "改过".into();
    mem.set(
        &key,
        &luoshi::store::stored::encode("other", &serialize(&edited, AT).unwrap()),
    )
    .unwrap();
    let err = repo.delete_downloaded(&b.id, &seen, AT).unwrap_err();
    assert!(err.contains("下载之后"), "{err}");
    assert!(repo.list().unwrap().0.entry(&b.id).is_some());
    // Downloaded again, it goes.
    let (_, seen) = repo.stored_text(&key).unwrap();
    repo.delete_downloaded(&b.id, &seen, AT).unwrap();
    assert!(repo.list().unwrap().0.entry(&b.id).is_none());
    assert_eq!(mem.get(&key).unwrap(), None);
}

#[test]
fn a_damaged_packed_plan_is_put_back_packed_as_it_was_stored() {
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let mut doc: serde_json::Value = serde_json::from_str(&serialize(&a, AT).unwrap()).unwrap();
    doc["plan"]["tasks"][1]["due"] = "2026/13/45".into();
    let stored = luoshi::store::stored::encode("damaged", &doc.to_string());
    mem.set(LEGACY_KEY, &stored).unwrap();
    let luoshi::store::Loaded::Damaged(damage) = read_value(Some(stored.clone())).0 else {
        panic!("damaged")
    };
    assert_eq!(damage.stored.as_deref(), Some(stored.as_str()));
    // Another window writes; this tab keeps its damaged data.
    mem.set(LEGACY_KEY, &serialize(&a, AT).unwrap()).unwrap();
    let repo = Repo::new(&mem);
    repo.keep_mine(LEGACY_KEY, &a, Some(&damage), false, AT)
        .unwrap();
    assert_eq!(
        mem.get(LEGACY_KEY).unwrap().as_deref(),
        Some(stored.as_str())
    );
}

#[test]
fn keeping_this_tabs_plan_over_a_newer_versions_data_backs_it_up() {
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let newer = "{\"format\":\"luoshi/plan\",\"version\":9,\"plan\":{}}";
    mem.set(LEGACY_KEY, newer).unwrap();
    let mut mine = a.clone();
    mine.issuer = "本窗口".into();
    let kept = Repo::new(&mem)
        .keep_mine(LEGACY_KEY, &mine, None, false, AT)
        .unwrap();
    assert!(matches!(kept, luoshi::store::repo::KeepMine::Newer(..)));
    assert!(backed_up(&mem, &mine));
    assert_eq!(mem.get(LEGACY_KEY).unwrap().as_deref(), Some(newer));
}

#[test]
fn a_first_save_writes_the_plan_list_so_a_later_stray_key_is_found_not_listed() {
    let mem = MemoryStorage::new();
    let repo = Repo::new(&mem);
    let a = sample_plan(2026);
    assert!(matches!(
        repo.save(LEGACY_KEY, &a, Some(&Synced::default()), AT),
        SaveOutcome::Written { .. }
    ));
    assert!(mem.get(LIST_KEY).unwrap().is_some(), "the list is written");
    mem.set(
        &plan_key("stray"),
        &serialize(&sample_plan(2025), AT).unwrap(),
    )
    .unwrap();
    let (list, _) = repo.start().unwrap();
    assert_eq!(list.plans.len(), 1);
    assert_eq!(repo.found_plans(&list).unwrap(), vec![plan_key("stray")]);
}

#[test]
fn a_reloaded_tab_keeping_the_readable_part_of_damaged_data_sees_no_other_tab() {
    // The page before the reload wrote damaged text (unstamped, as an older
    // version or a hand edit leaves it); the reloaded page opens it.
    let (start, a, _) = two_plans();
    let mem = MemoryStorage::from_values(start.snapshot());
    let mut doc: serde_json::Value = serde_json::from_str(&serialize(&a, AT).unwrap()).unwrap();
    doc["plan"]["tasks"][1]["due"] = "2026/13/45".into();
    let damaged = doc.to_string();
    mem.set(LEGACY_KEY, &damaged).unwrap();
    let repo = Repo::new(&mem);
    let (list, _) = repo.start().unwrap();
    let entry = list.entry(&a.id).unwrap().clone();
    let opened = repo
        .open(&entry, 2026, AT)
        .unwrap()
        .opened()
        .expect("read whole");
    let damage = opened.damage.expect("damaged");
    let readable = damage.plan.clone().expect("the rest reads");
    assert_eq!(opened.synced.plan, None);
    // Chromium may hand the new page the event of that write: storage holds
    // what this tab read, so it is no other tab's write.
    assert!(!repo.news_for(LEGACY_KEY, Some(&opened.synced)));
    assert!(repo.news_for(LEGACY_KEY, None), "unknown storage is news");
    // Keeping the readable part: the raw text is set aside, then the save
    // writes over it (the copy is not taken for another tab's write).
    repo.set_aside(&damage.raw, "读取失败时另存原始数据", AT)
        .unwrap();
    assert!(!repo.news_for(LEGACY_KEY, Some(&opened.synced)));
    let SaveOutcome::Written { seen, .. } =
        repo.save(LEGACY_KEY, &readable, Some(&opened.synced), AT)
    else {
        panic!("the readable part is written")
    };
    let synced = Synced {
        plan: Some(readable),
        seen,
    };
    // The stale event arriving only now is no news either.
    assert!(!repo.news_for(LEGACY_KEY, Some(&synced)));
    // Another tab's write is.
    mem.set(LEGACY_KEY, &serialize(&a, AT).unwrap()).unwrap();
    assert!(repo.news_for(LEGACY_KEY, Some(&synced)));
    mem.remove(LEGACY_KEY).unwrap();
    assert!(repo.news_for(LEGACY_KEY, Some(&synced)));
}
