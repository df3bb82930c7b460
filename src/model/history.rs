//! Undo and redo over the inverses `ops::apply` returns: each step is kept
//! with a label in Chinese ("新建空白计划") so the button can say what it
//! will undo.

use crate::model::ops::{apply, EditError, Op};
use crate::model::plan::Plan;

/// How many steps are kept; older ones are forgotten.
pub const LIMIT: usize = 100;

/// One step: what it was called, and the op that reverses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub label: String,
    pub op: Op,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Applies `op` and records its inverse under `label`; a new step
    /// clears what could be redone.
    pub fn perform(
        &mut self,
        plan: &mut Plan,
        op: Op,
        label: impl Into<String>,
        now: &str,
    ) -> Result<(), EditError> {
        let inverse = apply(plan, op, now)?;
        self.undo.push(Step {
            label: label.into(),
            op: inverse,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the latest step; returns its label, or `None` when there is
    /// nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan, now: &str) -> Result<Option<String>, EditError> {
        Self::shift(&mut self.undo, &mut self.redo, plan, now)
    }

    /// Redoes the latest undone step.
    pub fn redo(&mut self, plan: &mut Plan, now: &str) -> Result<Option<String>, EditError> {
        Self::shift(&mut self.redo, &mut self.undo, plan, now)
    }

    fn shift(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        plan: &mut Plan,
        now: &str,
    ) -> Result<Option<String>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        match apply(plan, step.op.clone(), now) {
            Ok(inverse) => {
                to.push(Step {
                    label: step.label.clone(),
                    op: inverse,
                });
                Ok(Some(step.label))
            }
            Err(e) => {
                from.push(step);
                Err(e)
            }
        }
    }

    /// What "撤销" would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What "重做" would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Forgets every step: the plan was replaced from outside (another
    /// window's data), and these steps belong to a plan no longer shown.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
