//! Pure chart layouts (`model::charts`): ticks, donut arcs, the unit
//! ranking and the burn-up — and that every mark's query selects exactly the
//! work items it counts, so a click on a chart leads to those items.

mod common;

use common::{d, plan_of, span};
use luoshi::model::charts::burnup::{burn_up, date_x};
use luoshi::model::charts::donut::donut;
use luoshi::model::charts::ranking::unit_ranking;
use luoshi::model::charts::ticks::nice_ticks;
use luoshi::model::charts::{Mark, STATES};
use luoshi::model::index::PlanIndex;
use luoshi::model::query::select;
use luoshi::model::rollup::assess_positions;
use luoshi::model::sample::sample_plan;
use luoshi::model::search::SearchIndex;
use luoshi::model::Level;
use std::f64::consts::TAU;

#[test]
fn nice_ticks_are_round_and_cover_the_maximum() {
    let cases: [(f64, usize, &[f64]); 6] = [
        (0.0, 5, &[0.0, 1.0]),
        (1.0, 5, &[0.0, 1.0]),
        (7.0, 5, &[0.0, 2.0, 4.0, 6.0, 8.0]),
        (41.0, 5, &[0.0, 10.0, 20.0, 30.0, 40.0, 50.0]),
        (100.0, 4, &[0.0, 50.0, 100.0]),
        (4999.0, 5, &[0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]),
    ];
    for (max, count, want) in cases {
        assert_eq!(nice_ticks(max, count), want, "{max}");
    }
}

fn counts_of(plan: &luoshi::model::Plan, day: &str) -> Vec<(Level, usize)> {
    let index = PlanIndex::new(plan);
    let a = assess_positions(&index, d(day));
    STATES
        .iter()
        .map(|&l| (l, index.work_items().filter(|&i| a[i].level == l).count()))
        .collect()
}

#[test]
fn donut_arcs_make_the_whole_ring_in_proportion() {
    let plan = sample_plan(2026);
    let counts = counts_of(&plan, "2026-06-30");
    let arcs = donut(&counts, 40.0, 70.0);
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    assert_eq!(arcs.iter().map(|a| a.mark.count).sum::<usize>(), total);
    assert!(
        (arcs.last().unwrap().end - TAU).abs() < 1e-9,
        "ends at the full turn"
    );
    assert_eq!(arcs[0].start, 0.0);
    for w in arcs.windows(2) {
        assert_eq!(w[0].end, w[1].start, "no gaps");
    }
    for a in &arcs {
        let share = (a.end - a.start) / TAU;
        assert!((share - a.mark.count as f64 / total as f64).abs() < 1e-9);
        assert!(a.path.starts_with('M') && a.path.ends_with('Z'));
    }
    assert!(donut(&[], 1.0, 2.0).is_empty(), "an empty plan has no arcs");
    let one = donut(&[(Level::Green, 1)], 40.0, 70.0);
    assert_eq!(one.len(), 1);
    assert_eq!(
        one[0].path.matches('M').count(),
        2,
        "a full ring is two halves"
    );
}

#[test]
fn units_rank_by_completion_rate_then_size_then_registry_order() {
    let mut plan = plan_of(vec![
        luoshi::model::Task {
            lead_unit: Some("a".into()),
            ..common::closed(span("a1", "2026-01-01", "2026-03-01"), "2026-02-01")
        },
        luoshi::model::Task {
            lead_unit: Some("a".into()),
            ..span("a2", "2026-01-01", "2026-12-31")
        },
        luoshi::model::Task {
            lead_unit: Some("b".into()),
            ..common::closed(span("b1", "2026-01-01", "2026-03-01"), "2026-02-01")
        },
        luoshi::model::Task {
            lead_unit: Some("c".into()),
            ..common::closed(span("c1", "2026-01-01", "2026-03-01"), "2026-02-01")
        },
        luoshi::model::Task {
            lead_unit: Some("c".into()),
            ..common::closed(span("c2", "2026-01-01", "2026-03-01"), "2026-02-01")
        },
        luoshi::model::Task {
            lead_unit: Some("d".into()),
            ..span("d1", "2026-01-01", "2026-05-01")
        },
    ]);
    plan.units = ["a", "b", "c", "d"]
        .iter()
        .map(|u| common::unit(u, &format!("单位{u}")))
        .collect();
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d("2026-06-30"));
    let bars = unit_ranking(&index, &a, 300.0);
    let order: Vec<&str> = bars.iter().map(|b| b.unit.as_str()).collect();
    assert_eq!(
        order,
        ["c", "b", "a", "d"],
        "100% (2 items) before 100% (1), then 50%, then 0%"
    );
    assert_eq!(bars[3].overdue, 1);
    for b in &bars {
        let w: f64 = b.segments.iter().map(|s| s.width).sum();
        assert!(
            (w - 300.0 * b.total as f64 / 2.0).abs() < 1e-9,
            "widths in proportion to the widest"
        );
    }
}

