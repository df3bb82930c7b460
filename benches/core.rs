//! Speed of the pure core on large plans. Every time is set against a
//! reference measured in the same run and reported as a ratio, so the
//! numbers mean the same on any machine; nothing here asserts a time.
//!
//! 1. Cost against a reference, on the 5,000-task plan:
//!    - lenient `restore_plan` against a strict, typed
//!      `serde_json::from_str` of the same text (what leniency and problem
//!      paths cost);
//!    - the whole ledger (roll-up, lights, outline, counts) against
//!      `write_plan` (a pass over the same data that does no reasoning).
//! 2. Scaling from 1,000 to 5,000 tasks, against `serde_json::to_string`
//!    of the plan (linear, so its ratio is what "linear" looks like here):
//!    - `Repo::save` for a plan changed by one task (the save path:
//!      compare with the synced plan, read the stored stamp, serialise,
//!      pack, write), over the in-memory storage;
//!    - `holds`, the storage event's comparison when another tab wrote the
//!      very same plan;
//!    - `grouped_tally` by area (quadratic once), given assessments;
//!    - the ledger.
//!
//!    A row whose ratio exceeds twice the reference's is flagged
//!    "⚠ 超线性" (about ×25 against ×5 means quadratic); it is only flagged,
//!    since timing noise must never fail a run.
//! 3. How much of the localStorage quota the 5,000-task plan's stored text
//!    takes, plain and packed by `store::codec::pack`.
//! 4. Capacity (issue 17): three plans (2024–2026) of 300 tasks, every work
//!    item with twelve monthly reports and their 留痕, plus twenty import
//!    backups (made before weekly imports of the last month's reports, so
//!    each is a near whole year: `year::before_last_reports`), stored
//!    through the repository into an in-memory storage with the browser's
//!    quota: the share left free (target ≥ 40 %), with report texts made
//!    of phrases and with texts that never repeat a phrase; and a
//!    5,000-task plan with twelve reports per item saved alone. Beside it,
//!    how well the generated report text compresses against the seed
//!    speech (real prose), so the figure is not flattered by repetitive
//!    text.
//!
//! Plans are the sample repeated with fresh ids. Times are medians of runs
//! taken in turn with their reference and bounded by a time budget, so the
//! whole run takes about 15 seconds.
//!
//! Run with `cargo bench --bench core`. Any unexpected result (a decision
//! that is not a write, a comparison that fails) is printed and that
//! measurement skipped: a benchmark run never panics.

use chrono::NaiveDate;
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::ledger::ledger;
use luoshi::model::rollup::{assess_plan, Assessments};
use luoshi::model::sample::sample_plan;
use luoshi::model::stats::{grouped_tally, GroupBy};
use luoshi::model::Plan;
use luoshi::store::backend::MemoryStorage;
use luoshi::store::repo::SaveOutcome;
use luoshi::store::{codec, holds, serialize, Repo, Synced, QUOTA_CHARS};
use std::cell::RefCell;
use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The sizes compared for scaling: ×5 apart, so linear work shows ×5 and
/// quadratic work ×25.
const SMALL: usize = 1_000;
const LARGE: usize = 5_000;

/// The key the save path writes.
const STORED_KEY: &str = "luoshi.plan";

/// The timestamp written into stored text; any fixed value will do.
const SAVED_AT: &str = "2026-06-30T09:00:00Z";

/// Tasks whose parent is not in the plan: after the cut this should be
/// zero (the sample lists each 要点 before its 任务); printed when not, since
/// orphans would make the plan flatter than a real one.
fn orphans(plan: &Plan) -> usize {
    let ids: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    plan.tasks
        .iter()
        .filter(|t| t.parent.as_ref().is_some_and(|p| !ids.contains(p.as_str())))
        .count()
}

/// Everything one size's measurements need, prepared once so that only the
/// operation itself is timed.
struct Case {
    /// The plan as this tab last synced it.
    synced_plan: Plan,
    /// Its stored text, as `serialize` writes it.
    text: String,
    /// The same plan with one task changed: what the save path sees.
    changed: Plan,
    /// Storage holding the plan, and what the save path last saw there.
    storage: MemoryStorage,
    synced: RefCell<Synced>,
    /// Assessments of `synced_plan`, computed beforehand because the UI
    /// computes them once and hands them to the statistics.
    assessments: Assessments,
    today: NaiveDate,
}

