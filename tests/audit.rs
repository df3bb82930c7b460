//! The blind-spot audit (`model::audit`, 无盲区、无死角): each kind of gap is
//! found, and goes away once fixed; entries come in a stable order with the
//! task's outline numbers; the sample plan's findings; and a large plan is
//! audited in linear time.

mod common;

use common::{area, child_of, closed, d, in_area, led_by, plan_of, reported, span, task, unit};
use luoshi::model::audit::{audit, blind_spot_count, summary, BlindSpot, BlindSpotKind};
use luoshi::model::sample::sample_plan;
use luoshi::model::{Milestone, Plan, Task, TaskId};

use BlindSpotKind::*;

const TODAY: &str = "2026-06-30";

/// A work item with nothing missing: led by a registered unit, a leader, a
/// due date, started and reported on.
fn sound(id: &str) -> Task {
    led_by(
        reported(span(id, "2026-01-01", "2026-12-31"), "2026-06-01", 40),
        "u-zzb",
        "组织部部长",
    )
}

/// A plan of the given tasks under one area, with 组织部 in the registry.
fn plan(tasks: Vec<Task>) -> Plan {
    let mut p = plan_of(tasks);
    p.areas = vec![area("dj", "党的建设", 1)];
    p.units = vec![unit("u-zzb", "区委组织部")];
    p
}

fn found(p: &Plan) -> Vec<BlindSpot> {
    audit(p, d(TODAY))
}

/// The (kind, task id) of every entry about a task.
fn task_kinds(p: &Plan) -> Vec<(BlindSpotKind, String)> {
    found(p)
        .into_iter()
        .filter_map(|s| s.task.map(|t| (s.kind, t.0)))
        .collect()
}

fn of_kind(p: &Plan, kind: BlindSpotKind) -> Vec<BlindSpot> {
    found(p).into_iter().filter(|s| s.kind == kind).collect()
}

fn milestone(due: &str) -> Milestone {
    Milestone {
        id: "m1".into(),
        title: "阶段目标".into(),
        due: d(due),
        done_on: None,
    }
}

#[test]
fn a_plan_with_nothing_missing_has_no_blind_spots() {
    let p = plan(vec![
        in_area(sound("p1"), "dj"),
        child_of(sound("t1"), "p1"),
    ]);
    assert_eq!(found(&p), vec![]);
    assert_eq!(blind_spot_count(&p, d(TODAY)), 0);
}

#[test]
fn task_without_lead_unit_is_found_and_not_once_assigned() {
    let mut t = sound("t1");
    t.lead_unit = None;
    let mut p = plan(vec![t]);
    assert_eq!(task_kinds(&p), vec![(NoLeadUnit, "t1".to_string())]);
    assert_eq!(of_kind(&p, NoLeadUnit)[0].note, "");

    p.tasks[0].lead_unit = Some("u-zzb".into());
    assert_eq!(found(&p), vec![]);
}

#[test]
fn blank_lead_unit_counts_as_none() {
    let mut t = sound("t1");
    t.lead_unit = Some("  ".into());
    assert_eq!(task_kinds(&plan(vec![t])), vec![(NoLeadUnit, "t1".into())]);
}

#[test]
fn unknown_lead_unit_counts_as_none_and_says_so() {
    let t = led_by(sound("t1"), "u-ghost", "组织部部长");
    let spots = of_kind(&plan(vec![t]), NoLeadUnit);
    assert_eq!(spots.len(), 1);
    assert_eq!(spots[0].task, Some(TaskId::from("t1")));
    assert_eq!(spots[0].note, "牵头单位“u-ghost”不在单位名录中，视同未明确");
}

#[test]
fn task_without_due_date_is_found_and_not_once_dated() {
    let mut t = sound("t1");
    t.due = None;
    let mut p = plan(vec![t]);
    assert_eq!(task_kinds(&p), vec![(NoDueDate, "t1".to_string())]);

    p.tasks[0].due = Some(d("2026-12-31"));
    assert_eq!(found(&p), vec![]);
}

