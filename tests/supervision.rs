//! 督办/催办: notice numbers that run on per year and kind and never come
//! round twice, supervising several tasks as one undoable step, the form's
//! checks, the supervision list, the printed notice, replies to a
//! supervision, and 问题整改 states that follow their tasks' lights.

mod common;

use common::{child_of, closed, d, defaults, plan_of, reported, span, task, unit};
use luoshi::model::index::PlanIndex;
use luoshi::model::ops::{apply, Op};
use luoshi::model::problems::{state, Problem, ProblemState};
use luoshi::model::rollup::assess_plan;
use luoshi::model::settings::Lateness;
use luoshi::model::supervision::{
    check_form, list, next_number, notice, number_text, supervise, GroupBy, NoticeCounter,
    SuperviseForm,
};
use luoshi::model::task::SuperviseKind;
use luoshi::model::{assess, Level, Plan, Status, Supervision, Task, TaskId};

const NOW: &str = "2026-07-01T09:00:00Z";

fn record(kind: SuperviseKind, date: &str, number: Option<u32>) -> Supervision {
    Supervision {
        id: format!("s-{date}-{number:?}"),
        date: d(date),
        kind,
        note: "请尽快推进".into(),
        reply_due: None,
        number,
    }
}

fn form(kind: SuperviseKind, date: &str, note: &str, reply_due: Option<&str>) -> SuperviseForm {
    SuperviseForm {
        kind,
        date: d(date),
        note: note.into(),
        reply_due: reply_due.map(d),
    }
}

fn ids(list: &[&str]) -> Vec<TaskId> {
    list.iter().map(|&i| TaskId::from(i)).collect()
}

fn counter(year: i32, kind: SuperviseKind, last: u32) -> NoticeCounter {
    NoticeCounter { year, kind, last }
}

/// The numbers of the supervision records of task `id`, in order.
fn numbers(plan: &Plan, id: &str) -> Vec<Option<u32>> {
    plan.task(id)
        .unwrap()
        .supervisions
        .iter()
        .map(|s| s.number)
        .collect()
}

// ---------------------------------------------------------------- numbers

#[test]
fn next_number_runs_on_per_year_and_kind() {
    use SuperviseKind::{Chase, Supervise};
    let mut plan = plan_of(vec![span("a", "2026-01-01", "2026-12-31")]);
    plan.tasks[0].supervisions = vec![
        record(Supervise, "2026-03-01", Some(4)),
        record(Supervise, "2026-04-01", None),
        record(Chase, "2026-03-01", Some(2)),
        record(Supervise, "2025-12-30", Some(9)),
    ];
    plan.notice_counters = vec![
        counter(2026, Supervise, 3),
        counter(2026, Chase, 7),
        counter(2024, Supervise, 20),
    ];
    let cases = [
        // Record 4 is above the counter's 3: after every number on record.
        (Supervise, 2026, 5),
        // The counter's 7 is above record 2: after the counter.
        (Chase, 2026, 8),
        (Supervise, 2025, 10),
        (Supervise, 2024, 21),
        (Chase, 2025, 1),
        (Supervise, 2027, 1),
    ];
    for (kind, year, next) in cases {
        assert_eq!(next_number(&plan, kind, year), next, "{kind:?} {year}");
    }
    assert_eq!(next_number(&plan_of(Vec::new()), Supervise, 2026), 1);
}

