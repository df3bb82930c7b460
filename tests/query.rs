//! The one query for "which tasks" (`model::query`): filters alone and
//! combined, search through it, sorting by every column both ways, the
//! hierarchy kept with ancestors as context, and the page address read and
//! written without loss.

mod common;

use chrono::NaiveDate;
use common::{
    area, child_of, closed, d, in_area, is_chinese, ordered, plan_of, reported, span, task, unit,
};
use luoshi::model::index::PlanIndex;
use luoshi::model::query::{
    select, status_key, Query, SelectedRow, Selection, Sort, SortKey, UnitRole, LEVELS,
    NO_AREA_KEY, STATUSES,
};
use luoshi::model::rollup::assess_positions;
use luoshi::model::sample::sample_plan;
use luoshi::model::search::SearchIndex;
use luoshi::model::{Level, Plan, Status, Task};

// ------------------------------------------------------------------ fixture

/// Sets lead unit, support units and leader.
fn units(mut t: Task, lead: Option<&str>, support: &[&str], leader: &str) -> Task {
    t.lead_unit = lead.map(Into::into);
    t.support_units = support.iter().map(|s| (*s).into()).collect();
    t.leader = leader.into();
    t
}

/// Three 要点 with their 任务, judged on 2022-06-30 (`TODAY`):
///
/// ```text
/// p1 党的建设  组织部 王书记   red (from c12)
///   c11  组织部 / 宣传部  王书记  closed on time, key, 两件大事, due 05-31
///   c12  宣传部 / 组织部  李部长  red, due 06-15
/// p2 组织      纪委    赵书记   yellow (from c21)
///   c21  纪委 / 组织部、宣传部  赵书记  yellow (due 07-05), 作风建设
///   c22  组织部            李部长  green, due 12-20
///   c23  宣传部            (none)  paused, due 12-31
/// p3 (unknown area → 未分领域), no unit, no leader, no dates, not started
///   c31  纪委 / 宣传部、组织部  赵书记  due 06-20 extended on 06-18 to 09-30
///   c32  宣传部            王书记  closed late, due 04-30
/// ```
///
/// Progress on the day: c23 10, c22 55, c31 60, c12 80, c21 85, c11 and
/// c32 100; rolled up (weighted by duration, paused c23 left out) p2 63.0,
/// p3 73.6, p1 90.3. Plan order puts the 要点 first, so rows in hierarchy
/// order are not plan order.
fn fixture() -> Plan {
    let p1 = units(
        ordered(in_area(span("p1", "2022-01-01", "2022-12-31"), "a-dj"), 1),
        Some("u-zzb"),
        &[],
        "王书记",
    );
    let mut c11 = units(
        closed(
            reported(span("c11", "2022-01-10", "2022-05-31"), "2022-05-25", 100),
            "2022-05-28",
        ),
        Some("u-zzb"),
        &["u-xcb"],
        "王书记",
    );
    c11.key_task = true;
    c11.tags = vec!["两件大事".into()];
    let c12 = units(
        reported(span("c12", "2022-02-01", "2022-06-15"), "2022-06-10", 80),
        Some("u-xcb"),
        &["u-zzb"],
        "李部长",
    );
    let p2 = units(
        ordered(in_area(span("p2", "2022-01-01", "2022-12-31"), "a-zz"), 2),
        Some("u-jw"),
        &[],
        "赵书记",
    );
    let mut c21 = units(
        reported(span("c21", "2022-03-01", "2022-07-05"), "2022-06-28", 85),
        Some("u-jw"),
        &["u-zzb", "u-xcb"],
        "赵书记",
    );
    c21.tags = vec!["作风建设".into()];
    let c22 = units(
        reported(span("c22", "2022-01-10", "2022-12-20"), "2022-06-25", 55),
        Some("u-zzb"),
        &[],
        "李部长",
    );
    let mut c23 = units(
        reported(span("c23", "2022-03-01", "2022-12-31"), "2022-04-15", 10),
        Some("u-xcb"),
        &[],
        "",
    );
    c23.status = Status::Paused;
    let p3 = ordered(in_area(task("p3"), "a-gone"), 3);
    let mut c31 = units(
        reported(span("c31", "2022-03-01", "2022-06-20"), "2022-06-18", 60),
        Some("u-jw"),
        &["u-xcb", "u-zzb"],
        "赵书记",
    );
    c31.extend(d("2022-06-18"), d("2022-09-30"), "场地调整");
    let c32 = units(
        closed(
            reported(span("c32", "2022-01-10", "2022-04-30"), "2022-06-10", 100),
            "2022-06-12",
        ),
        Some("u-xcb"),
        &[],
        "王书记",
    );
    let kids = [
        ("p1", vec![c11, c12]),
        ("p2", vec![c21, c22, c23]),
        ("p3", vec![c31, c32]),
    ];
    let mut tasks = vec![p1, p2, p3];
    for (parent, list) in kids {
        for (k, t) in list.into_iter().enumerate() {
            tasks.push(ordered(child_of(t, parent), k as u32 + 1));
        }
    }
    let mut plan = plan_of(tasks);
    plan.areas = vec![area("a-dj", "党的建设", 1), area("a-zz", "组织", 2)];
    plan.units = vec![
        unit("u-zzb", "区委组织部"),
        unit("u-xcb", "区委宣传部"),
        unit("u-jw", "区纪委监委"),
    ];
    plan
}

