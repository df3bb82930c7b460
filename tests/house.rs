//! How the house is arranged, checked from the source: storage is written
//! in `src/store/` alone. Components call the repository's operations
//! (`store::repo`); none of them reaches localStorage, sessionStorage or
//! the repository's raw backend, so no sequence of writes can be put
//! together outside the one place that decides its order. And the app's
//! code sorts through `model::sorting` alone (one copy of the sort in the
//! wasm, issue 19).

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("the source folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// What only `src/store/` may say.
/// (Leptos's `LocalStorage` is a marker for values kept in the page's own
/// thread, not the browser's storage, so it is not among them.)
const STORAGE_CALLS: [&str; 9] = [
    "local_storage(",
    "session_storage(",
    "set_item(",
    "remove_item(",
    "get_item(",
    "gloo_storage",
    "web_sys::Storage",
    ".backend()",
    "Backend for",
];

/// (file, line number, line) of each storage call outside `src/store/`,
/// apart from the crash screen's one read (it runs after a panic, where
/// the repository cannot be trusted, and writes nothing).
fn storage_calls_outside_store() -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let store = root.join("src/store");
    let crash = root.join("src/ui/crash_screen.rs");
    let mut found = Vec::new();
    for file in sources(&root.join("src")) {
        if file.starts_with(&store) {
            continue;
        }
        let text = fs::read_to_string(&file).expect("a source file reads");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for call in STORAGE_CALLS {
                let read_only_crash =
                    file == crash && (call == "local_storage(" || call == "get_item(");
                if code.contains(call) && !read_only_crash {
                    found.push((
                        file.strip_prefix(root)
                            .unwrap_or(&file)
                            .display()
                            .to_string(),
                        n + 1,
                        line.trim().to_string(),
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn storage_is_touched_in_src_store_alone() {
    let found = storage_calls_outside_store();
    assert!(
        found.is_empty(),
        "storage calls outside src/store/:\n{}",
        found
            .iter()
            .map(|(f, n, l)| format!("  {f}:{n}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_check_sees_a_storage_call_where_there_is_one() {
    // The store itself is full of them: the check would find them if it
    // looked there, so an empty result above is not a blind scan.
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/local.rs");
    let text = fs::read_to_string(store).expect("local.rs reads");
    assert!(STORAGE_CALLS.iter().any(|c| text.contains(c)));
}

/// The slice's own sorts, each of which puts a copy of the whole sort
/// algorithm into the wasm for its element type and order.
const SLICE_SORTS: [&str; 4] = [
    ".sort()",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
];

#[test]
fn the_app_sorts_through_model_sorting_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sorting = root.join("src/model/sorting.rs");
    let mut found = Vec::new();
    for file in sources(&root.join("src")) {
        if file == sorting {
            continue;
        }
        let text = fs::read_to_string(&file).expect("a source file reads");
        // Native tests inside a file may sort as they like: not in the wasm.
        let app = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in app.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            // A call split over lines starts its line with the method.
            let trimmed = code.trim_start();
            if SLICE_SORTS
                .iter()
                .any(|s| code.contains(s) || trimmed.starts_with(&s[..s.len() - 1]))
            {
                let shown = file.strip_prefix(root).unwrap_or(&file).display();
                found.push(format!("  {shown}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "slice sorts outside src/model/sorting.rs (use crate::model::sorting):\n{}",
        found.join("\n")
    );
    // The check is not blind: sorting.rs itself calls the slice's sort.
    let text = fs::read_to_string(sorting).expect("sorting.rs reads");
    assert!(SLICE_SORTS.iter().any(|s| text.contains(s)));
}