#[test]
fn task_with_blank_leader_is_found_and_not_once_named() {
    let mut p = plan(vec![led_by(sound("t1"), "u-zzb", " \u{3000}")]);
    assert_eq!(task_kinds(&p), vec![(NoLeader, "t1".to_string())]);

    p.tasks[0].leader = "组织部部长".into();
    assert_eq!(found(&p), vec![]);
}

#[test]
fn a_key_point_is_audited_like_any_task() {
    // A 要点 with children: missing fields count, but reporting is its
    // children's business.
    let mut point = in_area(task("p1"), "dj");
    point.lead_unit = None;
    let p = plan(vec![point, child_of(sound("t1"), "p1")]);
    assert_eq!(
        task_kinds(&p),
        vec![
            (NoLeadUnit, "p1".to_string()),
            (NoDueDate, "p1".to_string()),
            (NoLeader, "p1".to_string()),
        ]
    );
}

#[test]
fn unit_that_leads_nothing_is_idle_and_not_once_leading() {
    let mut p = plan(vec![sound("t1")]);
    p.units.push(unit("u-xcb", "区委宣传部"));
    let spots = of_kind(&p, IdleUnit);
    assert_eq!(spots.len(), 1);
    assert_eq!(spots[0].unit.as_deref(), Some("u-xcb"));
    assert_eq!(spots[0].task, None);
    assert_eq!(spots[0].name, "区委宣传部");
    assert_eq!(spots[0].note, "不牵头任何任务，也未配合任何任务");

    p.tasks.push(led_by(sound("t2"), "u-xcb", "宣传部部长"));
    assert_eq!(found(&p), vec![]);
}

#[test]
fn unit_that_only_supports_is_idle_and_says_so() {
    let mut t1 = sound("t1");
    t1.support_units = vec!["u-xcb".into(), "u-xcb".into()];
    let mut t2 = sound("t2");
    t2.support_units = vec!["u-xcb".into()];
    let mut p = plan(vec![t1, t2]);
    p.units.push(unit("u-xcb", "区委宣传部"));
    let spots = of_kind(&p, IdleUnit);
    assert_eq!(spots.len(), 1);
    assert_eq!(spots[0].note, "不牵头任何任务，仅配合 2 项");
}

#[test]
fn idle_unit_without_a_name_is_shown_by_short_name_or_id() {
    let mut p = plan(vec![sound("t1")]);
    let mut short = unit("u-a", "");
    short.short_name = "简称".into();
    p.units.push(short);
    p.units.push(unit("u-b", " "));
    let names: Vec<String> = of_kind(&p, IdleUnit).into_iter().map(|s| s.name).collect();
    assert_eq!(names, vec!["简称", "u-b"]);
}

#[test]
fn key_task_without_milestones_is_found_and_not_once_given_one() {
    let mut t = sound("t1");
    t.key_task = true;
    let mut p = plan(vec![t]);
    assert_eq!(
        task_kinds(&p),
        vec![(KeyTaskWithoutMilestones, "t1".to_string())]
    );

    p.tasks[0].milestones.push(milestone("2026-09-30"));
    assert_eq!(found(&p), vec![]);
}

#[test]
fn ordinary_task_without_milestones_is_not_a_blind_spot() {
    let t = sound("t1");
    assert!(t.milestones.is_empty() && !t.key_task);
    assert_eq!(found(&plan(vec![t])), vec![]);
}

#[test]
fn closed_key_task_without_milestones_is_not_listed() {
    let mut t = closed(sound("t1"), "2026-05-31");
    t.key_task = true;
    let mut p = plan(vec![t]);
    assert_eq!(found(&p), vec![]);
    // Closed only after the day audited: still open then, so still listed.
    p.tasks[0] = {
        let mut t = closed(sound("t1"), "2026-07-15");
        t.key_task = true;
        t
    };
    assert_eq!(
        task_kinds(&p),
        vec![(KeyTaskWithoutMilestones, "t1".to_string())]
    );
}