const TODAY: &str = "2022-06-30";

/// Hierarchy order of the fixture.
const PREORDER: [&str; 10] = [
    "p1", "c11", "c12", "p2", "c21", "c22", "c23", "p3", "c31", "c32",
];

/// `select` on `plan` as of `today`, with rows and work items as ids.
struct Run {
    rows: Vec<(String, bool)>,
    work_items: Vec<String>,
}

fn run_on(plan: &Plan, today: &str, query: &Query) -> Run {
    let index = PlanIndex::new(plan);
    let assessments = assess_positions(&index, d(today));
    let search = SearchIndex::new(&index);
    let Selection { rows, work_items } = select(&index, &assessments, &search, query);
    Run {
        rows: rows
            .iter()
            .map(|r| (index.id(r.pos).to_string(), r.matched))
            .collect(),
        work_items: work_items
            .iter()
            .map(|&p| index.id(p).to_string())
            .collect(),
    }
}

/// Ids of the rows that matched, in row order (fixture, `TODAY`).
fn matched(query: &Query) -> Vec<String> {
    matched_on(TODAY, query)
}

fn matched_on(today: &str, query: &Query) -> Vec<String> {
    run_on(&fixture(), today, query)
        .rows
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(id, _)| id)
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn date(text: &str) -> Option<NaiveDate> {
    Some(d(text))
}

// ----------------------------------------------------- the fixture's lights

#[test]
fn fixture_lights_are_the_ones_the_filters_rely_on() {
    let plan = fixture();
    let index = PlanIndex::new(&plan);
    let a = assess_positions(&index, d(TODAY));
    let level = |id: &str| index.position(id).map(|p| a[p].level);
    assert_eq!(level("p1"), Some(Level::Red));
    assert_eq!(level("c11"), Some(Level::DoneOnTime));
    assert_eq!(level("c12"), Some(Level::Red));
    assert_eq!(level("p2"), Some(Level::Yellow));
    assert_eq!(level("c21"), Some(Level::Yellow));
    assert_eq!(level("c22"), Some(Level::Green));
    assert_eq!(level("c23"), Some(Level::Halted), "paused");
    assert_eq!(level("p3"), Some(Level::Green));
    assert_eq!(level("c31"), Some(Level::Green));
    assert_eq!(level("c32"), Some(Level::DoneLate));
}

// ------------------------------------------------------------ empty query

#[test]
fn empty_query_matches_every_task_in_preorder() {
    let run = run_on(&fixture(), TODAY, &Query::default());
    let expected: Vec<(String, bool)> = PREORDER.iter().map(|id| (id.to_string(), true)).collect();
    assert_eq!(run.rows, expected);
    assert_eq!(
        run.work_items,
        strings(&["c11", "c12", "c21", "c22", "c23", "c31", "c32"])
    );
}

#[test]
fn empty_query_on_the_sample_plan_shows_all_54_tasks_and_counts_every_work_item() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let assessments = assess_positions(&index, d("2026-06-30"));
    let search = SearchIndex::new(&index);
    let s = select(&index, &assessments, &search, &Query::default());
    let rows: Vec<usize> = s.rows.iter().map(|r| r.pos).collect();
    assert_eq!(rows, index.preorder());
    assert_eq!(s.rows.len(), 54);
    assert_eq!(s.matched_count(), 54);
    let mut work_items = s.work_items.clone();
    assert!(
        s.work_items.iter().all(|&p| !index.is_parent(p)),
        "work items are tasks without children"
    );
    work_items.sort_unstable();
    assert_eq!(work_items, index.work_items().collect::<Vec<_>>());
    assert_eq!(s.work_items.len(), 41);
}

// ------------------------------------------------------- each filter alone

macro_rules! selects {
    ($($name:ident: $query:expr => [$($id:expr),*];)*) => {$(
        #[test]
        fn $name() {
            let query: Query = $query;
            assert_eq!(matched(&query), strings(&[$($id),*]), "{query:?}");
        }
    )*};
}

