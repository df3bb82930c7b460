//! The 工作要点 reader (`format::breakdown`): documents written for the
//! tests in the styles real ones use (labelled owners in brackets, inline
//! 牵头/配合, 责任单位 only and bare name lists, items without deadlines,
//! nested （1） items, a 总体要求 preamble and an issuing-office closing),
//! each read into the whole proposed tree; the seed speech, which has no
//! numbered items; the proposal made into a plan; hostile and large text.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::d;
use luoshi::format::breakdown::{
    add_to_plan, read_breakdown, to_plan, BreakdownError, Correction, Level, Node, Proposal,
};
use luoshi::model::plan::{Unit, UnitKind};
use luoshi::model::recurrence::Recurrence;
use std::path::PathBuf;

const NOW: &str = "2026-12-07T09:00:00Z";

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn unit(id: &str, name: &str, short: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        short_name: short.into(),
        kind: UnitKind::PartyDepartment,
        leader: String::new(),
    }
}

/// The plan's units the documents are read against.
fn registry() -> Vec<Unit> {
    vec![
        unit("zzb", "区委组织部", "组织部"),
        unit("xcb", "区委宣传部", "宣传部"),
        unit("bgs", "区委办公室", "区委办"),
        unit("zfw", "区委政法委", "政法委"),
        unit("rsj", "区人力资源和社会保障局", "区人社局"),
        unit("czj", "区财政局", ""),
        unit("fy", "区人民法院", "区法院"),
        unit("zjw", "住建委", ""),
    ]
}

fn read(name: &str) -> Proposal {
    read_breakdown(&fixture(name), &registry(), 2026).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One line per entry: indent by depth, level, number, title, then what
/// was read (units as ids, new ones marked +), and what is missing.
fn render(p: &Proposal) -> String {
    let mut depth = vec![0usize; p.nodes.len()];
    let mut out = String::new();
    for (i, n) in p.nodes.iter().enumerate() {
        depth[i] = n.parent.map_or(0, |p| depth[p] + 1);
        let u = |r: &luoshi::format::breakdown::UnitRef| {
            format!(
                "{}{}",
                if r.new { "+" } else { "" },
                if r.new { &r.written } else { &r.unit_id }
            )
        };
        let mut parts = vec![format!(
            "{}{} {} {}",
            "  ".repeat(depth[i]),
            n.level.key(),
            n.number,
            n.title
        )];
        if let Some(l) = &n.lead {
            parts.push(format!("牵头={}", u(l)));
        }
        if !n.support.is_empty() {
            parts.push(format!(
                "配合={}",
                n.support.iter().map(u).collect::<Vec<_>>().join(",")
            ));
        }
        if !n.general.is_empty() {
            parts.push(format!("泛指={}", n.general.join(",")));
        }
        if !n.leader.is_empty() {
            parts.push(format!("领导={}", n.leader));
        }
        if let Some(due) = n.due {
            parts.push(format!("时限={due}"));
        }
        if let Some(r) = n.recurrence {
            parts.push(format!("周期={}", r.label()));
        }
        if n.ongoing {
            parts.push("长期".into());
        }
        if !n.milestones.is_empty() {
            parts.push(format!(
                "节点={}",
                n.milestones
                    .iter()
                    .map(|(d, _)| d.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ));
        }
        for m in &n.missing {
            parts.push(format!("!{}", m.label()));
        }
        out.push_str(&parts.join(" | "));
        out.push('\n');
    }
    out
}

fn node<'a>(p: &'a Proposal, title: &str) -> &'a Node {
    p.nodes
        .iter()
        .find(|n| n.title == title)
        .unwrap_or_else(|| panic!("no entry titled {title}:\n{}", render(p)))
}

fn whys(p: &Proposal) -> Vec<(usize, &str)> {
    p.passed.iter().map(|x| (x.line, x.why.as_str())).collect()
}

