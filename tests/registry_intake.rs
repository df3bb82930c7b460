//! Filling registries in bulk (`model::registry_intake`), natively: a
//! pasted list (lines, an Excel column with tabs, headings, repeats), the
//! most common kind, and copying another plan's units and areas without
//! duplicating any, in one undoable step.

mod common;

use common::{area, plan_of, unit};
use luoshi::model::history::History;
use luoshi::model::plan::UnitKind;
use luoshi::model::registry_intake::{
    add_units, common_kind, copy_registries, parse_unit_list, paste_preview,
};
use luoshi::model::sample::sample_plan;
use luoshi::model::Plan;
use std::collections::HashSet;

const AT: &str = "2026-07-01T08:00:00Z";

fn registry(units: &[(&str, &str)], areas: &[(&str, &str, u32)]) -> Plan {
    let mut p = plan_of(Vec::new());
    p.units = units.iter().map(|(id, name)| unit(id, name)).collect();
    p.areas = areas
        .iter()
        .map(|(id, name, order)| area(id, name, *order))
        .collect();
    p
}

fn names(p: &Plan) -> Vec<&str> {
    p.units.iter().map(|u| u.name.as_str()).collect()
}

#[test]
fn a_pasted_list_gives_one_name_a_line_trimmed_without_blanks_or_repeats() {
    let list =
        parse_unit_list("  区委组织部 \r\n\n区委宣传部\n\u{3000}区委组织部\n   \n区发改委\n");
    assert_eq!(list.names, ["区委组织部", "区委宣传部", "区发改委"]);
    assert_eq!(list.repeated, 1);
}

#[test]
fn an_excel_column_gives_its_first_cells_without_the_heading() {
    // Two columns copied from a sheet, with its heading row and a quoted cell.
    let text =
        "单位名称\t类别\n区委组织部\t区委部门\n\"区委宣传部\"\t区委部门\n\t\n区财政局\t政府部门\n";
    let list = parse_unit_list(text);
    assert_eq!(list.names, ["区委组织部", "区委宣传部", "区财政局"]);
    assert_eq!(list.repeated, 0);
    // A heading-like word after the first line is a name like any other.
    assert_eq!(parse_unit_list("区委办\n单位").names, ["区委办", "单位"]);
}

#[test]
fn the_preview_skips_names_the_registry_has_by_name_or_short_name() {
    let mut p = registry(&[("u1", "区委组织部"), ("u2", "区委宣传部")], &[]);
    p.units[1].short_name = "宣传部".into();
    let preview = paste_preview(&p, "区委组织部\n宣传部\n区财政局\n区财政局\n区民政局");
    assert_eq!(preview.new, ["区财政局", "区民政局"]);
    assert_eq!(preview.existing, 2);
    assert_eq!(preview.repeated, 1);
    assert_eq!(
        preview.summary(),
        "将新增 2 个单位（跳过已在名录中 2 个、重复 1 个）"
    );
    assert_eq!(
        paste_preview(&p, "区委组织部").summary(),
        "没有可新增的单位（跳过已在名录中 1 个）"
    );
}

#[test]
fn pasted_units_are_added_in_one_step_that_one_undo_takes_back() {
    let before = registry(&[("u1", "区委办")], &[]);
    let mut p = before.clone();
    let preview = paste_preview(&p, "区财政局\n区民政局");
    let mut history = History::default();
    history
        .perform(
            &mut p,
            add_units(&preview.new, UnitKind::GovernmentDepartment),
            "粘贴单位",
            AT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(names(&p), ["区委办", "区财政局", "区民政局"]);
    assert!(p.units[1..]
        .iter()
        .all(|u| u.kind == UnitKind::GovernmentDepartment));
    let ids: HashSet<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "every new unit has its own id");
    history.undo(&mut p, AT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.units, before.units);
}

