//! The plan as an ordered outline: areas, then 要点, 任务 and 子任务 beneath
//! them, with the office's numbering (一、 (一) 1. (1)) derived from position.
//! Robust to broken references: an unknown parent makes a task a top-level
//! item, and a cycle cannot loop, so every task appears exactly once.

use crate::model::plan::Plan;
use std::collections::{HashMap, HashSet};

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlineEntry {
    /// An area heading; `area_id` is `None` for tasks filed under no known area.
    Area {
        area_id: Option<String>,
        name: String,
        number: String,
    },
    /// A task at `depth` (0 = 要点) with its derived number.
    Task {
        index: usize,
        depth: usize,
        number: String,
    },
}

/// Indexes of each task's children, in display order.
pub fn children_index(plan: &Plan) -> HashMap<String, Vec<usize>> {
    let ids: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        if let Some(p) = t
            .parent
            .as_deref()
            .filter(|p| ids.contains(p) && *p != t.id)
        {
            map.entry(p.to_string()).or_default().push(i);
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|&i| (plan.tasks[i].order, i));
    }
    map
}

/// True when the task has a parent that exists in the plan.
fn has_known_parent(plan: &Plan, index: usize, ids: &HashSet<&str>) -> bool {
    let t = &plan.tasks[index];
    t.parent
        .as_deref()
        .is_some_and(|p| ids.contains(p) && p != t.id)
}

/// The whole plan in display order with numbering.
pub fn outline(plan: &Plan) -> Vec<OutlineEntry> {
    let ids: HashSet<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    let children = children_index(plan);
    let mut roots: Vec<usize> = (0..plan.tasks.len())
        .filter(|&i| !has_known_parent(plan, i, &ids))
        .collect();
    roots.sort_by_key(|&i| (plan.tasks[i].order, i));

    let mut areas: Vec<_> = plan.areas.iter().enumerate().collect();
    areas.sort_by_key(|(i, a)| (a.order, *i));
    let known_area = |i: usize| {
        plan.tasks[i]
            .area
            .as_deref()
            .is_some_and(|a| plan.area(a).is_some())
    };

    let mut groups: Vec<(Option<String>, String, Vec<usize>)> = areas
        .iter()
        .map(|(_, a)| {
            let members = roots
                .iter()
                .copied()
                .filter(|&i| plan.tasks[i].area.as_deref() == Some(a.id.as_str()))
                .collect();
            (Some(a.id.clone()), a.name.clone(), members)
        })
        .collect();
    let unfiled: Vec<usize> = roots.iter().copied().filter(|&i| !known_area(i)).collect();
    if !unfiled.is_empty() {
        groups.push((None, "未分领域".to_string(), unfiled));
    }

    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut area_no = 0;
    for (area_id, name, members) in groups {
        if members.is_empty() {
            continue;
        }
        area_no += 1;
        out.push(OutlineEntry::Area {
            area_id,
            name,
            number: format!("{}、", chinese_numeral(area_no)),
        });
        for (n, &i) in members.iter().enumerate() {
            walk(plan, &children, i, 0, n + 1, &mut seen, &mut out);
        }
    }
    // Tasks caught in a parent cycle are reachable from no root; list them
    // at the end rather than lose them.
    let stranded: Vec<usize> = (0..plan.tasks.len())
        .filter(|i| !seen.contains(i))
        .collect();
    if !stranded.is_empty() {
        area_no += 1;
        out.push(OutlineEntry::Area {
            area_id: None,
            name: "上级关系有误的任务".to_string(),
            number: format!("{}、", chinese_numeral(area_no)),
        });
        let mut position = 0;
        for i in stranded {
            if !seen.contains(&i) {
                position += 1;
                walk(plan, &children, i, 0, position, &mut seen, &mut out);
            }
        }
    }
    out
}

fn walk(
    plan: &Plan,
    children: &HashMap<String, Vec<usize>>,
    index: usize,
    depth: usize,
    position: usize,
    seen: &mut HashSet<usize>,
    out: &mut Vec<OutlineEntry>,
) {
    if !seen.insert(index) {
        return;
    }
    out.push(OutlineEntry::Task {
        index,
        depth,
        number: task_number(depth, position),
    });
    if let Some(kids) = children.get(&plan.tasks[index].id) {
        for (n, &k) in kids.iter().enumerate() {
            walk(plan, children, k, depth + 1, n + 1, seen, out);
        }
    }
}

/// The number of the `position`-th (1-based) item at `depth` below an area:
/// (一), then 1., then (1), then ①-style circled numbers, then plain.
pub fn task_number(depth: usize, position: usize) -> String {
    match depth {
        0 => format!("（{}）", chinese_numeral(position)),
        1 => format!("{position}."),
        2 => format!("（{position}）"),
        _ => match u32::try_from(position) {
            // ① … ⑳ are U+2460 … U+2473.
            Ok(p @ 1..=20) => char::from_u32(0x2460 + p - 1)
                .map(String::from)
                .unwrap_or_else(|| format!("{position})")),
            _ => format!("{position})"),
        },
    }
}

/// Chinese numerals as used in document numbering: 一 … 十, 十一, 二十一 …
/// up to 九十九; larger numbers fall back to digits.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            };
            format!("{}十{}", DIGITS[n / 10], ones)
        }
        _ => n.to_string(),
    }
}

/// True when the task at `index` has children in the plan.
pub fn is_parent(children: &HashMap<String, Vec<usize>>, plan: &Plan, index: usize) -> bool {
    children.contains_key(&plan.tasks[index].id)
}
