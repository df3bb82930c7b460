//! The sample plan shown on first run: the 2022 speech's areas, units and
//! tasks laid over the given year, with progress chosen so that on a
//! mid-year date (06-30) every kind of light appears.

use crate::model::id::{new_id, TaskId};
use crate::model::plan::{Area, Plan, Settings, Unit, UnitKind};
use crate::model::problems::Problem;
use crate::model::recurrence::Recurrence;
use crate::model::supervision::NoticeCounter;
use crate::model::task::{
    Closing, Milestone, ProgressUpdate, Status, SuperviseKind, Supervision, Task,
};
use chrono::{Datelike, NaiveDate};

/// How a sample task's year goes; see `apply` for the dates of each.
#[derive(Clone, Copy)]
enum Course {
    /// Steady and reported: green at mid-year.
    Steady,
    /// Reported but well short of pro-rata: yellow (进度滞后).
    Behind,
    /// Last report in May: yellow (未按期报送) at the end of June.
    Silent,
    /// Due in early July: yellow (临近时限) at the end of June.
    DueSoon,
    /// Due mid-June and still open: red, and supervised.
    Overdue,
    /// Closed before its due date.
    ClosedOnTime,
    /// Closed after its due date.
    ClosedLate,
    /// Starts in the second half of the year.
    Later,
    /// Due date extended in June.
    Extended,
    /// Standing work reported monthly (三会一课).
    Monthly,
    /// Deliberately deferred (暂缓).
    Deferred,
}

#[rustfmt::skip]
const UNITS: &[(&str, &str, &str, UnitKind, &str)] = &[
    ("u-qwb", "区委办", "区委办", UnitKind::PartyDepartment, "区委常委、区委办主任"),
    ("u-zzb", "区委组织部", "组织部", UnitKind::PartyDepartment, "区委常委、组织部部长"),
    ("u-xcb", "区委宣传部", "宣传部", UnitKind::PartyDepartment, "区委常委、宣传部部长"),
    ("u-zfw", "区委政法委", "政法委", UnitKind::PartyDepartment, "区委常委、政法委书记"),
    ("u-tzb", "区委统战部", "统战部", UnitKind::PartyDepartment, "区委常委、统战部部长"),
    ("u-wmb", "区文明办", "文明办", UnitKind::PartyDepartment, "区委常委、宣传部部长"),
    ("u-jw", "区纪委监委", "纪委监委", UnitKind::PartyDepartment, "区委常委、区纪委书记"),
    ("u-fgw", "区发展改革委", "发改委", UnitKind::GovernmentDepartment, "副区长"),
    ("u-zjw", "区住房城乡建设委", "住建委", UnitKind::GovernmentDepartment, "副区长"),
    ("u-cgw", "区城市管理委", "城管委", UnitKind::GovernmentDepartment, "副区长"),
    ("u-nyj", "区农业农村局", "农业农村局", UnitKind::GovernmentDepartment, "副区长"),
    ("u-gaj", "区公安分局", "公安分局", UnitKind::GovernmentDepartment, "区委常委、政法委书记"),
    ("u-cb", "城北街道", "城北街道", UnitKind::Township, "区委副书记"),
    ("u-cn", "城南街道", "城南街道", UnitKind::Township, "区委副书记"),
    ("u-qs", "青山镇", "青山镇", UnitKind::Township, "区委副书记"),
    ("u-hk", "河口乡", "河口乡", UnitKind::Township, "区委副书记"),
];

const AREAS: &[(&str, &str)] = &[
    ("a-dj", "党的建设"),
    ("a-zz", "组织"),
    ("a-xc", "宣传"),
    ("a-zf", "政法"),
    ("a-tz", "统战"),
    ("a-wm", "精神文明"),
];

/// A 要点 with its 任务: (area, title, lead unit, leader, tasks).
type Point = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [Item],
);
/// One 任务: (title, lead unit, support units, course, key task, tag).
type Item = (
    &'static str,
    &'static str,
    &'static [&'static str],
    Course,
    bool,
    &'static str,
);

