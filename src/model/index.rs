//! The plan's hierarchy and registries indexed once, so every view can look
//! tasks up by id and walk 要点 → 任务 → 子任务 in linear time.
//!
//! The walk never recurses: a chain of parents 100,000 deep would overflow
//! the browser's wasm stack (about 1 MiB), and a stack overflow in wasm
//! traps without reaching the crash screen. It is robust to broken data: a
//! parent that does not exist makes a task a root, and tasks caught in a
//! cycle are reached from the first of them in list order ("stranded"
//! roots), so every task is visited exactly once.

use crate::model::id::TaskId;
use crate::model::plan::{Area, Plan, Unit};
use crate::model::task::Task;
use std::borrow::Cow;
use std::collections::HashMap;

/// The index itself, owning everything it holds (positions, not
/// references), so the page can keep one per plan and lend it to every
/// view (`PlanIndex::with_data`) instead of each building its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexData {
    by_id: HashMap<String, usize>,
    units: HashMap<String, usize>,
    areas: HashMap<String, usize>,
    /// Children in display order (by `order`, then position), in the
    /// forest actually walked.
    kids: Vec<Vec<usize>>,
    /// Roots in display order: tasks without a known parent first, then
    /// stranded ones.
    roots: Vec<usize>,
    /// True for a root that had a parent, but one that leads round a cycle.
    stranded: Vec<bool>,
    /// Every task, parents before their children, each subtree contiguous.
    preorder: Vec<usize>,
    depth: Vec<usize>,
    root: Vec<usize>,
    /// 1-based place among its siblings (for roots: among all roots).
    place: Vec<usize>,
}

/// Lookups by id and the hierarchy as a forest, over a plan: the plan and
/// its index, built here in one pass (`new`) or lent (`with_data`).
pub struct PlanIndex<'a> {
    pub plan: &'a Plan,
    data: Cow<'a, IndexData>,
}

impl IndexData {
    pub fn new(plan: &Plan) -> IndexData {
        let tasks = &plan.tasks;
        let n = tasks.len();
        // The first task with an id wins, as restore gives repeated ids
        // fresh ones and a plan in memory never has duplicates.
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(n);
        for (i, t) in tasks.iter().enumerate() {
            by_id.entry(t.id.as_str().to_string()).or_insert(i);
        }
        let known_parent: Vec<Option<usize>> = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.parent
                    .as_ref()
                    .and_then(|p| by_id.get(p.as_str()).copied())
                    .filter(|&p| p != i)
            })
            .collect();
        let mut all_kids: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut true_roots = Vec::new();
        for (i, parent) in known_parent.iter().enumerate() {
            match *parent {
                Some(p) => all_kids[p].push(i),
                None => true_roots.push(i),
            }
        }
        let by_order = |list: &mut Vec<usize>| {
            crate::model::sorting::sort_by_key(list, |&i| (tasks[i].order, i))
        };
        for list in &mut all_kids {
            by_order(list);
        }
        by_order(&mut true_roots);

        // The first unit or area with an id wins, as for tasks.
        let mut units = HashMap::with_capacity(plan.units.len());
        for (i, u) in plan.units.iter().enumerate() {
            units.entry(u.id.clone()).or_insert(i);
        }
        let mut areas = HashMap::with_capacity(plan.areas.len());
        for (i, a) in plan.areas.iter().enumerate() {
            areas.entry(a.id.clone()).or_insert(i);
        }
        let mut index = IndexData {
            by_id,
            units,
            areas,
            kids: vec![Vec::new(); n],
            roots: Vec::new(),
            stranded: vec![false; n],
            preorder: Vec::with_capacity(n),
            depth: vec![0; n],
            root: (0..n).collect(),
            place: vec![0; n],
        };
        let mut visited = vec![false; n];
        let starts = true_roots.iter().copied().chain(0..n);
        let mut stack: Vec<usize> = Vec::new();
        for s in starts {
            if visited[s] {
                continue;
            }
            visited[s] = true;
            index.stranded[s] = known_parent[s].is_some();
            index.roots.push(s);
            index.place[s] = index.roots.len();
            stack.push(s);
            while let Some(i) = stack.pop() {
                index.preorder.push(i);
                let mut place = 0;
                for &c in &all_kids[i] {
                    if visited[c] {
                        continue; // the way back round a cycle
                    }
                    visited[c] = true;
                    place += 1;
                    index.place[c] = place;
                    index.depth[c] = index.depth[i] + 1;
                    index.root[c] = index.root[i];
                    index.kids[i].push(c);
                }
                stack.extend(index.kids[i].iter().rev());
            }
        }
        index
    }
}