#[test]
fn bracketed_owner_lists_read_into_the_whole_tree() {
    let p = read("breakdown/bracketed-2023.txt");
    assert_eq!(p.title, "中共××区委2023年工作要点");
    assert_eq!((p.year, p.year_from.as_str()), (2023, "标题"));
    assert_eq!(p.issuer, "中共××区委办公室");
    assert_eq!(
        render(&p),
        "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习宣传贯彻党的二十大精神 | 牵头=zzb | 配合=xcb,+区委党校 | 领导=王明 | 时限=2023-03-31
    item 2 严格执行重大事项请示报告制度 | 牵头=bgs | 时限=2023-12-31
  group （二） 加强基层党组织建设
    item 3 开展软弱涣散基层党组织整顿 | 牵头=zzb | 泛指=各街道（配合） | 时限=2023-09-30
    item 4 落实“三会一课”制度 | 牵头=zzb | 时限=2023-12-31 | 周期=每月
area 二 宣传思想文化
  group （三） 巩固壮大主流舆论
    item 5 办好区融媒体中心 | 牵头=xcb | 配合=+区融媒体中心 | 时限=2023-09-30
    item 6 加强网络意识形态阵地管理 | 牵头=+区委网信办 | !未写完成时限
"
    );
    // The preamble (总体要求) and the closing are listed, never tasks.
    assert_eq!(
        whys(&p),
        vec![
            (1, "标题"),
            (3, "开头部分，不是任务"),
            (17, "结尾部分，不是任务"),
            (19, "落款单位"),
            (20, "落款日期"),
        ]
    );
    let first = node(&p, "深入学习宣传贯彻党的二十大精神");
    assert_eq!(
        first.detail,
        "组织开展处级以上领导干部专题轮训，覆盖率达到100%。"
    );
    assert_eq!(
        first.read,
        vec![
            "牵头单位：区委组织部",
            "配合单位：区委宣传部、区委党校",
            "责任领导：王明",
            "完成时限：3月底前（2023-03-31）",
        ]
    );
    assert_eq!(first.notes, vec!["单位“区委党校”不在单位名录中，将新增"]);
    // "年内整顿转化15个" is a quantity beside the labelled deadline, which wins.
    let third = node(&p, "开展软弱涣散基层党组织整顿");
    assert_eq!(
        third.detail,
        "开展软弱涣散基层党组织整顿，年内整顿转化15个。"
    );
    assert_eq!(third.notes, vec!["“各街道”为泛指，未作为单位"]);
    let names: Vec<&str> = p.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, vec!["区委党校", "区融媒体中心", "区委网信办"]);
    assert_eq!(
        p.summary(),
        "将新建 2 个领域、3 个要点、6 项工作事项、3 个新单位；1 项缺少牵头单位或完成时限，已标出"
    );
}

#[test]
fn a_2023_document_reads_month_ends_in_2023() {
    let text = "2023年区委宣传工作要点\n一、宣传\n1. 制定年度宣传计划（区委宣传部牵头，3月底前）\n";
    let p = read_breakdown(text, &registry(), 2026).expect("reads");
    assert_eq!(p.year, 2023);
    assert_eq!(p.nodes[1].due, Some(d("2023-03-31")));
    assert_eq!(
        p.nodes[1].lead.as_ref().map(|u| u.unit_id.as_str()),
        Some("xcb")
    );
}

#[test]
fn inline_lead_and_cooperation_with_nested_items_and_framing_sections() {
    let p = read("breakdown/inline-2024.txt");
    assert_eq!((p.title.as_str(), p.year), ("2024年区委人才工作要点", 2024));
    assert_eq!(p.issuer, "");
    assert_eq!(
        render(&p),
        "\
area 二 重点任务
  item 1 实施高层次人才引进计划 | 牵头=zzb | 配合=rsj,czj | 时限=2024-12-31
  item 2 完善人才服务保障体系
    item （1） 建设人才公寓200套 | 牵头=zjw | 泛指=各街道（配合） | 时限=2024-06-30
    item （2） 优化人才子女入学服务 | 牵头=+区教委 | !未写完成时限
  item 3 每季度召开一次人才工作联席会议 | 牵头=zzb | 时限=2024-12-31 | 周期=每季度
  item 4 加强人才工作宣传 | !未写牵头单位 | !未写完成时限
"
    );
    // 总体要求 and 工作要求 are framing parts: passed over with their text.
    assert_eq!(
        whys(&p),
        vec![
            (1, "标题"),
            (3, "“总体要求”部分，不是任务"),
            (4, "“总体要求”部分，不是任务"),
            (12, "“工作要求”部分，不是任务"),
            (13, "“工作要求”部分，不是任务"),
        ]
    );
    // The quantity stays in the 工作要求; "年底前完成" and the units leave the words.
    let first = node(&p, "实施高层次人才引进计划");
    assert_eq!(
        first.detail,
        "实施高层次人才引进计划，全年引进高层次人才50名"
    );
    assert!(!node(&p, "完善人才服务保障体系").work_item);
    assert_eq!(p.counts().work_items, 5);
}

