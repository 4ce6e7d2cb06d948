//! The labels an item carries: its track, its stage, its kind and (for debt) its severity,
//! each with its name in the file and on the command line.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The value of `all` called `text` (in any case), or an error that lists the names (`what`
/// says of what).
pub(crate) fn by_name<T: Copy>(
    text: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    let wanted = text.trim().to_lowercase();
    all.iter().copied().find(|v| name(*v) == wanted).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        let (last, rest) = names.split_last().unwrap_or((&"", &[]));
        format!("unknown {what} `{text}` (expected {} or {last})", rest.join(", "))
    })
}

/// `Display` (the label's name) and `FromStr` (by name, in any case, see [`by_name`]) for a
/// label type with `ALL` and `name`; `$what` names the label in the error.
macro_rules! named {
    ($label:ty, $what:literal) => {
        impl std::fmt::Display for $label {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $label {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::model::labels::by_name(s, &<$label>::ALL, <$label>::name, $what)
            }
        }
    };
}
pub(crate) use named;

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

named!(Track, "track");

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
    /// Something the team agreed to do at a retrospective, with an owner; open actions head the
    /// next retrospective until done (docs/guide/rhythm.md, "Retrospective").
    Action,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Feature, Kind::Spike, Kind::Enabler, Kind::Debt, Kind::Bug, Kind::Action];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Feature => "feature",
            Kind::Spike => "spike",
            Kind::Enabler => "enabler",
            Kind::Debt => "debt",
            Kind::Bug => "bug",
            Kind::Action => "action",
        }
    }
}

named!(Kind, "kind");

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

named!(Severity, "severity");

#[cfg(test)]
mod tests {
    use std::fmt;

    use super::*;
    use crate::model::{Model, OpenItems, Phase, Rollover, Status, Verdict};

    /// Every name reads back as its label, in any case and with spaces around it.
    fn round_trips<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr<Err = String> + PartialEq + fmt::Debug,
    {
        for label in all {
            let name = label.to_string();
            assert_eq!(name.parse::<T>(), Ok(*label));
            assert_eq!(format!(" {} ", name.to_uppercase()).parse::<T>(), Ok(*label));
        }
    }

    #[test]
    fn every_label_is_read_by_its_name_in_any_case() {
        round_trips(&Track::ALL);
        round_trips(&Kind::ALL);
        round_trips(&Severity::ALL);
        round_trips(&Phase::ALL);
        round_trips(&Status::ALL);
        round_trips(&Verdict::ALL);
        round_trips(&OpenItems::ALL);
        round_trips(&Model::ALL);
        round_trips(&Rollover::ALL);
    }

    #[test]
    fn an_unknown_name_lists_the_names_it_could_be() {
        assert_eq!(
            "Ops".parse::<Track>(),
            Err("unknown track `Ops` (expected discovery or delivery)".to_owned())
        );
        assert_eq!(
            "huge".parse::<Severity>(),
            Err("unknown severity `huge` (expected low, medium, high or critical)".to_owned())
        );
    }
}
