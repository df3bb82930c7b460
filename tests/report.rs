//! The 落实情况通报 drafted from a plan (`model::report`, issue 21): report
//! periods, the figures and their groupings, the change since the period
//! before, empty and one-task plans, a plan with nothing overdue, figures
//! equal to the ledger's and the dashboard's on the sample plan, the 领导版.

mod common;

use common::{closed, d, led_by, reported, span, unit};
use luoshi::model::charts::{completion_rate, headline};
use luoshi::model::index::PlanIndex;
use luoshi::model::report::{
    draft, leader_sheets, since_day, Draft, Figures, LaggingList, PeriodKind, ReportPeriod,
    NO_LEADER,
};
use luoshi::model::rollup::{assess_plan, assess_positions};
use luoshi::model::sample::sample_plan;
use luoshi::model::settings::default_next_steps;
use luoshi::model::stats::plan_tally;
use luoshi::model::summary::unit_summary;
use luoshi::model::task::SuperviseKind;
use luoshi::model::{Level, Plan, Settings, Status, Supervision, Task, Unit, UnitKind};

fn month(key: &str) -> ReportPeriod {
    ReportPeriod::parse(key).unwrap_or_else(|e| panic!("{e}"))
}

fn ids<'a>(items: impl IntoIterator<Item = &'a luoshi::model::TaskId>) -> Vec<&'a str> {
    items.into_iter().map(|i| i.as_str()).collect()
}

// ---- periods ----

#[test]
fn a_month_has_its_days_label_and_key() {
    let p = month("2026-11");
    assert_eq!(p.kind(), PeriodKind::Month);
    assert_eq!((p.start(), p.end()), (d("2026-11-01"), d("2026-11-30")));
    assert_eq!(p.label(), "2026年11月");
    assert_eq!(p.in_year(), "11月");
    assert_eq!(p.key(), "2026-11");
    assert_eq!(p.to_string(), "2026年11月");
    let feb = ReportPeriod::month(2028, 2).unwrap();
    assert_eq!(feb.end(), d("2028-02-29"));
    assert_eq!(feb.key(), "2028-02");
}

#[test]
fn a_quarter_has_its_days_label_and_key() {
    let q = month("2026-Q3");
    assert_eq!(q.kind(), PeriodKind::Quarter);
    assert_eq!((q.start(), q.end()), (d("2026-07-01"), d("2026-09-30")));
    assert_eq!(q.label(), "2026年第三季度");
    assert_eq!(q.key(), "2026-Q3");
    assert_eq!(month("2026-Q4").end(), d("2026-12-31"));
    assert!(q.contains(d("2026-08-15")) && !q.contains(d("2026-10-01")));
}

#[test]
fn period_keys_read_back_and_bad_ones_are_refused_with_a_reason() {
    for key in [
        "2026-01", "2026-12", "2026-Q1", "2026-Q4", "0001-01", "9999-12",
    ] {
        assert_eq!(month(key).key(), key);
    }
    assert_eq!(month(" 2026-3 ").key(), "2026-03");
    assert_eq!(month("2026-q2").key(), "2026-Q2");
    for bad in [
        "",
        "2026",
        "2026-13",
        "2026-00",
        "2026-Q5",
        "2026-Q0",
        "26-11",
        "2026-111",
        "2026/11",
        "２０２６-11",
        "2026-+1",
        "0000-01",
    ] {
        let e = ReportPeriod::parse(bad).expect_err(bad);
        assert!(e.to_string().contains("无法识别报告期"), "{e}");
    }
    assert_eq!("2026-Q3".parse::<ReportPeriod>(), Ok(month("2026-Q3")));
}

#[test]
fn the_period_before_crosses_the_year() {
    assert_eq!(month("2026-11").previous(), Some(month("2026-10")));
    assert_eq!(month("2026-01").previous(), Some(month("2025-12")));
    assert_eq!(month("2026-Q1").previous(), Some(month("2025-Q4")));
    assert_eq!(month("2026-Q3").previous(), Some(month("2026-Q2")));
    assert_eq!(month("0001-01").previous(), None);
}

