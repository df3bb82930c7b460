//! The sample plan (`model::sample`): big enough to look real, shaped after
//! the 2022 speech, and chosen so that at mid-year every light and every
//! yellow reason appears.

mod common;

use common::d;
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::hierarchy::{outline, OutlineEntry};
use luoshi::model::rollup::assess_plan;
use luoshi::model::sample::sample_plan;
use luoshi::model::stats::{plan_tally, work_items};
use luoshi::model::{Level, Plan, UnitKind};
use std::collections::BTreeSet;

fn levels_of_work_items(plan: &Plan, today: &str) -> BTreeSet<Level> {
    let a = assess_plan(plan, d(today));
    work_items(plan)
        .into_iter()
        .map(|i| a[i.as_str()].level)
        .collect()
}

#[test]
fn sample_has_at_least_forty_tasks_and_is_marked_as_sample() {
    let p = sample_plan(2026);
    assert!(p.tasks.len() >= 40, "{} tasks", p.tasks.len());
    assert!(p.sample);
    assert_eq!(p.year, 2026);
    assert_eq!(p.title, "2026年区委工作要点（示例）");
}

#[test]
fn sample_has_the_six_areas_in_order() {
    let p = sample_plan(2026);
    let names: Vec<&str> = p.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["党的建设", "组织", "宣传", "政法", "统战", "精神文明"]
    );
    let headings: Vec<String> = outline(&p)
        .into_iter()
        .filter_map(|e| match e {
            OutlineEntry::Area { number, name, .. } => Some(format!("{number}{name}")),
            OutlineEntry::Task { .. } => None,
        })
        .collect();
    assert_eq!(
        headings,
        vec![
            "一、党的建设",
            "二、组织",
            "三、宣传",
            "四、政法",
            "五、统战",
            "六、精神文明"
        ]
    );
}

#[test]
fn sample_has_the_committee_departments_and_townships() {
    let p = sample_plan(2026);
    for name in [
        "区委办",
        "区委组织部",
        "区委宣传部",
        "区委政法委",
        "区委统战部",
        "区文明办",
    ] {
        assert!(p.units.iter().any(|u| u.name == name), "missing {name}");
    }
    let townships: Vec<&str> = p
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Township)
        .map(|u| u.name.as_str())
        .collect();
    assert!(
        townships.iter().any(|n| n.ends_with("街道")),
        "{townships:?}"
    );
    assert!(
        townships
            .iter()
            .any(|n| n.ends_with('镇') || n.ends_with('乡')),
        "{townships:?}"
    );
}

#[test]
fn every_sample_task_has_a_known_lead_unit_and_a_leader() {
    let p = sample_plan(2026);
    for t in &p.tasks {
        let lead = t.lead_unit.as_deref().unwrap_or_default();
        assert!(p.unit(lead).is_some(), "{}: lead unit {lead:?}", t.id);
        assert!(!t.leader.trim().is_empty(), "{}: no leader", t.id);
        for s in &t.support_units {
            assert!(p.unit(s).is_some(), "{}: support unit {s}", t.id);
        }
    }
}

#[test]
fn sample_ids_are_unique_and_parents_exist() {
    let p = sample_plan(2026);
    let ids: BTreeSet<&str> = p.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), p.tasks.len());
    for t in &p.tasks {
        if let Some(parent) = &t.parent {
            assert!(ids.contains(parent.as_str()), "{} → {parent}", t.id);
        }
    }
}

#[test]
fn every_light_appears_among_work_items_at_mid_year() {
    let levels = levels_of_work_items(&sample_plan(2026), "2026-06-30");
    let all: BTreeSet<Level> = [
        Level::Red,
        Level::Yellow,
        Level::Green,
        Level::DoneOnTime,
        Level::DoneLate,
        Level::Halted,
    ]
    .into_iter()
    .collect();
    assert_eq!(levels, all);
}

#[test]
fn every_yellow_reason_appears_at_mid_year() {
    let p = sample_plan(2026);
    let a = assess_plan(&p, d("2026-06-30"));
    let yellow: Vec<_> = work_items(&p)
        .into_iter()
        .map(|i| &a[i.as_str()])
        .filter(|x| x.level == Level::Yellow)
        .collect();
    assert!(yellow.iter().any(|x| x.due_soon), "due_soon");
    assert!(yellow.iter().any(|x| x.behind), "behind");
    assert!(yellow.iter().any(|x| x.stale), "stale");
    let t = plan_tally(&p, &a);
    assert!(t.due_soon > 0 && t.behind > 0 && t.stale > 0 && t.overdue > 0);
    assert_eq!(t.total, work_items(&p).len());
    assert_eq!(t.total, t.closed() + t.in_progress + t.overdue + t.halted);
}

#[test]
fn sample_round_trips_through_write_and_restore_without_problems() {
    let p = sample_plan(2026);
    let text = write_plan(&p, "2026-06-30T09:00:00", "测试").unwrap();
    let r = restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.plan, p);
    assert_eq!(r.source, "测试");
    assert_eq!(r.exported_at, "2026-06-30T09:00:00");
}

#[test]
fn sample_works_for_a_leap_year() {
    let p = sample_plan(2024);
    assert!(p.tasks.len() >= 40);
    assert!(
        p.tasks.iter().all(|t| t.due.is_some() && t.start.is_some()),
        "no date was lost"
    );
    let levels = levels_of_work_items(&p, "2024-06-30");
    assert_eq!(levels.len(), 6, "{levels:?}");
    let text = write_plan(&p, "2024-02-29T12:00:00", "测试").unwrap();
    let r = restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.plan, p);
}

#[test]
fn sample_dates_stay_in_its_year() {
    for year in [2022, 2024, 2026] {
        let p = sample_plan(year);
        for t in &p.tasks {
            for date in [t.start, t.due].into_iter().flatten() {
                assert_eq!(chrono::Datelike::year(&date), year, "{} in {year}", t.id);
            }
        }
    }
}

#[test]
fn sample_has_an_extension_that_keeps_its_original_due() {
    let p = sample_plan(2026);
    let extended: Vec<_> = p
        .tasks
        .iter()
        .filter(|t| !t.extensions.is_empty())
        .collect();
    assert!(!extended.is_empty());
    for t in extended {
        assert_eq!(t.original_due(), Some(d("2026-06-20")), "{}", t.id);
        assert_eq!(t.due, Some(d("2026-09-30")), "{}", t.id);
    }
}

#[test]
fn sample_has_at_least_forty_work_items_under_its_points() {
    // The header counts work items (tasks without children); the sample's
    // 要点 are headings above them, so the 40 must be work items.
    let plan = sample_plan(2026);
    assert!(luoshi::model::stats::work_items(&plan).len() >= 40);
}
