//! Paths into a JSON document (`plan.tasks[3].updates[1].date`): segments as
//! serde reports them, mapped back to positions in the file after elements
//! were removed, and removal at a path.

use serde_json::Value;
use std::collections::HashMap;

/// A path from serde_ignored as segments, like serde_path_to_error's.
pub(crate) fn ignored_segments(p: &serde_ignored::Path) -> Vec<Seg> {
    match p {
        serde_ignored::Path::Root => Vec::new(),
        serde_ignored::Path::Seq { parent, index } => {
            let mut v = ignored_segments(parent);
            v.push(Seg::Index(*index));
            v
        }
        serde_ignored::Path::Map { parent, key } => {
            let mut v = ignored_segments(parent);
            v.push(Seg::Key(key.clone()));
            v
        }
        serde_ignored::Path::Some { parent }
        | serde_ignored::Path::NewtypeStruct { parent }
        | serde_ignored::Path::NewtypeVariant { parent } => ignored_segments(parent),
    }
}

/// Maps list positions in the trimmed value back to positions in the file,
/// given the file positions already removed from each list (sorted).
pub(crate) fn to_file_positions(
    segments: &[Seg],
    removed: &HashMap<String, Vec<usize>>,
) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(segments.len());
    for seg in segments {
        let mapped = match seg {
            Seg::Key(k) => Seg::Key(k.clone()),
            Seg::Index(i) => {
                let mut pos = *i;
                for &g in removed.get(&join_path("", &out)).into_iter().flatten() {
                    if g <= pos {
                        pos += 1;
                    }
                }
                Seg::Index(pos)
            }
        };
        out.push(mapped);
    }
    out
}

#[derive(Debug, Clone)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

pub(crate) fn join_path(base: &str, segments: &[Seg]) -> String {
    let mut s = base.to_string();
    for seg in segments {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

pub(crate) fn remove_at(value: &mut Value, segments: &[Seg]) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut cur = value;
    for seg in parents {
        let next = match (seg, cur) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k),
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return false,
        }
    }
    match (last, cur) {
        (Seg::Key(k), Value::Object(m)) => m.remove(k).is_some(),
        (Seg::Index(i), Value::Array(a)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        _ => false,
    }
}