#[test]
fn the_default_period_is_the_last_one_ended_before_today() {
    let last = |today: &str| ReportPeriod::last_ended(d(today)).map(|p| p.key());
    assert_eq!(last("2026-12-07").as_deref(), Some("2026-11"));
    assert_eq!(last("2026-12-01").as_deref(), Some("2026-11"));
    // November has not ended on its last day: its reports may still come.
    assert_eq!(last("2026-11-30").as_deref(), Some("2026-10"));
    assert_eq!(last("2027-01-03").as_deref(), Some("2026-12"));
    let quarter =
        |today: &str| ReportPeriod::last_ended_of(PeriodKind::Quarter, d(today)).map(|p| p.key());
    assert_eq!(quarter("2026-10-01").as_deref(), Some("2026-Q3"));
    assert_eq!(quarter("2026-09-30").as_deref(), Some("2026-Q2"));
    assert_eq!(quarter("2026-02-10").as_deref(), Some("2025-Q4"));
    use luoshi::model::settings::ReportCycle;
    assert_eq!(
        PeriodKind::for_cycle(ReportCycle::Quarterly),
        PeriodKind::Quarter
    );
    assert_eq!(
        PeriodKind::for_cycle(ReportCycle::Monthly),
        PeriodKind::Month
    );
    assert_eq!(
        PeriodKind::for_cycle(ReportCycle::Rolling),
        PeriodKind::Month
    );
}

#[test]
fn a_period_travels_as_its_key() {
    let json = serde_json::to_string(&month("2026-Q3")).unwrap();
    assert_eq!(json, "\"2026-Q3\"");
    let back: ReportPeriod = serde_json::from_str(&json).unwrap();
    assert_eq!(back, month("2026-Q3"));
    assert!(serde_json::from_str::<ReportPeriod>("\"2026-13\"").is_err());
}

// ---- a plan with one item of each kind, reported monthly ----

fn u(id: &str, name: &str, kind: UnitKind) -> Unit {
    Unit {
        kind,
        ..unit(id, name)
    }
}

fn year_long(id: &str) -> Task {
    span(id, "2026-01-01", "2026-12-31")
}

fn supervised(mut t: Task, date: &str, reply_by: &str) -> Task {
    t.supervisions.push(Supervision {
        id: format!("s-{}", t.id),
        date: d(date),
        kind: SuperviseKind::Supervise,
        note: "请尽快反馈".into(),
        reply_due: Some(d(reply_by)),
        number: Some(7),
    });
    t
}

/// Nine work items judged on 2026-11-30 (report for November, the change
/// measured from 10-31), under the office's own settings (monthly reports
/// due on the 25th, lateness on the original deadline):
/// - 区委组织部 (A): `on` green, `closedin` closed 11-15, `closedold`
///   closed in June, `recovered` behind on 10-31 and caught up in November:
///   the 红榜;
/// - 区委宣传部 (B): `late` overdue since 09-30, `lag` behind on both days;
/// - 区发展改革委 (C): `turnedred`, due 11-10, green on 10-31, red now;
/// - 城北街道 (D): `silent`, no report in November, a 督办 unanswered;
/// - 区委统战部: `halted`, 暂缓, no leader.
fn month_plan() -> Plan {
    let mut p = Plan::empty(2026);
    p.issuer = "中共某区委办公室".into();
    p.settings = Settings::default();
    p.units = vec![
        u("zzb", "区委组织部", UnitKind::PartyDepartment),
        u("xcb", "区委宣传部", UnitKind::PartyDepartment),
        u("fgw", "区发展改革委", UnitKind::GovernmentDepartment),
        u("cb", "城北街道", UnitKind::Township),
        u("tzb", "区委统战部", UnitKind::PartyDepartment),
    ];
    let a = |t: Task| led_by(t, "zzb", "领导甲");
    let b = |t: Task| led_by(t, "xcb", "领导乙");
    let two = |t: Task, first: u8, second: u8| {
        reported(reported(t, "2026-10-20", first), "2026-11-20", second)
    };
    let mut halted = year_long("halted");
    halted.lead_unit = Some("tzb".into());
    halted.status = Status::Paused;
    p.tasks = vec![
        a(two(year_long("on"), 85, 95)),
        b(two(span("late", "2026-01-01", "2026-09-30"), 80, 80)),
        b(two(year_long("lag"), 10, 10)),
        a(closed(
            reported(year_long("closedin"), "2026-10-20", 90),
            "2026-11-15",
        )),
        a(closed(
            span("closedold", "2026-01-01", "2026-06-30"),
            "2026-06-01",
        )),
        led_by(
            reported(
                reported(
                    span("turnedred", "2026-01-01", "2026-11-10"),
                    "2026-10-20",
                    85,
                ),
                "2026-11-05",
                90,
            ),
            "fgw",
            "领导丙",
        ),
        a(two(year_long("recovered"), 20, 95)),
        halted,
        led_by(
            supervised(
                reported(year_long("silent"), "2026-10-20", 90),
                "2026-11-01",
                "2026-11-10",
            ),
            "cb",
            "领导丁",
        ),
    ];
    for (i, t) in p.tasks.iter_mut().enumerate() {
        t.order = i as u32;
    }
    p
}

