//! Sprints on the board: a name (unique on the board: names are the ids), dates, capacity, the
//! model (the split, a cycle of delivery and refinement sprints, or a stage chosen per sprint),
//! an optional goal, and the figures recorded when the sprint was closed, which are never
//! recomputed. Items name the sprint they are committed to (docs/guide/rhythm.md).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::at_close::AtClose;
use super::item::{Item, ItemId, Timestamp};
use super::labels::{Kind, Stage, Track, named};
use super::settings::CapacityPolicy;

/// How sprints divide their capacity between the two stages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// Every sprint holds both stages, at the board's targets (e.g. 70/30).
    #[default]
    Split,
    /// Whole sprints for one stage in a cycle: N delivery sprints (stage one), then one
    /// refinement sprint (stage two), N being the sprint's `delivery_sprints` (1: the two-sprint
    /// cycle). Written `alternating` in the file, the name of the 1:1 cycle before cycles of N:1.
    #[serde(rename = "alternating")]
    Cycle,
    /// Whole sprints for one stage, chosen as each sprint starts.
    Stage,
}

impl Model {
    pub const ALL: [Model; 3] = [Model::Split, Model::Cycle, Model::Stage];

    pub fn name(self) -> &'static str {
        match self {
            Model::Split => "split",
            Model::Cycle => "cycle",
            Model::Stage => "stage",
        }
    }
}

impl std::fmt::Display for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Model {
    type Err = String;
    /// By name in any case; `alternating`, the 1:1 cycle's old name, is the cycle.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("alternating") {
            return Ok(Model::Cycle);
        }
        super::labels::by_name(s, &Model::ALL, Model::name, "model")
    }
}

/// What a sprint is for: both stages at the targets, or one stage only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SprintKind {
    /// A split sprint: both stages, at the board's targets.
    Split,
    /// A sprint for stage one: shipping features.
    Delivery,
    /// A sprint for stage two: refactoring, tests, docs, performance.
    Refinement,
}

impl SprintKind {
    /// The kind of a sprint of `model` given to `stage` (delivery without one).
    pub fn of(model: Model, stage: Option<Stage>) -> SprintKind {
        match (model, stage) {
            (Model::Split, _) => SprintKind::Split,
            (_, Some(Stage::Two)) => SprintKind::Refinement,
            (_, _) => SprintKind::Delivery,
        }
    }

    /// The stage a sprint of this kind is given to (none: both).
    pub fn stage(self) -> Option<Stage> {
        match self {
            SprintKind::Split => None,
            SprintKind::Delivery => Some(Stage::One),
            SprintKind::Refinement => Some(Stage::Two),
        }
    }

    /// Whether a sprint of this kind takes work of `track` and `stage` without asking: a split
    /// sprint takes both stages, a delivery sprint stage one and a refinement sprint stage two;
    /// discovery work fits every sprint, as discovery goes on beside delivery in each
    /// (docs/guide/rhythm.md, "Committing work"). The one rule for the board's question, the
    /// capacity view, `commit`'s warning and a close's report.
    pub fn takes(self, track: Track, stage: Stage) -> bool {
        track == Track::Discovery || self.stage().is_none_or(|own| own == stage)
    }

    pub fn name(self) -> &'static str {
        match self {
            SprintKind::Split => "split",
            SprintKind::Delivery => "delivery",
            SprintKind::Refinement => "refinement",
        }
    }
}

/// Where unfinished items go when a sprint closes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rollover {
    /// Committed to the next sprint.
    #[default]
    Next,
    /// Back to the backlog (committed to no sprint).
    Backlog,
}

impl Rollover {
    pub const ALL: [Rollover; 2] = [Rollover::Next, Rollover::Backlog];

    pub fn name(self) -> &'static str {
        match self {
            Rollover::Next => "next",
            Rollover::Backlog => "backlog",
        }
    }
}

named!(Rollover, "rollover");

/// A number of items and their points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub items: u32,
    pub points: u32,
}

impl Tally {
    pub fn add(&mut self, item: &Item) {
        self.items = self.items.saturating_add(1);
        self.points = self.points.saturating_add(item.estimate.unwrap_or(0));
    }
}

/// What a sprint achieved, recorded when it was closed and never recomputed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// When the sprint was closed.
    pub closed: Timestamp,
    /// The targets the sprint was measured against, in percent.
    pub target_discovery: u8,
    pub target_stage_two: u8,
    /// Points committed to the sprint at its close, by track and by stage.
    pub committed: Split,
    /// Of those, the points done.
    pub done: Split,
    /// Shares of the work done (points, or items when nothing done was estimated), in percent.
    pub discovery_share: u8,
    pub stage_two_share: u8,
    /// Debt items created during the sprint.
    pub debt_created: Tally,
    /// Debt items finished during the sprint (what stage two paid back).
    pub debt_repaid: Tally,
    /// Open debt when the sprint closed.
    pub open_debt: Tally,
    /// Discovery items concluded during the sprint (promoted, dropped, or concluded by hand).
    pub spikes_concluded: u32,
    /// Of those, the ones promoted into delivery and the ones dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promoted: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<ItemId>,
    /// The debt items repaid, for the review to name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repaid: Vec<ItemId>,
    /// Unfinished committed items, and where they went.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rolled_over: Vec<ItemId>,
    pub rollover: Rollover,
    /// Of `rolled_over`, the items sent back to the backlog when the rest went on to the next
    /// sprint (chosen item by item at the close; empty when all went the same way).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_backlog: Vec<ItemId>,
    /// The items the review names and the initiatives' state, as they were at the close
    /// (absent: closed by a release that did not record them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_close: Option<AtClose>,
    /// The work done by kind: where the capacity went (absent in sprints closed before it was
    /// recorded, which the retrospective says rather than recompute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<Spent>,
}

