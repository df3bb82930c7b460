//! Finding a ledger's columns by their header text: the header row is the
//! first of the top rows that names enough known columns (a title row and
//! a 填报单位/联系人 row above it are passed over); a two-row header (责任
//! 单位 over 牵头 and 配合) reads each column from the lower row, or from
//! the cell merged over it. The user can correct any column's role in the
//! preview.

use luoshi_excel::{Cell, Sheet};
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Number,
    Point,
    Measure,
    Leader,
    Lead,
    Support,
    Due,
    Progress,
    Remarks,
    /// Luoshi's own task id (its export's hidden last column).
    Id,
    Ignore,
}

impl Role {
    pub const ALL: [Role; 11] = [
        Role::Number,
        Role::Point,
        Role::Measure,
        Role::Leader,
        Role::Lead,
        Role::Support,
        Role::Due,
        Role::Progress,
        Role::Remarks,
        Role::Id,
        Role::Ignore,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Number => "number",
            Role::Point => "point",
            Role::Measure => "measure",
            Role::Leader => "leader",
            Role::Lead => "lead",
            Role::Support => "support",
            Role::Due => "due",
            Role::Progress => "progress",
            Role::Remarks => "remarks",
            Role::Id => "id",
            Role::Ignore => "ignore",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Number => "序号",
            Role::Point => "重点任务（要点）",
            Role::Measure => "具体措施（工作任务）",
            Role::Leader => "责任领导",
            Role::Lead => "牵头单位",
            Role::Support => "配合单位",
            Role::Due => "完成时限",
            Role::Progress => "进展情况",
            Role::Remarks => "备注",
            Role::Id => "系统编号",
            Role::Ignore => "不导入",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The role a header's text names, if any. Order matters: "牵头单位"
    /// before "单位", "责任领导" before "责任单位".
    pub fn of_header(text: &str) -> Option<Role> {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !"*＊（）()：:".contains(*c))
            .collect();
        if t.is_empty() {
            return None;
        }
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        Some(if t.contains("系统编号") {
            Role::Id
        } else if t == "序号" || t == "编号" || t == "序" || t.starts_with("序号") {
            Role::Number
        } else if has(&["领导"]) {
            Role::Leader
        } else if has(&["配合", "协办", "参与", "协同"]) {
            Role::Support
        } else if has(&["牵头", "责任单位", "主责", "承办", "主办", "责任部门"]) || t == "单位"
        {
            Role::Lead
        } else if has(&["时限", "完成时间", "时间节点", "完成期限", "截止"]) {
            Role::Due
        } else if has(&["进展", "完成情况", "落实情况", "推进情况", "进度"]) {
            Role::Progress
        } else if has(&["备注", "说明"]) {
            Role::Remarks
        } else if has(&[
            "具体措施",
            "工作任务",
            "任务内容",
            "工作举措",
            "主要任务",
            "工作措施",
            "具体任务",
            "措施",
        ]) {
            Role::Measure
        } else if has(&[
            "重点任务",
            "要点",
            "重点工作",
            "工作内容",
            "任务名称",
            "事项",
        ]) {
            Role::Point
        } else {
            return None;
        })
    }
}

/// The header found: the row(s) it spans and each column's role and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The header's (first) row (0-based): rows above it hold the title
    /// and the 填报单位 line.
    #[serde(default)]
    pub first_row: u32,
    /// The first row of data (0-based).
    pub first_data_row: u32,
    /// (column, header text, role) for each column with header text.
    pub columns: Vec<(u16, String, Role)>,
}

impl Header {
    pub fn role_of(&self, col: u16) -> Role {
        self.columns
            .iter()
            .find(|(c, ..)| *c == col)
            .map_or(Role::Ignore, |(_, _, r)| *r)
    }

    pub fn col_of(&self, role: Role) -> Option<u16> {
        self.columns
            .iter()
            .find(|(_, _, r)| *r == role)
            .map(|(c, ..)| *c)
    }
}