selects! {
    area_selects_everything_under_its_roots: Query {
        areas: strings(&["a-dj"]), ..Query::default()
    } => ["p1", "c11", "c12"];
    area_none_selects_tasks_under_no_known_area: Query {
        areas: strings(&[NO_AREA_KEY]), ..Query::default()
    } => ["p3", "c31", "c32"];
    several_areas_are_any_of_them: Query {
        areas: strings(&["a-zz", "none"]), ..Query::default()
    } => ["p2", "c21", "c22", "c23", "p3", "c31", "c32"];
    an_unknown_area_id_selects_nothing_since_its_tasks_are_unfiled: Query {
        areas: strings(&["a-gone"]), ..Query::default()
    } => [];
    blank_area_ids_filter_nothing: Query {
        areas: strings(&["", " "]), ..Query::default()
    } => ["p1", "c11", "c12", "p2", "c21", "c22", "c23", "p3", "c31", "c32"];
    unit_as_lead: Query {
        unit: Some("u-zzb".into()), unit_role: UnitRole::Lead, ..Query::default()
    } => ["p1", "c11", "c22"];
    unit_as_support: Query {
        unit: Some("u-zzb".into()), unit_role: UnitRole::Support, ..Query::default()
    } => ["c12", "c21", "c31"];
    unit_either_way: Query {
        unit: Some("u-zzb".into()), ..Query::default()
    } => ["p1", "c11", "c12", "c21", "c22", "c31"];
    a_role_without_a_unit_filters_nothing: Query {
        unit_role: UnitRole::Lead, ..Query::default()
    } => ["p1", "c11", "c12", "p2", "c21", "c22", "c23", "p3", "c31", "c32"];
    leader_exact: Query {
        leader: Some("李部长".into()), ..Query::default()
    } => ["c12", "c22"];
    leader_trimmed: Query {
        leader: Some(" 赵书记 ".into()), ..Query::default()
    } => ["p2", "c21", "c31"];
    leader_is_not_a_substring_match: Query {
        leader: Some("书记".into()), ..Query::default()
    } => [];
    level_uses_the_rolled_up_light: Query {
        levels: vec![Level::Red], ..Query::default()
    } => ["p1", "c12"];
    several_levels_are_any_of_them: Query {
        levels: vec![Level::Yellow, Level::DoneLate], ..Query::default()
    } => ["p2", "c21", "c32"];
    done_on_time: Query {
        levels: vec![Level::DoneOnTime], ..Query::default()
    } => ["c11"];
    status_paused: Query {
        statuses: vec![Status::Paused], ..Query::default()
    } => ["c23"];
    several_statuses_are_any_of_them: Query {
        statuses: vec![Status::NotStarted, Status::Closed], ..Query::default()
    } => ["c11", "p3", "c32"];
    key_tasks_only: Query {
        key_only: true, ..Query::default()
    } => ["c11"];
    tag_exact: Query {
        tag: Some("两件大事".into()), ..Query::default()
    } => ["c11"];
    tag_trimmed: Query {
        tag: Some(" 作风建设 ".into()), ..Query::default()
    } => ["c21"];
    due_within_a_range_inclusive: Query {
        due_from: date("2022-05-31"), due_to: date("2022-07-05"), ..Query::default()
    } => ["c11", "c12", "c21"];
    due_from_only: Query {
        due_from: date("2022-12-20"), ..Query::default()
    } => ["p1", "p2", "c22", "c23"];
    due_to_only: Query {
        due_to: date("2022-05-31"), ..Query::default()
    } => ["c11", "c32"];
    due_range_uses_the_extension_in_force: Query {
        due_from: date("2022-09-01"), due_to: date("2022-09-30"), ..Query::default()
    } => ["c31"];
    a_reversed_date_range_selects_nothing: Query {
        due_from: date("2022-12-31"), due_to: date("2022-01-01"), ..Query::default()
    } => [];
    search_by_chinese_unit_name: Query {
        text: "组织部".into(), ..Query::default()
    } => ["p1", "c11", "c12", "c21", "c22", "c31"];
    search_by_pinyin_initials: Query {
        text: "zzb".into(), ..Query::default()
    } => ["p1", "c11", "c12", "c21", "c22", "c31"];
    search_by_full_pinyin_of_a_leader: Query {
        text: "libuzhang".into(), ..Query::default()
    } => ["c12", "c22"];
}

#[test]
fn due_range_before_the_extension_was_granted_uses_the_original_due() {
    let june = Query {
        due_from: date("2022-06-15"),
        due_to: date("2022-06-20"),
        warnings: Vec::new(),
        ..Query::default()
    };
    let september = Query {
        due_from: date("2022-09-01"),
        due_to: date("2022-09-30"),
        warnings: Vec::new(),
        ..Query::default()
    };
    // Extended on 06-18 from 06-20 to 09-30.
    assert_eq!(matched_on("2022-06-10", &june), strings(&["c12", "c31"]));
    assert_eq!(matched_on("2022-06-10", &september), strings(&[]));
    assert_eq!(matched_on("2022-06-18", &june), strings(&["c12"]));
    assert_eq!(matched_on("2022-06-18", &september), strings(&["c31"]));
}

#[test]
fn a_task_without_a_due_date_fails_any_date_bound() {
    let wide = Query {
        due_from: date("1900-01-01"),
        ..Query::default()
    };
    assert!(!matched(&wide).contains(&"p3".to_string()));
    assert_eq!(matched(&wide).len(), 9);
}