/// The work a sprint finished by kind, for the retrospective's "where the capacity went":
/// discovery work whatever its kind, then delivery features, bugs, debt and the rest (enablers,
/// actions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spent {
    pub features: Tally,
    pub bugs: Tally,
    pub debt: Tally,
    pub discovery: Tally,
    pub other: Tally,
}

impl Spent {
    /// Counts a finished item under its kind.
    pub fn add(&mut self, item: &Item) {
        let slot = match (item.track, item.kind) {
            (Track::Discovery, _) => &mut self.discovery,
            (_, Kind::Feature) => &mut self.features,
            (_, Kind::Bug) => &mut self.bugs,
            (_, Kind::Debt) => &mut self.debt,
            _ => &mut self.other,
        };
        slot.add(item);
    }

    /// The kinds with their tallies, in the order the retrospective shows them.
    pub fn parts(&self) -> [(&'static str, Tally); 5] {
        [
            ("features", self.features),
            ("bugs", self.bugs),
            ("debt", self.debt),
            ("discovery", self.discovery),
            ("other", self.other),
        ]
    }
}

impl Figures {
    /// Every item id the figures name (so renumbered items keep their figures).
    pub fn ids_mut(&mut self) -> impl Iterator<Item = &mut ItemId> {
        self.promoted
            .iter_mut()
            .chain(self.dropped.iter_mut())
            .chain(self.repaid.iter_mut())
            .chain(self.rolled_over.iter_mut())
            .chain(self.to_backlog.iter_mut())
            .chain(self.at_close.iter_mut().flat_map(|a| a.items.iter_mut().map(|item| &mut item.id)))
    }

    /// Whether the unfinished item `id` went back to the backlog at the close.
    pub fn went_to_backlog(&self, id: ItemId) -> bool {
        self.rolled_over.contains(&id)
            && (self.rollover == Rollover::Backlog || self.to_backlog.contains(&id))
    }

    /// Whether any stage-two work was done in the sprint.
    pub fn stage_two_happened(&self) -> bool {
        self.stage_two_share > 0
    }
}

/// Planned work split two ways; both splits add up to `total`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub total: u32,
    pub discovery: u32,
    pub delivery: u32,
    pub stage_one: u32,
    pub stage_two: u32,
}

impl Split {
    pub fn add(&mut self, item: &Item, amount: u32) {
        // Saturating: a hand-edited absurd estimate must not crash the board.
        let grow = |slot: &mut u32| *slot = slot.saturating_add(amount);
        grow(&mut self.total);
        grow(match item.track {
            Track::Discovery => &mut self.discovery,
            Track::Delivery => &mut self.delivery,
        });
        grow(match item.stage {
            Stage::One => &mut self.stage_one,
            Stage::Two => &mut self.stage_two,
        });
    }
}

/// One sprint of the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sprint {
    /// Unique on the board; items name their sprint by it.
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Points the team can take on in this sprint.
    pub capacity: u32,
    pub model: Model,
    /// Cycle and stage models: the stage the sprint is given to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Cycle model: how many delivery sprints come before each refinement sprint (absent: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_sprints: Option<u8>,
    /// What the sprint is for, in one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Recorded when the sprint was closed (absent: the sprint is open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Figures>,
}

/// The targets a sprint is measured against, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Targets {
    pub discovery: u8,
    pub stage_two: u8,
}

impl Sprint {
    pub fn is_open(&self) -> bool {
        self.figures.is_none()
    }

    /// The sprint's targets: the board's (`policy`) for a split sprint; for a cycle or stage
    /// sprint its own stage (all of it stage two in a refinement sprint, none in a delivery
    /// sprint).
    pub fn targets(&self, policy: &CapacityPolicy) -> Targets {
        let stage_two = match self.kind() {
            SprintKind::Split => policy.stage_two_share,
            SprintKind::Refinement => 100,
            SprintKind::Delivery => 0,
        };
        Targets { discovery: policy.discovery_share, stage_two }
    }

    /// What the sprint is for: split, or its one stage (delivery without one).
    pub fn kind(&self) -> SprintKind {
        SprintKind::of(self.model, self.stage)
    }

    /// The cycle's N: delivery sprints before each refinement sprint.
    pub fn delivery_sprints(&self) -> u8 {
        self.delivery_sprints.unwrap_or(1)
    }

    /// "split", "refinement sprint, 3:1 cycle", "delivery sprint".
    pub fn model_label(&self) -> String {
        let kind = self.kind().name();
        match self.model {
            Model::Split => "split".to_owned(),
            Model::Cycle => format!("{kind} sprint, {}:1 cycle", self.delivery_sprints()),
            Model::Stage => format!("{kind} sprint"),
        }
    }

    /// The start of the sprint's first day (UTC).
    pub fn start_time(&self) -> Timestamp {
        self.start.and_time(NaiveTime::MIN).and_utc()
    }

    /// Whether `item` is committed to this sprint.
    pub fn holds(&self, item: &Item) -> bool {
        item.sprint.as_deref() == Some(self.name.as_str())
    }
}
