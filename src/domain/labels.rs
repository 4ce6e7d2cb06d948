//! The labels an item carries: its track, its stage, its kind and (for debt) its severity,
//! each with its name in the file and on the command line.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The value of `all` called `text`, or an error that lists the names (`what` says of what).
pub(crate) fn by_name<T: Copy>(
    text: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    all.iter().copied().find(|v| name(*v) == text.trim()).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        let (last, rest) = names.split_last().unwrap_or((&"", &[]));
        format!("unknown {what} `{text}` (expected {} or {last})", rest.join(", "))
    })
}

/// The two tracks of dual-track delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Uncertain work that must end in a clear outcome: spikes, prototypes, enablers.
    Discovery,
    /// Production-ready work.
    Delivery,
}

impl Track {
    /// Both tracks, in screen order (discovery on the left).
    pub const ALL: [Track; 2] = [Track::Discovery, Track::Delivery];

    pub fn other(self) -> Track {
        match self {
            Track::Discovery => Track::Delivery,
            Track::Delivery => Track::Discovery,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Track::Discovery => "discovery",
            Track::Delivery => "delivery",
        }
    }
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Track {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(s, &Track::ALL, Track::name, "track")
    }
}

/// The two stages of two-stage delivery; written as `1` and `2` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Stage {
    /// Stage one: ship fast, log the known debt.
    One,
    /// Stage two: refinement, paying the debt back.
    Two,
}

impl Stage {
    /// Both stages, in lane order (stage one on top).
    pub const ALL: [Stage; 2] = [Stage::One, Stage::Two];

    pub fn other(self) -> Stage {
        match self {
            Stage::One => Stage::Two,
            Stage::Two => Stage::One,
        }
    }

    pub fn number(self) -> u8 {
        match self {
            Stage::One => 1,
            Stage::Two => 2,
        }
    }

    /// "stage one" / "stage two", as users say it.
    pub fn label(self) -> &'static str {
        match self {
            Stage::One => "stage one",
            Stage::Two => "stage two",
        }
    }
}

impl TryFrom<u8> for Stage {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        match n {
            1 => Ok(Stage::One),
            2 => Ok(Stage::Two),
            _ => Err(format!("stage must be 1 or 2, not {n}")),
        }
    }
}

impl From<Stage> for u8 {
    fn from(stage: Stage) -> u8 {
        stage.number()
    }
}

impl FromStr for Stage {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u8>()
            .map_err(|_| format!("stage must be 1 or 2, not `{s}`"))
            .and_then(Stage::try_from)
    }
}

/// What sort of work an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Feature,
    Spike,
    Enabler,
    Debt,
    Bug,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Feature, Kind::Spike, Kind::Enabler, Kind::Debt, Kind::Bug];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Feature => "feature",
            Kind::Spike => "spike",
            Kind::Enabler => "enabler",
            Kind::Debt => "debt",
            Kind::Bug => "bug",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(s, &Kind::ALL, Kind::name, "kind")
    }
}

/// How much a piece of technical debt hurts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Low, Severity::Medium, Severity::High, Severity::Critical];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(s, &Severity::ALL, Severity::name, "severity")
    }
}