#[test]
fn number_text_uses_the_settings_prefixes_and_the_records_year() {
    let mut plan = plan_of(Vec::new());
    let cases = [
        (
            SuperviseKind::Supervise,
            "2026-07-10",
            Some(3),
            "督字〔2026〕3号",
        ),
        (
            SuperviseKind::Chase,
            "2025-12-31",
            Some(12),
            "催字〔2025〕12号",
        ),
        (SuperviseKind::Supervise, "2026-07-10", None, ""),
    ];
    for (kind, date, number, text) in cases {
        assert_eq!(number_text(&plan, &record(kind, date, number)), text);
    }
    plan.settings.supervise_prefix = "区委督".into();
    plan.settings.chase_prefix = "区委催".into();
    assert_eq!(
        number_text(
            &plan,
            &record(SuperviseKind::Supervise, "2026-07-10", Some(1))
        ),
        "区委督〔2026〕1号"
    );
    assert_eq!(
        number_text(&plan, &record(SuperviseKind::Chase, "2026-07-10", Some(2))),
        "区委催〔2026〕2号"
    );
}

// ---------------------------------------------------------------- supervise

#[test]
fn supervise_numbers_records_in_the_order_given_and_sets_the_counter() {
    let mut plan = plan_of(vec![
        span("a", "2026-01-01", "2026-12-31"),
        span("b", "2026-01-01", "2026-12-31"),
        span("c", "2026-01-01", "2026-12-31"),
    ]);
    plan.notice_counters = vec![counter(2026, SuperviseKind::Supervise, 2)];
    let f = form(
        SuperviseKind::Supervise,
        "2026-07-01",
        " 请于7月10日前反馈 ",
        Some("2026-07-10"),
    );
    let (op, made) = supervise(&plan, &ids(&["c", "a"]), &f, d("2026-07-01")).unwrap();
    assert!(matches!(&op, Op::Batch(ops) if ops.len() == 3), "{op:?}");
    assert_eq!(made.len(), 2);
    apply(&mut plan, op, NOW).unwrap();

    assert_eq!(numbers(&plan, "c"), [Some(3)]);
    assert_eq!(numbers(&plan, "a"), [Some(4)]);
    assert!(numbers(&plan, "b").is_empty());
    let s = &plan.task("c").unwrap().supervisions[0];
    assert_eq!(s.id, made[0]);
    assert_eq!(
        (s.date, s.kind, s.note.as_str(), s.reply_due),
        (
            d("2026-07-01"),
            SuperviseKind::Supervise,
            "请于7月10日前反馈",
            Some(d("2026-07-10"))
        )
    );
    assert_eq!(plan.task("a").unwrap().supervisions[0].id, made[1]);
    assert_eq!(
        plan.notice_counters,
        [counter(2026, SuperviseKind::Supervise, 4)]
    );
    // 留痕 on each task supervised.
    let log = plan.task("a").unwrap().log.last().unwrap().clone();
    assert_eq!(
        (log.what.as_str(), log.to.as_str(), log.note.as_str()),
        ("督办", "2026-07-01", "请于7月10日前反馈")
    );
    assert_eq!(next_number(&plan, SuperviseKind::Supervise, 2026), 5);
}