// ------------------------------------------------------------- combined

selects! {
    unit_and_level: Query {
        unit: Some("u-zzb".into()), levels: vec![Level::Red], ..Query::default()
    } => ["p1", "c12"];
    area_and_leader: Query {
        areas: strings(&["a-zz"]), leader: Some("李部长".into()), ..Query::default()
    } => ["c22"];
    support_role_and_area_none: Query {
        unit: Some("u-zzb".into()), unit_role: UnitRole::Support,
        areas: strings(&["none"]), ..Query::default()
    } => ["c31"];
    search_and_level: Query {
        text: "zzb".into(), levels: vec![Level::Green, Level::Yellow], ..Query::default()
    } => ["c21", "c22", "c31"];
    search_and_status_and_due: Query {
        text: "组织部".into(), statuses: vec![Status::InProgress],
        due_to: date("2022-09-30"), ..Query::default()
    } => ["c12", "c21", "c31"];
    key_and_tag_and_unit: Query {
        key_only: true, tag: Some("两件大事".into()), unit: Some("u-xcb".into()),
        unit_role: UnitRole::Support, ..Query::default()
    } => ["c11"];
    filters_that_exclude_each_other_select_nothing: Query {
        key_only: true, statuses: vec![Status::Paused], ..Query::default()
    } => [];
    every_filter_at_once: Query {
        text: "zhao".into(),
        areas: strings(&["none", "a-zz"]),
        unit: Some("u-zzb".into()),
        unit_role: UnitRole::Support,
        leader: Some("赵书记".into()),
        levels: vec![Level::Green],
        statuses: vec![Status::InProgress],
        key_only: false,
        tag: None,
        due_from: date("2022-09-01"),
        due_to: date("2022-12-31"),
        warnings: Vec::new(),
        sort: None,
    } => ["c31"];
}

// ------------------------------------------------- hierarchy and context

#[test]
fn matching_children_show_with_their_ancestors_as_context() {
    let run = run_on(
        &fixture(),
        TODAY,
        &Query {
            leader: Some("李部长".into()),
            ..Query::default()
        },
    );
    let expected = [("p1", false), ("c12", true), ("p2", false), ("c22", true)];
    let expected: Vec<(String, bool)> = expected.iter().map(|(i, m)| (i.to_string(), *m)).collect();
    assert_eq!(run.rows, expected);
    assert_eq!(run.work_items, strings(&["c12", "c22"]));
}

#[test]
fn a_matching_parent_is_a_matched_row_but_not_a_counted_work_item() {
    let run = run_on(
        &fixture(),
        TODAY,
        &Query {
            unit: Some("u-zzb".into()),
            unit_role: UnitRole::Lead,
            ..Query::default()
        },
    );
    let expected = [("p1", true), ("c11", true), ("p2", false), ("c22", true)];
    let expected: Vec<(String, bool)> = expected.iter().map(|(i, m)| (i.to_string(), *m)).collect();
    assert_eq!(run.rows, expected);
    assert_eq!(run.work_items, strings(&["c11", "c22"]));
}

#[test]
fn rows_by_position_tell_hidden_context_and_matched_tasks_apart() {
    let plan = fixture();
    let index = PlanIndex::new(&plan);
    let assessments = assess_positions(&index, d(TODAY));
    let search = SearchIndex::new(&index);
    let query = with(|q| q.leader = Some("李部长".into()));
    let selection = select(&index, &assessments, &search, &query);
    let shown: Vec<(String, Option<bool>)> = selection
        .by_position(index.len())
        .into_iter()
        .enumerate()
        .map(|(p, s)| (index.id(p).to_string(), s))
        .collect();
    let expected: Vec<(String, Option<bool>)> = [
        ("p1", Some(false)),
        ("p2", Some(false)),
        ("p3", None),
        ("c11", None),
        ("c12", Some(true)),
        ("c21", None),
        ("c22", Some(true)),
        ("c23", None),
        ("c31", None),
        ("c32", None),
    ]
    .iter()
    .map(|(id, s)| (id.to_string(), *s))
    .collect();
    assert_eq!(shown, expected);
    assert_eq!(selection.by_position(2), [Some(false), Some(false)]);
}

#[test]
fn a_grandchild_brings_every_ancestor_but_not_its_siblings() {
    let plan = plan_of(vec![
        Task::new("a", "加强基层党组织建设"),
        child_of(ordered(Task::new("b", "规范支部建设"), 1), "a"),
        child_of(ordered(Task::new("b2", "其他任务"), 2), "a"),
        child_of(ordered(Task::new("c", "三会一课"), 1), "b"),
        child_of(ordered(Task::new("c2", "主题党日"), 2), "b"),
    ]);
    let run = run_on(
        &plan,
        TODAY,
        &Query {
            text: "shyk".into(),
            ..Query::default()
        },
    );
    let expected = [("a", false), ("b", false), ("c", true)];
    let expected: Vec<(String, bool)> = expected.iter().map(|(i, m)| (i.to_string(), *m)).collect();
    assert_eq!(run.rows, expected);
    assert_eq!(run.work_items, strings(&["c"]));
}

