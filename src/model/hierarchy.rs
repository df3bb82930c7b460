//! The plan as an ordered outline: areas, then 要点, 任务 and 子任务 beneath
//! them, with the office's numbering (一、 (一) 1. (1)) derived from position.
//! Entries name tasks by id. Built on `PlanIndex`, so it is robust to broken
//! references (every task appears exactly once) and never recurses.

use crate::model::id::TaskId;
use crate::model::index::PlanIndex;
use crate::model::plan::Plan;

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
        id: TaskId,
        depth: usize,
        number: String,
    },
}

/// Name of the group for tasks under no known area.
pub const NO_AREA: &str = "未分领域";
/// Name of the group for tasks whose parents form a cycle.
pub const STRANDED: &str = "上级关系有误的任务";

/// The whole plan in display order with numbering.
pub fn outline(plan: &Plan) -> Vec<OutlineEntry> {
    outline_of(&PlanIndex::new(plan))
}

/// `outline` for code that already holds the index.
pub fn outline_of(index: &PlanIndex) -> Vec<OutlineEntry> {
    let plan = index.plan;
    let mut areas: Vec<_> = plan.areas.iter().enumerate().collect();
    crate::model::sorting::sort_by_key(&mut areas, |(i, a)| (a.order, *i));
    // Roots by group: each known area in order, then 未分领域, then the
    // stranded ones. One pass over the roots, so many areas cost nothing.
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (g, (_, a)) in areas.iter().enumerate() {
        group_of.entry(a.id.as_str()).or_insert(g);
    }
    let unfiled = areas.len();
    let stranded = areas.len() + 1;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); areas.len() + 2];
    for &r in index.roots() {
        let g = if index.is_stranded(r) {
            stranded
        } else {
            index
                .area_of(r)
                .and_then(|a| group_of.get(a.id.as_str()).copied())
                .unwrap_or(unfiled)
        };
        members[g].push(r);
    }
    let mut out = Vec::with_capacity(index.len() + members.len());
    let mut area_no = 0;
    for (g, roots) in members.iter().enumerate() {
        if roots.is_empty() {
            continue;
        }
        area_no += 1;
        let (area_id, name) = match areas.get(g) {
            Some((_, a)) => (Some(a.id.clone()), a.name.clone()),
            None if g == unfiled => (None, NO_AREA.to_string()),
            None => (None, STRANDED.to_string()),
        };
        out.push(OutlineEntry::Area {
            area_id,
            name,
            number: format!("{}、", chinese_numeral(area_no)),
        });
        for (n, &r) in roots.iter().enumerate() {
            // A root is numbered within its area group; below it, each
            // task by its place among its siblings.
            let mut stack = vec![(r, n + 1)];
            while let Some((i, place)) = stack.pop() {
                let depth = index.depth(i);
                out.push(OutlineEntry::Task {
                    id: index.id(i).clone(),
                    depth,
                    number: task_number(depth, place),
                });
                stack.extend(index.children(i).iter().rev().map(|&c| (c, index.place(c))));
            }
        }
    }
    out
}

/// The number of the `position`-th (1-based) item at `depth` below an area:
/// (一), then 1., then (1), then ①-style circled numbers, then plain.
pub fn task_number(depth: usize, position: usize) -> String {
    // Written out by hand, not with `format!`: every task of the plan is
    // numbered at start, and the formatting machinery was a visible share
    // of it in the page's profile (issue 19).
    let mut out = String::with_capacity(12);
    match depth {
        0 => {
            out.push('（');
            out.push_str(&chinese_numeral(position));
            out.push('）');
        }
        1 => {
            push_digits(&mut out, position);
            out.push('.');
        }
        2 => {
            out.push('（');
            push_digits(&mut out, position);
            out.push('）');
        }
        // ① … ⑳ are U+2460 … U+2473.
        _ => match u32::try_from(position)
            .ok()
            .filter(|p| (1..=20).contains(p))
        {
            Some(p) => out.extend(char::from_u32(0x2460 + p - 1)),
            None => {
                push_digits(&mut out, position);
                out.push(')');
            }
        },
    }
    out
}

/// Appends `n` in decimal digits.
fn push_digits(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        // `n % 10` is below 10: the cast cannot truncate.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
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