#[test]
fn burn_up_counts_due_and_closed_by_month_end() {
    let plan = plan_of(vec![
        common::closed(span("a", "2026-01-01", "2026-03-31"), "2026-03-20"),
        common::closed(span("b", "2026-01-01", "2026-04-30"), "2026-05-10"),
        span("c", "2026-01-01", "2026-06-30"),
        span("d", "2026-01-01", "2026-12-31"),
    ]);
    let index = PlanIndex::new(&plan);
    let b = burn_up(&index, 2026, d("2026-06-15"), 365.0, 100.0);
    let planned: Vec<usize> = b.planned.iter().map(|p| p.value).collect();
    assert_eq!(planned, [0, 0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 4]);
    let closed: Vec<(String, usize)> = b
        .closed
        .iter()
        .map(|p| (p.date.to_string(), p.value))
        .collect();
    assert_eq!(
        closed,
        [
            ("2026-01-31", 0),
            ("2026-02-28", 0),
            ("2026-03-31", 1),
            ("2026-04-30", 1),
            ("2026-05-31", 2),
            ("2026-06-15", 2)
        ]
        .map(|(d, n)| (d.to_string(), n)),
        "up to the day judged by"
    );
    assert!(b.today_x.is_some());
    assert_eq!(b.months.len(), 12);
    assert_eq!(b.months[2].1, "3月");
    // Dates across the year: Jan 1 at 0, Dec 31 at the end, leap years too.
    assert_eq!(date_x(d("2026-01-01"), 2026, 364.0), 0.0);
    assert_eq!(date_x(d("2026-12-31"), 2026, 364.0), 364.0);
    assert_eq!(date_x(d("2024-12-31"), 2024, 365.0), 365.0);
    let leap = date_x(d("2024-03-01"), 2024, 365.0) - date_x(d("2024-02-28"), 2024, 365.0);
    assert!((leap - 2.0).abs() < 1e-9, "Feb 29 is a day: {leap}");
    let empty = plan_of(Vec::new());
    let b = burn_up(&PlanIndex::new(&empty), 2026, d("2026-06-15"), 365.0, 100.0);
    assert!(b.planned.iter().all(|p| p.value == 0));
}

/// Every mark's query selects exactly as many work items as it counts.
#[test]
fn every_mark_leads_to_exactly_its_items() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d("2026-06-30"));
    let search = SearchIndex::new(&index);
    let check = |m: &Mark| {
        let s = select(&index, &a, &search, &m.query);
        assert_eq!(s.work_items.len(), m.count, "{}", m.tip);
    };
    let counts: Vec<(Level, usize)> = STATES
        .iter()
        .map(|&l| (l, index.work_items().filter(|&i| a[i].level == l).count()))
        .collect();
    for arc in donut(&counts, 1.0, 2.0) {
        check(&arc.mark);
    }
    use luoshi::model::charts::ranking::{ranking, Group};
    for by in [Group::LeadUnit, Group::Area, Group::Leader] {
        let bars = ranking(&index, &a, by, 100.0);
        assert!(!bars.is_empty(), "{by:?}");
        for bar in bars {
            check(&bar.mark);
            for s in &bar.segments {
                check(&s.mark);
            }
        }
    }
    assert_eq!(
        unit_ranking(&index, &a, 100.0),
        ranking(&index, &a, Group::LeadUnit, 100.0)
    );
}

#[test]
fn headline_counts_lead_to_exactly_their_items_and_agree_with_the_tally() {
    use luoshi::model::charts::headline;
    use luoshi::model::rollup::assess_plan;
    use luoshi::model::stats::plan_tally;
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d("2026-06-30"));
    let search = SearchIndex::new(&index);
    let cards = headline(&index, &a);
    for (label, m) in &cards {
        let s = select(&index, &a, &search, &m.query);
        assert_eq!(s.work_items.len(), m.count, "{label}");
    }
    let t = plan_tally(&plan, &assess_plan(&plan, d("2026-06-30")));
    let n = |l: &str| cards.iter().find(|(x, _)| *x == l).unwrap().1.count;
    assert_eq!(n("工作事项"), t.total);
    assert_eq!(n("已逾期"), t.overdue);
    assert_eq!(n("临近时限"), t.due_soon);
    assert_eq!(n("进度滞后"), t.behind);
    assert_eq!(n("本期未报送"), t.unreported);
    assert_eq!(n("已办结"), t.closed());
}
