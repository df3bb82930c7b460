//! Reading an office's own ledger (措施清单) from a workbook into the plan:
//! the header found by its text (`columns`), each row read as an area
//! section, a 要点, a measure under it, or passed over (blank lines, 合计
//! rows), with deadlines read against the plan's year (`deadline`) and
//! units matched to the registry (`units`). Every row gets a result.
//!
//! The outcome is the plan on screen with the rows applied — tasks matched
//! by Luoshi's own id column, else by title under the same 要点, updated;
//! others added — for the usual merge preview, so nothing changes before
//! the user confirms, and what Luoshi exported comes back to the same
//! tasks.
//!
//! Opened as a plan of its own (`intake_as_plan`), the sheet names the
//! plan and its year (`title`): last year's ledger becomes last year's
//! plan, its "3月底前" read against that year like the dates written out
//! beside it.

mod as_plan;
mod cells;
pub mod columns;
pub mod deadline;
pub mod listing;
pub mod title;
pub mod units;

pub use as_plan::intake_as_plan;

use crate::format::sheets::ledger::progress_text;
use crate::model::id::derived_id;
use crate::model::plan::{Area, Plan, Unit};
use crate::model::task::{Milestone, ProgressUpdate, Status, Task};
use crate::model::TaskId;
use cells::{deadline_of, percent_in, section, strip_measure_number, strip_point_number};
use chrono::NaiveDate;
use columns::{find_header, text_at, Header, Role};
use luoshi_excel::{Book, Sheet};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What became of one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Imported, as what ("新增任务", "更新任务", "领域", "要点").
    Imported(String),
    /// Passed over, and why.
    Skipped(String),
    /// Not imported, and why.
    Error(String),
}

impl Outcome {
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Imported(_) => "imported",
            Outcome::Skipped(_) => "skipped",
            Outcome::Error(_) => "error",
        }
    }
}

/// One row's result, with notes (a deadline read loosely, a new unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    /// The row as the spreadsheet numbers it (1-based).
    pub row: u32,
    pub title: String,
    pub outcome: Outcome,
    pub notes: Vec<String>,
}

/// A workbook read against the plan on screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    pub sheet: String,
    pub header: Header,
    pub rows: Vec<RowResult>,
    /// The plan on screen with the rows applied, for the merge preview.
    pub plan: Plan,
    /// Units proposed because no registered one matched.
    pub new_units: Vec<Unit>,
}

impl Intake {
    pub fn count(&self, key: &str) -> usize {
        self.rows.iter().filter(|r| r.outcome.key() == key).count()
    }
}

/// Reads `book` against `ours`. `roles` are the user's corrections to the
/// columns found ((column, role) pairs); `today` dates the progress read
/// from the sheet; `now` stamps changed tasks so that the preview offers
/// the sheet's values. Deadlines are read against `ours.year`, whatever
/// year the sheet's title names: the rows join the plan on screen.
pub fn intake(
    book: &Book,
    ours: &Plan,
    roles: &[(u16, Role)],
    today: NaiveDate,
    now: &str,
) -> Result<Intake, String> {
    let (sheet, header) = locate(book, roles)?;
    read_rows(sheet, header, ours, today, now)
}

/// The first sheet with a header, and that header with the user's
/// corrections to its columns.
fn locate<'b>(book: &'b Book, roles: &[(u16, Role)]) -> Result<(&'b Sheet, Header), String> {
    let (sheet, mut header) = book
        .sheets
        .iter()
        .find_map(|s| find_header(s).map(|h| (s, h)))
        .ok_or_else(|| {
            "未找到表头：表格前 15 行中没有一行同时写有“重点任务”或“具体措施（工作任务）”等列名，请检查是否选错了文件或工作表".to_string()
        })?;
    for (col, role) in roles {
        match header.columns.iter_mut().find(|(c, ..)| c == col) {
            Some(entry) => entry.2 = *role,
            None => header.columns.push((*col, String::new(), *role)),
        }
    }
    Ok((sheet, header))
}