impl Case {
    fn new(base: &Plan, n: usize, today: NaiveDate) -> Result<Case, String> {
        if base.tasks.is_empty() {
            return Err("the sample plan has no tasks".into());
        }
        // The sample repeated with fresh ids, its hierarchy kept (the same
        // plans the capacity part uses).
        let plan = year::plan_of(n, base.year);
        let text = serialize(&plan, SAVED_AT).map_err(|e| e.to_string())?;
        let mut changed = plan.clone();
        // The last task, so the plan comparison in `Repo::save` walks the
        // whole list before it finds the difference: the worst case.
        let task = changed.tasks.last_mut().ok_or("the plan has no tasks")?;
        task.title.push_str("（已修改）");
        task.revision += 1;
        let assessments = assess_plan(&plan, today);
        let storage = MemoryStorage::new();
        let seen =
            match Repo::new(&storage).save(STORED_KEY, &plan, Some(&Synced::default()), SAVED_AT) {
                SaveOutcome::Written { seen, .. } => seen,
                other => return Err(format!("the first save gave {other:?}")),
            };
        Ok(Case {
            storage,
            synced: RefCell::new(Synced {
                plan: Some(plan.clone()),
                seen,
            }),
            synced_plan: plan,
            text,
            changed,
            assessments,
            today,
        })
    }

    /// Saves the changed plan as the page does, then remembers the new
    /// stamp so the next save is not taken for another tab's write (the
    /// synced plan stays the original, so every save writes).
    fn save(&self) -> SaveOutcome {
        let synced = self.synced.borrow().clone();
        let outcome =
            Repo::new(&self.storage).save(STORED_KEY, &self.changed, Some(&synced), SAVED_AT);
        if let SaveOutcome::Written { seen, .. } = &outcome {
            self.synced.borrow_mut().seen = seen.clone();
        }
        outcome
    }

    fn tasks(&self) -> usize {
        self.synced_plan.tasks.len()
    }

    /// Why an operation would not measure what its row says, if it would not.
    fn check(&self, op: Op) -> Option<String> {
        match op {
            Op::Reference | Op::GroupedTally | Op::Ledger => None,
            Op::Save => match self.save() {
                SaveOutcome::Written { .. } => None,
                other => Some(format!("the save gave {other:?}, not a write")),
            },
            Op::Holds => {
                (!holds(Some(&self.text), &self.synced_plan)).then(|| "holds gave false".into())
            }
        }
    }

    fn run(&self, op: Op) {
        match op {
            Op::Reference => {
                black_box(serde_json::to_string(black_box(&self.synced_plan)).ok());
            }
            Op::Save => {
                black_box(self.save());
            }
            Op::Holds => {
                black_box(holds(Some(black_box(&self.text)), &self.synced_plan));
            }
            Op::GroupedTally => {
                black_box(grouped_tally(
                    black_box(&self.synced_plan),
                    &self.assessments,
                    GroupBy::Area,
                ));
            }
            Op::Ledger => {
                black_box(ledger(black_box(&self.synced_plan), self.today));
            }
        }
    }
}

/// The operations timed at both sizes.
#[derive(Clone, Copy)]
enum Op {
    Reference,
    Save,
    Holds,
    GroupedTally,
    Ledger,
}

impl Op {
    fn label(self) -> &'static str {
        match self {
            Op::Reference => "reference: serde_json::to_string",
            Op::Save => "Repo::save (one task changed)",
            Op::Holds => "holds (other tab, same plan)",
            Op::GroupedTally => "grouped_tally by area",
            Op::Ledger => "ledger",
        }
    }
}

/// Median times of the calls in `fs`, run in turn round after round: at
/// least `MIN_RUNS` rounds, then more until `budget` is spent or `MAX_RUNS`
/// is reached. Taking turns means a measurement and its reference see the
/// same machine (other builds on the same cores, clock changes), so their
/// ratio holds even when the absolute times drift. It also keeps caches
/// fair: called alone in a tight loop, a 1,000-task plan stays in cache
/// between calls and a 5,000-task one does not, which made linear,
/// lookup-heavy paths (grouped_tally, the ledger) look ×8–11. A budget
/// rather than a fixed count keeps the run short on slow machines and for
/// slow (super-linear) paths, while fast ones still get many rounds.
fn medians<const N: usize>(budget: Duration, mut fs: [&mut dyn FnMut(); N]) -> [Duration; N] {
    const MIN_RUNS: usize = 5;
    const MAX_RUNS: usize = 101;
    // One call each untimed, so first-touch allocation does not count.
    for f in fs.iter_mut() {
        f();
    }
    let began = Instant::now();
    let mut times: [Vec<Duration>; N] = std::array::from_fn(|_| Vec::with_capacity(MAX_RUNS));
    let mut rounds = 0;
    while rounds < MAX_RUNS && (rounds < MIN_RUNS || began.elapsed() < budget) {
        for (f, t) in fs.iter_mut().zip(times.iter_mut()) {
            let start = Instant::now();
            f();
            t.push(start.elapsed());
        }
        rounds += 1;
    }
    times.map(|mut t| {
        t.sort();
        t.get(t.len() / 2).copied().unwrap_or_default()
    })
}

