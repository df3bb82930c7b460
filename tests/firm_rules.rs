//! Rules that cannot be talked around (issue 17): a parent's light names
//! the child it comes from; a parent paused by hand with children at work
//! shows their light and weighs in its own parent alike; standing work is
//! judged by the due date in force on the day; 本期未报 follows the rule
//! for tasks starting mid-period; copying to next year leaves 中止 work
//! out and says how much.

mod common;

use common::{child_of, d, plan_of, reported, span, task};
use luoshi::model::explain::reasons_at;
use luoshi::model::index::PlanIndex;
use luoshi::model::recurrence::{missed_count, Recurrence};
use luoshi::model::reporting::coverage;
use luoshi::model::rollover::{copy_to_next_year, stopped_left_out};
use luoshi::model::rollup::{assess_plan, assess_positions};
use luoshi::model::settings::ReportCycle;
use luoshi::model::{Level, Plan, Status};

fn monthly(mut plan: Plan) -> Plan {
    plan.settings.report_cycle = ReportCycle::Monthly;
    plan
}

#[test]
fn a_parent_red_because_of_a_child_names_the_child_and_its_lateness() {
    let parent = span("p", "2026-01-01", "2026-12-31");
    let late = child_of(span("c", "2026-01-01", "2026-03-31"), "p");
    let fine = child_of(
        reported(span("ok", "2026-01-01", "2026-12-31"), "2026-06-20", 60),
        "p",
    );
    let plan = plan_of(vec![parent, late, fine]);
    let today = d("2026-06-30");
    let index = PlanIndex::new(&plan);
    let all = assess_positions(&index, today);
    let p = index.position("p").expect("parent");
    assert_eq!(all[p].level, Level::Red);
    assert_eq!(all[p].from_child.as_deref(), Some("c"));
    let reasons = reasons_at(&index, &all, p, today);
    assert_eq!(reasons[0], "灯色来自子任务“任务c”：逾期");
    assert!(
        reasons[1].starts_with("已逾期 91 天（完成时限 2026年3月31日）"),
        "{reasons:?}"
    );
    // Not the parent's own dates (due at year end, 184 days left).
    assert!(!reasons.iter().any(|r| r.contains("还有")), "{reasons:?}");
}

#[test]
fn a_light_from_a_grandchild_names_the_whole_way_down() {
    let plan = plan_of(vec![
        span("top", "2026-01-01", "2026-12-31"),
        child_of(span("mid", "2026-01-01", "2026-12-31"), "top"),
        child_of(span("leaf", "2026-01-01", "2026-03-31"), "mid"),
    ]);
    let today = d("2026-06-30");
    let index = PlanIndex::new(&plan);
    let all = assess_positions(&index, today);
    let top = index.position("top").expect("top");
    let reasons = reasons_at(&index, &all, top, today);
    assert_eq!(reasons[0], "灯色来自子任务“任务mid” → “任务leaf”：逾期");
}

#[test]
fn a_parent_whose_own_light_is_worst_gives_its_own_reasons() {
    let plan = plan_of(vec![
        span("p", "2026-01-01", "2026-03-31"),
        child_of(
            reported(span("c", "2026-01-01", "2026-12-31"), "2026-06-20", 60),
            "p",
        ),
    ]);
    let today = d("2026-06-30");
    let index = PlanIndex::new(&plan);
    let all = assess_positions(&index, today);
    let p = index.position("p").expect("parent");
    assert_eq!(all[p].from_child, None);
    assert!(reasons_at(&index, &all, p, today)[0].starts_with("已逾期 91 天"));
}

#[test]
fn a_parent_paused_by_hand_with_a_red_child_shows_red_and_weighs_in_its_parent() {
    let mut paused = child_of(span("p", "2026-01-01", "2026-12-31"), "g");
    paused.status = Status::Paused;
    paused.status_note = "等待上级部署".into();
    let plan = plan_of(vec![
        span("g", "2026-01-01", "2026-12-31"),
        paused,
        child_of(
            reported(span("c", "2026-01-01", "2026-03-31"), "2026-03-01", 80),
            "p",
        ),
        child_of(
            reported(span("s", "2026-01-01", "2026-12-31"), "2026-06-20", 20),
            "g",
        ),
    ]);
    let all = assess_plan(&plan, d("2026-06-30"));
    let p = &all["p"];
    assert_eq!(p.level, Level::Red);
    assert!(!p.paused, "open work, not paused");
    assert!(p.halted_open_children);
    assert_eq!(p.label(), "逾期（已标记暂缓，但有子任务仍在办理）");
    // The grandparent counts it: equal durations, 80% and 20% → 50%.
    assert!(
        (all["g"].progress - 50.0).abs() < 1e-9,
        "{}",
        all["g"].progress
    );
}