/// Reads the rows under `header` against `ours` (see `intake`).
fn read_rows(
    sheet: &Sheet,
    header: Header,
    ours: &Plan,
    today: NaiveDate,
    now: &str,
) -> Result<Intake, String> {
    // With no column for the tasks' names, every row says so, and the
    // preview lets the user name that column.
    let unnamed = header.col_of(Role::Point).is_none() && header.col_of(Role::Measure).is_none();
    let mut plan = ours.clone();
    let year = plan.year;
    let mut new_units: Vec<Unit> = Vec::new();
    let mut rows = Vec::new();
    let col = |r: Role| header.col_of(r);
    let cell = |row: u32, r: Role| {
        col(r)
            .map(|c| text_at(sheet, row, c).trim().to_string())
            .unwrap_or_default()
    };
    // Tasks by id, and by (要点 title, title) for sheets without ids.
    let by_title: HashMap<(String, String), TaskId> = {
        let parents: HashMap<&str, &str> = plan
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
        let mut m = HashMap::new();
        for t in &plan.tasks {
            let parent = t
                .parent
                .as_ref()
                .and_then(|p| parents.get(p.as_str()))
                .unwrap_or(&"");
            m.insert((parent.to_string(), t.title.clone()), t.id.clone());
        }
        m
    };
    let mut area: Option<String> = None;
    let mut point: Option<TaskId> = None;
    let mut point_title = String::new();
    // Under the current 要点: tasks by their 序号 ("2", "2.1"), so "2.1.3"
    // goes under "2.1".
    let mut numbered: HashMap<String, TaskId> = HashMap::new();
    let mut order = plan.tasks.iter().map(|t| t.order).max().unwrap_or(0);
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0) as u16;
    for row in header.first_data_row..sheet.rows.len() as u32 {
        let shown = row + 1;
        let texts: Vec<String> = (0..width)
            .map(|c| text_at(sheet, row, c).trim().to_string())
            .collect();
        let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
        let result = |title: &str, outcome: Outcome| RowResult {
            row: shown,
            title: title.to_string(),
            outcome,
            notes: Vec::new(),
        };
        if filled.is_empty() {
            rows.push(result("", Outcome::Skipped("空行".into())));
            continue;
        }
        if unnamed {
            rows.push(result(
                filled[0],
                Outcome::Error(
                    "没有哪一列被认作“重点任务”或“具体措施”：请在上方为任务名称所在的列选择用途"
                        .into(),
                ),
            ));
            continue;
        }
        // A section heading, written in one cell or merged across the row.
        if filled.iter().all(|t| *t == filled[0]) {
            if let Some(name) = section(filled[0]) {
                let id = match plan.areas.iter().find(|a| a.name == name) {
                    Some(a) => a.id.clone(),
                    None => {
                        let id = derived_id(&["area", &name]);
                        let order = plan.areas.iter().map(|a| a.order).max().unwrap_or(0) + 1;
                        plan.areas.push(Area {
                            id: id.clone(),
                            name: name.clone(),
                            order,
                        });
                        id
                    }
                };
                let known = ours.areas.iter().any(|a| a.id == id);
                area = Some(id);
                point = None;
                point_title.clear();
                numbered.clear();
                rows.push(result(
                    &name,
                    Outcome::Imported(
                        if known {
                            "领域（已有）"
                        } else {
                            "领域"
                        }
                        .into(),
                    ),
                ));
                continue;
            }
        }
        let number = cell(row, Role::Number);
        let point_text = strip_point_number(&cell(row, Role::Point));
        let measure = strip_measure_number(&cell(row, Role::Measure));
        if ["合计", "小计", "总计"]
            .iter()
            .any(|w| number.contains(w) || (measure.is_empty() && point_text.starts_with(w)))
        {
            rows.push(result(filled[0], Outcome::Skipped("合计行".into())));
            continue;
        }
        let given_id = cell(row, Role::Id);
        // A new 要点 when the point text changes.
        if !point_text.is_empty() && point_text != point_title {
            point_title = point_text.clone();
            numbered.clear();
            let existing = plan
                .tasks
                .iter()
                .find(|t| t.parent.is_none() && t.title == point_text)
                .map(|t| t.id.clone());
            point = Some(match existing {
                Some(id) => id,
                None => {
                    let id = TaskId::from(derived_id(&[
                        "xlsx-point",
                        area.as_deref().unwrap_or(""),
                        &point_text,
                    ]));
                    let mut t = Task::new(id.clone(), point_text.clone());
                    t.area = area.clone();
                    order += 1;
                    t.order = order;
                    t.updated_at = now.to_string();
                    plan.tasks.push(t);
                    id
                }
            });
        }
        // The row's task: the measure under its 要点, or the 要点 itself.
        let under_number = number
            .rsplit_once('.')
            .and_then(|(up, _)| numbered.get(up.trim_end_matches('.')))
            .cloned();
        let (title, parent) = if !measure.is_empty() {
            (measure.clone(), under_number.or_else(|| point.clone()))
        } else if !point_text.is_empty() {
            (point_text.clone(), None)
        } else {
            rows.push(result(
                filled[0],
                Outcome::Error("没有任务名称（重点任务和具体措施都为空）".into()),
            ));
            continue;
        };
        let found = plan
            .tasks
            .iter()
            .position(|t| !given_id.is_empty() && t.id.0 == given_id)
            .or_else(|| {
                let parent_title = if parent.is_some() {
                    point_title.clone()
                } else {
                    String::new()
                };
                by_title
                    .get(&(parent_title, title.clone()))
                    .and_then(|id| plan.tasks.iter().position(|t| t.id == *id))
            })
            .or_else(|| {
                // The 要点 row just made (a 要点 with no measures).
                (parent.is_none())
                    .then(|| {
                        point
                            .as_ref()
                            .and_then(|p| plan.tasks.iter().position(|t| t.id == *p))
                    })
                    .flatten()
            });
        let mut notes = Vec::new();
        let (pos, what) = match found {
            Some(p) => (
                p,
                if plan.tasks[p].updated_at == now {
                    "新增任务"
                } else {
                    "更新任务"
                },
            ),
            None => {
                let id = TaskId::from(derived_id(&[
                    "xlsx-task",
                    parent.as_ref().map_or("", |p| p.as_str()),
                    &title,
                ]));
                if plan.tasks.iter().any(|t| t.id == id) {
                    rows.push(result(&title, Outcome::Skipped("与前面的行重复".into())));
                    continue;
                }
                let mut t = Task::new(id, title.clone());
                t.parent = parent.clone();
                t.area = if parent.is_none() { area.clone() } else { None };
                order += 1;
                t.order = order;
                plan.tasks.push(t);
                (plan.tasks.len() - 1, "新增任务")
            }
        };
        let before = plan.tasks[pos].clone();
        let mut t = before.clone();
        t.title = title.clone();
        if col(Role::Leader).is_some() {
            t.leader = cell(row, Role::Leader);
        }
        for name in units::split_names(&format!(
            "{}、{}",
            cell(row, Role::Lead),
            cell(row, Role::Support)
        )) {
            if units::is_generic(&name) {
                notes.push(format!("“{name}”为泛指，未作为单位导入"));
            }
        }
        if col(Role::Lead).is_some() {
            let leads = units::match_units(&cell(row, Role::Lead), &plan, &mut new_units);
            for m in leads.iter().filter(|m| m.new) {
                notes.push(format!("单位“{}”不在单位名录中，将新增", m.written));
            }
            t.lead_unit = leads.first().map(|m| m.id.clone());
            if leads.len() > 1 {
                notes.push(format!(
                    "牵头单位写了 {} 个，第一个作牵头，其余作配合",
                    leads.len()
                ));
            }
            let mut support: Vec<String> = leads.iter().skip(1).map(|m| m.id.clone()).collect();
            if col(Role::Support).is_some() {
                for m in units::match_units(&cell(row, Role::Support), &plan, &mut new_units) {
                    if m.new {
                        notes.push(format!("单位“{}”不在单位名录中，将新增", m.written));
                    }
                    if !support.contains(&m.id) && Some(&m.id) != t.lead_unit.as_ref() {
                        support.push(m.id);
                    }
                }
            }
            t.support_units = support;
        }
        if col(Role::Due).is_some() {
            let d = deadline_of(sheet, row, col(Role::Due), year);
            // Said when read loosely; a plain date needs no word.
            let plain = d.due.map(crate::model::date::format_date) == Some(cell(row, Role::Due));
            if !d.note.is_empty() && !plain {
                notes.push(d.note.clone());
            }
            // A cell that could not be read leaves the date as it was.
            if let Some(due) = d.due {
                t.due = Some(due);
            }
            if d.recurrence.is_some() {
                t.recurrence = d.recurrence;
            }
            for (i, (date, words)) in d.milestones.iter().enumerate() {
                if !t.milestones.iter().any(|m| m.due == *date) {
                    t.milestones.push(Milestone {
                        id: derived_id(&["xlsx-milestone", t.id.as_str(), &i.to_string()]),
                        title: words.clone(),
                        due: *date,
                        done_on: None,
                    });
                }
            }
        }
        let progress = cell(row, Role::Progress);
        if !progress.is_empty() && progress != progress_text(&before, today) {
            t.updates.push(ProgressUpdate {
                id: derived_id(&["xlsx-update", t.id.as_str(), &progress]),
                date: today,
                percent: percent_in(&progress).max(t.latest_update().map_or(0, |u| u.percent)),
                progress,
                problems: String::new(),
                next_steps: String::new(),
                by: "Excel 导入".into(),
            });
            if t.status == Status::NotStarted {
                t.status = Status::InProgress;
            }
        }
        let remarks = cell(row, Role::Remarks);
        if what == "新增任务" && !remarks.is_empty() && !t.detail.contains(&remarks) {
            t.detail = if t.detail.is_empty() {
                format!("备注：{remarks}")
            } else {
                format!("{}\n备注：{remarks}", t.detail)
            };
        }
        let changed = t != before;
        if changed {
            t.updated_at = now.to_string();
        }
        if !number.is_empty() {
            numbered.insert(number.trim_end_matches('.').to_string(), t.id.clone());
        }
        plan.tasks[pos] = t;
        let outcome = match (what, changed) {
            ("更新任务", false) => Outcome::Skipped("与现有任务相同".into()),
            _ => Outcome::Imported(what.into()),
        };
        rows.push(RowResult {
            row: shown,
            title,
            outcome,
            notes,
        });
    }
    plan.units.extend(new_units.iter().cloned());
    Ok(Intake {
        sheet: sheet.name.clone(),
        header,
        rows,
        plan,
        new_units,
    })
}