#[test]
fn responsible_units_only_bare_name_lists_and_inherited_leads() {
    let p = read("breakdown/responsible-2022.txt");
    // No year in the title: the issue date gives it.
    assert_eq!(p.title, "区委政法工作要点");
    assert_eq!((p.year, p.year_from.as_str()), (2022, "落款日期"));
    assert_eq!(
        render(&p),
        "\
area 一 维护政治安全
  group （一） 严密防范和打击各类渗透破坏活动 | 牵头=zfw | 配合=+公安分局 | !未写完成时限
  group （二） 深化反邪教工作 | 牵头=zfw | 时限=2022-12-31
area 二 推进平安建设
  group （三） 深化扫黑除恶常态化 | 牵头=zfw | 领导=李强
    item 1 开展行业乱象专项整治 | 牵头=zfw | 领导=李强 | !未写完成时限
    item 2 建立线索核查督办机制 | 牵头=zfw | 领导=李强 | 时限=2022-12-31 | 节点=2022-06-30
area 三 加强政法队伍建设
  group （四） 开展政法队伍教育整顿“回头看” | 牵头=zfw | 配合=fy,+区检察院 | 长期
"
    );
    assert_eq!(
        whys(&p),
        vec![
            (1, "标题"),
            (2, "开头部分，不是任务"),
            (3, "开头部分，不是任务"),
            (15, "落款单位"),
            (16, "落款日期"),
        ]
    );
    assert_eq!(
        node(&p, "严密防范和打击各类渗透破坏活动").notes,
        vec![
            "责任单位写了 2 个，第一个作牵头，其余作配合",
            "单位“公安分局”不在单位名录中，将新增"
        ]
    );
    assert_eq!(
        node(&p, "开展行业乱象专项整治").notes,
        vec![
            "牵头单位沿用上级“深化扫黑除恶常态化”",
            "责任领导沿用上级“深化扫黑除恶常态化”"
        ]
    );
    // 要点 with nothing below are work items themselves.
    let leaf = node(&p, "深化反邪教工作");
    assert!(leaf.work_item && leaf.level == Level::Group);
}

#[test]
fn the_seed_speech_has_no_numbered_items() {
    let speech = fixture("text/speech-2022-district-committee.txt");
    let err = read_breakdown(&speech, &registry(), 2022).expect_err("a speech is not a 要点 list");
    assert_eq!(err, BreakdownError::NoItems);
    assert!(err.to_string().contains("没有找到编号的工作事项"), "{err}");
    assert_eq!(
        read_breakdown(" \n\u{3000}\n", &registry(), 2022),
        Err(BreakdownError::Empty)
    );
    // "密切配合" in a sentence is not a unit list.
    let p = read_breakdown("1. 加强沟通，各部门密切配合。", &registry(), 2022).expect("reads");
    assert_eq!(p.nodes[0].general, Vec::<String>::new());
    assert_eq!(p.nodes[0].detail, "加强沟通，各部门密切配合。");
    // Section headings alone with paragraphs under them are not items either.
    let headings_only = "一、总体要求\n要坚持稳中求进。\n二、重点工作\n要抓好落实。\n";
    assert_eq!(
        read_breakdown(headings_only, &registry(), 2022),
        Err(BreakdownError::NoItems)
    );
}

