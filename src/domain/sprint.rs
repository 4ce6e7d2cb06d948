//! Sprints on the board: a name (unique on the board: names are the ids), dates, capacity, the
//! model (`split` or `alternating`), and the figures recorded when the sprint was closed, which
//! are never recomputed. Items name the sprint they are committed to (README "Sprints").

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::board::Board;
use super::capacity::Split;
use super::item::{Item, ItemId, Stage, Timestamp};
use super::labels::named;

/// How a sprint divides its capacity between the two stages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// Every sprint holds both stages, at the board's targets (e.g. 70/30).
    #[default]
    Split,
    /// Whole sprints for one stage: a delivery sprint (stage one), then a refinement sprint
    /// (stage two), and so on.
    Alternating,
}

impl Model {
    pub const ALL: [Model; 2] = [Model::Split, Model::Alternating];

    pub fn name(self) -> &'static str {
        match self {
            Model::Split => "split",
            Model::Alternating => "alternating",
        }
    }
}

named!(Model, "model");

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
}

impl Figures {
    /// Every item id the figures name (so renumbered items are followed).
    pub fn ids_mut(&mut self) -> impl Iterator<Item = &mut ItemId> {
        self.promoted
            .iter_mut()
            .chain(self.dropped.iter_mut())
            .chain(self.repaid.iter_mut())
            .chain(self.rolled_over.iter_mut())
    }

    /// Whether any stage-two work was done in the sprint.
    pub fn stage_two_happened(&self) -> bool {
        self.stage_two_share > 0
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
    /// Alternating model: the stage the sprint is given to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
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

    /// The sprint's targets: the board's for a split sprint; for an alternating sprint its own
    /// stage (all of it stage two in a refinement sprint, none in a delivery sprint).
    pub fn targets(&self, board: &Board) -> Targets {
        let stage_two = match (self.model, self.stage) {
            (Model::Split, _) => board.capacity.stage_two_share,
            (Model::Alternating, Some(Stage::Two)) => 100,
            (Model::Alternating, _) => 0,
        };
        Targets { discovery: board.capacity.discovery_share, stage_two }
    }

    /// "split", "alternating, stage two".
    pub fn model_label(&self) -> String {
        match (self.model, self.stage) {
            (Model::Alternating, Some(stage)) => format!("alternating, {}", stage.label()),
            (model, _) => model.name().to_owned(),
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

impl Board {
    /// The open sprint (the latest started, should a merge have left two open).
    pub fn current_sprint(&self) -> Option<&Sprint> {
        self.sprints.iter().filter(|s| s.is_open()).max_by_key(|s| (s.start, s.name.as_str()))
    }

    pub fn sprint(&self, name: &str) -> Option<&Sprint> {
        self.sprints.iter().find(|s| s.name == name)
    }

    /// The closed sprints, oldest first, with their figures.
    pub fn closed_sprints(&self) -> impl Iterator<Item = (&Sprint, &Figures)> {
        self.sprints.iter().filter_map(|s| s.figures.as_ref().map(|f| (s, f)))
    }

    /// Whether `item` is committed to the open sprint.
    pub fn in_current_sprint(&self, item: &Item) -> bool {
        item.sprint.is_some() && self.current_sprint().is_some_and(|s| s.holds(item))
    }

    /// Replaces, adds (in start order) or removes (`None`) the sprint called `name`; returns
    /// what was there.
    pub(crate) fn put_sprint(&mut self, name: &str, sprint: Option<Sprint>) -> Option<Sprint> {
        let at = self.sprints.iter().position(|s| s.name == name);
        match (at, sprint) {
            (Some(i), Some(new)) => Some(std::mem::replace(&mut self.sprints[i], new)),
            (Some(i), None) => Some(self.sprints.remove(i)),
            (None, Some(new)) => {
                let i = self.sprints.iter().position(|s| s.start > new.start).unwrap_or(self.sprints.len());
                self.sprints.insert(i, new);
                None
            }
            (None, None) => None,
        }
    }
}

/// What happened to the sprints between two versions of a board, a line each.
pub fn describe_changes(old: &Board, new: &Board) -> Vec<String> {
    let mut out = Vec::new();
    for sprint in &new.sprints {
        match old.sprint(&sprint.name) {
            None => out.push(format!("sprint \"{}\" started", sprint.name)),
            Some(before) if before.is_open() && !sprint.is_open() => {
                out.push(format!("sprint \"{}\" closed", sprint.name));
            }
            Some(before) if before != sprint => out.push(format!("sprint \"{}\" changed", sprint.name)),
            Some(_) => {}
        }
    }
    if old.standup != new.standup {
        out.push("standup settings changed".into());
    }
    out
}
