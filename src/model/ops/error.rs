//! Why an op was refused, in words a clerk can act on.

use crate::model::id::TaskId;
use std::fmt;

/// Why an op was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No task has this id.
    NoSuchTask(TaskId),
    /// A task needs an id.
    EmptyId,
    /// The task still has children; they must be moved or removed first.
    HasChildren { id: TaskId, children: usize },
    /// The parent named does not exist.
    UnknownParent(TaskId),
    /// The parent named is the task itself or one of its descendants.
    ParentCycle(TaskId),
    /// No unit has this id.
    NoSuchUnit(String),
    /// Tasks still name the unit; they must be reassigned first.
    UnitInUse { id: String, tasks: usize },
    /// No area has this id.
    NoSuchArea(String),
    /// Tasks are still filed under the area.
    AreaInUse { id: String, tasks: usize },
    /// An id is empty or already taken by another unit or area.
    BadRegistryId(String),
    /// A move that has nowhere to go (the first item moved up, …).
    CannotMove(&'static str),
    /// No problem has this id.
    NoSuchProblem(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchTask(id) => write!(f, "找不到编号为“{id}”的任务，可能已被删除"),
            EditError::EmptyId => write!(f, "任务缺少编号"),
            EditError::HasChildren { children, .. } => {
                write!(f, "该任务下还有 {children} 项子任务，请先处理子任务")
            }
            EditError::UnknownParent(id) => write!(f, "上级任务“{id}”不存在"),
            EditError::ParentCycle(_) => write!(f, "不能把任务放到它自己或它的下级任务之下"),
            EditError::NoSuchUnit(id) => write!(f, "找不到编号为“{id}”的单位"),
            EditError::UnitInUse { tasks, .. } => {
                write!(f, "还有 {tasks} 项任务使用该单位，请先改为其他单位")
            }
            EditError::NoSuchArea(id) => write!(f, "找不到编号为“{id}”的领域"),
            EditError::AreaInUse { tasks, .. } => {
                write!(f, "还有 {tasks} 项任务属于该领域，请先改为其他领域")
            }
            EditError::BadRegistryId(id) => write!(f, "编号“{id}”为空或已被使用"),
            EditError::CannotMove(why) => write!(f, "{why}"),
            EditError::NoSuchProblem(_) => write!(f, "该问题已不存在（可能已被删除）"),
        }
    }
}

impl std::error::Error for EditError {}
