//! A chain of parents 100,000 deep (a hostile or broken file) must not
//! crash anything: restore, roll-up, outline, ledger and statistics walk
//! the hierarchy without recursion. Test threads have a 2 MiB stack, so a
//! recursive walk would overflow here just as it would in the browser.

mod common;

use common::{area, d};
use luoshi::format::restore_plan;
use luoshi::model::ledger::{ledger, LedgerLine};
use luoshi::model::rollup::assess_plan;
use luoshi::model::stats::{grouped_tally, GroupBy};
use luoshi::model::Level;

const DEPTH: usize = 100_000;

/// A plan document whose task k is the parent of task k+1, the last one
/// overdue; the chain is written deepest first, so nothing can rely on
/// parents coming before children.
fn chain_document() -> String {
    let mut tasks: Vec<String> = (0..DEPTH)
        .map(|k| {
            let parent = if k == 0 {
                r#","area":"dj""#.to_string()
            } else {
                format!(r#","parent":"t{}""#, k - 1)
            };
            let due = if k == DEPTH - 1 { "2026-06-01" } else { "2026-12-31" };
            format!(
                r#"{{"id":"t{k}","title":"第{k}层"{parent},"start":"2026-01-01","due":"{due}","status":"in_progress"}}"#
            )
        })
        .collect();
    tasks.reverse();
    format!(
        r#"{{"format":"luoshi/plan","version":2,"plan":{{"id":"deep","title":"深层","year":2026,"areas":[{{"id":"dj","name":"党的建设","order":1}}],"tasks":[{}]}}}}"#,
        tasks.join(",")
    )
}

#[test]
fn a_chain_100000_deep_restores_and_is_judged_without_crashing() {
    let r = restore_plan(&chain_document()).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.problems.is_empty(), "{:?}", &r.problems[..1]);
    let plan = r.plan;
    assert_eq!(plan.tasks.len(), DEPTH);
    let today = d("2026-06-30");
    let a = assess_plan(&plan, today);
    assert_eq!(a["t99999"].level, Level::Red);
    assert_eq!(a["t0"].level, Level::Red, "the red leaf shows at the top");

    let (lines, tally) = ledger(&plan, today);
    assert_eq!(tally.total, 1, "one work item: the deepest task");
    let tasks: Vec<_> = lines
        .iter()
        .filter_map(|l| match l {
            LedgerLine::Task(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tasks.len(), DEPTH);
    assert_eq!(tasks[0].id, "t0");
    assert_eq!(tasks[DEPTH - 1].depth, DEPTH - 1);

    let mut with_area = plan.clone();
    with_area.areas = vec![area("dj", "党的建设", 1)];
    let g = grouped_tally(&with_area, &a, GroupBy::Area);
    assert_eq!(g["党的建设"].total, 1);
}

#[test]
fn a_cycle_at_the_end_of_a_deep_chain_is_broken_once() {
    // t0 → … → t99999, and t0's parent set to the deepest task.
    let text = chain_document().replacen(
        r#""id":"t0","title":"第0层","area":"dj""#,
        r#""id":"t0","title":"第0层","parent":"t99999""#,
        1,
    );
    let r = restore_plan(&text).unwrap_or_else(|e| panic!("{e}"));
    let cycles: Vec<_> = r
        .problems
        .iter()
        .filter(|p| p.message.contains("循环"))
        .collect();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    // The cycle is cut at its first task in the file (the list is deepest
    // first, so that is t99999), and every task is still in the ledger.
    assert_eq!(cycles[0].path, "plan.tasks[0].parent");
    let (lines, _) = ledger(&r.plan, d("2026-06-30"));
    let rows = lines
        .iter()
        .filter(|l| matches!(l, LedgerLine::Task(_)))
        .count();
    assert_eq!(rows, DEPTH);
}
