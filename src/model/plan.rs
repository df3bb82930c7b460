//! A plan (年度工作要点) with its areas, units, settings and tasks.

use crate::model::id::new_id;
use crate::model::package::PackageInfo;
use crate::model::problems::Problem;
pub use crate::model::settings::Settings;
use crate::model::supervision::NoticeCounter;
use crate::model::task::Task;
use crate::model::tombstone::Tombstone;
use serde::{Deserialize, Serialize};

/// One year's work plan as agreed by the committee.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Plan {
    /// Random for new plans (see `model::id`), so plans from different
    /// offices never share one.
    pub id: String,
    /// e.g. "2022年区委工作要点".
    pub title: String,
    pub year: i32,
    /// Who issued it, e.g. "中共××区委办公室".
    pub issuer: String,
    /// True for the generated demonstration plan, so the UI can say so.
    pub sample: bool,
    pub areas: Vec<Area>,
    pub units: Vec<Unit>,
    pub tasks: Vec<Task>,
    pub settings: Settings,
    /// 问题整改: problems found, each fixed by one or more tasks.
    pub problems: Vec<Problem>,
    /// The last 督办/催办 notice number issued, per year and kind, so a
    /// number is never issued twice even after its record is removed.
    pub notice_counters: Vec<NoticeCounter>,
    /// Set on a 填报包: which unit it is for and the tasks as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<PackageInfo>,
    /// Tombstones: deleted tasks and records, sorted by id, so deletions
    /// travel with the plan's files (see `model::tombstone`). Left out
    /// when empty, so files without deletions are as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// When the plan last changed (ISO 8601); set by `ops::apply`.
    pub updated_at: String,
    /// How many changes the plan has seen; set by `ops::apply`.
    pub revision: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            id: String::new(),
            title: String::new(),
            year: 2022,
            issuer: String::new(),
            sample: false,
            areas: Vec::new(),
            units: Vec::new(),
            tasks: Vec::new(),
            settings: Settings::default(),
            problems: Vec::new(),
            notice_counters: Vec::new(),
            package: None,
            deleted: Vec::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

impl Plan {
    /// An empty plan for `year`, titled the way the office titles its plans.
    pub fn empty(year: i32) -> Plan {
        Plan {
            id: new_id(),
            title: format!("{year}年区委工作要点"),
            year,
            ..Plan::default()
        }
    }

    /// The task with `id`. A scan: fine for one lookup; code that looks up
    /// many tasks builds a `PlanIndex` instead.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The name to show for a unit id; an unknown id is shown as itself so
    /// nothing silently disappears from the ledger.
    pub fn unit_name(&self, id: &str) -> String {
        self.unit(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

/// A field of work (领域), e.g. 党的建设; shown in `order`.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Area {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub order: u32,
}

/// What sort of body a unit is.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 区委部门
    PartyDepartment,
    /// 政府部门
    GovernmentDepartment,
    /// 街道乡镇
    Township,
    /// 其他
    #[default]
    Other,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::PartyDepartment => "区委部门",
            UnitKind::GovernmentDepartment => "政府部门",
            UnitKind::Township => "街道乡镇",
            UnitKind::Other => "其他",
        }
    }
}

/// A responsible unit (单位).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(page_read, serde(deny_unknown_fields))]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub kind: UnitKind,
    /// 分管区领导
    #[serde(default)]
    pub leader: String,
}