const SECRETARY: &str = "区委副书记";
const ORG: &str = "区委常委、组织部部长";
const PROPAGANDA: &str = "区委常委、宣传部部长";
const LEGAL: &str = "区委常委、政法委书记";
const UNITED_FRONT: &str = "区委常委、统战部部长";
const DISCIPLINE: &str = "区委常委、区纪委书记";

use Course::*;

#[rustfmt::skip]
const POINTS: &[Point] = &[
    ("a-dj", "坚持旗帜鲜明讲政治", "u-qwb", SECRETARY, &[
        ("深入学习贯彻习近平新时代中国特色社会主义思想，落实在全党来一个大学习的要求", "u-xcb", &["u-zzb", "u-qwb"], Steady, true, ""),
        ("巩固深化党史学习教育成果", "u-xcb", &["u-zzb"], ClosedOnTime, false, ""),
        ("建立区委决策部署督查台账，确保中央和市委决策部署落地落实", "u-qwb", &[], Monthly, true, ""),
    ]),
    ("a-dj", "压紧压实管党治党政治责任", "u-zzb", ORG, &[
        ("落实第一责任人职责和班子成员一岗双责要求，层层传导压力", "u-zzb", &["u-jw"], Steady, true, ""),
        ("解决压力传导上热中温下凉问题，开展基层党建述职评议", "u-zzb", &["u-cb", "u-cn", "u-qs", "u-hk"], Behind, false, ""),
        ("推进两学一做学习教育常态化制度化", "u-zzb", &["u-xcb"], Silent, false, ""),
    ]),
    ("a-dj", "持之以恒改进工作作风", "u-jw", DISCIPLINE, &[
        ("严格执行区委贯彻落实中央八项规定实施细则办法", "u-jw", &["u-qwb"], Monthly, true, ""),
        ("整治四风突出问题，特别是形式主义、官僚主义新表现", "u-jw", &["u-qwb", "u-zzb"], Overdue, true, ""),
        ("持续深化为官不为为官乱为问题专项治理", "u-jw", &["u-zzb"], Behind, false, ""),
        ("大兴调查研究之风，区委各部门形成专题调研报告", "u-qwb", &["u-zzb", "u-xcb", "u-zfw", "u-tzb"], DueSoon, false, ""),
        ("带头执行廉洁自律各项规定，营造风清气正的良好政治生态", "u-jw", &["u-zzb"], Steady, false, ""),
    ]),
    ("a-zz", "加强基层党组织建设", "u-zzb", ORG, &[
        ("党支部规范化建设实训中心提质扩面，搭建学、看、练、干、督平台", "u-zzb", &["u-cb", "u-cn"], Extended, true, ""),
        ("严格执行三会一课制度", "u-zzb", &["u-cb", "u-cn", "u-qs", "u-hk"], Monthly, false, ""),
        ("开展民主评议党员", "u-zzb", &["u-cb", "u-cn", "u-qs", "u-hk"], Later, false, ""),
        ("落实谈心谈话制度，用好批评和自我批评", "u-zzb", &[], ClosedLate, false, ""),
        ("认真贯彻民主集中制，加强和规范党内政治生活", "u-zzb", &["u-qwb"], Silent, false, ""),
    ]),
    ("a-zz", "建设高素质干部队伍", "u-zzb", ORG, &[
        ("搭建科学城管理机构、配强班子队伍，推动科学城规划建设", "u-zzb", &["u-fgw"], Overdue, true, "科学城建设"),
        ("加强人才队伍储备，实施优秀年轻干部培养计划", "u-zzb", &[], Steady, false, ""),
        ("开展干部能力素质提升培训", "u-zzb", &["u-xcb"], ClosedOnTime, false, ""),
        ("三大功能区规划建设中强化党建引领", "u-zzb", &["u-fgw", "u-zjw"], Silent, true, "三大功能区"),
    ]),
    ("a-xc", "做好宣传思想和舆论引导", "u-xcb", PROPAGANDA, &[
        ("提升党史学习教育参观线路和参观点，组织主题展览", "u-xcb", &["u-wmb"], ClosedLate, false, ""),
        ("围绕党的二十大召开开展主题宣传", "u-xcb", &["u-wmb"], Steady, true, ""),
        ("做好服务保障两件大事新闻宣传和舆论引导", "u-xcb", &["u-wmb", "u-tzb"], DueSoon, true, "两件大事"),
        ("宣传城市总规落地实施和构建高精尖经济结构", "u-xcb", &["u-fgw"], Steady, false, ""),
    ]),
    ("a-xc", "凝聚干事创业精气神", "u-xcb", PROPAGANDA, &[
        ("宣传担当作为先进典型，营造想干事、能干事、善干事氛围", "u-xcb", &["u-zzb"], Behind, false, ""),
        ("落实网络意识形态工作责任制", "u-xcb", &["u-zfw"], Steady, false, ""),
    ]),
    ("a-zf", "维护安全稳定", "u-zfw", LEGAL, &[
        ("完成重大会议活动维稳安保任务", "u-zfw", &["u-gaj", "u-cb", "u-cn"], ClosedOnTime, true, ""),
        ("完善上下联动、专群结合的维稳工作体制机制", "u-zfw", &["u-gaj"], Silent, false, ""),
        ("加强群防群治力量建设", "u-zfw", &["u-gaj", "u-cb", "u-cn", "u-qs", "u-hk"], Steady, false, ""),
    ]),
    ("a-zf", "服务保障区域重点任务", "u-zfw", LEGAL, &[
        ("疏解整治促提升专项行动：保障违法建设拆除", "u-zfw", &["u-cgw", "u-cb", "u-cn"], Overdue, true, "疏解整治促提升"),
        ("疏解整治促提升专项行动：整治开墙打洞", "u-zfw", &["u-cgw", "u-cn"], Deferred, false, "疏解整治促提升"),
        ("做好棚户区改造矛盾纠纷排查化解", "u-zfw", &["u-zjw", "u-qs"], Extended, true, "棚户区改造"),
    ]),
    ("a-tz", "助力低收入帮扶", "u-tzb", UNITED_FRONT, &[
        ("引导高校挂职专家对接低收入村户", "u-tzb", &["u-nyj", "u-qs", "u-hk"], Steady, true, "低收入帮扶"),
        ("开展农村实用技术、特色种植技术培训", "u-tzb", &["u-nyj"], DueSoon, false, "低收入帮扶"),
    ]),
    ("a-tz", "团结凝聚各方力量", "u-tzb", UNITED_FRONT, &[
        ("团结引导社会团体、区内企业支持参与服务保障两件大事", "u-tzb", &["u-fgw"], Behind, true, "两件大事"),
        ("动员统一战线力量参与美丽乡村建设", "u-tzb", &["u-nyj", "u-hk"], Later, false, "美丽乡村建设"),
    ]),
    ("a-wm", "深化精神文明创建", "u-wmb", PROPAGANDA, &[
        ("服务保障两件大事，组织文明服务和志愿者动员", "u-wmb", &["u-cb", "u-cn"], ClosedOnTime, true, "两件大事"),
        ("开展城乡生态建设文明引导", "u-wmb", &["u-cgw", "u-nyj"], Steady, false, "城乡生态建设"),
        ("推进文明村镇创建", "u-wmb", &["u-qs", "u-hk"], Silent, false, "美丽乡村建设"),
    ]),
    ("a-wm", "推进新时代文明实践", "u-wmb", PROPAGANDA, &[
        ("建设新时代文明实践中心（所、站）", "u-wmb", &["u-cb", "u-cn", "u-qs", "u-hk"], Overdue, false, ""),
        ("开展市民文明素质提升行动", "u-wmb", &["u-xcb"], Steady, false, ""),
    ]),
];