/// A time in the unit that keeps it readable.
fn show(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// `n` with thousands separators, so counts of millions read at a glance.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Measured over reference, guarding a zero reference (a clock too coarse).
fn ratio(measured: Duration, base: Duration) -> Option<f64> {
    (base > Duration::ZERO).then(|| measured.as_secs_f64() / base.as_secs_f64())
}

fn report(what: &str, measured: Duration, reference: &str, base: Duration) {
    let r = ratio(measured, base).map_or_else(|| "n/a".to_string(), |r| format!("{r:.2}"));
    println!(
        "  {what:<28} {:>10}   {reference:<28} {:>10}   ratio {r:>5}",
        show(measured),
        show(base),
    );
}

/// Part 1: what leniency costs, and what the ledger's reasoning costs.
fn against_references(case: &Case) {
    /// The envelope read with plain serde: no repair, no problem paths.
    /// Unknown fields (`format`, `version`, …) are ignored, as serde does.
    #[derive(serde::Deserialize)]
    struct Strict {
        plan: Plan,
    }

    println!("\n1. Against a reference ({} tasks)", case.tasks());
    let budget = Duration::from_secs(2);
    let text = &case.text;
    match restore_plan(text) {
        Ok(r) if r.problems.is_empty() => {}
        Ok(r) => println!("  note: restore_plan found {} problems", r.problems.len()),
        Err(e) => println!("  note: restore_plan failed: {e}"),
    }
    if let Err(e) = serde_json::from_str::<Strict>(text) {
        println!("  note: strict parse failed ({e}); skipping the restore row");
    } else {
        let [strict, lenient] = medians(
            budget,
            [
                &mut || {
                    black_box(
                        serde_json::from_str::<Strict>(black_box(text))
                            .map(|s| s.plan)
                            .ok(),
                    );
                },
                &mut || {
                    black_box(restore_plan(black_box(text)).ok());
                },
            ],
        );
        report(
            "restore_plan (what Luoshi wrote: one typed pass)",
            lenient,
            "serde_json strict parse",
            strict,
        );
        // The item-by-item pass, which any document that does not read as a
        // whole takes (an older version, an unknown field, a bad value).
        let [strict, thorough] = medians(
            budget,
            [
                &mut || {
                    black_box(
                        serde_json::from_str::<Strict>(black_box(text))
                            .map(|s| s.plan)
                            .ok(),
                    );
                },
                &mut || {
                    black_box(
                        luoshi::format::restore::restore_plan_thoroughly(black_box(text)).ok(),
                    );
                },
            ],
        );
        report(
            "restore_plan_thoroughly (item by item)",
            thorough,
            "serde_json strict parse",
            strict,
        );
    }

    let plan = &case.synced_plan;
    let [serialise, ledger_time] = medians(
        budget,
        [
            &mut || {
                black_box(write_plan(black_box(plan), "", "").ok());
            },
            &mut || {
                black_box(ledger(black_box(plan), case.today));
            },
        ],
    );
    report(
        "ledger (rules, outline)",
        ledger_time,
        "write_plan (serialise)",
        serialise,
    );

    // A returned file in which every task has one new progress update:
    // previewing and building the merge against reading that file.
    let mut theirs = plan.clone();
    for (i, t) in theirs.tasks.iter_mut().enumerate() {
        t.updates.push(luoshi::model::task::ProgressUpdate {
            id: format!("bench-{i}"),
            date: case.today,
            percent: 50,
            progress: "本月进展".into(),
            problems: String::new(),
            next_steps: String::new(),
            by: String::new(),
        });
    }
    let Ok(file) = write_plan(&theirs, "", "") else {
        println!("  note: could not write the returned file; skipping the merge row");
        return;
    };
    let [read, merge] = medians(
        budget,
        [
            &mut || {
                black_box(restore_plan(black_box(&file)).ok());
            },
            &mut || {
                let pv = luoshi::model::merge::preview(black_box(plan), black_box(&theirs));
                black_box(luoshi::model::merge::merge_op(plan, &pv, |_, _| None, "", "").ok());
            },
        ],
    );
    report(
        "merge preview + op (every task +1 update)",
        merge,
        "restore_plan of that file",
        read,
    );
}

/// Part 2: each operation at both sizes, its ratio against the reference's.
fn scaling(small: &Case, large: &Case) {
    println!(
        "\n2. Scaling: {} → {} tasks (×{:.2} in size)",
        small.tasks(),
        large.tasks(),
        large.tasks() as f64 / small.tasks().max(1) as f64
    );
    println!(
        "  {:<34} {:>10} {:>10} {:>7}",
        "",
        format!("{}", small.tasks()),
        format!("{}", large.tasks()),
        "ratio"
    );
    // Two seconds per row: enough rounds for a stable median, and the
    // whole table stays within about ten seconds.
    let budget = Duration::from_secs(2);
    let [ref_small, ref_large] = medians(
        budget,
        [&mut || small.run(Op::Reference), &mut || {
            large.run(Op::Reference)
        }],
    );
    let Some(reference) = ratio(ref_large, ref_small) else {
        println!("  the reference was too fast to time; nothing to compare with");
        return;
    };
    row(
        Op::Reference,
        ref_small,
        ref_large,
        format!("scales ×{reference:.1} (this is the reference)"),
    );
    for op in [Op::Save, Op::Holds, Op::GroupedTally, Op::Ledger] {
        if let Some(why) = small.check(op).or_else(|| large.check(op)) {
            println!("  {:<34} skipped: {why}", op.label());
            continue;
        }
        // The reference again, in turn with this row, so the row is judged
        // against a reference that ran under the same conditions.
        let [ref_small, ref_large, t_small, t_large] = medians(
            budget,
            [
                &mut || small.run(Op::Reference),
                &mut || large.run(Op::Reference),
                &mut || small.run(op),
                &mut || large.run(op),
            ],
        );
        let (Some(base), Some(r)) = (ratio(ref_large, ref_small), ratio(t_large, t_small)) else {
            println!("  {:<34} skipped: too fast to time", op.label());
            continue;
        };
        // Only flagged: a noisy machine must not fail the run.
        let flag = if r > 2.0 * base {
            "  ⚠ 超线性"
        } else {
            ""
        };
        row(
            op,
            t_small,
            t_large,
            format!("scales ×{r:.1} (reference ×{base:.1}){flag}"),
        );
    }
}

/// One line of the scaling table.
fn row(op: Op, small: Duration, large: Duration, verdict: String) {
    let r = ratio(large, small).unwrap_or(f64::NAN);
    println!(
        "  {:<34} {:>10} {:>10} {r:>6.2}   {verdict}",
        op.label(),
        show(small),
        show(large),
    );
}

/// Part 3: the stored text against the localStorage quota.
fn quota(case: &Case) {
    println!(
        "\n3. localStorage quota ({} tasks, quota {} UTF-16 units)",
        case.tasks(),
        thousands(QUOTA_CHARS)
    );
    let share = |units: usize| units as f64 * 100.0 / QUOTA_CHARS as f64;
    let plain = case.text.encode_utf16().count();
    println!(
        "  stored text:  {:>9} units  {:>6.2} % of quota  ({} KiB UTF-8)",
        thousands(plain),
        share(plain),
        case.text.len() / 1024
    );
    let packed = codec::pack(&case.text);
    let units = packed.encode_utf16().count();
    println!(
        "  packed text:  {:>9} units  {:>6.2} % of quota  (×{:.1} smaller)",
        thousands(units),
        share(units),
        plain as f64 / units.max(1) as f64
    );
    if codec::unpack(&packed).ok().as_deref() != Some(case.text.as_str()) {
        println!("  note: the packed text does not unpack to the stored text");
    }
}

#[path = "../tests/common/year.rs"]
mod year;

/// Part 4: years of data against the quota.
fn capacity() {
    use luoshi::store::usage_percent;
    println!(
        "\n4. Capacity (quota {} UTF-16 units)",
        thousands(QUOTA_CHARS)
    );
    let mut plan = None;
    for texture in [year::Texture::Phrases, year::Texture::Unique] {
        let name = match texture {
            year::Texture::Phrases => "report texts made of phrases",
            year::Texture::Unique => "report texts that never repeat a phrase",
        };
        println!("  {name}:");
        match years_and_imports(texture) {
            Ok((p, lines)) => {
                for line in lines {
                    println!("    {line}");
                }
                plan.get_or_insert(p);
            }
            Err(e) => println!("    ⚠ {e}"),
        }
    }
    let Some(plan) = plan else { return };

    let big = year::year_of_reports(5_000, 2026, 5);
    let alone = MemoryStorage::with_quota(QUOTA_CHARS);
    match Repo::new(&alone).save(STORED_KEY, &big, Some(&Synced::default()), SAVED_AT) {
        SaveOutcome::Written { .. } => println!(
            "  5,000-task plan, 12 reports per item: saves, {} units, {:.1} % of the quota",
            thousands(alone.used()),
            usage_percent(alone.used())
        ),
        other => println!("  ⚠ 5,000-task plan, 12 reports per item: did not save ({other:?})"),
    }

    // Compressibility of the generated reports against real prose.
    let reports: String = plan
        .tasks
        .iter()
        .flat_map(|t| t.updates.iter())
        .map(|u| format!("{}{}{}", u.progress, u.problems, u.next_steps))
        .collect();
    let speech = include_str!("../tests/fixtures/text/speech-2022-district-committee.txt");
    let ratio = |text: &str| {
        text.encode_utf16().count() as f64 / codec::pack(text).encode_utf16().count().max(1) as f64
    };
    println!(
        "  text packs ×{:.1} smaller (generated reports) against ×{:.1} (the seed speech, real prose)",
        ratio(&reports),
        ratio(speech)
    );
}

/// Three years of 300-task plans with reports of `texture` and twenty
/// import backups, through the repository over a storage with the quota:
/// the 2026 plan and the lines to print.
fn years_and_imports(texture: year::Texture) -> Result<(luoshi::model::Plan, Vec<String>), String> {
    use luoshi::store::usage_percent;
    let storage = MemoryStorage::with_quota(QUOTA_CHARS);
    let repo = Repo::new(&storage);
    let mut lines = Vec::new();
    let mut last = None;
    for (i, y) in [2024, 2025, 2026].into_iter().enumerate() {
        let plan = year::year_of(300, y, 17 + i as u64, texture);
        let before = storage.used();
        repo.create(&plan, true, SAVED_AT)
            .map_err(|e| format!("the {y} plan did not fit: {e}"))?;
        let units = storage.used() - before;
        lines.push(format!(
            "{y} plan, 300 tasks, 12 reports per item: {:>9} units {:>6.2} %",
            thousands(units),
            usage_percent(units)
        ));
        last = Some(plan);
    }
    let plan = last.ok_or("no plan")?;
    let before = storage.used();
    for week in 0..20 {
        let now = format!("2026-12-{:02}T{:02}:00:00Z", 1 + week / 2, 8 + week % 2);
        repo.back_up_before_import(&year::before_last_reports(&plan, week, 20), &now)
            .map_err(|e| format!("backup {} did not fit: {e}", week + 1))?;
    }
    let backups = storage.used() - before;
    let copies = repo.copies().map_err(|e| e.to_string())?;
    let newest = copies.last().map_or(0, |(_, size)| *size);
    lines.push(format!(
        "20 import backups of the 2026 plan:      {:>9} units {:>6.2} % (the newest whole, {} units; 19 deltas, {} units)",
        thousands(backups),
        usage_percent(backups),
        thousands(newest),
        thousands(backups.saturating_sub(newest))
    ));
    let used = storage.used();
    let free = 100.0 - usage_percent(used);
    let verdict = if free >= 40.0 {
        "target ≥ 40 % met"
    } else {
        "⚠ target ≥ 40 % missed"
    };
    lines.push(format!(
        "in all: {} units, {:.1} % of the quota; {free:.1} % free ({verdict})",
        thousands(used),
        usage_percent(used)
    ));
    Ok((plan, lines))
}

fn main() {
    // `cargo bench --bench core -- capacity`: part 4 alone (scripts/bench.sh
    // puts it in bench/RESULTS.md).
    if std::env::args().any(|a| a == "capacity") {
        capacity();
        return;
    }
    // The sample's mid-year date, on which every kind of light appears.
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 30) else {
        println!("no such date; nothing measured");
        return;
    };
    let base = sample_plan(2026);
    let started = Instant::now();
    let (small, large) = match (
        Case::new(&base, SMALL, today),
        Case::new(&base, LARGE, today),
    ) {
        (Ok(s), Ok(l)) => (s, l),
        (Err(e), _) | (_, Err(e)) => {
            println!("could not prepare the plans ({e}); nothing measured");
            return;
        }
    };
    println!(
        "plans: {} and {} tasks (the {}-task sample repeated with fresh ids)",
        small.tasks(),
        large.tasks(),
        base.tasks.len()
    );
    for case in [&small, &large] {
        let n = orphans(&case.synced_plan);
        if n > 0 {
            println!("  note: {n} of {} tasks lost their parent", case.tasks());
        }
    }

    against_references(&large);
    scaling(&small, &large);
    quota(&large);
    capacity();
    println!("\nwhole run: {}", show(started.elapsed()));
}
