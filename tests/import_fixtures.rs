//! The bad files of `tests/fixtures/import/` (also used by the end-to-end
//! import tests): each is refused with a message saying what is wrong, or
//! restored with every problem named by its path.

mod common;

use luoshi::format::{restore_plan, RestoreErrorKind};

fn fixture(name: &str) -> String {
    String::from_utf8_lossy(
        &std::fs::read(format!(
            "{}/tests/fixtures/import/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .into_owned()
}

#[test]
fn each_refused_file_gets_its_own_message() {
    let cases = [
        (
            "not_json.json",
            RestoreErrorKind::NotJson,
            "不是有效的 JSON",
        ),
        ("empty.json", RestoreErrorKind::Empty, "内容为空"),
        ("array.json", RestoreErrorKind::NotLuoshi, "最外层应为对象"),
        ("null.json", RestoreErrorKind::NotLuoshi, "最外层应为对象"),
        (
            "spreadsheet.json",
            RestoreErrorKind::NotJson,
            "不是有效的 JSON",
        ),
        ("newer.json", RestoreErrorKind::NewerVersion, "版本 99"),
        (
            "not_luoshi.json",
            RestoreErrorKind::NotLuoshi,
            "不是落实的工作计划文件",
        ),
    ];
    for (name, kind, words) in cases {
        match restore_plan(&fixture(name)) {
            Err(e) => {
                assert_eq!(e.kind, kind, "{name}");
                assert!(e.to_string().contains(words), "{name}: {e}");
            }
            Ok(r) => panic!("{name} was read: {:?}", r.problems),
        }
    }
}

#[test]
fn a_file_with_problems_names_each_by_path_and_keeps_the_rest() {
    let r = restore_plan(&fixture("problems.json")).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    for want in [
        "plan.tasks[1].id",
        "plan.tasks[2].parent",
        "plan.tasks[3].updates[0].percent",
        "plan.tasks[4].due",
    ] {
        assert!(paths.contains(&want), "{want} in {paths:?}");
    }
    assert_eq!(r.plan.tasks.len(), 5, "every task kept");
}
