//! The mapping file (`--mapping FILE`, TOML): which column of the export holds what, the unit
//! of its estimates, which issue types are items or epics, which statuses mean finished and
//! which link types mean `after`. Everything is optional: what it leaves out, Jira's usual
//! names decide (docs/import.md lists them).

use std::collections::BTreeMap;

use serde::Deserialize;

/// The mapping as written; `Mapping::default()` is Jira's usual names.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Column names, by what they hold.
    #[serde(default)]
    pub columns: Columns,
    /// The unit of the estimates and how to turn it into the plan's.
    #[serde(default)]
    pub estimate: Estimate,
    /// Which issue types are epics, items, or left out.
    #[serde(default)]
    pub types: Types,
    /// Which statuses mean finished.
    #[serde(default)]
    pub status: Status,
    /// Which link types mean `after`.
    #[serde(default)]
    pub links: Links,
    /// A Jira team value → the plan's team id, where the names differ.
    #[serde(default)]
    pub teams: BTreeMap<String, String>,
    /// The team of an issue whose team cell is empty (a team id).
    #[serde(default)]
    pub default_team: Option<String>,
    /// A `chrono` format for the export's dates, when none of the usual ones reads them.
    #[serde(default)]
    pub date_format: Option<String>,
}

/// Column names (as in the export's header; case does not matter).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The issue key (`Issue key`).
    pub key: Option<String>,
    /// The numeric issue id (`Issue id`), which Jira Cloud's `Parent` column holds.
    pub id: Option<String>,
    /// The title (`Summary`).
    pub summary: Option<String>,
    /// The issue type (`Issue Type`).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The status (`Status`).
    pub status: Option<String>,
    /// The team (`Team`, `Custom field (Team)`).
    pub team: Option<String>,
    /// The estimate (story points or `Original Estimate`, after `estimate.unit`).
    pub estimate: Option<String>,
    /// Time spent, in the estimate's time unit (`Time Spent`).
    pub spent: Option<String>,
    /// The estimate of what is left (`Remaining Estimate`).
    pub remaining: Option<String>,
    /// The epic (`Parent`, `Custom field (Epic Link)`).
    pub epic: Option<String>,
    /// The day it was finished (`Resolved`).
    pub resolved: Option<String>,
    /// The day it last changed (`Updated`): the newest is the status date without a plan.
    pub updated: Option<String>,
    /// The due date (`Due date`): a `commit`.
    pub due: Option<String>,
    /// The keys an issue waits for, in one cell (`After`, `Depends on`, `Blocked by`): a
    /// spreadsheet's way of saying what Jira's `Blocks` links say.
    pub after: Option<String>,
}

/// The estimate's unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// `points`, `seconds` (Jira's time tracking), `hours` or `days`; unset: points when the
    /// export has story points, else seconds.
    pub unit: Option<Unit>,
    /// Working hours in a day (8).
    #[serde(default = "eight")]
    pub hours_per_day: f64,
    /// Person-days per story point, to import points into a plan that counts in days.
    pub days_per_point: Option<f64>,
}

fn eight() -> f64 {
    8.0
}

impl Default for Estimate {
    fn default() -> Self {
        Estimate { unit: None, hours_per_day: 8.0, days_per_point: None }
    }
}

/// The unit of the estimate column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Story points.
    #[default]
    Points,
    /// Seconds, as Jira's time tracking exports them.
    Seconds,
    /// Hours.
    Hours,
    /// Person-days.
    Days,
}

impl Unit {
    /// The word, as in the mapping file.
    pub fn word(self) -> &'static str {
        match self {
            Unit::Points => "points",
            Unit::Seconds => "seconds",
            Unit::Hours => "hours",
            Unit::Days => "days",
        }
    }
}

/// Issue types (case does not matter).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Types {
    /// Types that become `epic` blocks (`Epic`).
    pub epics: Option<Vec<String>>,
    /// Types that become `item` blocks; unset: every type that is not an epic or skipped.
    pub items: Option<Vec<String>>,
    /// Types left out (`Sub-task`, `Subtask`: their work is in their parent's estimate).
    pub skip: Option<Vec<String>>,
}

/// Statuses (case does not matter).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Statuses that mean finished (`Done`, `Closed`, `Resolved`, and Jira's status category
    /// `Done` where the export has it).
    pub finished: Option<Vec<String>>,
}

/// Link types.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    /// Link types whose inward side waits for the outward side (`Blocks`: "A blocks B" makes B
    /// `after` A).
    pub after: Option<Vec<String>>,
}

impl Mapping {
    /// A mapping file's text, or a message that says what is wrong in it and where.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let m: Mapping = toml::from_str(text).map_err(|e| e.to_string())?;
        if !(m.estimate.hours_per_day > 0.0 && m.estimate.hours_per_day <= 24.0) {
            return Err("estimate.hours_per_day must be more than 0 and at most 24".into());
        }
        if m.estimate.days_per_point.is_some_and(|d| !(d > 0.0 && d <= 1000.0)) {
            return Err("estimate.days_per_point must be more than 0 (and at most 1000)".into());
        }
        Ok(m)
    }

    /// The epic types.
    pub fn epic_types(&self) -> Vec<String> {
        self.types.epics.clone().unwrap_or_else(|| vec!["Epic".into()])
    }

    /// The types left out.
    pub fn skipped_types(&self) -> Vec<String> {
        self.types
            .skip
            .clone()
            .unwrap_or_else(|| ["Sub-task", "Subtask", "Sub-taak", "Subtaak"].iter().map(|s| s.to_string()).collect())
    }

    /// The finished statuses.
    pub fn finished_statuses(&self) -> Vec<String> {
        self.status.finished.clone().unwrap_or_else(|| {
            ["Done", "Closed", "Resolved", "Gereed", "Gesloten"].iter().map(|s| s.to_string()).collect()
        })
    }

    /// The link types that mean `after`.
    pub fn after_links(&self) -> Vec<String> {
        self.links.after.clone().unwrap_or_else(|| vec!["Blocks".into()])
    }
}