#[test]
fn units_match_by_full_short_or_bare_name_and_new_ones_are_proposed_once() {
    let text = "\
1. 甲（牵头单位：组织部；配合单位：人力资源和社会保障局）
2. 乙（牵头单位：区检察院；完成时限：年底前）
3. 丙（牵头单位：检察院；参与单位：各镇街、有关部门；完成时限：6月底前）
4. 丁【责任单位：区委办；责任领导：张三、李四】
";
    let p = read_breakdown(text, &registry(), 2025).expect("reads");
    assert_eq!(p.year_from, "文中未写年份，按 2025 年");
    assert_eq!(p.title, "2025年区委工作要点");
    assert_eq!(
        render(&p),
        "\
item 1 甲 | 牵头=zzb | 配合=rsj | !未写完成时限
item 2 乙 | 牵头=+区检察院 | 时限=2025-12-31
item 3 丙 | 牵头=+检察院 | 泛指=各镇街（配合）,有关部门（配合） | 时限=2025-06-30
item 4 丁 | 牵头=bgs | 领导=张三、李四 | !未写完成时限
"
    );
    // "检察院" is "区检察院" without 区: one new unit, not two.
    assert_eq!(p.new_units.len(), 1);
    assert_eq!(
        p.nodes[1].lead,
        p.nodes[2]
            .lead
            .as_ref()
            .map(|u| luoshi::format::breakdown::UnitRef {
                written: "区检察院".into(),
                ..u.clone()
            })
    );
}

#[test]
fn an_accepted_proposal_becomes_a_new_plan() {
    let mut p = read("breakdown/bracketed-2023.txt");
    // The user gives the last item a deadline in the preview.
    let last = p.nodes.len() - 1;
    p.nodes[last].due = Some(d("2023-10-31"));
    p.recheck();
    assert_eq!(p.counts().marked, 0);
    let reg = registry();
    let plan = to_plan(&p, &reg, NOW);
    assert_eq!(
        (plan.title.as_str(), plan.year),
        ("中共××区委2023年工作要点", 2023)
    );
    assert_eq!(plan.issuer, "中共××区委办公室");
    let areas: Vec<&str> = plan.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(areas, vec!["党的建设", "宣传思想文化"]);
    assert_eq!(plan.units.len(), reg.len() + 3);
    assert_eq!(plan.tasks.len(), 9);
    let task = |title: &str| plan.tasks.iter().find(|t| t.title == title).expect(title);
    let group = task("加强基层党组织建设");
    assert_eq!(group.parent, None);
    assert_eq!(group.area.as_deref(), Some(plan.areas[0].id.as_str()));
    let item = task("开展软弱涣散基层党组织整顿");
    assert_eq!(item.parent.as_ref(), Some(&group.id));
    assert_eq!(item.area, None);
    assert_eq!(item.lead_unit.as_deref(), Some("zzb"));
    assert_eq!(item.due, Some(d("2023-09-30")));
    assert!(
        item.detail.ends_with("另有：各街道（配合）"),
        "{}",
        item.detail
    );
    assert_eq!(
        task("落实“三会一课”制度").recurrence,
        Some(Recurrence::Monthly)
    );
    assert_eq!(task("加强网络意识形态阵地管理").due, Some(d("2023-10-31")));
    let first = task("深入学习宣传贯彻党的二十大精神");
    assert_eq!(first.leader, "王明");
    assert_eq!(first.support_units.len(), 2);
    assert!(plan
        .units
        .iter()
        .any(|u| Some(&u.id) == first.support_units.get(1) && u.name == "区委党校"));
    // Each task is logged as created now, so the due-date rules date it.
    assert!(plan
        .tasks
        .iter()
        .all(|t| t.log.len() == 1 && t.log[0].what == "新建任务" && t.log[0].at == NOW));
    // The plan is valid as the model sees it: orders distinct, parents known.
    let mut orders: Vec<u32> = plan.tasks.iter().map(|t| t.order).collect();
    orders.dedup();
    assert_eq!(orders.len(), 9);
    let ids: std::collections::HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert!(plan
        .tasks
        .iter()
        .all(|t| t.parent.as_ref().is_none_or(|p| ids.contains(p.as_str()))));
}