#[test]
fn the_batch_kind_is_the_most_common_one_or_other_when_there_are_none() {
    let mut p = registry(&[("u1", "甲"), ("u2", "乙"), ("u3", "丙")], &[]);
    assert_eq!(common_kind(&p), UnitKind::PartyDepartment);
    p.units[0].kind = UnitKind::Township;
    p.units[1].kind = UnitKind::Township;
    assert_eq!(common_kind(&p), UnitKind::Township);
    p.units[1].kind = UnitKind::GovernmentDepartment;
    // One each: the first in the select's order.
    p.units[2].kind = UnitKind::Other;
    assert_eq!(common_kind(&p), UnitKind::GovernmentDepartment);
    assert_eq!(common_kind(&plan_of(Vec::new())), UnitKind::Other);
}

#[test]
fn copying_into_a_blank_plan_takes_every_unit_and_area_of_the_sample() {
    let sample = sample_plan(2026);
    let before = Plan::empty(2026);
    let copy = copy_registries(&before, &sample);
    assert_eq!(copy.units, sample.units.len());
    assert_eq!(copy.areas, sample.areas.len());
    assert_eq!(
        copy.message("2026年区委工作要点（示例）"),
        format!(
            "已从“2026年区委工作要点（示例）”复制单位 {} 个、领域 {} 个。",
            sample.units.len(),
            sample.areas.len()
        )
    );
    let mut p = before.clone();
    let mut history = History::default();
    let op = copy.op.unwrap_or_else(|| panic!("something to copy"));
    history
        .perform(&mut p, op, "复制单位和领域", AT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.units, sample.units, "the same units, ids and all");
    let area_names: Vec<&str> = p.areas.iter().map(|a| a.name.as_str()).collect();
    let sample_names: Vec<&str> = sample.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(area_names, sample_names);
    history.undo(&mut p, AT).unwrap_or_else(|e| panic!("{e}"));
    assert!(p.units.is_empty() && p.areas.is_empty());
}

#[test]
fn copying_into_a_filled_registry_adds_only_names_it_lacks() {
    let source = registry(
        &[("s1", "区委组织部"), ("s2", "区财政局"), ("u1", "区民政局")],
        &[("a1", "党的建设", 1), ("a9", "经济发展", 2)],
    );
    // The plan has 区委组织部 (under another id), and uses u1 for another unit.
    let mut p = registry(
        &[("x1", "区委组织部"), ("u1", "区委办")],
        &[("a1", "党建", 1), ("b2", "经济发展", 4)],
    );
    let copy = copy_registries(&p, &source);
    assert_eq!((copy.units, copy.areas), (2, 1));
    assert_eq!((copy.units_kept, copy.areas_kept), (1, 1));
    assert_eq!(
        copy.message("2025年区委工作要点"),
        "已从“2025年区委工作要点”复制单位 2 个、领域 1 个；本计划已有的单位 1 个、领域 1 个未重复添加。"
    );
    let op = copy.op.unwrap_or_else(|| panic!("something to copy"));
    luoshi::model::ops::apply(&mut p, op, AT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(names(&p), ["区委组织部", "区委办", "区财政局", "区民政局"]);
    assert_eq!(p.units[2].id, "s2", "a free id is kept");
    assert_ne!(p.units[3].id, "u1", "a taken id is not reused");
    let ids: HashSet<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
    // 党的建设 is new here (its id a1 taken by 党建), after the plan's own areas.
    let added = p
        .areas
        .iter()
        .find(|a| a.name == "党的建设")
        .unwrap_or_else(|| panic!("党的建设 added"));
    assert_ne!(added.id, "a1");
    assert_eq!(added.order, 5);
    assert_eq!(p.areas.iter().filter(|a| a.name == "经济发展").count(), 1);
    // Copying again adds nothing and says so.
    let again = copy_registries(&p, &source);
    assert!(again.op.is_none());
    assert_eq!(
        again.message("2025年区委工作要点"),
        "“2025年区委工作要点”的单位和领域本计划都已有，没有复制；本计划已有的单位 3 个、领域 2 个未重复添加。"
    );
}

#[test]
fn a_source_repeating_a_name_gives_it_once() {
    let source = registry(&[("s1", "区委办"), ("s2", " 区委办 ")], &[]);
    let copy = copy_registries(&plan_of(Vec::new()), &source);
    assert_eq!((copy.units, copy.units_kept), (1, 1));
}