/// The counter keeps a number issued even when its record is removed.
#[test]
fn a_number_is_never_reused_after_its_record_is_removed() {
    let mut plan = plan_of(vec![span("a", "2026-01-01", "2026-12-31")]);
    let f = form(
        SuperviseKind::Chase,
        "2026-07-01",
        "请反馈",
        Some("2026-07-05"),
    );
    let (op, _) = supervise(&plan, &ids(&["a"]), &f, d("2026-07-01")).unwrap();
    apply(&mut plan, op, NOW).unwrap();
    assert_eq!(numbers(&plan, "a"), [Some(1)]);

    let mut without = plan.tasks[0].clone();
    without.supervisions.clear();
    apply(
        &mut plan,
        Op::PutTask {
            task: Box::new(without),
            at: None,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(plan.tasks[0].log.last().unwrap().what, "删除催办记录");
    assert_eq!(next_number(&plan, SuperviseKind::Chase, 2026), 2);

    let (op, _) = supervise(&plan, &ids(&["a"]), &f, d("2026-07-01")).unwrap();
    apply(&mut plan, op, NOW).unwrap();
    assert_eq!(numbers(&plan, "a"), [Some(2)]);
    // A 督办 in the same year, and a 催办 in the next, start from 1.
    assert_eq!(next_number(&plan, SuperviseKind::Supervise, 2026), 1);
    assert_eq!(next_number(&plan, SuperviseKind::Chase, 2027), 1);
}

/// Undoing the supervision takes the records back but not the counter: a
/// notice may already have been printed under its number, so the number is
/// never handed out again.
#[test]
fn undoing_a_supervision_takes_back_the_records_but_never_the_numbers() {
    let mut plan = plan_of(vec![
        span("a", "2026-01-01", "2026-12-31"),
        span("b", "2026-01-01", "2026-12-31"),
    ]);
    let f = form(
        SuperviseKind::Supervise,
        "2026-07-01",
        "请反馈",
        Some("2026-07-05"),
    );
    let (op, _) = supervise(&plan, &ids(&["a", "b"]), &f, d("2026-07-01")).unwrap();
    let inverse = apply(&mut plan, op, NOW).unwrap();
    assert_eq!(next_number(&plan, SuperviseKind::Supervise, 2026), 3);
    apply(&mut plan, inverse, NOW).unwrap();
    assert!(plan.tasks.iter().all(|t| t.supervisions.is_empty()));
    assert_eq!(next_number(&plan, SuperviseKind::Supervise, 2026), 3);
}

#[test]
fn the_form_is_checked_field_by_field() {
    let today = d("2026-07-01");
    let cases = [
        (
            form(
                SuperviseKind::Supervise,
                "2026-07-01",
                "请反馈",
                Some("2026-07-01"),
            ),
            vec![],
        ),
        (
            form(
                SuperviseKind::Supervise,
                "2026-07-02",
                "请反馈",
                Some("2026-07-10"),
            ),
            vec![("supervise_date", "督办日期不能晚于今天")],
        ),
        (
            form(SuperviseKind::Chase, "2026-07-01", "  ", Some("2026-07-10")),
            vec![("supervise_note", "请填写督办要求")],
        ),
        (
            form(SuperviseKind::Supervise, "2026-07-01", "请反馈", None),
            vec![("supervise_reply", "请填写反馈时限")],
        ),
        (
            form(
                SuperviseKind::Supervise,
                "2026-07-01",
                "请反馈",
                Some("2026-06-30"),
            ),
            vec![("supervise_reply", "反馈时限不能早于督办日期")],
        ),
        (
            form(SuperviseKind::Supervise, "2026-07-05", "", None),
            vec![
                ("supervise_date", "督办日期不能晚于今天"),
                ("supervise_note", "请填写督办要求"),
                ("supervise_reply", "请填写反馈时限"),
            ],
        ),
    ];
    for (f, expected) in cases {
        let got: Vec<(String, String)> = check_form(&f, today)
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect();
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, expected, "{f:?}");
        // A refused form makes no op.
        assert_eq!(
            supervise(&plan_of(vec![task("a")]), &ids(&["a"]), &f, today).is_err(),
            !expected.is_empty()
        );
    }
}

#[test]
fn supervising_a_task_that_is_gone_is_refused() {
    let plan = plan_of(vec![task("a")]);
    let f = form(
        SuperviseKind::Supervise,
        "2026-07-01",
        "请反馈",
        Some("2026-07-05"),
    );
    let errors = supervise(&plan, &ids(&["a", "x"]), &f, d("2026-07-01")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message, "找不到任务“x”");
}

// ---------------------------------------------------------------- replies

/// A progress update dated on or after the supervision, up to the day,
/// is its reply; it is late once the day is past the reply-by date.
#[test]
fn a_progress_update_on_or_after_the_supervision_is_the_reply() {
    let cases: [(&[&str], &str, bool, bool); 8] = [
        // (report dates, day, answered, unanswered late)
        (&[], "2026-06-20", false, false),
        (&[], "2026-06-21", false, true),
        (&["2026-06-09"], "2026-06-25", false, true),
        (&["2026-06-10"], "2026-06-25", true, false),
        (&["2026-06-22"], "2026-06-25", true, false),
        // A reply dated after the day has not happened yet.
        (&["2026-06-22"], "2026-06-21", false, true),
        // Before the supervision itself, nothing is late.
        (&[], "2026-06-09", false, false),
        (&["2026-06-15"], "2026-06-15", true, false),
    ];
    for (reports, day, answered, late) in cases {
        let mut t = span("a", "2026-01-01", "2026-12-31");
        for r in reports {
            t = reported(t, r, 50);
        }
        let mut s = record(SuperviseKind::Supervise, "2026-06-10", Some(1));
        s.reply_due = Some(d("2026-06-20"));
        assert_eq!(s.answered_by(&t, d(day)), answered, "{reports:?} on {day}");
        assert_eq!(s.unanswered_late(&t, d(day)), late, "{reports:?} on {day}");
    }
    // Without a reply-by date a supervision is never late.
    let s = record(SuperviseKind::Supervise, "2026-06-10", Some(1));
    assert!(!s.unanswered_late(&span("a", "2026-01-01", "2026-12-31"), d("2026-12-31")));
}

#[test]
fn an_unanswered_supervision_makes_the_task_yellow() {
    let mut t = reported(span("a", "2026-01-01", "2026-12-31"), "2026-06-01", 50);
    let mut s = record(SuperviseKind::Supervise, "2026-06-10", Some(1));
    s.reply_due = Some(d("2026-06-20"));
    t.supervisions.push(s);
    let a = assess(&t, d("2026-06-25"), &defaults());
    assert_eq!(a.level, Level::Yellow);
    assert_eq!(a.unanswered, 1);
    assert!(!a.stale && !a.behind && !a.due_soon);
    assert_eq!(a.label(), "预警：督办逾期未反馈");
    let answered = reported(t, "2026-06-22", 55);
    let a = assess(&answered, d("2026-06-25"), &defaults());
    assert_eq!((a.level, a.unanswered), (Level::Green, 0));
}

// ---------------------------------------------------------------- list

fn owned(mut t: Task, unit: Option<&str>, leader: &str) -> Task {
    t.lead_unit = unit.map(Into::into);
    t.leader = leader.into();
    t
}

/// Red, yellow, green, closed and halted work items and a parent, on 07-10.
fn listed_plan() -> Plan {
    let mut plan = plan_of(vec![
        owned(
            reported(span("r1", "2026-01-01", "2026-06-30"), "2026-07-05", 80),
            Some("u1"),
            "张三",
        ),
        owned(task("p"), Some("u2"), ""),
        owned(
            child_of(
                reported(span("r2", "2026-01-01", "2026-07-05"), "2026-07-01", 90),
                "p",
            ),
            Some("u2"),
            "",
        ),
        owned(
            reported(span("y1", "2026-01-01", "2026-07-15"), "2026-07-05", 95),
            Some("u1"),
            "",
        ),
        owned(
            reported(span("y2", "2026-01-01", "2026-12-31"), "2026-05-01", 50),
            Some("u1"),
            " 李四 ",
        ),
        owned(
            reported(span("g1", "2026-01-01", "2026-12-31"), "2026-07-05", 60),
            Some("u2"),
            "",
        ),
        owned(
            closed(span("c1", "2026-01-01", "2026-06-30"), "2026-07-05"),
            Some("u1"),
            "",
        ),
        {
            let mut t = owned(span("h1", "2026-01-01", "2026-06-30"), Some("u2"), "");
            t.status = Status::Paused;
            t
        },
        reported(span("n1", "2026-01-01", "2026-06-01"), "2026-07-05", 70),
        reported(span("n2", "2026-01-01", "2026-07-09"), "2026-07-05", 70),
    ]);
    let mut u1 = unit("u1", "区委组织部");
    u1.leader = "王五".into();
    let mut u2 = unit("u2", "区委宣传部");
    u2.leader = "赵六".into();
    plan.units = vec![u1, u2];
    plan
}

/// A group as (key, name, rows), each row as (id, level, days left).
type GroupShape = (String, String, Vec<(String, Level, Option<i64>)>);
type Shape = Vec<GroupShape>;

fn shape(groups: Vec<luoshi::model::supervision::Group>) -> Shape {
    groups
        .into_iter()
        .map(|g| {
            let rows = g
                .rows
                .into_iter()
                .map(|r| (r.id.as_str().to_string(), r.level, r.days_left))
                .collect();
            (g.key, g.name, rows)
        })
        .collect()
}

fn group(key: &str, name: &str, rows: &[(&str, Level, i64)]) -> GroupShape {
    (
        key.into(),
        name.into(),
        rows.iter()
            .map(|&(id, level, days)| (id.to_string(), level, Some(days)))
            .collect(),
    )
}

#[test]
fn the_list_by_lead_unit_has_only_red_and_yellow_work_items_red_first() {
    let plan = listed_plan();
    let index = PlanIndex::new(&plan);
    let assessments = assess_plan(&plan, d("2026-07-10"));
    use Level::{Red, Yellow};
    assert_eq!(
        shape(list(&index, &assessments, GroupBy::LeadUnit)),
        vec![
            // Most red first; then more rows; ties in the order first met.
            group(
                "",
                "（未指定牵头单位）",
                &[("n1", Red, -39), ("n2", Red, -1)]
            ),
            group(
                "u1",
                "区委组织部",
                &[("r1", Red, -10), ("y1", Yellow, 5), ("y2", Yellow, 174)]
            ),
            group("u2", "区委宣传部", &[("r2", Red, -5)]),
        ]
    );
}

/// The task's own 责任领导, else its lead unit's 分管区领导.
#[test]
fn the_list_by_leader_falls_back_to_the_units_leader() {
    let plan = listed_plan();
    let index = PlanIndex::new(&plan);
    let assessments = assess_plan(&plan, d("2026-07-10"));
    let got: Vec<(String, String, Vec<String>)> = list(&index, &assessments, GroupBy::Leader)
        .into_iter()
        .map(|g| {
            let rows = g.rows.iter().map(|r| r.id.as_str().to_string()).collect();
            (g.key, g.name, rows)
        })
        .collect();
    let g = |k: &str, n: &str, rows: &[&str]| {
        (
            k.to_string(),
            n.to_string(),
            rows.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        got,
        vec![
            g("", "（未填责任领导）", &["n1", "n2"]),
            g("张三", "张三", &["r1"]),
            g("赵六", "赵六", &["r2"]),
            g("王五", "王五", &["y1"]),
            g("李四", "李四", &["y2"]),
        ]
    );
}

#[test]
fn a_list_row_carries_the_label_latest_report_and_supervision_counts() {
    let mut plan = listed_plan();
    let mut s = record(SuperviseKind::Supervise, "2026-06-01", Some(1));
    s.reply_due = Some(d("2026-06-05"));
    plan.tasks[0].supervisions.push(s);
    let index = PlanIndex::new(&plan);
    let assessments = assess_plan(&plan, d("2026-07-10"));
    let groups = list(&index, &assessments, GroupBy::LeadUnit);
    let rows: Vec<_> = groups.iter().flat_map(|g| &g.rows).collect();
    let r1 = rows.iter().find(|r| r.id == "r1").unwrap();
    assert_eq!(r1.title, "任务r1");
    assert_eq!(r1.label, "逾期");
    assert_eq!(r1.latest, Some((d("2026-07-05"), "完成80%".to_string())));
    // Answered by the report of 07-05.
    assert_eq!((r1.supervised, r1.unanswered), (1, 0));
    let y2 = rows.iter().find(|r| r.id == "y2").unwrap();
    assert_eq!(y2.label, "预警：未按期报送");
    assert_eq!(
        groups.iter().map(|g| g.red()).collect::<Vec<_>>(),
        [2, 1, 1]
    );
}

// ---------------------------------------------------------------- notice

fn notice_plan(task: Task) -> Plan {
    let mut plan = Plan::empty(2026);
    plan.issuer = "中共某某区委办公室".into();
    plan.units = vec![
        unit("u1", "区委组织部"),
        unit("u2", "区委宣传部"),
        unit("u3", "区财政局"),
    ];
    plan.tasks = vec![task];
    plan
}

/// Due 06-30, reported 06-20 (and again after the notice), supervised 07-10.
fn noticed() -> (Task, Supervision) {
    let mut t = span("a", "2026-01-01", "2026-06-30");
    t.title = "推进基层治理".into();
    t.lead_unit = Some("u1".into());
    t.support_units = vec!["u2".into(), "u3".into()];
    t.leader = "张三".into();
    let mut t = reported(t, "2026-06-20", 60);
    t.updates[0].progress = "完成方案起草".into();
    t.updates[0].problems = "资金未到位".into();
    let t = reported(t, "2026-07-15", 70);
    let s = Supervision {
        id: "s1".into(),
        date: d("2026-07-10"),
        kind: SuperviseKind::Supervise,
        note: "请于7月20日前书面反馈".into(),
        reply_due: Some(d("2026-07-20")),
        number: Some(3),
    };
    (t, s)
}

#[test]
fn the_notice_has_every_line_in_words() {
    let (t, s) = noticed();
    let plan = notice_plan(t.clone());
    let n = notice(&plan, &t, &s);
    assert_eq!(n.title, "督办通知单");
    assert_eq!(n.number, "督字〔2026〕3号");
    assert_eq!(n.matter, "推进基层治理");
    assert_eq!(n.lead_unit, "区委组织部");
    assert_eq!(n.support_units, "区委宣传部、区财政局");
    assert_eq!(n.leader, "张三");
    assert_eq!(n.original_due, "2026年6月30日");
    assert_eq!(n.current_due, "2026年6月30日");
    assert_eq!(
        (n.days_label, n.days.as_str()),
        ("逾期天数", "已逾期 10 天")
    );
    // The report of 07-15 is after the notice's date.
    assert_eq!(
        n.latest,
        "2026年6月20日报送，进度 60%：完成方案起草。存在问题：资金未到位"
    );
    assert_eq!(n.requirement, "请于7月20日前书面反馈");
    assert_eq!(n.reply_due, "2026年7月20日");
    assert_eq!(n.office, "中共某某区委办公室", "falls back to the issuer");
    assert_eq!(n.date, "2026年7月10日");

    let mut named = plan.clone();
    named.settings.office_name = "中共某某区委督查室".into();
    assert_eq!(notice(&named, &t, &s).office, "中共某某区委督查室");
}

#[test]
fn a_chase_notice_before_the_due_date_counts_the_days_left() {
    let (t, mut s) = noticed();
    s.kind = SuperviseKind::Chase;
    s.date = d("2026-06-25");
    s.number = None;
    s.reply_due = None;
    let plan = notice_plan(t.clone());
    let n = notice(&plan, &t, &s);
    assert_eq!(n.title, "催办单");
    assert_eq!(n.number, "");
    assert_eq!((n.days_label, n.days.as_str()), ("剩余天数", "剩余 5 天"));
    assert_eq!(n.reply_due, "未定");
    assert_eq!(
        n.latest,
        "2026年6月20日报送，进度 60%：完成方案起草。存在问题：资金未到位"
    );
}

#[test]
fn a_notice_for_a_task_without_a_due_date_or_reports() {
    let mut t = task("a");
    t.start = Some(d("2026-01-01"));
    let s = noticed().1;
    let plan = notice_plan(t.clone());
    let n = notice(&plan, &t, &s);
    assert_eq!(
        (n.original_due.as_str(), n.current_due.as_str()),
        ("未定", "未定")
    );
    assert_eq!(
        (n.days_label, n.days.as_str()),
        ("剩余天数", "未定完成时限")
    );
    assert_eq!(n.latest, "尚未报送进展");
    assert_eq!((n.lead_unit.as_str(), n.support_units.as_str()), ("", ""));
}

/// An extended task shows both deadlines; whether it is overdue follows the
/// lateness setting, as its light in the supervision list does.
#[test]
fn a_notice_for_an_extended_task_judges_lateness_as_the_settings_say() {
    let (mut t, s) = noticed();
    t.extend(d("2026-06-25"), d("2026-09-30"), "场地调整");
    let mut plan = notice_plan(t.clone());
    for (l, label, days, level) in [
        (Lateness::Original, "逾期天数", "已逾期 10 天", Level::Red),
        (Lateness::Current, "剩余天数", "剩余 82 天", Level::Green),
    ] {
        plan.settings.lateness = l;
        let n = notice(&plan, &t, &s);
        assert_eq!(n.original_due, "2026年6月30日");
        assert_eq!(n.current_due, "2026年9月30日");
        assert_eq!((n.days_label, n.days.as_str()), (label, days), "{l:?}");
        // The same verdict as the light on the notice's date.
        let a = assess(&t, s.date, &plan.settings);
        assert_eq!(a.level, level, "{l:?}: {}", a.label());
    }
}

// ---------------------------------------------------------------- problems

fn problem(tasks: &[&str]) -> Problem {
    Problem {
        id: "q1".into(),
        description: "基层党组织软弱涣散".into(),
        source: "巡察反馈".into(),
        date: Some(d("2026-03-01")),
        tasks: ids(tasks),
    }
}

#[test]
fn a_problems_state_follows_its_tasks_lights() {
    let mut halted = span("h", "2026-01-01", "2026-12-31");
    halted.status = Status::Stopped;
    let plan = plan_of(vec![
        reported(span("red", "2026-01-01", "2026-06-30"), "2026-07-05", 80),
        reported(span("open", "2026-01-01", "2026-12-31"), "2026-07-05", 60),
        closed(span("done", "2026-01-01", "2026-06-30"), "2026-06-20"),
        closed(span("late", "2026-01-01", "2026-06-30"), "2026-07-05"),
        halted,
    ]);
    let assessments = assess_plan(&plan, d("2026-07-10"));
    let cases: [(&[&str], ProblemState); 11] = [
        (&[], ProblemState::Unassigned),
        // Links to tasks that are gone are ignored.
        (&["gone"], ProblemState::Unassigned),
        (&["open"], ProblemState::Open),
        (&["open", "done"], ProblemState::Open),
        (&["red", "open"], ProblemState::Overdue),
        (&["done", "red"], ProblemState::Overdue),
        (&["done"], ProblemState::Fixed),
        (&["late"], ProblemState::Fixed),
        (&["done", "h"], ProblemState::Fixed),
        (&["done", "gone"], ProblemState::Fixed),
        // Only halted work: not fixed.
        (&["h"], ProblemState::Open),
    ];
    for (tasks, expected) in cases {
        assert_eq!(state(&problem(tasks), &assessments), expected, "{tasks:?}");
    }
}

#[test]
fn problem_states_have_labels_and_keys() {
    let cases = [
        (ProblemState::Unassigned, "未明确整改任务", "unassigned"),
        (ProblemState::Open, "整改中", "open"),
        (ProblemState::Overdue, "整改逾期", "overdue"),
        (ProblemState::Fixed, "已整改", "fixed"),
    ];
    for (s, label, key) in cases {
        assert_eq!((s.label(), s.key()), (label, key));
    }
}
