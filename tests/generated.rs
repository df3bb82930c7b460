//! Generated-input tests (proptest) of what files go through: writing and
//! reading a plan gives it back exactly; restoring never panics, whatever
//! the bytes; merging never panics, is idempotent, and record unions
//! commute. CI runs `LUOSHI_CASES` cases per property (256 by default);
//! a long run sets it to 1,000,000.

// Native only: the generator and schema crates are not in the browser build.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use luoshi::format::restore::restore_plan_thoroughly;
use luoshi::format::{restore_plan, write_plan};
use luoshi::model::merge::{merge_op, preview};
use luoshi::model::ops::apply;
use luoshi::model::package::package_for;
use luoshi::model::task::ProgressUpdate;
use luoshi::model::{Plan, Task, TaskId};
use proptest::prelude::*;
use serde_json::Value;

const NOW: &str = "2026-07-25T09:00:00Z";

fn cases() -> u32 {
    std::env::var("LUOSHI_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn day(offset: u16) -> chrono::NaiveDate {
    common::d("2026-01-01") + chrono::Days::new(u64::from(offset % 365))
}

prop_compose! {
    fn an_update(task: usize)(n in 0u32..1000, offset in 0u16..365, percent in 0u8..=100, text in "\\PC{0,12}") -> ProgressUpdate {
        ProgressUpdate {
            id: format!("u{task}-{n}"),
            date: day(offset),
            percent,
            progress: text,
            problems: String::new(),
            next_steps: String::new(),
            by: String::new(),
        }
    }
}

prop_compose! {
    fn a_task(i: usize)(
        title in "\\PC{1,16}",
        parent in proptest::option::of(0usize..8),
        start in proptest::option::of(0u16..365),
        due in proptest::option::of(0u16..365),
        updates in proptest::collection::vec(an_update(i), 0..3),
        lead in proptest::option::of(prop_oneof![Just("u-a"), Just("u-b")]),
    ) -> Task {
        let mut t = Task::new(format!("t{i}"), title);
        // Parents come earlier in the list, so there is never a cycle.
        t.parent = parent.filter(|&p| p < i).map(|p| TaskId::from(format!("t{p}")));
        t.start = start.map(day);
        t.due = due.map(day);
        t.lead_unit = lead.map(str::to_string);
        let mut seen = std::collections::HashSet::new();
        t.updates = updates.into_iter().filter(|u| seen.insert(u.id.clone())).collect();
        t
    }
}

fn a_plan() -> impl Strategy<Value = Plan> {
    (0usize..8)
        .prop_flat_map(|n| (0..n).map(a_task).collect::<Vec<_>>())
        .prop_map(|tasks| {
            let mut p = common::plan_of(tasks);
            p.id = "generated".into();
            p.units = vec![common::unit("u-a", "甲单位"), common::unit("u-b", "乙单位")];
            p
        })
}

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        "\\PC{0,12}".prop_map(Value::String),
        Just(Value::String("2026-13-45".into())),
        Just(Value::String("luoshi/plan".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("format".to_string()),
            Just("version".to_string()),
            Just("plan".to_string()),
            Just("tasks".to_string()),
            Just("id".to_string()),
            Just("title".to_string()),
            Just("parent".to_string()),
            Just("due".to_string()),
            Just("updates".to_string()),
            Just("package".to_string()),
            Just("base".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A plan-shaped document with random parts, so restore gets past the
/// envelope and into the items.
fn plan_shaped() -> impl Strategy<Value = String> {
    (any_json(), proptest::collection::vec(any_json(), 0..6), 1u64..5).prop_map(|(extra, tasks, version)| {
        serde_json::json!({"format": "luoshi/plan", "version": version, "plan": {"title": "x", "tasks": tasks, "settings": extra}})
            .to_string()
    })
}

/// Documents of the current version as Luoshi writes them, some with a
/// duplicate task id or a parent that does not exist (which the fast pass
/// also takes, and must repair as the thorough one does), and the
/// plan-shaped ones (mostly left to the thorough pass).
fn documents() -> impl Strategy<Value = String> {
    prop_oneof![
        (a_plan(), any::<bool>(), any::<bool>()).prop_map(|(mut plan, dup, dangle)| {
            if dup && plan.tasks.len() >= 2 {
                plan.tasks[1].id = plan.tasks[0].id.clone();
            }
            if dangle {
                if let Some(t) = plan.tasks.last_mut() {
                    t.parent = Some("不存在的上级".into());
                }
            }
            write_plan(&plan, NOW, "生成").expect("writes")
        }),
        plan_shaped(),
    ]
}

fn merged(ours: &Plan, theirs: &Plan) -> Plan {
    let pv = preview(ours, theirs);
    let op = merge_op(ours, &pv, |_, _| None, "生成", NOW).expect("merge op");
    let mut out = ours.clone();
    apply(&mut out, op, NOW).expect("merge applies");
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn export_then_import_is_the_identity(plan in a_plan()) {
        let text = write_plan(&plan, NOW, "生成").expect("writes");
        let back = restore_plan(&text).expect("reads");
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(back.plan, plan);
    }

    #[test]
    fn the_fast_and_the_thorough_pass_agree(text in documents()) {
        let fast = restore_plan(&text);
        let thorough = restore_plan_thoroughly(&text);
        prop_assert_eq!(format!("{fast:?}"), format!("{thorough:?}"));
    }

    #[test]
    fn restore_never_panics_on_any_json(v in any_json()) {
        let _ = restore_plan(&v.to_string());
    }

    #[test]
    fn restore_never_panics_on_plan_shaped_documents(text in plan_shaped()) {
        if let Ok(r) = restore_plan(&text) {
            // Whatever was restored can be merged without a panic.
            static OURS: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
            let ours = OURS.get_or_init(|| luoshi::model::sample::sample_plan(2026));
            let _ = preview(ours, &r.plan);
        }
    }

    #[test]
    fn restore_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = restore_plan(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn merging_the_same_file_twice_changes_nothing_the_second_time(ours in a_plan(), theirs in a_plan()) {
        let once = merged(&ours, &theirs);
        let twice = merged(&once, &theirs);
        prop_assert_eq!(twice.tasks, once.tasks);
    }

    #[test]
    fn record_unions_commute(plan in a_plan(), a in proptest::collection::vec((0usize..8, an_update(90)), 0..4), b in proptest::collection::vec((0usize..8, an_update(91)), 0..4)) {
        if plan.tasks.is_empty() {
            return Ok(());
        }
        let Some(pkg) = package_for(&plan, "u-a", NOW).or_else(|| package_for(&plan, "u-b", NOW)) else {
            return Ok(());
        };
        let with = |adds: &[(usize, ProgressUpdate)], tag: &str| {
            let mut p = pkg.clone();
            let n = p.tasks.len();
            for (i, u) in adds {
                let mut u = u.clone();
                u.id = format!("{tag}-{}", u.id);
                let t = &mut p.tasks[i % n];
                if !t.updates.iter().any(|x| x.id == u.id) {
                    t.updates.push(u);
                }
            }
            p
        };
        let (fa, fb) = (with(&a, "a"), with(&b, "b"));
        let ab = merged(&merged(&plan, &fa), &fb);
        let ba = merged(&merged(&plan, &fb), &fa);
        let records = |p: &Plan| -> Vec<(String, Vec<String>)> {
            p.tasks.iter().map(|t| {
                let mut ids: Vec<String> = t.updates.iter().map(|u| u.id.clone()).collect();
                ids.sort();
                (t.id.to_string(), ids)
            }).collect()
        };
        prop_assert_eq!(records(&ab), records(&ba));
    }
}
