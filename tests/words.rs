//! Numbers that agree and words that say what happens (issue 18): one way
//! to count a plan (`model::counting`) behind every page, the due-soon list
//! within the settings' window, notice numbers unique within a year, the
//! handling record, the heading and undo label of a new task, the notice's
//! 主送 and its placeholder 落款.

mod common;

use common::{child_of, d, plan_of, span};
use luoshi::model::charts::{deadlines, headline};
use luoshi::model::counting::{query_line, rows_text, work_items_text, Counted};
use luoshi::model::edit::{new_task_noun, Place};
use luoshi::model::index::PlanIndex;
use luoshi::model::ledger::{ledger_view, LedgerLine};
use luoshi::model::lifecycle::{close, extend, handling, HandlingKind};
use luoshi::model::ops::apply;
use luoshi::model::query::{select, Query};
use luoshi::model::rollup::assess_positions;
use luoshi::model::sample::sample_plan;
use luoshi::model::schedule::Level;
use luoshi::model::search::SearchIndex;
use luoshi::model::stats::plan_tally;
use luoshi::model::supervision::{
    next_number, notice, number_text, repeated_numbers, signature_is_placeholder, supervise,
    SuperviseForm,
};
use luoshi::model::task::SuperviseKind;
use luoshi::model::{Plan, TaskId};

const MID_YEAR: &str = "2026-06-30";

fn sample() -> Plan {
    sample_plan(2026)
}

/// The ledger's count cards and its match line for `query`, as the page
/// builds them: the work items counted, and the rows that matched.
fn ledger_counts(plan: &Plan, query: &Query) -> Counted {
    let index = PlanIndex::new(plan);
    let a = assess_positions(&index, d(MID_YEAR));
    let (lines, tally) = ledger_view(&index, &a, query, None);
    let rows = lines
        .iter()
        .filter(|l| matches!(l, LedgerLine::Task(t) if t.matched))
        .count();
    Counted {
        work_items: tally.total,
        rows,
    }
}

#[test]
fn work_items_are_the_tasks_without_subtasks_and_rows_are_all_tasks() {
    let plan = plan_of(vec![
        span("p", "2022-01-01", "2022-12-31"),
        child_of(span("a", "2022-01-01", "2022-06-30"), "p"),
        child_of(span("b", "2022-01-01", "2022-06-30"), "p"),
        span("c", "2022-01-01", "2022-06-30"),
    ]);
    let counted = Counted::of_plan(&plan);
    assert_eq!(
        counted,
        Counted {
            work_items: 3,
            rows: 4
        }
    );
    assert_eq!(counted.describe(), "工作事项 3 项，任务（含要点）4 项");
    assert_eq!(work_items_text(6), "工作事项 6 项");
    assert_eq!(rows_text(11), "任务（含要点）11 项");
}

#[test]
fn the_sample_is_counted_alike_by_the_ledger_the_dashboard_and_the_dialogs() {
    let plan = sample();
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d(MID_YEAR));
    let whole = Counted::plan(&index);
    assert!(whole.work_items < whole.rows, "{whole:?}");
    // The ledger's 工作事项 card with no filter.
    assert_eq!(
        ledger_counts(&plan, &Query::default()).work_items,
        whole.work_items
    );
    // The dashboard's 工作事项 card.
    let cards = headline(&index, &a);
    let (label, mark) = &cards[0];
    assert_eq!(*label, "工作事项");
    assert_eq!(mark.count, whole.work_items);
    // The statistics.
    let tally = plan_tally(
        &plan,
        &luoshi::model::rollup::assess_plan(&plan, d(MID_YEAR)),
    );
    assert_eq!(tally.total, whole.work_items);
    // The Gantt's line with nothing narrowing it.
    assert_eq!(
        query_line(&index, &a, None, &Query::default()),
        whole.describe()
    );
}

#[test]
fn a_chart_mark_and_the_ledger_it_opens_count_the_same_work_items() {
    let plan = sample();
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d(MID_YEAR));
    let red = Query {
        levels: vec![Level::Red],
        ..Query::default()
    };
    let red_items = index
        .work_items()
        .filter(|&i| a[i].level == Level::Red)
        .count();
    assert!(red_items > 0);
    let counted = ledger_counts(&plan, &red);
    assert_eq!(counted.work_items, red_items, "the donut's red segment");
    assert!(
        counted.rows > counted.work_items,
        "red parents match too: {counted:?}"
    );
    let line = counted.matched();
    assert!(
        line.starts_with(&format!("符合条件的工作事项 {red_items} 项")),
        "{line}"
    );
    // The Gantt says the same for the same query.
    let search = SearchIndex::default();
    let selection = select(&index, &a, &search, &red);
    assert_eq!(Counted::selection(&selection), counted);
    assert_eq!(query_line(&index, &a, None, &red), line);
}

#[test]
fn due_soon_lists_only_what_falls_due_within_the_settings_window() {
    let mut plan = plan_of(vec![
        span("today", "2022-01-01", "2022-06-30"),
        span("week", "2022-01-01", "2022-07-07"),
        span("eight", "2022-01-01", "2022-07-08"),
        span("months", "2022-01-01", "2022-11-30"),
        span("late", "2022-01-01", "2022-06-01"),
    ]);
    let listed = |plan: &Plan| {
        let index = PlanIndex::new(plan);
        let a = assess_positions(&index, d("2022-06-30"));
        let (next, red) = deadlines(&index, &a, 8);
        (
            next.into_iter().map(|i| i.id.0).collect::<Vec<_>>(),
            red.into_iter().map(|i| i.id.0).collect::<Vec<_>>(),
        )
    };
    assert_eq!(plan.settings.due_soon_days, 7);
    let (next, red) = listed(&plan);
    assert_eq!(next, vec!["today", "week"]);
    assert_eq!(red, vec!["late"]);
    // The window is the setting's, not a fixed one.
    plan.settings.due_soon_days = 8;
    assert_eq!(listed(&plan).0, vec!["today", "week", "eight"]);
    plan.settings.due_soon_days = 0;
    assert_eq!(listed(&plan).0, vec!["today"]);
}