/// The text of a cell, or of the merged range that covers it.
pub fn text_at(sheet: &Sheet, row: u32, col: u16) -> String {
    let direct = sheet
        .rows
        .get(row as usize)
        .and_then(|r| r.get(col as usize))
        .map(Cell::text)
        .unwrap_or_default();
    if !direct.trim().is_empty() {
        return direct;
    }
    match sheet.merged.iter().find(|m| m.contains(row, col)) {
        Some(m) => sheet
            .rows
            .get(m.first_row as usize)
            .and_then(|r| r.get(m.first_col as usize))
            .map(Cell::text)
            .unwrap_or_default(),
        None => direct,
    }
}

fn width(sheet: &Sheet) -> u16 {
    sheet.rows.iter().map(Vec::len).max().unwrap_or(0).min(200) as u16
}

/// Finds the header among the first 15 rows: the row naming the most
/// known columns (two, one of them a task's text, or three); the row below
/// it joins as a second header row when it names columns too and the data
/// starts after it.
pub fn find_header(sheet: &Sheet) -> Option<Header> {
    let w = width(sheet);
    let known = |row: u32| -> Vec<(u16, String, Role)> {
        (0..w)
            .filter_map(|c| {
                // Only the cell itself counts here: a title merged across
                // the row is not a header.
                let t = sheet
                    .rows
                    .get(row as usize)
                    .and_then(|r| r.get(c as usize))
                    .map(Cell::text)
                    .unwrap_or_default();
                Role::of_header(&t).map(|r| (c, t.trim().to_string(), r))
            })
            .collect()
    };
    let limit = (sheet.rows.len() as u32).min(15);
    let (row, found) = (0..limit)
        .map(|r| (r, known(r)))
        // Two known headings, one of them a task's name, or three of any
        // kind (the task's column may be one the user names in the preview).
        .filter(|(_, k)| {
            let named = k
                .iter()
                .any(|(_, _, r)| matches!(r, Role::Point | Role::Measure));
            (k.len() >= 2 && named) || k.len() >= 3
        })
        .max_by_key(|(r, k)| (k.len(), std::cmp::Reverse(*r)))?;
    let below = known(row + 1);
    // A second header row: it names columns, and holds no 序号 of data.
    let two_rows = !below.is_empty()
        && text_at(
            sheet,
            row + 1,
            found
                .iter()
                .find(|(_, _, r)| *r == Role::Number)
                .map_or(0, |c| c.0),
        )
        .parse::<f64>()
        .is_err()
        && below.len() >= 2;
    let mut columns = Vec::new();
    for c in 0..w {
        let top = text_at(sheet, row, c);
        let bottom = if two_rows {
            text_at(sheet, row + 1, c)
        } else {
            String::new()
        };
        // The lower row names the column; where it is the same merged cell
        // as the upper one (序号 over two rows), the upper one does.
        let (text, role) = match (Role::of_header(&bottom), Role::of_header(&top)) {
            (Some(r), _) if two_rows && bottom != top => (bottom.trim().to_string(), r),
            (_, Some(r)) => (top.trim().to_string(), r),
            // A heading not recognised is listed, left out, for the user
            // to give a role in the preview.
            _ if !bottom.trim().is_empty() || !top.trim().is_empty() => {
                let text = if two_rows && !bottom.trim().is_empty() {
                    bottom
                } else {
                    top
                };
                (text.trim().to_string(), Role::Ignore)
            }
            _ => continue,
        };
        columns.push((c, text, role));
    }
    // Two columns read as the same role: the later one is kept for the
    // user to decide (a second 牵头单位 column is more likely 配合).
    let mut seen = std::collections::HashSet::new();
    for (_, _, r) in columns.iter_mut() {
        if !seen.insert(*r) && *r != Role::Ignore {
            if *r == Role::Lead && seen.insert(Role::Support) {
                *r = Role::Support;
            } else {
                *r = Role::Ignore;
            }
        }
    }
    Some(Header {
        first_row: row,
        first_data_row: row + if two_rows { 2 } else { 1 },
        columns,
    })
}