#[test]
fn milestones_from_several_dates_get_ids() {
    let p = read("breakdown/responsible-2022.txt");
    let plan = to_plan(&p, &registry(), NOW);
    let t = plan
        .tasks
        .iter()
        .find(|t| t.title == "建立线索核查督办机制")
        .expect("task");
    assert_eq!(t.milestones.len(), 1);
    assert_eq!(t.milestones[0].due, d("2022-06-30"));
    assert!(!t.milestones[0].id.is_empty());
    let ongoing = plan
        .tasks
        .iter()
        .find(|t| t.title.starts_with("开展政法队伍"))
        .expect("task");
    assert_eq!(
        (ongoing.due, ongoing.recurrence_note.as_str()),
        (None, "长期坚持")
    );
}

/// Checks what every proposal must satisfy, and that it makes a plan.
fn well_formed(p: &Proposal) {
    for (i, n) in p.nodes.iter().enumerate() {
        assert!(n.parent.is_none_or(|q| q < i), "parent after child at {i}");
        assert!(
            n.level == Level::Area || !n.title.is_empty(),
            "untitled entry at {i}"
        );
    }
    assert!(p.nodes.iter().any(|n| n.work_item));
    let plan = to_plan(p, &registry(), NOW);
    let tasks = p.nodes.iter().filter(|n| n.level != Level::Area).count();
    assert_eq!(plan.tasks.len(), tasks);
    let ids: std::collections::HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert!(plan
        .tasks
        .iter()
        .all(|t| t.parent.as_ref().is_none_or(|q| ids.contains(q.as_str()))));
}

/// Pieces real documents are made of, and pieces that break naive readers.
const PIECES: [&str; 47] = [
    "\t",
    "\t",
    "序号\t重点任务\t具体措施\t牵头单位\t完成时限\n",
    "一、",
    "十一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "①",
    "\n",
    "\n",
    "\r\n",
    "牵头单位：",
    "配合单位：",
    "责任单位：",
    "参与单位：",
    "责任领导：",
    "完成时限：",
    "区委组织部",
    "区人社局",
    "各街道",
    "、",
    "，",
    "；",
    "。",
    "牵头",
    "配合",
    "负责",
    "（",
    "）",
    "【",
    "】",
    "年底前",
    "3月底前",
    "6月30日前",
    "2147483647年四季度",
    "99999999999月",
    "每月",
    "长期坚持",
    "中共××区委办公室",
    "2023年1月16日",
    "工作要点",
    "\u{3000}",
];

