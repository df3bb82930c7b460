//! Search (`model::search`): which tasks a typed text finds, in Chinese,
//! full pinyin and pinyin initials, across every searchable field.

mod common;

use common::{child_of, plan_of, reported, task, unit};
use luoshi::model::index::PlanIndex;
use luoshi::model::sample::sample_plan;
use luoshi::model::search::{SearchIndex, SearchTerms};
use luoshi::model::{Plan, Task};

/// A small plan in which each task carries the text one case looks for.
fn fixture() -> Plan {
    let mut zzb = unit("u-zzb", "区委组织部");
    zzb.short_name = "组织部".into();
    let xcb = unit("u-xcb", "区委宣传部");
    let jw = unit("u-jw", "区纪委监委");

    let mut party = Task::new("party", "加强党建引领基层治理");
    party.lead_unit = Some("u-zzb".into());

    let mut publicity = Task::new("publicity", "开展主题宣传");
    publicity.lead_unit = Some("u-xcb".into());
    publicity.support_units = vec!["u-zzb".into()];
    publicity.detail = "围绕2026年重点工作".into();

    let mut style = Task::new("style", "整治四风");
    style.lead_unit = Some("u-jw".into());
    style.leader = "张三".into();
    style.owner = "李四".into();
    style.tags = vec!["作风建设".into()];
    let mut style = reported(style, "2026-03-31", 30);
    style.updates[0].progress = "已召开部署会".into();
    style.updates[0].problems = "协调难度大".into();
    style.updates[0].next_steps = "继续督促".into();

    let mut green = Task::new("green", "绿色发展");
    green.deliverable = "调研报告".into();
    green.lead_unit = Some("u-gone".into());

    let mut excel = Task::new("excel", "Excel 台账");
    excel.detail = "ＡＢＣ２０２６".into();

    let mut split = Task::new("split", "组织");
    split.detail = "部署工作".into();

    let mut plan = plan_of(vec![party, publicity, style, green, excel, split]);
    plan.units = vec![zzb, xcb, jw];
    plan
}

/// Ids of the fixture's tasks that `input` finds, in plan order.
fn found(plan: &Plan, input: &str) -> Vec<String> {
    let index = PlanIndex::new(plan);
    let search = SearchIndex::new(&index);
    let terms = SearchTerms::parse(input);
    (0..index.len())
        .filter(|&p| search.matches(p, &terms))
        .map(|p| index.id(p).to_string())
        .collect()
}

/// One test per row: what is typed, and the tasks it must find.
macro_rules! finds {
    ($($name:ident: $input:expr => [$($id:expr),*];)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<String> = vec![$($id.to_string()),*];
            assert_eq!(found(&fixture(), $input), expected, "searching {:?}", $input);
        }
    )*};
}

finds! {
    pinyin_initials_find_a_unit_by_its_short_name: "zzb" => ["party", "publicity"];
    full_pinyin_finds_a_unit: "zuzhibu" => ["party", "publicity"];
    pinyin_initials_find_words_in_the_title: "dj" => ["party"];
    initials_of_the_full_unit_name_match_too: "qwzzb" => ["party", "publicity"];
    a_pinyin_prefix_matches: "zuzhib" => ["party", "publicity"];
    pinyin_is_matched_case_insensitively: "ZZB" => ["party", "publicity"];
    chinese_substring_finds_the_unit_name: "组织" => ["party", "publicity", "split"];
    chinese_substring_of_the_short_name: "组织部" => ["party", "publicity"];
    digits_find_text_in_the_requirements: "2026" => ["publicity", "excel"];
    digits_and_pinyin_together: "2026n" => ["publicity"];
    pinyin_and_digits_as_two_terms_must_both_match: "zzb 2026" => ["publicity"];
    full_width_space_separates_terms: "组织\u{3000}宣传" => ["publicity"];
    every_term_must_match: "zzb 不存在" => [];
    ascii_text_is_case_insensitive: "excel" => ["excel"];
    full_width_letters_in_the_text_match_ascii: "abc" => ["excel"];
    full_width_letters_typed_match_too: "ＡＢＣ" => ["excel"];
    leader_is_searched: "张三" => ["style"];
    owner_is_searched: "李四" => ["style"];
    tags_are_searched: "作风" => ["style"];
    progress_text_is_searched: "部署会" => ["style"];
    problems_are_searched: "难度" => ["style"];
    next_steps_are_searched: "督促" => ["style"];
    deliverable_is_searched: "调研报告" => ["green"];
    an_unknown_unit_is_searched_by_its_id: "u-gone" => ["green"];
    a_unit_without_short_name_is_found_by_its_name: "纪委" => ["style"];
    u_umlaut_is_typed_as_v: "lvse" => ["green"];
    terms_never_match_across_two_fields: "组织部署" => [];
    pinyin_never_matches_across_two_fields: "zuzhibu" => ["party", "publicity"];
    initials_never_match_across_two_fields: "zzbs" => [];
    chinese_mixed_with_latin_matches_text_only: "zz部" => [];
    empty_text_matches_everything: "" => ["party", "publicity", "style", "green", "excel", "split"];
    blank_text_matches_everything: " \u{3000} " => ["party", "publicity", "style", "green", "excel", "split"];
}

