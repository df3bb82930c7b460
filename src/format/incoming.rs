//! An imported file as the worker reads it (excel-worker/src/plans.rs):
//! refused when it is plainly not a plan file, else restored; and what the
//! page shows of it before anything is done. The page gets the summary
//! only, never the file's text or its whole plan: a 19 MB file read and
//! parsed on the page's thread froze it for a quarter of a second at a
//! time (bench/files.mjs).

use crate::format::{restore_plan, Problem, Restored};
use crate::model::counting::Counted;
use serde::{Deserialize, Serialize};

/// What the preview says of a file's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    /// The unit's name when the file is a 填报包.
    pub unit: Option<String>,
    /// How many work items and tasks it has, in words.
    pub counted: String,
    pub version: u32,
    pub exported_at: String,
    pub problems: Vec<Problem>,
}

impl Summary {
    pub fn of(restored: &Restored) -> Summary {
        let plan = &restored.plan;
        Summary {
            id: plan.id.clone(),
            title: plan.title.clone(),
            unit: plan.package.as_ref().map(|p| p.unit_name.clone()),
            counted: Counted::of_plan(plan).describe(),
            version: restored.version,
            exported_at: restored.exported_at.clone(),
            problems: restored.problems.clone(),
        }
    }
}

/// Reads the text of the file `name` as an imported plan file; the error
/// is the whole message for the user, naming the file.
pub fn read_incoming(name: &str, text: &str) -> Result<Restored, String> {
    let unchanged = "当前计划没有任何改动。";
    // A spreadsheet (xlsx, ods) or any zip renamed to .json.
    if text.starts_with("PK\u{3}\u{4}") {
        return Err(format!(
            "文件“{name}”是 Excel 表格或压缩文件（可能只是扩展名被改成了 .json），不是落实的数据文件。{unchanged}"
        ));
    }
    if text.starts_with("\u{d0}\u{cf}\u{11}\u{e0}") || text.contains('\u{0}') {
        return Err(format!(
            "文件“{name}”不是文本文件（可能是旧版 Excel 或其他程序的文件），不是落实的数据文件。{unchanged}"
        ));
    }
    restore_plan(text).map_err(|e| format!("文件“{name}”无法导入：{e}。{unchanged}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheets_and_binary_files_are_refused_by_name_and_a_plan_is_summed_up() {
        let zip = read_incoming("台账.json", "PK\u{3}\u{4}rest").expect_err("refused");
        assert!(
            zip.contains("台账.json") && zip.contains("Excel 表格或压缩文件"),
            "{zip}"
        );
        let binary = read_incoming("a.json", "ab\u{0}cd").expect_err("refused");
        assert!(binary.contains("不是文本文件"), "{binary}");
        let broken = read_incoming("b.json", "{").expect_err("refused");
        assert!(
            broken.starts_with("文件“b.json”无法导入：")
                && broken.ends_with("当前计划没有任何改动。")
        );
        let plan = crate::model::sample::sample_plan(2026);
        let text =
            crate::format::write_plan(&plan, "2026-06-30T00:00:00Z", "测试").expect("written");
        let restored = read_incoming("c.json", &text).expect("read");
        let summary = Summary::of(&restored);
        assert_eq!(summary.id, plan.id);
        assert_eq!(summary.title, plan.title);
        assert_eq!(summary.counted, Counted::of_plan(&plan).describe());
        assert!(summary.problems.is_empty() && summary.unit.is_none());
    }
}