/// Builds the sample plan for `year`. A date that does not exist in that
/// year (the table has none) would be left empty rather than panic. Plan,
/// task and record ids are random, so two offices that both began from the
/// sample never share ids; units and areas keep readable ids, as they name
/// the same real bodies everywhere.
pub fn sample_plan(year: i32) -> Plan {
    let mut plan = Plan {
        id: new_id(),
        title: format!("{year}年区委工作要点（示例）"),
        year,
        issuer: "中共××区委办公室".into(),
        sample: true,
        areas: AREAS
            .iter()
            .enumerate()
            .map(|(i, (id, name))| Area {
                id: (*id).into(),
                name: (*name).into(),
                order: i as u32 + 1,
            })
            .collect(),
        units: UNITS
            .iter()
            .map(|(id, name, short, kind, leader)| Unit {
                id: (*id).into(),
                name: (*name).into(),
                short_name: (*short).into(),
                kind: *kind,
                leader: (*leader).into(),
            })
            .collect(),
        tasks: Vec::new(),
        settings: Settings {
            office_name: "中共××区委办公室".into(),
            ..Settings::default()
        },
        problems: Vec::new(),
        notice_counters: Vec::new(),
        package: None,
        deleted: Vec::new(),
        updated_at: String::new(),
        revision: 0,
    };
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(year, m, day);
    let mut per_area: Vec<(&str, u32)> = Vec::new();
    for (area, title, lead, leader, items) in POINTS {
        let n = match per_area.iter_mut().find(|(a, _)| a == area) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                per_area.push((area, 1));
                1
            }
        };
        let point_id = TaskId::random();
        let mut point = Task::new(point_id.clone(), *title);
        point.area = Some((*area).into());
        point.order = n;
        point.lead_unit = Some((*lead).into());
        point.leader = (*leader).into();
        point.start = d(1, 1);
        point.due = d(12, 31);
        point.status = Status::InProgress;
        point.updated_at = format!("{year}-01-05T09:00:00");
        plan.tasks.push(point);
        for (k, (title, lead, support, course, key, tag)) in items.iter().enumerate() {
            let mut t = Task::new(TaskId::random(), *title);
            t.parent = Some(point_id.clone());
            t.order = k as u32 + 1;
            t.lead_unit = Some((*lead).into());
            t.support_units = support.iter().map(|s| (*s).into()).collect();
            t.leader = plan
                .unit(lead)
                .map(|u| u.leader.clone())
                .unwrap_or_default();
            t.owner = format!("{}办公室", plan.unit_name(lead));
            t.key_task = *key;
            if !tag.is_empty() {
                t.tags.push((*tag).into());
            }
            t.deliverable = "工作总结".into();
            apply(&mut t, *course, &d);
            plan.tasks.push(t);
        }
    }
    add_problems(&mut plan, year);
    plan
}