#[test]
fn nothing_matching_gives_no_rows_and_no_work_items() {
    let run = run_on(
        &fixture(),
        TODAY,
        &Query {
            text: "不存在的内容".into(),
            ..Query::default()
        },
    );
    assert!(run.rows.is_empty());
    assert!(run.work_items.is_empty());
}

#[test]
fn a_sorted_selection_has_only_matching_rows_without_context() {
    let run = run_on(
        &fixture(),
        TODAY,
        &Query {
            levels: vec![Level::Green],
            sort: Some(Sort {
                key: SortKey::Due,
                descending: false,
            }),
            ..Query::default()
        },
    );
    let expected: Vec<(String, bool)> = ["c31", "c22", "p3"]
        .iter()
        .map(|i| (i.to_string(), true))
        .collect();
    assert_eq!(run.rows, expected);
    assert_eq!(run.work_items, strings(&["c22", "c31"]));
}

// ------------------------------------------------------------------ sorting

macro_rules! sorts {
    ($($name:ident: $key:expr, $desc:expr => [$($id:expr),*];)*) => {$(
        #[test]
        fn $name() {
            let query = Query {
                sort: Some(Sort { key: $key, descending: $desc }),
                ..Query::default()
            };
            assert_eq!(matched(&query), strings(&[$($id),*]));
        }
    )*};
}

sorts! {
    sort_by_title_ascending_by_code_point: SortKey::Title, false =>
        ["c11", "c12", "c21", "c22", "c23", "c31", "c32", "p1", "p2", "p3"];
    sort_by_title_descending: SortKey::Title, true =>
        ["p3", "p2", "p1", "c32", "c31", "c23", "c22", "c21", "c12", "c11"];
    sort_by_lead_unit_name_ascending_without_unit_last: SortKey::LeadUnit, false =>
        ["c12", "c23", "c32", "p1", "c11", "c22", "p2", "c21", "c31", "p3"];
    sort_by_lead_unit_name_descending_without_unit_still_last: SortKey::LeadUnit, true =>
        ["p2", "c21", "c31", "p1", "c11", "c22", "c12", "c23", "c32", "p3"];
    sort_by_support_units_ascending_without_any_last: SortKey::SupportUnits, false =>
        ["c11", "c31", "c12", "c21", "p1", "p2", "c22", "c23", "p3", "c32"];
    sort_by_support_units_descending_without_any_still_last: SortKey::SupportUnits, true =>
        ["c21", "c12", "c31", "c11", "p1", "p2", "c22", "c23", "p3", "c32"];
    sort_by_leader_ascending_blank_last: SortKey::Leader, false =>
        ["c12", "c22", "p1", "c11", "c32", "p2", "c21", "c31", "c23", "p3"];
    sort_by_leader_descending_blank_still_last: SortKey::Leader, true =>
        ["p2", "c21", "c31", "p1", "c11", "c32", "c12", "c22", "c23", "p3"];
    sort_by_due_ascending_undated_last_ties_in_hierarchy_order: SortKey::Due, false =>
        ["c32", "c11", "c12", "c21", "c31", "c22", "p1", "p2", "c23", "p3"];
    sort_by_due_descending_undated_still_last: SortKey::Due, true =>
        ["p1", "p2", "c23", "c22", "c31", "c21", "c12", "c11", "c32", "p3"];
    sort_by_progress_ascending: SortKey::Progress, false =>
        ["c23", "c22", "c31", "p2", "p3", "c12", "c21", "p1", "c11", "c32"];
    sort_by_progress_descending: SortKey::Progress, true =>
        ["c11", "c32", "p1", "c21", "c12", "p3", "p2", "c31", "c22", "c23"];
    sort_by_level_ascending_most_urgent_first: SortKey::Level, false =>
        ["p1", "c12", "p2", "c21", "c22", "p3", "c31", "c23", "c32", "c11"];
    sort_by_level_descending_least_urgent_first: SortKey::Level, true =>
        ["c11", "c32", "c23", "c22", "p3", "c31", "p2", "c21", "p1", "c12"];
    sort_by_status_ascending_in_the_order_work_goes: SortKey::Status, false =>
        ["p3", "p1", "c12", "p2", "c21", "c22", "c31", "c23", "c11", "c32"];
    sort_by_status_descending: SortKey::Status, true =>
        ["c11", "c32", "c23", "p1", "c12", "p2", "c21", "c22", "c31", "p3"];
}

#[test]
fn sort_keys_read_and_write_their_address_names() {
    for key in SortKey::ALL {
        assert_eq!(SortKey::from_key(key.key()), Some(key));
    }
    let names: Vec<&str> = SortKey::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        names,
        ["title", "lead", "support", "leader", "due", "progress", "level", "status"]
    );
}