fn november(p: &Plan) -> Draft {
    draft(p, month("2026-11"), d("2026-11-30"), &default_next_steps())
}

#[test]
fn the_figures_split_the_work_items_as_the_ledger_counts_them() {
    let p = month_plan();
    let r = november(&p);
    let f = r.figures();
    assert_eq!(
        *f,
        Figures {
            total: 9,
            closed_on_time: 2,
            closed_late: 0,
            on_schedule: 3,
            lagging: 1,
            overdue: 2,
            halted: 1,
            due_soon: 0,
            unreported: 1,
            unanswered: 1,
        }
    );
    assert_eq!(f.rate_text(), "22.2%");
    assert_eq!(
        r.overall.paragraphs[0].text,
        "截至11月30日，区委2026年工作要点共分解工作事项9项，已办结2项（均按时办结），办结率22.2%；\
         按序时推进3项，进度滞后1项，已逾期2项，暂缓或中止1项。"
    );
    let h = r.headline();
    assert_eq!((h.total, h.closed, h.overdue, h.lagging), (9, 2, 2, 1));
}

#[test]
fn the_change_since_the_period_before_is_judged_on_both_days() {
    let p = month_plan();
    let r = november(&p);
    let c = r.change();
    assert_eq!(c.since, Some(d("2026-10-31")));
    assert_eq!(
        ids(c.closed.iter().map(|c| &c.item.id)),
        vec!["closedin"],
        "closed within the period"
    );
    assert_eq!(c.closed[0].closed_on, Some(d("2026-11-15")));
    assert!(c.closed[0].on_time);
    assert_eq!(ids(c.turned_red.iter().map(|i| &i.id)), vec!["turnedred"]);
    assert_eq!(ids(c.recovered.iter().map(|i| &i.id)), vec!["recovered"]);
    let prev = c.previous;
    assert_eq!(
        (
            prev.closed(),
            prev.overdue,
            prev.lagging,
            prev.on_schedule,
            prev.halted
        ),
        (1, 1, 2, 4, 1)
    );
    assert_eq!(
        r.overall.paragraphs[1].text,
        "与上期末（10月31日）相比，本期新办结1项，新增逾期1项，1项逾期或滞后事项恢复正常或已办结，\
         办结率提高11.1个百分点。"
    );
}

