//! The plan list (`store::plans`): several plans, one key each, and the
//! migration from the single `luoshi.plan` key, which only writes a list.

mod common;

use common::fixture;
use luoshi::model::Plan;
use luoshi::store::plans::{is_plan_key, plan_key, read_list, rebuild, PlanList, LEGACY_KEY};

#[test]
fn the_single_plan_of_the_previous_version_is_listed_under_its_own_key() {
    let text = fixture("v2_valid.json");
    let id = luoshi::format::restore_plan(&text)
        .map(|r| r.plan.id)
        .unwrap_or_default();
    let list = rebuild(&[
        (LEGACY_KEY.to_string(), text.clone()),
        ("luoshi.recovered.2026".to_string(), text),
        ("unrelated".to_string(), "{}".to_string()),
    ]);
    assert_eq!(list.plans.len(), 1);
    let e = &list.plans[0];
    assert_eq!(
        (e.id.as_str(), e.key.as_str(), e.title.as_str(), e.year),
        (id.as_str(), LEGACY_KEY, "2022年区委工作要点", 2022)
    );
    assert_eq!(list.current.as_deref(), Some(id.as_str()));
    // Written and read back, it is the same list.
    assert_eq!(read_list(Some(&list.to_text())), Some(with_format(list)));
}

fn with_format(mut list: PlanList) -> PlanList {
    list.format = "luoshi/plans".into();
    list
}

#[test]
fn an_unreadable_plan_is_still_listed_so_its_damage_is_shown_not_forgotten() {
    let list = rebuild(&[
        (
            LEGACY_KEY.to_string(),
            "{\"format\":\"luoshi/plan\",\"version\":1,".into(),
        ),
        (plan_key("b"), fixture("v2_valid.json")),
    ]);
    assert_eq!(list.plans.len(), 2);
    assert_eq!(
        list.plans[0].key, LEGACY_KEY,
        "the old single plan comes first"
    );
    assert_eq!(list.plans[0].title, "无法读取的计划");
    assert_eq!(list.current, Some(list.plans[0].id.clone()));
}

#[test]
fn a_missing_or_foreign_list_reads_as_none_and_is_rebuilt() {
    assert_eq!(read_list(None), None);
    assert_eq!(read_list(Some("not json")), None);
    assert_eq!(
        read_list(Some("{\"current\":null,\"plans\":[]}")),
        None,
        "no format tag"
    );
}

#[test]
fn upsert_and_remove_keep_the_current_plan_sensible() {
    let mut list = PlanList::default();
    let mut a = Plan::empty(2025);
    a.title = "2025年".into();
    let b = Plan::empty(2026);
    list.upsert(&a, &plan_key(&a.id), true);
    list.upsert(&b, &plan_key(&b.id), false);
    assert_eq!(
        list.current_entry().map(|e| e.id.clone()),
        Some(a.id.clone())
    );
    a.title = "2025年（改）".into();
    list.upsert(&a, &plan_key(&a.id), false);
    assert_eq!(list.plans.len(), 2);
    assert_eq!(list.plans[0].title, "2025年（改）");
    list.remove(&a.id);
    assert_eq!(list.current.as_deref(), Some(b.id.as_str()));
    list.remove(&b.id);
    assert_eq!(list.current_entry(), None);
}

#[test]
fn plan_keys_are_the_legacy_key_and_the_prefixed_ones() {
    assert!(is_plan_key("luoshi.plan"));
    assert!(is_plan_key(&plan_key("x")));
    assert!(!is_plan_key("luoshi.plans"));
    assert!(!is_plan_key("luoshi.recovered.x"));
}

#[test]
fn a_plan_replaced_under_its_key_stays_the_one_in_use() {
    let mut list = PlanList::default();
    let first = Plan::empty(2026);
    list.upsert(&first, "luoshi.plan", true);
    let other = Plan::empty(2027);
    list.upsert(&other, &plan_key(&other.id), false);
    let replacement = Plan::empty(2026);
    list.upsert(&replacement, "luoshi.plan", false);
    assert_eq!(list.current.as_deref(), Some(replacement.id.as_str()));
    assert_eq!(list.plans.len(), 2);
}

#[test]
fn backups_say_when_and_why_and_only_import_backups_are_pruned_never_the_newest() {
    use luoshi::store::backups::{parts, stamp, to_prune, BEFORE_IMPORT};
    let key = |s: &str| format!("luoshi.recovered.{s}");
    assert_eq!(
        parts(&key(&stamp("2026-07-01T08:00:00.000Z", "导入前"))),
        ("2026-07-01T08:00:00.000Z", Some("导入前"))
    );
    assert_eq!(
        parts(&key("2026-07-01T08:00:00.000Z-2")),
        ("2026-07-01T08:00:00.000Z-2", None)
    );
    let keys: Vec<String> = (1..=5)
        .map(|i| {
            key(&stamp(
                &format!("2026-07-0{i}T08:00:00.000Z"),
                BEFORE_IMPORT,
            ))
        })
        .chain([key(&stamp("2026-06-01T08:00:00.000Z", "删除计划前"))])
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        to_prune(&sorted, 3),
        vec![keys[0].clone(), keys[1].clone()],
        "the two oldest imports"
    );
    assert!(to_prune(&sorted, 5).is_empty());
    assert_eq!(to_prune(&sorted, 0).len(), 4, "never the newest");
}