// ------------------------------------------------------------------ address

#[test]
fn the_default_query_has_an_empty_address() {
    assert_eq!(Query::default().to_address(), "");
    assert_eq!(Query::from_address(""), (Query::default(), vec![]));
    assert_eq!(Query::from_address("?"), (Query::default(), vec![]));
}

#[test]
fn address_lists_only_what_differs_from_the_default_in_a_stable_order() {
    let q = Query {
        sort: Some(Sort {
            key: SortKey::Due,
            descending: true,
        }),
        levels: vec![Level::Red, Level::Yellow],
        areas: strings(&["a-dj", "none"]),
        text: "组织部".into(),
        key_only: true,
        ..Query::default()
    };
    assert_eq!(
        q.to_address(),
        "q=%E7%BB%84%E7%BB%87%E9%83%A8&area=a-dj,none&level=red,yellow&key=1&sort=due&desc=1"
    );
}

#[test]
fn address_reads_every_parameter() {
    let (q, problems) = Query::from_address(
        "?q=zzb+2026&area=a-dj,none&unit=u-zzb&role=support&leader=%E6%9D%8E%E9%83%A8%E9%95%BF\
         &level=red,done-late&status=in_progress,paused&key=1&tag=%E4%B8%A4%E4%BB%B6%E5%A4%A7%E4%BA%8B\
         &from=2022-06-01&to=2022-09-30&sort=progress&desc=1",
    );
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(
        q,
        Query {
            text: "zzb 2026".into(),
            areas: strings(&["a-dj", "none"]),
            unit: Some("u-zzb".into()),
            unit_role: UnitRole::Support,
            leader: Some("李部长".into()),
            levels: vec![Level::Red, Level::DoneLate],
            statuses: vec![Status::InProgress, Status::Paused],
            key_only: true,
            tag: Some("两件大事".into()),
            due_from: date("2022-06-01"),
            due_to: date("2022-09-30"),
            warnings: Vec::new(),
            sort: Some(Sort {
                key: SortKey::Progress,
                descending: true
            }),
        }
    );
}

#[test]
fn address_round_trips_every_kind_of_query() {
    let sort = |key, descending| Some(Sort { key, descending });
    #[rustfmt::skip]
    let cases: Vec<(&str, Query)> = vec![
        ("default", Query::default()),
        ("chinese search", with(|q| q.text = "组织部 2026\u{3000}党建".into())),
        ("reserved characters in search", with(|q| q.text = "a&b=c,d%e+f?g#h/i;j".into())),
        ("spaces kept as typed", with(|q| q.text = "  zzb  ".into())),
        ("reserved characters in a leader", with(|q| q.leader = Some("王&书记=1,2%".into()))),
        ("blank leader", with(|q| q.leader = Some(String::new()))),
        ("areas", with(|q| q.areas = strings(&["a-dj", "none"]))),
        ("area ids with commas and percent", with(|q| q.areas = strings(&["a,b", "100%", "%2C", "c"]))),
        ("blank area ids", with(|q| q.areas = strings(&["", "a", ""]))),
        ("one blank area id", with(|q| q.areas = strings(&[""]))),
        ("chinese area id", with(|q| q.areas = strings(&["党建"]))),
        ("unit either", with(|q| q.unit = Some("u-zzb".into()))),
        ("unit as lead", with(|q| { q.unit = Some("u-zzb".into()); q.unit_role = UnitRole::Lead })),
        ("role without unit", with(|q| q.unit_role = UnitRole::Support)),
        ("unit id with reserved characters", with(|q| q.unit = Some("单位 & 1=2".into()))),
        ("every level", with(|q| q.levels = LEVELS.to_vec())),
        ("repeated level", with(|q| q.levels = vec![Level::Red, Level::Red])),
        ("every status", with(|q| q.statuses = STATUSES.to_vec())),
        ("key only", with(|q| q.key_only = true)),
        ("tag", with(|q| q.tag = Some("疏解整治促提升".into()))),
        ("tag with reserved characters", with(|q| q.tag = Some("a,b&c=d".into()))),
        ("from only", with(|q| q.due_from = date("2022-02-28"))),
        ("to only", with(|q| q.due_to = date("2024-02-29"))),
        ("sort ascending", with(|q| q.sort = sort(SortKey::Title, false))),
        ("sort descending", with(|q| q.sort = sort(SortKey::Level, true))),
        ("everything", Query {
            text: "zzb 组织部".into(),
            areas: strings(&["a-zz", "none"]),
            unit: Some("u-xcb".into()),
            unit_role: UnitRole::Lead,
            leader: Some("赵书记".into()),
            levels: vec![Level::Yellow],
            statuses: vec![Status::NotStarted],
            key_only: true,
            tag: Some("两件大事".into()),
            due_from: date("2022-01-01"),
            due_to: date("2022-12-31"),
            warnings: Vec::new(),
            sort: sort(SortKey::SupportUnits, true),
        }),
    ];
    for (label, q) in cases {
        let address = q.to_address();
        assert_eq!(
            Query::from_address(&address),
            (q.clone(), vec![]),
            "{label}: {address}"
        );
        assert_eq!(
            Query::from_address(&format!("?{address}")).0,
            q,
            "{label} with a leading ?"
        );
    }
    for key in SortKey::ALL {
        for descending in [false, true] {
            let q = sort_query(sort(key, descending));
            assert_eq!(Query::from_address(&q.to_address()).0, q);
        }
    }
}