mod hostile {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => proptest::sample::select(PIECES.to_vec()).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ];
        proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("LUOSHI_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Any text reads without panicking, and what it proposes holds together.
        #[test]
        fn any_text_reads_without_panicking(t in text()) {
            match read_breakdown(&t, &registry(), 2026) {
                Ok(p) => well_formed(&p),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

#[test]
fn hostile_lines_read_without_panicking() {
    let cases = [
        "1.".to_string(),
        "（一）".to_string(),
        "一、\n（一）\n1.\n（1）".to_string(),
        "1. （（（（（牵头单位：".to_string(),
        "1. ）））】】】牵头单位：：：：".to_string(),
        "1. 甲（牵头单位：区委组织部；完成时限：2147483647年四季度）".to_string(),
        "1. 乙，2147483647年12月底前".to_string(),
        "1. 丙，99999999999月99999999日前".to_string(),
        "１．全角数字的事项，区委组织部牵头".to_string(),
        "\u{feff}（一）带字节序标记的要点".to_string(),
        "1.5亿元\n2.1\n1、真的事项".to_string(),
    ];
    for c in cases {
        match read_breakdown(&c, &registry(), 2026) {
            Ok(p) => well_formed(&p),
            Err(e) => assert_eq!(e, BreakdownError::NoItems, "{c}"),
        }
    }
}

/// A document of `n` items in the bracketed style, about 150 bytes each.
fn long_document(n: usize) -> String {
    let mut s = String::from("2023年区委工作要点\n");
    for i in 0..n {
        if i % 100 == 0 {
            s.push_str(&format!("{}、领域{i}\n", ["一", "二", "三"][i % 3]));
        }
        if i % 10 == 0 {
            s.push_str(&format!("（一）要点{i}\n"));
        }
        s.push_str(&format!(
            "{}. 工作事项{i}，完成{i}个。（牵头单位：区委组织部；配合单位：区新单位{}局、各街道；完成时限：{}月底前）\n",
            i % 10 + 1,
            i % 50,
            i % 12 + 1
        ));
    }
    s
}

#[test]
fn reading_is_linear_in_the_text() {
    // About 200 pages of items (a page holds some 25), and four times that.
    let small = long_document(5_000);
    let large = long_document(20_000);
    let time = |text: &str| {
        let at = std::time::Instant::now();
        let p = read_breakdown(text, &registry(), 2026).expect("reads");
        (at.elapsed(), p)
    };
    let (t_small, p) = time(&small);
    assert_eq!(p.counts().work_items, 5_000);
    assert_eq!(p.new_units.len(), 50);
    let (t_large, p) = time(&large);
    assert_eq!(p.counts().work_items, 20_000);
    eprintln!(
        "{} KB in {:?}, {} KB in {:?}",
        small.len() / 1024,
        t_small,
        large.len() / 1024,
        t_large
    );
    // Linear: four times the text within about four times the time (a
    // square would be sixteen); generous for a busy machine.
    assert!(
        t_large < t_small * 10 + std::time::Duration::from_millis(200),
        "{t_small:?} then {t_large:?}"
    );
}

#[test]
fn one_enormous_line_is_read_in_linear_time() {
    // Tens of thousands of names, brackets and labels on one item; each
    // read at a size and at four times it, compared with each other in the
    // same run (no clock limit: a busy machine slows both alike).
    let lines = |n: usize| {
        let names: String = (0..n).map(|i| format!("区单位{i}局、")).collect();
        let brackets = "（".repeat(n * 2);
        let labels = "牵头单位：".repeat(n);
        vec![
            format!("1. 甲，{names}配合"),
            format!("1. 乙（牵头单位：{names}）"),
            format!("1. 丙{brackets}"),
            format!("1. 丁{labels}"),
            format!(
                "（一）戊（配合单位：{names}区委组织部牵头）\n{}",
                "1. 己\n".repeat(n / 2)
            ),
        ]
    };
    let time = |line: &str| {
        let at = std::time::Instant::now();
        let p = read_breakdown(line, &registry(), 2026).expect("reads");
        well_formed(&p);
        at.elapsed()
    };
    for (small, large) in lines(10_000).iter().zip(lines(40_000).iter()) {
        let (t_small, t_large) = (time(small), time(large));
        eprintln!("{} KB: {t_small:?} then {t_large:?}", large.len() / 1024);
        assert!(
            t_large < t_small * 10 + std::time::Duration::from_millis(300),
            "{t_small:?} then {t_large:?} for {} KB",
            large.len() / 1024
        );
    }
}

#[test]
fn a_table_pasted_from_word_reads_by_its_header() {
    let p = read("breakdown/table-2025.txt");
    assert_eq!(
        (p.title.as_str(), p.year),
        ("2025年区委统战工作要点任务分解表", 2025)
    );
    assert_eq!(p.issuer, "中共××区委统战部");
    // The header row is not an item; a 重点任务 written once opens a 要点
    // for the rows under it; a row with one cell is a section.
    assert_eq!(
        render(&p),
        "\
area 一 思想政治引领
  group （一） 加强政治引领
    item 1 组织党外代表人士专题学习 | 牵头=+区委统战部 | 配合=+区委党校 | 领导=赵华 | 时限=2025-06-30
    item 2 开展“同心”主题实践活动 | 牵头=+区委统战部 | 泛指=各街道（配合） | 领导=赵华 | 时限=2025-12-31 | 周期=每季度
  group （二） 凝聚发展合力
    item 3 服务民营企业发展 | 牵头=+区工商联 | 配合=+区委统战部,+区发改委 | 时限=2025-12-31
area 二 民族宗教工作
  item 4 推进民族团结进步示范创建 | 牵头=+区民宗办 | !未写完成时限
"
    );
    assert_eq!(
        node(&p, "服务民营企业发展").detail,
        "服务民营企业发展，走访企业100家"
    );
    assert_eq!(p.new_units.len(), 5);
}

#[test]
fn labels_on_their_own_lines_and_bracketed_numbers_under_a_yaodian() {
    let p = read("breakdown/separate-lines-2026.txt");
    assert_eq!(
        render(&p),
        "\
area 一 全面从严治党
  group （一） 压实管党治党政治责任
    item （1） 制定落实全面从严治党主体责任清单 | 牵头=+区纪委监委机关 | 配合=zzb | 时限=2026-02-28
    item （2） 开展基层党建述职评议考核 | 牵头=zzb | 泛指=各镇街（负责） | !未写完成时限
  group （二） 持续整治形式主义为基层减负
    item 1 精简文件会议 | !未写牵头单位 | !未写完成时限
    item 2 规范督查检查考核事项 | 牵头=bgs | 配合=+区政府办公室 | 时限=2026-10-15
"
    );
    assert_eq!(
        node(&p, "精简文件会议").detail,
        "精简文件会议，全区发文数量压减10%以上。"
    );
    assert_eq!(
        node(&p, "开展基层党建述职评议考核").notes,
        vec![
            "责任单位写了 2 个，第一个作牵头，其余作配合",
            "“各镇街”为泛指，未作为单位"
        ]
    );
}

fn index(p: &Proposal, title: &str) -> usize {
    p.nodes
        .iter()
        .position(|n| n.title == title)
        .unwrap_or_else(|| panic!("no entry titled {title}:\n{}", render(p)))
}

#[test]
fn corrections_change_one_entry_and_keep_the_counts_true() {
    let mut p = read("breakdown/bracketed-2023.txt");
    let reg = registry();
    let last = index(&p, "加强网络意识形态阵地管理");
    assert_eq!(p.counts().marked, 1);
    // The marked item gets a deadline in the document's own words.
    p.correct(last, Correction::Deadline("10月底前".into()), &reg)
        .expect("reads");
    assert_eq!(p.nodes[last].due, Some(d("2023-10-31")));
    assert_eq!(p.counts().marked, 0);
    assert!(p.nodes[last]
        .read
        .contains(&"完成时限：10月底前（2023-10-31）".to_string()));
    // Words no one can read are refused, and said so; the item is marked.
    let err = p
        .correct(last, Correction::Deadline("尽快".into()), &reg)
        .expect_err("unreadable");
    assert!(err.contains("看不懂完成时限“尽快”"), "{err}");
    assert_eq!(p.counts().marked, 1);
    p.correct(last, Correction::Deadline("长期坚持".into()), &reg)
        .expect("reads");
    assert!(p.nodes[last].ongoing);
    assert_eq!(p.counts().marked, 0);

    // The lead unit: a registered one by its short name; the new unit it
    // replaced is no longer counted.
    assert_eq!(p.counts().new_units, 3);
    p.correct(last, Correction::Lead("宣传部".into()), &reg)
        .expect("a unit");
    assert_eq!(
        p.nodes[last].lead.as_ref().map(|u| u.unit_id.as_str()),
        Some("xcb")
    );
    assert_eq!(p.counts().new_units, 2);
    // A general term cannot lead.
    let err = p
        .correct(last, Correction::Lead("各街道".into()), &reg)
        .expect_err("general");
    assert!(err.contains("泛指"), "{err}");
    // A new name already proposed elsewhere is the same new unit.
    p.correct(
        last,
        Correction::Support("区委党校、区财政局、各街道".into()),
        &reg,
    )
    .expect("units");
    let support: Vec<&str> = p.nodes[last]
        .support
        .iter()
        .map(|u| u.unit_id.as_str())
        .collect();
    assert_eq!(support.len(), 2);
    assert_eq!(support[1], "czj");
    assert!(p
        .new_units
        .iter()
        .any(|u| u.id == support[0] && u.name == "区委党校"));
    assert_eq!(p.new_units.len(), 3);
    assert_eq!(p.nodes[last].general, vec!["各街道（配合）"]);
    p.correct(last, Correction::Leader(" 李华 ".into()), &reg)
        .expect("leader");
    assert_eq!(p.nodes[last].leader, "李华");
    assert!(p.nodes[last].notes.contains(&"已手工修改".to_string()));
    assert!(p.correct(99, Correction::Leader("x".into()), &reg).is_err());
    assert!(p
        .correct(last, Correction::Title("  ".into()), &reg)
        .is_err());
}

#[test]
fn a_level_change_relinks_the_tree() {
    let mut p = read("breakdown/bracketed-2023.txt");
    let reg = registry();
    // The first item becomes a 要点: the item after it now hangs below it.
    let first = index(&p, "深入学习宣传贯彻党的二十大精神");
    let second = index(&p, "严格执行重大事项请示报告制度");
    p.correct(first, Correction::Level(Level::Group), &reg)
        .expect("level");
    assert_eq!(p.nodes[first].parent, Some(0));
    assert_eq!(p.nodes[second].parent, Some(first));
    assert!(!p.nodes[first].work_item);
    assert_eq!(p.counts().groups, 4);
    // （一） now holds nothing and is a work item itself, counted so.
    assert!(p.nodes[1].work_item);
    assert_eq!(p.counts().work_items, 6);
    // A 要点 made an area: the 要点 after it belong to it.
    let group = index(&p, "加强基层党组织建设");
    p.correct(group, Correction::Level(Level::Area), &reg)
        .expect("level");
    assert_eq!(p.nodes[group].parent, None);
    let third = index(&p, "开展软弱涣散基层党组织整顿");
    assert_eq!(p.nodes[third].parent, Some(group));
    let plan = to_plan(&p, &reg, NOW);
    let areas: Vec<&str> = plan.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        areas,
        vec!["党的建设", "加强基层党组织建设", "宣传思想文化"]
    );
}

#[test]
fn changing_the_year_reads_the_deadlines_again() {
    let mut p = read("breakdown/bracketed-2023.txt");
    let first = index(&p, "深入学习宣传贯彻党的二十大精神");
    assert_eq!(p.nodes[first].due, Some(d("2023-03-31")));
    p.set_year(2024);
    assert_eq!(p.year, 2024);
    assert_eq!(p.nodes[first].due, Some(d("2024-03-31")));
    assert!(p.nodes[first]
        .read
        .contains(&"完成时限：3月底前（2024-03-31）".to_string()));
}

#[test]
fn a_proposal_added_to_the_current_plan_keeps_what_it_has() {
    let p = read("breakdown/bracketed-2023.txt");
    let reg = registry();
    let mut current = to_plan(&p, &reg, NOW);
    current.title = "已有计划".into();
    current.areas[0].name = "党的建设".into();
    let before = current.tasks.len();
    let added = add_to_plan(&p, &current, "2026-12-08T09:00:00Z");
    assert_eq!((added.title.as_str(), added.year), ("已有计划", 2023));
    // The same area names are reused, not doubled; the units not doubled.
    assert_eq!(added.areas.len(), 2);
    assert_eq!(added.units.len(), current.units.len());
    assert_eq!(added.tasks.len(), before * 2);
    // The added tasks come after the plan's own, with fresh ids.
    let mut orders: Vec<u32> = added.tasks.iter().map(|t| t.order).collect();
    orders.sort_unstable();
    orders.dedup();
    assert_eq!(orders.len(), before * 2);
    let ids: std::collections::HashSet<&str> = added.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), before * 2);
    assert!(added.tasks[..before]
        .iter()
        .zip(&current.tasks)
        .all(|(a, b)| a == b));
    assert!(added.tasks[before..]
        .iter()
        .all(|t| t.parent.as_ref().is_none_or(|p| ids.contains(p.as_str()))));
}

#[test]
fn with_no_registry_one_office_written_two_ways_is_one_new_unit() {
    let text = "一、党建\n1. 甲（牵头单位：区委组织部）\n2. 乙（牵头单位：组织部；配合单位：区财政局、财政局）\n3. 丙（牵头单位：区委）\n";
    let p = read_breakdown(text, &[], 2026).expect("reads");
    let names: Vec<&str> = p.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, vec!["区委组织部", "区财政局", "区委"]);
    assert_eq!(
        p.nodes[1].lead,
        p.nodes[2].lead.clone().map(|mut u| {
            u.written = "区委组织部".into();
            u
        })
    );
    assert_eq!(p.nodes[2].support.len(), 1);
}
