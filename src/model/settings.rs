//! The board's settings as stored in its file: the capacity policy, the definitions of done and
//! whether each holds (warn or enforce), the severity weights of debt interest, the standup
//! settings, the value of a point and the default entry criteria of discovery work.

use serde::{Deserialize, Serialize};

use super::item::{Item, Timestamp};
use super::labels::{Severity, Stage, named};

/// How the team means to spend a sprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityPolicy {
    /// Points the team can take on per sprint.
    pub points: u32,
    /// Target share of planned points for the discovery track, in percent.
    pub discovery_share: u8,
    /// Target share of planned points for stage-two refinement, in percent (the 70/30 rule).
    pub stage_two_share: u8,
}

impl Default for CapacityPolicy {
    fn default() -> Self {
        CapacityPolicy { points: 40, discovery_share: 20, stage_two_share: 30 }
    }
}

/// What a stage's definition of done does when an item is done with entries unticked: `warn`
/// (the screen asks, the command line warns) or `enforce` (refused unless forced with a reason).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DonePolicy {
    #[default]
    Warn,
    Enforce,
}

impl DonePolicy {
    pub const ALL: [DonePolicy; 2] = [DonePolicy::Warn, DonePolicy::Enforce];

    pub fn name(self) -> &'static str {
        match self {
            DonePolicy::Warn => "warn",
            DonePolicy::Enforce => "enforce",
        }
    }

    /// The default, which the file leaves out (so boards that keep it are written as before).
    pub fn is_warn(&self) -> bool {
        *self == DonePolicy::Warn
    }
}

named!(DonePolicy, "policy");

/// A checklist of text lines per stage that an item must meet before it is done, and whether
/// each stage's holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionOfDone {
    pub stage_one: Vec<String>,
    pub stage_two: Vec<String>,
    #[serde(default, skip_serializing_if = "DonePolicy::is_warn")]
    pub stage_one_policy: DonePolicy,
    #[serde(default, skip_serializing_if = "DonePolicy::is_warn")]
    pub stage_two_policy: DonePolicy,
}

impl DefinitionOfDone {
    pub fn for_stage(&self, stage: Stage) -> &[String] {
        match stage {
            Stage::One => &self.stage_one,
            Stage::Two => &self.stage_two,
        }
    }

    pub fn policy(&self, stage: Stage) -> DonePolicy {
        match stage {
            Stage::One => self.stage_one_policy,
            Stage::Two => self.stage_two_policy,
        }
    }

    pub(crate) fn policy_mut(&mut self, stage: Stage) -> &mut DonePolicy {
        match stage {
            Stage::One => &mut self.stage_one_policy,
            Stage::Two => &mut self.stage_two_policy,
        }
    }

    /// The entries of `item`'s stage that it has not ticked, in the definition's order.
    pub fn unticked(&self, item: &Item) -> Vec<String> {
        let ticked = |text: &String| item.checklist.iter().any(|e| e.done && e.text == *text);
        self.for_stage(item.stage).iter().filter(|text| !ticked(text)).cloned().collect()
    }
}

impl Default for DefinitionOfDone {
    fn default() -> Self {
        let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        DefinitionOfDone {
            stage_one: lines(&[
                "Critical paths tested",
                "Minimal docs written",
                "Known issues logged as stage-two items",
            ]),
            stage_two: lines(&[
                "Full test coverage",
                "Refactored to team standards",
                "Docs complete",
                "Performance checked",
            ]),
            stage_one_policy: DonePolicy::Warn,
            stage_two_policy: DonePolicy::Warn,
        }
    }
}

/// How much a day of debt costs, per severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestWeights {
    pub low: u32,
    pub medium: u32,
    pub high: u32,
    pub critical: u32,
}

impl Default for InterestWeights {
    fn default() -> Self {
        InterestWeights { low: 1, medium: 2, high: 4, critical: 8 }
    }
}

impl InterestWeights {
    /// The weight of a severity; debt nobody rated accrues at the low weight.
    pub fn of(&self, severity: Option<Severity>) -> u32 {
        match severity {
            None | Some(Severity::Low) => self.low,
            Some(Severity::Medium) => self.medium,
            Some(Severity::High) => self.high,
            Some(Severity::Critical) => self.critical,
        }
    }

    /// The weights with `severity`'s set to `weight`.
    pub fn with(mut self, severity: Severity, weight: u32) -> InterestWeights {
        let slot = match severity {
            Severity::Low => &mut self.low,
            Severity::Medium => &mut self.medium,
            Severity::High => &mut self.high,
            Severity::Critical => &mut self.critical,
        };
        *slot = weight;
        self
    }
}

/// What a point of work is worth to the business, so drag can be told as money
/// (docs/guide/two-stage.md, "Debt in business terms"): a whole amount and its currency as the
/// team writes it (`€`, `$`, `EUR`, `CHF`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointValue {
    pub amount: u32,
    pub currency: String,
}

impl PointValue {
    /// `points` worth of money: "€4,800" for a symbol, "4,800 CHF" for a code.
    pub fn of(&self, points: u64) -> String {
        let money = grouped(points.saturating_mul(u64::from(self.amount)));
        let symbol = self.currency.chars().all(|c| !c.is_alphanumeric());
        if symbol { format!("{}{money}", self.currency) } else { format!("{money} {}", self.currency) }
    }
}

/// A whole number with thousands separated by commas ("4,800").
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The board's standup settings: when the last standup was (the mark the facilitator sets) and
/// after how many days an unmoved item is called out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandupSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_days: Option<u32>,
}

impl StandupSettings {
    /// Items not moved for this many days are called out unless the board says otherwise.
    pub const STALE_DAYS: u32 = 3;

    pub fn is_default(&self) -> bool {
        *self == StandupSettings::default()
    }

    pub fn stale_days(&self) -> u32 {
        self.stale_days.unwrap_or(StandupSettings::STALE_DAYS)
    }
}

/// The entry criteria of a board that does not list its own.
pub const ENTRY_CRITERIA: [&str; 4] =
    ["Technical uncertainty", "High-risk change", "New technology", "Unclear requirements"];