/// The default query changed by `f`.
fn with(f: impl FnOnce(&mut Query)) -> Query {
    let mut q = Query::default();
    f(&mut q);
    q
}

fn sort_query(sort: Option<Sort>) -> Query {
    Query {
        sort,
        ..Query::default()
    }
}

#[test]
fn reserved_characters_are_encoded_so_they_cannot_break_the_address() {
    let q = Query {
        text: "a&sort=title".into(),
        leader: Some("王,书记".into()),
        areas: strings(&["x,y"]),
        ..Query::default()
    };
    let address = q.to_address();
    assert_eq!(
        address,
        "q=a%26sort%3Dtitle&area=x%252Cy&leader=%E7%8E%8B%2C%E4%B9%A6%E8%AE%B0"
    );
    assert_eq!(Query::from_address(&address).0.sort, None);
}

#[test]
fn commas_typed_by_hand_or_encoded_both_separate_list_items() {
    for address in ["area=a-dj,a-zz", "area=a-dj%2Ca-zz", "area=a-dj&area=a-zz"] {
        assert_eq!(
            Query::from_address(address).0.areas,
            strings(&["a-dj", "a-zz"]),
            "{address}"
        );
    }
    assert_eq!(
        Query::from_address("level=red&level=yellow").0.levels,
        vec![Level::Red, Level::Yellow]
    );
}

#[test]
fn other_parameters_of_the_app_are_ignored_silently() {
    let (q, problems) = Query::from_address("today=2022-06-30&edit=t1&q=zzb&view=gantt");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(
        q,
        Query {
            text: "zzb".into(),
            ..Query::default()
        }
    );
}

#[test]
fn a_single_value_given_twice_counts_the_last_time() {
    let (q, _) = Query::from_address("q=old&q=new&sort=title&sort=due");
    assert_eq!(q.text, "new");
    assert_eq!(q.sort.map(|s| s.key), Some(SortKey::Due));
}

#[test]
fn desc_without_sort_means_nothing() {
    assert_eq!(Query::from_address("desc=1"), (Query::default(), vec![]));
}

#[test]
fn an_unknown_level_is_dropped_and_reported_in_chinese() {
    let (q, problems) = Query::from_address("level=red,purple");
    assert_eq!(q.levels, vec![Level::Red]);
    assert_eq!(problems, ["地址中的筛选条件“level=purple”无法识别，已忽略"]);
}

#[test]
fn every_bad_value_is_dropped_and_reported_naming_parameter_and_value() {
    let cases = [
        ("level=purple", "level=purple"),
        ("status=done", "status=done"),
        ("role=boss", "role=boss"),
        ("sort=colour", "sort=colour"),
        ("key=yes", "key=yes"),
        ("desc=maybe", "desc=maybe"),
        ("from=2022-13-01", "from=2022-13-01"),
        ("to=2022%2F6%2F30", "to=2022/6/30"),
        ("from=2022-02-30", "from=2022-02-30"),
    ];
    for (address, named) in cases {
        let (q, problems) = Query::from_address(address);
        assert_eq!(q, Query::default(), "{address} is dropped");
        assert_eq!(problems.len(), 1, "{address}: {problems:?}");
        assert!(
            problems[0].contains(&format!("“{named}”")),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("无法识别，已忽略"), "{}", problems[0]);
        assert!(is_chinese(&problems[0]));
    }
    let (_, problems) = Query::from_address("to=2022%2F6%2F30");
    assert_eq!(
        problems,
        ["地址中的筛选条件“to=2022/6/30”无法识别，已忽略（日期应写成“年-月-日”，如 2026-06-30）"]
    );
}

#[test]
fn a_bad_value_leaves_the_rest_of_the_query_in_force() {
    let (q, problems) = Query::from_address("q=zzb&level=purple&status=paused&from=tomorrow&key=1");
    assert_eq!(
        q,
        Query {
            text: "zzb".into(),
            statuses: vec![Status::Paused],
            key_only: true,
            ..Query::default()
        }
    );
    assert_eq!(problems.len(), 2);
}

#[test]
fn a_very_long_bad_value_is_shortened_in_the_message() {
    let long = "x".repeat(500);
    let (_, problems) = Query::from_address(&format!("sort={long}"));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].chars().count() < 80, "{}", problems[0]);
    assert!(problems[0].contains('…'));
}