#[test]
fn started_work_item_without_updates_is_never_reported_and_not_once_reported() {
    let t = led_by(
        span("t1", "2026-03-01", "2026-12-31"),
        "u-zzb",
        "组织部部长",
    );
    let mut p = plan(vec![t]);
    let spots = of_kind(&p, NeverReported);
    assert_eq!(spots.len(), 1);
    assert_eq!(spots[0].note, "2026-03-01 启动以来尚无进展报送");

    p.tasks[0] = reported(p.tasks[0].clone(), TODAY, 10);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn work_item_starting_today_or_without_start_counts() {
    let today = led_by(span("t1", TODAY, "2026-12-31"), "u-zzb", "组织部部长");
    let mut undated = led_by(span("t2", TODAY, "2026-12-31"), "u-zzb", "组织部部长");
    undated.start = None;
    let spots = of_kind(&plan(vec![today, undated]), NeverReported);
    let ids: Vec<_> = spots.iter().filter_map(|s| s.task.clone()).collect();
    assert_eq!(ids, vec![TaskId::from("t1"), TaskId::from("t2")]);
    assert_eq!(spots[1].note, "未填写开始日期，尚无进展报送");
}

#[test]
fn an_update_after_the_day_audited_has_not_happened_yet() {
    let t = reported(
        led_by(
            span("t1", "2026-03-01", "2026-12-31"),
            "u-zzb",
            "组织部部长",
        ),
        "2026-07-10",
        30,
    );
    assert_eq!(
        task_kinds(&plan(vec![t])),
        vec![(NeverReported, "t1".to_string())]
    );
}

#[test]
fn closed_and_not_yet_started_work_items_are_not_never_reported() {
    let base = || led_by(span("x", "2026-03-01", "2026-12-31"), "u-zzb", "组织部部长");
    let mut done = closed(base(), "2026-06-01");
    done.id = "done".into();
    let mut later = base();
    later.id = "later".into();
    later.start = Some(d("2026-07-01"));
    let p = plan(vec![done, later]);
    assert_eq!(of_kind(&p, NeverReported), vec![]);
}

#[test]
fn a_parent_is_not_expected_to_report_itself() {
    let point = led_by(
        in_area(span("p1", "2026-01-01", "2026-12-31"), "dj"),
        "u-zzb",
        "组织部部长",
    );
    let p = plan(vec![point, child_of(sound("t1"), "p1")]);
    assert_eq!(found(&p), vec![]);
}

#[test]
fn entries_are_grouped_by_kind_then_in_outline_order() {
    // Two areas; the second area's 要点 comes first in the task list and has
    // the lower `order`, but the outline (and the ledger) shows area 党的建设
    // first.
    let mut p = plan(vec![
        in_area(task("p2"), "zz"),
        in_area(task("p1"), "dj"),
        child_of(task("t1"), "p1"),
    ]);
    p.areas.push(area("zz", "组织", 2));
    p.tasks[0].order = 0;
    p.tasks[1].order = 5;
    p.units.push(unit("u-xcb", "区委宣传部"));
    let order: Vec<(BlindSpotKind, String)> = found(&p)
        .into_iter()
        .map(|s| (s.kind, s.task.map(|t| t.0).or(s.unit).unwrap_or_default()))
        .collect();
    let row = |k, id: &str| (k, id.to_string());
    assert_eq!(
        order,
        vec![
            row(NoLeadUnit, "p1"),
            row(NoLeadUnit, "t1"),
            row(NoLeadUnit, "p2"),
            row(NoDueDate, "p1"),
            row(NoDueDate, "t1"),
            row(NoDueDate, "p2"),
            row(NoLeader, "p1"),
            row(NoLeader, "t1"),
            row(NoLeader, "p2"),
            row(IdleUnit, "u-zzb"),
            row(IdleUnit, "u-xcb"),
            row(NeverReported, "t1"),
            row(NeverReported, "p2"),
        ]
    );
}

#[test]
fn a_task_is_named_by_its_numbers_from_the_key_point_down() {
    let mut t = child_of(sound("t2"), "p1");
    t.title = "巩固深化党史学习教育成果".into();
    t.order = 2;
    t.due = None;
    let mut first = child_of(sound("t1"), "p1");
    first.order = 1;
    let mut sub = child_of(sound("s1"), "t2");
    sub.due = None;
    let p = plan(vec![in_area(sound("p1"), "dj"), first, t, sub]);
    let names: Vec<String> = of_kind(&p, NoDueDate).into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        vec![
            "（一） 2. 巩固深化党史学习教育成果",
            "（一） 2. （1） 任务s1"
        ]
    );
}