#[test]
fn the_red_list_names_units_with_every_item_on_schedule_and_reported() {
    let p = month_plan();
    let r = november(&p);
    let units: Vec<&str> = r
        .achievements
        .commended
        .iter()
        .map(|c| c.unit.as_str())
        .collect();
    assert_eq!(units, vec!["区委组织部"]);
    assert_eq!(
        (
            r.achievements.commended[0].items,
            r.achievements.commended[0].closed
        ),
        (4, 2)
    );
    let para = &r.achievements.paragraphs;
    assert_eq!(para[0].lead, "（一）按序时推进较好的单位。");
    assert!(para[0]
        .text
        .starts_with("区委组织部牵头的工作事项全部按序时推进"));
    assert_eq!(
        para[1].text,
        "本期新办结工作事项1项，均按时办结：“任务closedin”（区委组织部）。"
    );
}

#[test]
fn overdue_and_lagging_items_are_grouped_by_lead_unit_worst_first() {
    let p = month_plan();
    let r = november(&p);
    let g = &r.troubles.groups;
    let names: Vec<(&str, usize, usize)> = g
        .iter()
        .map(|g| (g.unit.as_str(), g.overdue, g.lagging))
        .collect();
    assert_eq!(names, vec![("区委宣传部", 1, 1), ("区发展改革委", 1, 0)]);
    let late = &g[0].items[0];
    assert_eq!(late.id.as_str(), "late");
    assert_eq!(late.level, Level::Red);
    assert_eq!(late.leader, "领导乙");
    assert_eq!(late.due, Some(d("2026-09-30")));
    assert_eq!(late.days_overdue, Some(61));
    assert_eq!(late.latest_text(), "（11月20日，80%）完成80%");
    assert_eq!(g[0].items[1].id.as_str(), "lag");
    assert_eq!(g[0].items[1].days_overdue, None);
    assert_eq!(g[0].items[1].state, "预警：进度滞后");
    assert_eq!(
        r.troubles.paragraphs[0].text,
        "截至11月30日，已逾期工作事项2项、进度滞后1项，涉及2个牵头单位：\
         区委宣传部逾期1项、滞后1项，区发展改革委逾期1项。具体事项见附件2。"
    );
}

#[test]
fn units_that_did_not_report_and_unanswered_notices_are_listed() {
    let p = month_plan();
    let r = november(&p);
    let t = &r.troubles;
    assert_eq!(t.reporting_period, "2026年11月");
    assert_eq!(t.unreported.len(), 1);
    assert_eq!(t.unreported[0].unit, "城北街道");
    assert_eq!(
        ids(t.unreported[0].missing.iter().map(|i| &i.id)),
        vec!["silent"]
    );
    assert_eq!(
        t.paragraphs[1].text,
        "城北街道（1项）共1个单位的1项工作事项本期（2026年11月）未报送进展，请抓紧补报。"
    );
    assert_eq!(t.unanswered.len(), 1);
    let n = &t.unanswered[0];
    assert_eq!(n.item.id.as_str(), "silent");
    assert_eq!(n.number, "督字〔2026〕7号");
    assert_eq!((n.reply_due, n.days_late), (d("2026-11-10"), 20));
    assert!(t.paragraphs[2]
        .text
        .starts_with("督字〔2026〕7号（“任务silent”，城北街道"));
    // A unit on the 黄榜 is never on the 红榜.
    assert!(r
        .achievements
        .commended
        .iter()
        .all(|c| c.unit != "城北街道"));
}

#[test]
fn the_attachments_are_the_summary_table_and_the_lagging_list() {
    let p = month_plan();
    let r = november(&p);
    let index = PlanIndex::new(&p);
    let (rows, total) = unit_summary(&index, &assess_positions(&index, d("2026-11-30")));
    assert_eq!(r.summary.rows, rows);
    assert_eq!(r.summary.total, total);
    assert_eq!(r.summary.total.total(), 9);
    assert_eq!(r.summary.title, "区委2026年工作要点落实情况汇总表");
    let seqs: Vec<(usize, &str)> = r
        .lagging
        .rows
        .iter()
        .map(|row| (row.seq, row.item.id.as_str()))
        .collect();
    assert_eq!(seqs, vec![(1, "late"), (2, "lag"), (3, "turnedred")]);
    assert_eq!(
        r.lagging.rows[0].cells(),
        [
            "1",
            "任务late",
            "区委宣传部",
            "领导乙",
            "2026年9月30日",
            "逾期",
            "61天",
            "（11月20日，80%）完成80%",
        ]
        .map(String::from)
    );
    assert_eq!(LaggingList::HEADERS.len(), r.lagging.rows[0].cells().len());
    assert_eq!(r.attachment_titles()[1], "区委2026年工作要点滞后事项清单");
}

