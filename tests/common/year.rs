//! A year of an office's work, for measuring storage capacity: a plan of
//! `n` tasks (the sample repeated with fresh ids) in which every work item
//! has twelve monthly reports and the 留痕 entries the app writes for them
//! (`activity::changes`, as every edit does). The report texts are put
//! together from phrase pools with numbers, deterministically, so they
//! vary as real reports do instead of repeating one sentence (which would
//! compress to nothing and flatter the figure).
//!
//! Such texts repeat their phrases, as a unit's monthly reports do, and
//! pack far smaller than prose. `Texture::Unique` writes each report as
//! characters drawn at random from the seed speech instead, which no
//! compression can shorten much: the other end of what real reports can
//! be, for stating how the capacity figure depends on the text.
//!
//! Shared by `tests/capacity.rs` and `benches/core.rs` (through `#[path]`).

use luoshi::model::activity::changes;
use luoshi::model::sample::sample_plan;
use luoshi::model::{Plan, ProgressUpdate, Status, TaskId};
use std::collections::{HashMap, HashSet};

const DONE: [&str; 16] = [
    "召开专题会议研究部署",
    "组织专项督导检查",
    "完成调研走访",
    "印发实施方案",
    "开展集中培训",
    "推进问题整改销号",
    "召开推进会听取汇报",
    "完成阶段性评估",
    "建立工作台账并动态更新",
    "联合相关部门开展联合检查",
    "深入街道社区实地查看",
    "组织党员干部集中学习",
    "完成年度任务分解",
    "开展满意度测评",
    "召开座谈会征求意见",
    "形成专题报告报区委",
];
const OBJECTS: [&str; 12] = [
    "家单位",
    "个社区",
    "个项目",
    "条问题线索",
    "人次",
    "场次",
    "份材料",
    "个点位",
    "户居民",
    "家企业",
    "项制度",
    "个街道",
];
const PROBLEMS: [&str; 10] = [
    "部分单位工作进度不平衡",
    "基层人手不足，力量较为薄弱",
    "资金拨付进度偏慢",
    "个别问题整改不够彻底",
    "协调难度较大，涉及部门较多",
    "群众参与度有待提高",
    "项目审批周期较长",
    "台账资料不够规范",
    "宣传覆盖面还不够广",
    "长效机制尚未完全建立",
];
const NEXT: [&str; 10] = [
    "继续加大督导力度，确保按期完成",
    "加强统筹协调，压实各方责任",
    "聚焦薄弱环节，开展专项整治",
    "完善工作机制，推动常态长效",
    "加快项目推进，按序时完成节点",
    "做好总结提炼，形成经验做法",
    "强化宣传引导，营造良好氛围",
    "对照问题清单，逐项整改到位",
    "加强调度，每周通报进展",
    "配合牵头单位做好迎检准备",
];
const NAMES: [&str; 8] = [
    "王晓明",
    "李春燕",
    "张建国",
    "刘海波",
    "陈丽华",
    "杨志强",
    "赵敏",
    "孙立新",
];

/// What the report texts are made of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Texture {
    /// Phrases from pools, with numbers: repetitive, as reports are.
    Phrases,
    /// Characters at random from the seed speech: no repetition at all.
    Unique,
}

/// The seed speech's characters, for `Texture::Unique`.
fn speech_chars() -> Vec<char> {
    include_str!("../fixtures/text/speech-2022-district-committee.txt")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A small deterministic generator (an LCG): the same plan every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }

    /// Two to four things done, each with a number of something.
    fn progress(&mut self, month: u32) -> String {
        let n = 2 + self.next(3);
        let mut parts = Vec::with_capacity(n);
        for _ in 0..n {
            let count = 1 + self.next(60);
            parts.push(format!(
                "{}，涉及{count}{}",
                self.pick(&DONE),
                self.pick(&OBJECTS)
            ));
        }
        format!("{month}月份，{}。", parts.join("；"))
    }
}

/// The sample plan, for `year`, repeated to `n` tasks with fresh ids.
pub fn plan_of(n: usize, year: i32) -> Plan {
    let base = sample_plan(year);
    let mut plan = base.clone();
    plan.tasks.clear();
    plan.sample = false;
    plan.title = format!("{year}年区委工作要点");
    for c in 0..n.div_ceil(base.tasks.len().max(1)) {
        let fresh: HashMap<&TaskId, TaskId> = base
            .tasks
            .iter()
            .map(|t| (&t.id, TaskId::random()))
            .collect();
        for t in &base.tasks {
            let mut t = t.clone();
            t.id = fresh.get(&t.id).cloned().unwrap_or_else(TaskId::random);
            t.parent = t.parent.and_then(|p| fresh.get(&p).cloned());
            t.order += (c as u32) * 100;
            plan.tasks.push(t);
        }
    }
    plan.tasks.truncate(n);
    plan
}

/// `plan_of(n, year)` after a year of monthly reports on every work item
/// (a task with no subtasks), each with its 留痕 entries.
pub fn year_of_reports(n: usize, year: i32, seed: u64) -> Plan {
    year_of(n, year, seed, Texture::Phrases)
}

/// `year_of_reports` with report texts of the given texture.
pub fn year_of(n: usize, year: i32, seed: u64, texture: Texture) -> Plan {
    let chars = speech_chars();
    let mut plan = plan_of(n, year);
    let parents: HashSet<TaskId> = plan.tasks.iter().filter_map(|t| t.parent.clone()).collect();
    let mut dice = Dice(seed);
    for i in 0..plan.tasks.len() {
        if parents.contains(&plan.tasks[i].id) {
            continue;
        }
        for month in 1..=12u32 {
            let old = plan.tasks[i].clone();
            let mut new = old.clone();
            let Some(date) = chrono::NaiveDate::from_ymd_opt(year, month, 20) else {
                continue;
            };
            let problems = if dice.next(3) == 0 {
                String::new()
            } else {
                dice.pick(&PROBLEMS).to_string()
            };
            new.updates.push(ProgressUpdate {
                id: luoshi::model::id::new_id(),
                date,
                percent: (month * 8).min(100) as u8,
                progress: match texture {
                    Texture::Phrases => dice.progress(month),
                    Texture::Unique => {
                        let len = 50 + dice.next(60);
                        (0..len).map(|_| chars[dice.next(chars.len())]).collect()
                    }
                },
                problems,
                next_steps: dice.pick(&NEXT).to_string(),
                by: dice.pick(&NAMES).to_string(),
            });
            if new.status == Status::NotStarted {
                new.status = Status::InProgress;
            }
            let at = format!("{year}-{month:02}-20T09:{:02}:00Z", dice.next(60));
            let log = changes(&plan, Some(&old), &new, &at);
            new.log.extend(log);
            plan.tasks[i] = new;
        }
    }
    plan
}

/// `plan` (from `year_of`) while its last month's reports come in, as a
/// week of imports finds it: the work items fall into `groups` groups by
/// position, and only the first `done` groups have their December report
/// (and its 留痕). Twenty backups made before twenty weekly imports are
/// `before_last_reports(plan, w, 20)` for `w` in `0..20`: each a near
/// whole year, each differing from the next by one group's reports.
pub fn before_last_reports(plan: &Plan, done: usize, groups: usize) -> Plan {
    let december = format!("{}-12", plan.year);
    let mut out = plan.clone();
    for (i, task) in out.tasks.iter_mut().enumerate() {
        if i % groups.max(1) < done {
            continue;
        }
        task.updates
            .retain(|u| !u.date.to_string().starts_with(&december));
        task.log.retain(|l| !l.at.starts_with(&december));
    }
    out
}