/// One 问题整改 entry, as in the review at the end of the speech, fixed by
/// an overdue task and a closed one; and the supervision number issued.
fn add_problems(plan: &mut Plan, year: i32) {
    let supervised = plan.tasks.iter().find(|t| !t.supervisions.is_empty());
    let closed = plan.tasks.iter().find(|t| t.is_closed());
    let tasks: Vec<TaskId> = supervised
        .into_iter()
        .chain(closed)
        .map(|t| t.id.clone())
        .collect();
    if let Some(date) = NaiveDate::from_ymd_opt(year, 1, 20) {
        plan.problems.push(Problem {
            id: new_id(),
            description: "压力传导不够到位，个别任务存在“上热中温下凉”现象".into(),
            source: "区委常委会年度工作总结".into(),
            date: Some(date),
            tasks,
        });
    }
    number_supervisions(plan, year);
}

/// Numbers the sample's 督办 records 1, 2, 3 … in outline order, as the
/// office would have issued them one by one (each a notice of its own, so
/// no number twice in a year), and sets the counter to the last.
fn number_supervisions(plan: &mut Plan, year: i32) {
    let mut last = 0;
    for task in &mut plan.tasks {
        for s in &mut task.supervisions {
            if s.kind == SuperviseKind::Supervise && s.date.year() == year {
                last += 1;
                s.number = Some(last);
            }
        }
    }
    if last > 0 {
        plan.notice_counters.push(NoticeCounter {
            year,
            kind: SuperviseKind::Supervise,
            last,
        });
    }
}

fn update(date: Option<NaiveDate>, percent: u8, text: &str) -> Option<ProgressUpdate> {
    Some(ProgressUpdate {
        id: new_id(),
        date: date?,
        percent,
        progress: text.into(),
        problems: String::new(),
        next_steps: "按时间节点继续推进".into(),
        by: "牵头单位联络员".into(),
    })
}