#[test]
fn a_parent_paused_by_hand_with_all_children_paused_stays_paused_and_out_of_the_mean() {
    let mut p = child_of(span("p", "2026-01-01", "2026-12-31"), "g");
    p.status = Status::Paused;
    let mut c = child_of(span("c", "2026-01-01", "2026-03-31"), "p");
    c.status = Status::Paused;
    let plan = plan_of(vec![
        span("g", "2026-01-01", "2026-12-31"),
        p,
        c,
        child_of(
            reported(span("s", "2026-01-01", "2026-12-31"), "2026-06-20", 20),
            "g",
        ),
    ]);
    let all = assess_plan(&plan, d("2026-06-30"));
    assert_eq!(all["p"].level, Level::Halted);
    assert!(all["p"].paused);
    assert!((all["g"].progress - 20.0).abs() < 1e-9);
}

#[test]
fn standing_work_is_judged_by_the_due_date_in_force_on_the_day() {
    // Monthly work due at the end of June, reported every month to June;
    // extended to year end only on 15 September.
    let mut t = span("m", "2026-01-01", "2026-06-30");
    t.recurrence = Some(Recurrence::Monthly);
    for month in 1..=6 {
        t = reported(t, &format!("2026-0{month}-20"), 10 * month);
    }
    t.extend(d("2026-09-15"), d("2026-12-31"), "延长实施期");
    // On 10 August July was not part of the work yet: nothing missed.
    assert_eq!(missed_count(&t, d("2026-08-10")), 0);
    // Once extended, July and August are owed and were not reported.
    assert_eq!(missed_count(&t, d("2026-09-20")), 2);
}

#[test]
fn work_starting_mid_period_is_not_listed_unreported_until_the_next_period() {
    let plan = monthly(plan_of(vec![
        common::led_by(span("early", "2026-01-01", "2026-12-31"), "u1", "李"),
        common::led_by(span("mid", "2026-06-10", "2026-12-31"), "u1", "李"),
    ]));
    let index = PlanIndex::new(&plan);
    let june = coverage(&index, &plan.settings, d("2026-06-28"));
    assert_eq!(june.len(), 1);
    assert_eq!(june[0].expected, 1);
    let missing: Vec<&str> = june[0].missing.iter().map(|t| t.as_str()).collect();
    assert_eq!(missing, ["early"]);
    let all = assess_plan(&plan, d("2026-06-28"));
    assert_eq!(all["mid"].reported, None, "no 本期未报 mark in June");
    assert_eq!(all["early"].reported, Some(false));
    // From July on it owes its report like the rest.
    let july = coverage(&index, &plan.settings, d("2026-07-28"));
    assert_eq!(july[0].missing.len(), 2);
}

#[test]
fn copying_to_next_year_leaves_stopped_work_and_what_hangs_below_it_out() {
    let mut stopped = span("s", "2026-01-01", "2026-12-31");
    stopped.status = Status::Stopped;
    stopped.status_note = "项目取消".into();
    let mut paused = span("w", "2026-01-01", "2026-12-31");
    paused.status = Status::Paused;
    let plan = plan_of(vec![
        span("a", "2026-01-01", "2026-12-31"),
        stopped,
        child_of(span("under", "2026-01-01", "2026-12-31"), "s"),
        paused,
        task("b"),
    ]);
    let left = stopped_left_out(&plan);
    assert_eq!((left.stopped, left.total), (1, 2));
    assert_eq!(
        left.note().as_deref(),
        Some("已中止的 1 项任务及其下级任务（共 2 项）不带入新计划。")
    );
    let next = copy_to_next_year(&plan);
    let titles: Vec<&str> = next.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["任务a", "任务w", "任务b"]);
    assert!(next.tasks.iter().all(|t| t.status == Status::NotStarted));
}

#[test]
fn a_plan_without_stopped_work_has_nothing_to_say_about_it() {
    let plan = plan_of(vec![span("a", "2026-01-01", "2026-12-31")]);
    assert_eq!(stopped_left_out(&plan).note(), None);
    assert_eq!(copy_to_next_year(&plan).tasks.len(), 1);
}
