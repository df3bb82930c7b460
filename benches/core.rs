//! Speed of the pure core on a large plan, each measured against a reference
//! in the same run, so the numbers mean the same on any machine:
//! - lenient `restore_plan` against a strict `serde_json::from_str::<Plan>`
//!   of the same text (what leniency and problem paths cost);
//! - the whole ledger (roll-up, lights, outline, counts) against serialising
//!   the plan (a pass over the same data that does no reasoning).
//!
//! Run with `cargo bench --bench core`. It prints ratios; it asserts nothing
//! about time.

use chrono::NaiveDate;
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::ledger::ledger;
use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A plan of about `copies` × 54 tasks: the sample repeated with fresh ids.
fn large_plan(copies: usize) -> Plan {
    let base = sample_plan(2026);
    let mut plan = base.clone();
    plan.tasks.clear();
    for c in 0..copies {
        for t in &base.tasks {
            let mut t = t.clone();
            t.id = format!("{}-c{c}", t.id);
            t.parent = t.parent.map(|p| format!("{p}-c{c}"));
            t.order += (c as u32) * 100;
            plan.tasks.push(t);
        }
    }
    plan
}

/// Median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn report(what: &str, measured: Duration, reference: &str, base: Duration) {
    println!(
        "{what:<34} {:>9.2} ms   {reference:<34} {:>9.2} ms   ratio {:>5.2}",
        measured.as_secs_f64() * 1e3,
        base.as_secs_f64() * 1e3,
        measured.as_secs_f64() / base.as_secs_f64()
    );
}

fn main() {
    let plan = large_plan(40);
    let text = write_plan(&plan, "2026-06-30T00:00:00Z", "bench");
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default();
    println!(
        "plan: {} tasks, {} KiB of JSON",
        plan.tasks.len(),
        text.len() / 1024
    );

    let strict = median(15, || {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let p: Option<Plan> = v
            .get("plan")
            .cloned()
            .and_then(|p| serde_json::from_value(p).ok());
        black_box(p);
    });
    let lenient = median(15, || {
        black_box(restore_plan(black_box(&text)).ok());
    });
    report(
        "restore_plan (lenient)",
        lenient,
        "serde_json strict parse",
        strict,
    );

    let serialise = median(15, || {
        black_box(write_plan(black_box(&plan), "", ""));
    });
    let ledger_time = median(15, || {
        black_box(ledger(black_box(&plan), today));
    });
    report(
        "ledger (rules, roll-up, outline)",
        ledger_time,
        "write_plan (serialise)",
        serialise,
    );
}