/// Sets dates, status, updates and records for one course.
fn apply(t: &mut Task, course: Course, d: &dyn Fn(u32, u32) -> Option<NaiveDate>) {
    let mut ups = Vec::new();
    t.status = Status::InProgress;
    match course {
        Steady => {
            (t.start, t.due) = (d(1, 10), d(12, 20));
            ups.push(update(d(3, 31), 30, "已制定工作方案并召开部署会"));
            ups.push(update(d(5, 31), 50, "各项措施按计划推进"));
            ups.push(update(d(6, 25), 55, "完成上半年阶段目标"));
            t.milestones.push(Milestone {
                id: new_id(),
                title: "上半年阶段目标".into(),
                due: d(6, 30).unwrap_or_default(),
                done_on: d(6, 25),
            });
        }
        Behind => {
            (t.start, t.due) = (d(1, 10), d(10, 31));
            ups.push(update(d(3, 31), 10, "已启动，方案正在征求意见"));
            ups.push(update(d(6, 20), 20, "推进较慢"));
            if let Some(u) = ups.last_mut().and_then(|u| u.as_mut()) {
                u.problems = "部门间协调配合不够充分".into();
            }
        }
        Silent => {
            (t.start, t.due) = (d(2, 1), d(12, 31));
            ups.push(update(d(3, 15), 20, "已完成摸底调研"));
            ups.push(update(d(5, 10), 35, "正在组织实施"));
        }
        DueSoon => {
            (t.start, t.due) = (d(3, 1), d(7, 5));
            ups.push(update(d(4, 30), 40, "已完成前期准备"));
            ups.push(update(d(6, 28), 85, "进入收尾阶段"));
        }
        Overdue => {
            (t.start, t.due) = (d(2, 15), d(6, 15));
            ups.push(update(d(5, 20), 70, "主体工作基本完成"));
            ups.push(update(d(6, 10), 80, "剩余事项协调难度大"));
            if let Some(date) = d(6, 20) {
                t.supervisions.push(Supervision {
                    id: new_id(),
                    date,
                    kind: SuperviseKind::Supervise,
                    note: "已逾期，请牵头单位说明原因并提出完成时间".into(),
                    reply_due: d(6, 27),
                    number: Some(1),
                });
            }
        }
        ClosedOnTime => {
            (t.start, t.due) = (d(1, 10), d(5, 31));
            ups.push(update(d(3, 31), 60, "按计划推进"));
            ups.push(update(d(5, 25), 100, "全部完成"));
            close(t, d(5, 28));
        }
        ClosedLate => {
            (t.start, t.due) = (d(1, 10), d(4, 30));
            ups.push(update(d(3, 31), 60, "按计划推进"));
            ups.push(update(d(6, 10), 100, "全部完成"));
            close(t, d(6, 12));
        }
        Later => {
            (t.start, t.due) = (d(8, 1), d(11, 30));
            t.status = Status::NotStarted;
        }
        Extended => {
            (t.start, t.due) = (d(3, 1), d(6, 20));
            ups.push(update(d(4, 30), 35, "完成方案制定"));
            ups.push(update(d(6, 18), 60, "受场地调整影响，申请延期"));
            if let (Some(on), Some(new_due)) = (d(6, 18), d(9, 30)) {
                t.extend(on, new_due, "场地调整，经区委办同意延期");
            }
        }
        Monthly => {
            (t.start, t.due) = (d(1, 1), d(12, 31));
            t.recurrence = Some(Recurrence::Monthly);
            // Reported on the 28th, a day every month has.
            for m in 1..=6 {
                ups.push(update(d(m, 28), (m * 8) as u8, "本月按要求落实"));
            }
        }
        Deferred => {
            (t.start, t.due) = (d(3, 1), d(12, 31));
            ups.push(update(d(4, 15), 10, "因规划调整暂缓实施"));
            t.status = Status::Paused;
        }
    }
    t.updates = ups.into_iter().flatten().collect();
    t.updated_at = t
        .updates
        .last()
        .map(|u| format!("{}T18:00:00", u.date))
        .unwrap_or_default();
}

fn close(t: &mut Task, date: Option<NaiveDate>) {
    if let Some(date) = date {
        t.status = Status::Closed;
        t.closing = Some(Closing {
            date,
            note: "经核验已办结".into(),
        });
    }
}