#[test]
fn names_in_a_deep_chain_stay_short() {
    // Thousands deep (broken data): a name shows the last four numbers, so
    // naming every task stays linear.
    let depth = 3_000;
    let mut tasks = vec![in_area(sound("t0"), "dj")];
    for k in 1..depth {
        tasks.push(child_of(sound(&format!("t{k}")), &format!("t{}", k - 1)));
    }
    for t in &mut tasks {
        t.leader.clear();
    }
    let spots = found(&plan(tasks));
    assert_eq!(spots.len(), depth);
    assert_eq!(spots[0].name, "（一） 任务t0");
    assert_eq!(spots[1].name, "（一） 1. 任务t1");
    assert_eq!(
        spots[depth - 1].name,
        format!("… ① ① ① ① 任务t{}", depth - 1)
    );
}

#[test]
fn untitled_task_is_named_as_such() {
    let mut t = in_area(sound("p1"), "dj");
    t.title = " ".into();
    t.due = None;
    assert_eq!(
        of_kind(&plan(vec![t]), NoDueDate)[0].name,
        "（一） （未命名任务）"
    );
}

#[test]
fn links_open_the_task_or_unit_editor_with_the_id_encoded() {
    let mut t = sound("t 1/é");
    t.due = None;
    let mut p = plan(vec![t]);
    p.units.push(unit("u-xcb", "区委宣传部"));
    let hrefs: Vec<String> = found(&p).iter().map(BlindSpot::href).collect();
    assert_eq!(
        hrefs,
        vec!["#/ledger?edit=t%201%2F%C3%A9", "#/units?edit=u-xcb"]
    );
}

#[test]
fn summary_counts_every_kind_in_order_zeros_included() {
    let mut t = sound("t1");
    t.due = None;
    t.leader.clear();
    let mut u = sound("t2");
    u.due = None;
    let spots = found(&plan(vec![t, u]));
    let counts: Vec<(BlindSpotKind, usize)> = summary(&spots)
        .into_iter()
        .map(|c| (c.kind, c.count))
        .collect();
    assert_eq!(
        counts,
        vec![
            (NoLeadUnit, 0),
            (NoDueDate, 2),
            (NoLeader, 1),
            (IdleUnit, 0),
            (KeyTaskWithoutMilestones, 0),
            (NeverReported, 0),
        ]
    );
}

#[test]
fn kinds_have_distinct_keys_and_chinese_labels_and_hints() {
    let keys: std::collections::HashSet<_> = BlindSpotKind::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(keys.len(), BlindSpotKind::ALL.len());
    for (i, k) in BlindSpotKind::ALL.iter().enumerate() {
        assert_eq!(*k as usize, i, "ALL lists the kinds in declaration order");
    }
    for k in BlindSpotKind::ALL {
        assert!(common::is_chinese(k.label()), "{k:?}");
        assert!(common::is_chinese(k.hint()), "{k:?}");
    }
    assert_eq!(NoLeadUnit.label(), "未明确牵头单位的任务");
}