#[test]
fn cleared_fields_in_the_address_are_not_errors() {
    let (q, problems) = Query::from_address("q=&level=&status=&key=&from=&to=&sort=");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(q, Query::default());
}

#[test]
fn replacing_in_an_address_keeps_the_other_parameters_in_place() {
    let q = Query {
        text: "新".into(),
        levels: vec![Level::Red],
        ..Query::default()
    };
    assert_eq!(
        q.replace_in_address("?today=2022-06-30&q=old&edit=t1&level=green"),
        "today=2022-06-30&edit=t1&q=%E6%96%B0&level=red"
    );
    assert_eq!(
        Query::default().replace_in_address("today=2022-06-30&q=old"),
        "today=2022-06-30"
    );
    assert_eq!(q.replace_in_address(""), q.to_address());
}

// ---------------------------------------------------------------- is_empty

#[test]
fn is_empty_only_when_nothing_filters_searches_or_sorts() {
    #[rustfmt::skip]
    let empty = [
        Query::default(),
        with(|q| q.text = " \u{3000} ".into()),
        with(|q| q.unit_role = UnitRole::Lead),
        with(|q| { q.unit = Some(" ".into()); q.leader = Some(String::new()); q.tag = Some(String::new()) }),
        with(|q| q.areas = strings(&[""])),
    ];
    for q in &empty {
        assert!(q.is_empty(), "{q:?}");
        assert!(!q.filters(), "{q:?}");
    }
    #[rustfmt::skip]
    let not_empty = [
        with(|q| q.text = "zzb".into()),
        with(|q| q.areas = strings(&["none"])),
        with(|q| q.unit = Some("u-zzb".into())),
        with(|q| q.leader = Some("李部长".into())),
        with(|q| q.levels = vec![Level::Red]),
        with(|q| q.statuses = vec![Status::Paused]),
        with(|q| q.key_only = true),
        with(|q| q.tag = Some("两件大事".into())),
        with(|q| q.due_from = date("2022-01-01")),
        with(|q| q.due_to = date("2022-01-01")),
        sort_query(Some(Sort { key: SortKey::Title, descending: false })),
    ];
    for q in &not_empty {
        assert!(!q.is_empty(), "{q:?}");
    }
}

#[test]
fn status_names_in_the_address_are_the_names_in_files() {
    for status in STATUSES {
        let json = serde_json::to_string(&status).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", status_key(status)));
        let q = Query {
            statuses: vec![status],
            ..Query::default()
        };
        assert_eq!(q.to_address(), format!("status={}", status_key(status)));
    }
}

#[test]
fn level_names_in_the_address_are_level_keys() {
    let names: Vec<String> = LEVELS
        .iter()
        .map(|&l| {
            Query {
                levels: vec![l],
                ..Query::default()
            }
            .to_address()
        })
        .collect();
    assert_eq!(
        names,
        [
            "level=red",
            "level=yellow",
            "level=green",
            "level=done-on-time",
            "level=done-late",
            "level=halted"
        ]
    );
}

#[test]
fn unit_roles_read_and_write_their_address_names() {
    for role in UnitRole::ALL {
        assert_eq!(UnitRole::from_key(role.key()), Some(role));
        assert!(is_chinese(role.label()));
    }
    assert_eq!(UnitRole::default(), UnitRole::Either);
}

// ------------------------------------------------------------ sample plan

#[test]
fn on_the_sample_plan_an_address_leads_to_the_same_tasks_as_its_query() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let assessments = assess_positions(&index, d("2026-06-30"));
    let search = SearchIndex::new(&index);
    let q = Query {
        text: "zzb".into(),
        levels: vec![Level::Red, Level::Yellow],
        sort: Some(Sort {
            key: SortKey::Due,
            descending: false,
        }),
        ..Query::default()
    };
    let (back, problems) = Query::from_address(&q.to_address());
    assert!(problems.is_empty());
    let direct = select(&index, &assessments, &search, &q);
    let via_address = select(&index, &assessments, &search, &back);
    assert_eq!(direct, via_address);
    assert!(direct.rows.iter().all(|r: &SelectedRow| r.matched));
    // Every row is a task the organisation department takes part in, red or
    // yellow on the day, in order of due date.
    let dues: Vec<NaiveDate> = direct
        .rows
        .iter()
        .filter_map(|r| assessments[r.pos].current_due)
        .collect();
    assert_eq!(dues.len(), direct.rows.len());
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    for r in &direct.rows {
        let t = index.at(r.pos);
        assert!(matches!(
            assessments[r.pos].level,
            Level::Red | Level::Yellow
        ));
        assert!(
            t.lead_unit.as_deref() == Some("u-zzb") || t.support_units.iter().any(|u| u == "u-zzb"),
            "{}",
            t.title
        );
    }
    assert!(!direct.rows.is_empty());
}