#[test]
fn the_head_body_and_signature_are_in_the_official_form() {
    let p = month_plan();
    let r = november(&p);
    assert_eq!(r.title, "关于区委2026年工作要点落实情况的通报");
    assert_eq!(r.period_line, "（2026年11月）");
    assert_eq!(r.opening, "现将区委2026年工作要点11月落实情况通报如下。");
    assert_eq!(r.addressees, "各街道（乡镇），区委各部门，区政府各部门：");
    assert_eq!(r.issuer, "中共某区委办公室");
    assert_eq!(r.date_line, "2026年11月30日");
    let headings: Vec<String> = r.body().into_iter().map(|s| s.heading).collect();
    assert_eq!(
        headings,
        vec![
            "一、总体情况",
            "二、主要成效",
            "三、存在问题",
            "四、下步工作"
        ]
    );
    assert_eq!(r.next_steps, default_next_steps());
    assert!(r.body().iter().all(|s| !s.paragraphs.is_empty()));
}

#[test]
fn the_next_steps_are_the_sentences_given_and_blank_ones_are_dropped() {
    let p = month_plan();
    let given = vec!["  一是加强调度。 ".to_string(), "   ".to_string()];
    let r = draft(&p, month("2026-11"), d("2026-11-30"), &given);
    assert_eq!(r.next_steps, vec!["一是加强调度。".to_string()]);
    let none = draft(&p, month("2026-11"), d("2026-11-30"), &[]);
    assert_eq!(none.body().len(), 3, "no empty 下步工作 section");
}

#[test]
fn a_report_judged_before_its_period_begins_measures_no_change() {
    let p = month_plan();
    assert_eq!(since_day(month("2026-11"), d("2026-10-15")), None);
    assert_eq!(since_day(month("2026-11"), d("2026-10-31")), None);
    assert_eq!(
        since_day(month("2026-11"), d("2026-12-05")),
        Some(d("2026-10-31"))
    );
    let r = draft(&p, month("2026-11"), d("2026-10-15"), &[]);
    assert!(r.change().closed.is_empty() && r.change().since.is_none());
    assert_eq!(r.overall.paragraphs.len(), 1, "no change sentence");
}

#[test]
fn a_draft_travels_to_the_worker_and_back_unchanged() {
    let r = november(&month_plan());
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"period\":\"2026-11\""), "{json}");
    assert!(json.contains("\"level\":\"red\""));
    let back: Draft = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

// ---- small plans ----

#[test]
fn an_empty_plan_drafts_a_report_that_says_there_is_nothing() {
    let p = Plan::empty(2026);
    let r = november(&p);
    assert_eq!(r.figures(), &Figures::default());
    assert_eq!(
        r.overall.paragraphs[0].text,
        "截至11月30日，区委2026年工作要点尚未分解工作事项。"
    );
    assert!(r.summary.rows.is_empty());
    assert_eq!(r.summary.total.total(), 0);
    assert!(r.lagging.rows.is_empty());
    assert!(r.body().iter().all(|s| !s.paragraphs.is_empty()));
    assert_eq!(r.addressees, "各有关单位：");
    assert!(leader_sheets(&p, d("2026-11-30")).is_empty());
}