#[test]
fn sample_plan_at_mid_year_lists_support_only_units_and_key_tasks_without_milestones() {
    let p = sample_plan(2026);
    let spots = audit(&p, d(TODAY));
    let counts: Vec<(BlindSpotKind, usize)> = summary(&spots)
        .into_iter()
        .map(|c| (c.kind, c.count))
        .collect();
    // Every sample task has a registered lead unit, a due date and a leader,
    // and every started work item has reported by 06-30 (the two 'Later'
    // ones start in August). Nine of the sixteen units (the government
    // departments, the 公安分局 and the four 街道乡镇) only support others.
    // Of the sixteen key tasks only the four 'Steady' ones carry a
    // milestone and two are closed by mid-year, leaving ten.
    assert_eq!(
        counts,
        vec![
            (NoLeadUnit, 0),
            (NoDueDate, 0),
            (NoLeader, 0),
            (IdleUnit, 9),
            (KeyTaskWithoutMilestones, 10),
            (NeverReported, 0),
        ]
    );
    assert_eq!(blind_spot_count(&p, d(TODAY)), 19);
    let idle: Vec<&str> = spots.iter().filter_map(|s| s.unit.as_deref()).collect();
    assert_eq!(
        idle,
        vec!["u-fgw", "u-zjw", "u-cgw", "u-nyj", "u-gaj", "u-cb", "u-cn", "u-qs", "u-hk"]
    );
    let first_key = spots.iter().find(|s| s.kind == KeyTaskWithoutMilestones);
    assert_eq!(
        first_key.map(|s| s.name.as_str()),
        Some("（一） 3. 建立区委决策部署督查台账，确保中央和市委决策部署落地落实")
    );
}

#[test]
fn sample_plan_on_new_years_day_lists_only_standing_work_as_never_reported() {
    // On 1 January the 'Monthly' items have started but their first report
    // is due on the 28th; they are the only ones never reported by then.
    let p = sample_plan(2026);
    let never = of_kind_at(&p, "2026-01-01", NeverReported);
    let monthly = p.tasks.iter().filter(|t| t.recurrence.is_some()).count();
    assert_eq!(never, monthly);
    assert_eq!(monthly, 3);
}

fn of_kind_at(p: &Plan, day: &str, kind: BlindSpotKind) -> usize {
    audit(p, d(day)).iter().filter(|s| s.kind == kind).count()
}

/// `points` 要点 of 19 任务 each, every task missing its lead unit (but the
/// first 任务), due date and leader, every 任务 a key task started in January
/// and never reported, and `idle` units besides 组织部 that lead nothing.
fn gappy_plan(points: u32, idle: usize) -> Plan {
    let mut p = plan(Vec::new());
    for k in 0..points {
        let pid = format!("p{k}");
        let mut point = in_area(task(&pid), "dj");
        point.order = k;
        p.tasks.push(point);
        for j in 0..19 {
            let mut t = child_of(task(&format!("{pid}-{j}")), &pid);
            t.order = j;
            t.key_task = true;
            t.start = Some(d("2026-01-01"));
            p.tasks.push(t);
        }
    }
    p.tasks[1].lead_unit = Some("u-zzb".into());
    for k in 0..idle {
        p.units.push(unit(&format!("u{k}"), &format!("单位{k}")));
    }
    p
}

// Speed is measured in the benchmark, never asserted here: this checks
// that a large plan with a gap in every task is audited completely.
#[test]
fn five_thousand_tasks_with_a_gap_each_are_all_found() {
    let p = gappy_plan(250, 999);
    assert_eq!(p.tasks.len(), 5_000);
    let spots = audit(&p, d(TODAY));
    assert_eq!(
        spots.len(),
        4_999 + 5_000 + 5_000 + 999 + 4_750 + 4_750,
        "every gap found"
    );
}

#[test]
fn the_count_beside_the_page_is_the_audits_length_even_with_a_cycle_or_a_missing_parent() {
    // The count is worked out without listing (issue 19): it must agree
    // with the list on every kind of plan, stranded tasks included.
    let mut odd = plan(vec![
        task("a"),
        child_of(task("b"), "c"),
        child_of(task("c"), "b"),
        child_of(task("d"), "nowhere"),
        sound("e"),
    ]);
    odd.units.push(unit("u-idle", "区委办"));
    let mut cases = vec![odd, plan(vec![sound("x")])];
    cases.push(sample_plan(2026));
    for p in &cases {
        for day in ["2026-01-01", TODAY, "2026-12-31"] {
            assert_eq!(
                blind_spot_count(p, d(day)),
                audit(p, d(day)).len(),
                "on {day}"
            );
        }
    }
}