#[test]
fn the_samples_due_soon_list_holds_only_its_due_soon_items() {
    let plan = sample();
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d(MID_YEAR));
    let (next, _) = deadlines(&index, &a, 100);
    let window = i64::from(plan.settings.due_soon_days);
    assert!(!next.is_empty());
    assert!(
        next.iter().all(|i| (0..=window).contains(&i.days)),
        "{:?}",
        next.iter().map(|i| i.days).collect::<Vec<_>>()
    );
    // As many as the 临近时限 count (no red item is due soon).
    let tally = plan_tally(
        &plan,
        &luoshi::model::rollup::assess_plan(&plan, d(MID_YEAR)),
    );
    assert_eq!(next.len(), tally.due_soon);
}

#[test]
fn the_sample_issues_each_supervision_number_once() {
    let plan = sample();
    let numbers: Vec<String> = plan
        .tasks
        .iter()
        .flat_map(|t| t.supervisions.iter().map(|s| number_text(&plan, s)))
        .collect();
    assert!(numbers.len() >= 2, "{numbers:?}");
    assert_eq!(repeated_numbers(&plan), Vec::<String>::new(), "{numbers:?}");
    assert_eq!(numbers[0], "督字〔2026〕1号");
    // The next one runs on after the last issued.
    assert_eq!(
        next_number(&plan, SuperviseKind::Supervise, 2026),
        numbers.len() as u32 + 1
    );
}

#[test]
fn supervising_again_never_repeats_a_number_in_the_year() {
    let mut plan = sample();
    let today = d(MID_YEAR);
    let reds: Vec<TaskId> = {
        let index = PlanIndex::new(&plan);
        let a = assess_positions(&index, today);
        index
            .work_items()
            .filter(|&i| matches!(a[i].level, Level::Red | Level::Yellow))
            .map(|i| index.id(i).clone())
            .collect()
    };
    for kind in [SuperviseKind::Supervise, SuperviseKind::Chase] {
        let form = SuperviseForm {
            kind,
            date: today,
            note: "请抓紧办理".into(),
            reply_due: Some(d("2026-07-10")),
        };
        for chunk in reds.chunks(3) {
            let (op, _) = supervise(&plan, chunk, &form, today).expect("supervise");
            apply(&mut plan, op, "2026-06-30T09:00:00Z").expect("apply");
        }
    }
    assert_eq!(repeated_numbers(&plan), Vec::<String>::new());
}

#[test]
fn repeated_numbers_are_found() {
    let mut plan = sample();
    let first = plan
        .tasks
        .iter()
        .flat_map(|t| &t.supervisions)
        .next()
        .cloned()
        .expect("the sample supervises");
    let other = plan
        .tasks
        .iter_mut()
        .find(|t| t.supervisions.is_empty())
        .expect("an unsupervised task");
    let mut copy = first.clone();
    copy.id = "again".into();
    other.supervisions.push(copy);
    assert_eq!(repeated_numbers(&plan), vec!["督字〔2026〕1号".to_string()]);
}

#[test]
fn the_handling_record_shows_the_closing_note_and_every_extension_reason() {
    let t = span("x", "2026-01-01", "2026-06-20");
    let t = extend(
        &t,
        d("2026-06-18"),
        d("2026-09-30"),
        "受场地调整影响",
        d(MID_YEAR),
    )
    .expect("extend");
    let t = close(&t, d("2026-06-29"), "已完成全部整改并形成报告", d(MID_YEAR)).expect("close");
    let record = handling(&t);
    let kinds: Vec<HandlingKind> = record.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, vec![HandlingKind::Closing, HandlingKind::Extension]);
    assert!(record[0]
        .text
        .contains("办结说明：已完成全部整改并形成报告"));
    assert!(record[1].text.contains("延期理由：受场地调整影响"));
    assert!(record[1].text.contains("由 2026-06-20 延至 2026-09-30"));
}

#[test]
fn a_new_top_level_task_is_a_point_and_one_below_is_a_task() {
    let plan = plan_of(vec![
        span("p", "2022-01-01", "2022-12-31"),
        child_of(span("a", "2022-01-01", "2022-06-30"), "p"),
    ]);
    assert_eq!(new_task_noun(&plan, &Place::EndOfArea(None)), "要点");
    assert_eq!(new_task_noun(&plan, &Place::After("p".into())), "要点");
    assert_eq!(new_task_noun(&plan, &Place::After("a".into())), "任务");
    assert_eq!(
        new_task_noun(&plan, &Place::LastChildOf("a".into())),
        "任务"
    );
}

#[test]
fn a_notice_is_addressed_to_its_lead_unit_and_a_placeholder_signature_is_noticed() {
    let mut plan = sample();
    let (task, s) = plan
        .tasks
        .iter()
        .find_map(|t| t.supervisions.first().map(|s| (t.clone(), s.clone())))
        .expect("the sample supervises");
    let n = notice(&plan, &task, &s);
    let lead = plan.unit_name(task.lead_unit.as_deref().expect("a lead unit"));
    assert_eq!(n.addressee, lead);
    assert!(
        signature_is_placeholder(&plan),
        "the sample's 中共××区委办公室"
    );
    plan.settings.office_name = "中共东城区委办公室".into();
    assert!(!signature_is_placeholder(&plan));
    plan.settings.office_name = String::new();
    plan.issuer = String::new();
    assert!(signature_is_placeholder(&plan), "no 落款 at all");
}