#[test]
fn a_one_task_plan_counts_its_one_item() {
    let mut p = Plan::empty(2026);
    p.settings = Settings::default();
    p.units = vec![unit("zzb", "区委组织部")];
    p.tasks = vec![led_by(
        reported(span("t", "2026-01-01", "2026-10-31"), "2026-11-20", 60),
        "zzb",
        "领导甲",
    )];
    let r = november(&p);
    assert_eq!(r.headline().total, 1);
    assert_eq!(r.headline().overdue, 1);
    assert_eq!(r.figures().rate_text(), "0.0%");
    assert!(r.overall.paragraphs[0]
        .text
        .contains("已办结0项，办结率0.0%；已逾期1项。"));
    assert_eq!(r.lagging.rows.len(), 1);
    assert_eq!(r.summary.rows.len(), 1);
    assert!(r.achievements.commended.is_empty());
    assert_eq!(
        r.achievements.paragraphs[0].text,
        "本期没有牵头事项全部按序时推进且按时报送进展的单位。"
    );
}

#[test]
fn with_nothing_overdue_or_lagging_the_problems_section_says_so() {
    let mut p = Plan::empty(2026);
    p.settings = Settings::default();
    p.units = vec![unit("zzb", "区委组织部")];
    p.tasks = vec![led_by(
        reported(year_long("t"), "2026-11-20", 95),
        "zzb",
        "领导甲",
    )];
    let r = november(&p);
    assert!(r.troubles.groups.is_empty());
    assert!(r.lagging.rows.is_empty());
    let texts: Vec<String> = r.troubles.paragraphs.iter().map(|p| p.full()).collect();
    assert_eq!(
        texts,
        vec![
            "（一）逾期和进度滞后事项。截至11月30日，没有逾期或进度滞后的工作事项。",
            "（二）未按期报送进展的单位。本期（2026年11月）各牵头单位均已报送进展。",
            "（三）督办催办未反馈事项。没有过了反馈时限仍未反馈的督办、催办事项。",
        ]
    );
    assert_eq!(r.achievements.commended.len(), 1);
}

// ---- the sample plan: the same numbers as the ledger and the dashboard ----

#[test]
fn on_the_sample_plan_every_figure_is_the_dashboards_and_the_ledgers() {
    let p = sample_plan(2026);
    let index = PlanIndex::new(&p);
    for day in [
        "2026-01-31",
        "2026-03-31",
        "2026-06-30",
        "2026-07-15",
        "2026-09-30",
        "2026-11-30",
        "2026-12-31",
    ] {
        let as_of = d(day);
        let period = ReportPeriod::containing(PeriodKind::Month, as_of).unwrap();
        let r = draft(&p, period, as_of, &p.settings.report_next_steps);
        let h = r.headline();
        // The ledger's header (stats::Tally).
        let tally = plan_tally(&p, &assess_plan(&p, as_of));
        assert_eq!(
            (h.total, h.closed, h.overdue, h.lagging),
            (tally.total, tally.closed(), tally.overdue, tally.behind),
            "{day}: ledger"
        );
        // The dashboard's cards and 完成率.
        let a = assess_positions(&index, as_of);
        let cards = headline(&index, &a);
        let card = |label: &str| {
            cards
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, m)| m.count)
                .unwrap()
        };
        assert_eq!(
            (h.total, h.closed, h.overdue, h.lagging),
            (
                card("工作事项"),
                card("已办结"),
                card("已逾期"),
                card("进度滞后")
            ),
            "{day}: dashboard"
        );
        assert_eq!(
            r.figures().rate_text(),
            format!("{:.1}%", completion_rate(&index, &a)),
            "{day}: rate"
        );
        assert_eq!(r.figures().unreported, card("本期未报送"), "{day}");
        // The figures split the items exactly.
        let f = r.figures();
        assert_eq!(
            f.closed() + f.on_schedule + f.lagging + f.overdue + f.halted,
            f.total,
            "{day}"
        );
        // 附件1 is the Excel 汇总表's.
        let (rows, total) = unit_summary(&index, &a);
        assert_eq!(
            (&r.summary.rows, &r.summary.total),
            (&rows, &total),
            "{day}"
        );
        assert_eq!(total.open_overdue, h.overdue, "{day}");
        // 附件2 and the groups hold exactly the overdue and lagging items.
        assert_eq!(r.lagging.rows.len(), h.overdue + h.lagging, "{day}");
        let grouped: usize = r.troubles.groups.iter().map(|g| g.items.len()).sum();
        assert_eq!(grouped, r.lagging.rows.len(), "{day}");
        // The 黄榜 is the ledger's 本期未报.
        let missing: usize = r.troubles.unreported.iter().map(|u| u.missing.len()).sum();
        assert_eq!(missing, tally.unreported, "{day}");
        assert!(r.body().iter().all(|s| !s.paragraphs.is_empty()), "{day}");
    }
}