impl<'a> PlanIndex<'a> {
    pub fn new(plan: &'a Plan) -> PlanIndex<'a> {
        PlanIndex {
            plan,
            data: Cow::Owned(IndexData::new(plan)),
        }
    }

    /// The index `data`, built by `IndexData::new` from this very `plan`.
    pub fn with_data(plan: &'a Plan, data: &'a IndexData) -> PlanIndex<'a> {
        PlanIndex {
            plan,
            data: Cow::Borrowed(data),
        }
    }

    pub fn len(&self) -> usize {
        self.plan.tasks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plan.tasks.is_empty()
    }

    /// The task at a position of `plan.tasks`.
    pub fn at(&self, pos: usize) -> &'a Task {
        &self.plan.tasks[pos]
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.data.by_id.get(id).copied()
    }

    pub fn task(&self, id: &str) -> Option<&'a Task> {
        self.position(id).map(|i| &self.plan.tasks[i])
    }

    pub fn unit(&self, id: &str) -> Option<&'a Unit> {
        let plan = self.plan;
        self.data.units.get(id).and_then(|&i| plan.units.get(i))
    }

    pub fn area(&self, id: &str) -> Option<&'a Area> {
        let plan = self.plan;
        self.data.areas.get(id).and_then(|&i| plan.areas.get(i))
    }

    /// The name to show for a unit id; an unknown id is shown as itself so
    /// nothing silently disappears.
    pub fn unit_name(&self, id: &str) -> String {
        self.unit(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// The lead unit's name of `task`, or "" when it has none.
    pub fn lead_unit_name(&self, task: &Task) -> String {
        task.lead_unit
            .as_deref()
            .map(|u| self.unit_name(u))
            .unwrap_or_default()
    }

    /// The cooperating units' names of `task`, joined with "、".
    pub fn support_unit_names(&self, task: &Task) -> String {
        task.support_units
            .iter()
            .map(|u| self.unit_name(u))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// Children of the task at `pos`, in display order.
    pub fn children(&self, pos: usize) -> &[usize] {
        &self.data.kids[pos]
    }

    pub fn is_parent(&self, pos: usize) -> bool {
        !self.data.kids[pos].is_empty()
    }

    /// Roots in display order.
    pub fn roots(&self) -> &[usize] {
        &self.data.roots
    }

    /// True for a root whose parent link leads round a cycle.
    pub fn is_stranded(&self, pos: usize) -> bool {
        self.data.stranded[pos]
    }

    /// Every task with parents before children and each subtree together;
    /// reversed, children come before their parents (for roll-up).
    pub fn preorder(&self) -> &[usize] {
        &self.data.preorder
    }

    /// 0 for a 要点, 1 for its 任务, …
    pub fn depth(&self, pos: usize) -> usize {
        self.data.depth[pos]
    }

    /// 1-based place among siblings.
    pub fn place(&self, pos: usize) -> usize {
        self.data.place[pos]
    }

    /// The top-level task above `pos` (itself for a root).
    pub fn root_of(&self, pos: usize) -> usize {
        self.data.root[pos]
    }

    /// The area a task belongs to: its root's, when that is a known area.
    /// The one rule for both the ledger's grouping and the statistics; a
    /// task under an unknown area id, or a stranded one, has none (未分领域).
    pub fn area_of(&self, pos: usize) -> Option<&'a Area> {
        let root = self.data.root[pos];
        if self.data.stranded[root] {
            return None;
        }
        self.plan.tasks[root]
            .area
            .as_deref()
            .and_then(|a| self.area(a))
    }

    /// Positions of the work items: tasks without children.
    pub fn work_items(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| !self.is_parent(i))
    }

    /// The plan indexed.
    pub fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// Work items in hierarchy order.
    pub fn work_items_in_order(&self) -> impl Iterator<Item = usize> + '_ {
        self.preorder()
            .iter()
            .copied()
            .filter(|&i| !self.is_parent(i))
    }

    /// The id of the task at `pos`.
    pub fn id(&self, pos: usize) -> &'a TaskId {
        &self.plan.tasks[pos].id
    }
}