#[test]
fn terms_are_split_on_ascii_and_full_width_space_and_lowercased() {
    let terms = SearchTerms::parse("  ZZB\u{3000}党建  ２０２６ ");
    assert_eq!(terms.words().collect::<Vec<_>>(), ["zzb", "党建", "2026"]);
    assert!(!terms.is_empty());
    assert!(SearchTerms::parse(" \u{3000}\t").is_empty());
}

#[test]
fn a_position_outside_the_plan_matches_only_when_nothing_is_typed() {
    let plan = fixture();
    let search = SearchIndex::new(&PlanIndex::new(&plan));
    assert_eq!(search.len(), 6);
    assert!(!search.matches(6, &SearchTerms::parse("zzb")));
    assert!(search.matches(6, &SearchTerms::parse("")));
}

#[test]
fn an_empty_plan_gives_an_empty_index() {
    let plan = plan_of(vec![]);
    let search = SearchIndex::new(&PlanIndex::new(&plan));
    assert!(search.is_empty());
}

#[test]
fn a_heteronym_is_found_by_its_common_reading() {
    // 重 reads zhòng in 重点: the crate's first reading.
    let plan = plan_of(vec![
        Task::new("key", "重点任务"),
        child_of(task("other"), "key"),
    ]);
    assert_eq!(found(&plan, "zhongdian"), ["key"]);
    assert_eq!(found(&plan, "zdrw"), ["key"]);
}

#[test]
fn updates_are_searched_whatever_their_date() {
    let mut t = reported(task("late"), "2026-12-01", 10);
    t.updates[0].progress = "年底集中验收".into();
    let plan = plan_of(vec![t]);
    assert_eq!(found(&plan, "yanshou"), ["late"]);
}

#[test]
fn in_the_sample_plan_zzb_finds_exactly_the_tasks_the_organisation_department_takes_part_in() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let search = SearchIndex::new(&index);
    let expected: Vec<usize> = (0..index.len())
        .filter(|&p| {
            let t = index.at(p);
            t.lead_unit.as_deref() == Some("u-zzb") || t.support_units.iter().any(|u| u == "u-zzb")
        })
        .collect();
    let terms = SearchTerms::parse("zzb");
    let got: Vec<usize> = (0..index.len())
        .filter(|&p| search.matches(p, &terms))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got.len(), 22);
}

#[test]
fn in_the_sample_plan_dj_finds_party_building() {
    let plan = sample_plan(2026);
    let index = PlanIndex::new(&plan);
    let search = SearchIndex::new(&index);
    let terms = SearchTerms::parse("dj");
    let titles: Vec<&str> = (0..index.len())
        .filter(|&p| search.matches(p, &terms))
        .map(|p| index.at(p).title.as_str())
        .collect();
    assert!(
        titles.contains(&"三大功能区规划建设中强化党建引领"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"解决压力传导上热中温下凉问题，开展基层党建述职评议"),
        "{titles:?}"
    );
}