#[test]
fn on_the_sample_plan_the_change_adds_up_to_the_two_days_figures() {
    let p = sample_plan(2026);
    for key in ["2026-03", "2026-06", "2026-Q2", "2026-Q3", "2026-11"] {
        let period = month(key);
        let r = draft(&p, period, period.end(), &[]);
        let c = r.change();
        let before = c.previous;
        // Nothing in the sample reopens, so the closed grow by exactly
        // the items closed within the period.
        assert_eq!(
            r.figures().closed(),
            before.closed() + c.closed.len(),
            "{key}"
        );
        for item in &c.closed {
            let on = item.closed_on.expect("sample closings are dated");
            assert!(period.contains(on), "{key}: {on}");
        }
    }
}

// ---- the 领导版 ----

#[test]
fn each_leader_gets_a_sheet_of_their_items_and_the_unled_come_last() {
    let p = month_plan();
    let sheets = leader_sheets(&p, d("2026-11-30"));
    let leaders: Vec<(&str, usize)> = sheets
        .iter()
        .map(|s| (s.leader.as_str(), s.items.len()))
        .collect();
    assert_eq!(
        leaders,
        vec![
            ("领导甲", 4),
            ("领导乙", 2),
            ("领导丙", 1),
            ("领导丁", 1),
            ("", 1)
        ]
    );
    let a = &sheets[0];
    assert_eq!(a.title, "区委2026年工作要点落实情况（领导甲）");
    assert_eq!(a.as_of_line, "截至11月30日");
    assert_eq!(
        ids(a.items.iter().map(|i| &i.id)),
        vec!["on", "closedin", "closedold", "recovered"]
    );
    assert_eq!((a.figures.closed(), a.figures.on_schedule), (2, 2));
    let b = &sheets[1];
    assert_eq!((b.figures.overdue, b.figures.lagging), (1, 1));
    assert_eq!(b.items[0].closed_on, None);
    assert_eq!(a.items[1].closed_on, Some(d("2026-11-15")));
    assert_eq!(
        sheets[4].title,
        format!("区委2026年工作要点落实情况（{NO_LEADER}）")
    );
    let all: usize = sheets.iter().map(|s| s.figures.total).sum();
    assert_eq!(all, 9, "every work item on exactly one sheet");
}

#[test]
fn on_the_sample_plan_the_leader_sheets_cover_every_work_item_once() {
    let p = sample_plan(2026);
    let as_of = d("2026-06-30");
    let sheets = leader_sheets(&p, as_of);
    let tally = plan_tally(&p, &assess_plan(&p, as_of));
    let total: usize = sheets.iter().map(|s| s.items.len()).sum();
    assert_eq!(total, tally.total);
    let overdue: usize = sheets.iter().map(|s| s.figures.overdue).sum();
    assert_eq!(overdue, tally.overdue);
}

// ---- settings ----

#[test]
fn settings_from_before_the_report_read_with_the_default_next_steps() {
    let s: Settings = serde_json::from_str(r#"{"due_soon_days": 5}"#).unwrap();
    assert_eq!(s.report_next_steps, default_next_steps());
    assert!(!s.report_next_steps.is_empty());
    let mine: Settings = serde_json::from_str(r#"{"report_next_steps": ["加强调度。"]}"#).unwrap();
    assert_eq!(mine.report_next_steps, vec!["加强调度。".to_string()]);
}
