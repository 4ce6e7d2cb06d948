//! The words of phased delivery: the three phases, the two boundaries between them, the status
//! of an initiative, the decision at a boundary, and what a stop does with open work.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::labels::named;

/// The three phases of an initiative, in the order they ship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The absolute minimum, end to end, to validate the core assumptions (0–30 % of the work).
    Mvp,
    /// Secondary features, better experience, feedback from the MVP (30–70 %).
    Enhancement,
    /// Edge cases, error messages, documentation, production readiness (70–100 %).
    Polish,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Mvp, Phase::Enhancement, Phase::Polish];

    /// The name in files, on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Mvp => "mvp",
            Phase::Enhancement => "enhancement",
            Phase::Polish => "polish",
        }
    }

    /// As people write it ("MVP", "enhancement", "polish").
    pub fn label(self) -> &'static str {
        match self {
            Phase::Mvp => "MVP",
            Phase::Enhancement => "enhancement",
            Phase::Polish => "polish",
        }
    }

    /// The one-letter mark on a card: M, E or P.
    pub fn letter(self) -> &'static str {
        match self {
            Phase::Mvp => "M",
            Phase::Enhancement => "E",
            Phase::Polish => "P",
        }
    }

    /// 0, 1, 2: the phase's place in order (for per-phase arrays).
    pub fn index(self) -> usize {
        match self {
            Phase::Mvp => 0,
            Phase::Enhancement => 1,
            Phase::Polish => 2,
        }
    }
}

named!(Phase, "phase");

/// Where an initiative stands as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Active,
    Paused,
    /// Stopped by a decision at a boundary; its open work was dropped or moved to the backlog.
    Stopped,
    Finished,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Active, Status::Paused, Status::Stopped, Status::Finished];

    pub fn name(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Stopped => "stopped",
            Status::Finished => "finished",
        }
    }

    /// Whether the initiative is still being worked on (warnings and decisions apply).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Active | Status::Paused)
    }
}

named!(Status, "status");

/// One of the two boundaries between phases; written as `1` and `2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Boundary {
    /// MVP → enhancement, at 30 %.
    One,
    /// Enhancement → polish, at 70 %.
    Two,
}

impl Boundary {
    pub const ALL: [Boundary; 2] = [Boundary::One, Boundary::Two];

    pub fn number(self) -> u8 {
        match self {
            Boundary::One => 1,
            Boundary::Two => 2,
        }
    }

    /// The percentage of the work at which the boundary lies.
    pub fn percent(self) -> u32 {
        match self {
            Boundary::One => 30,
            Boundary::Two => 70,
        }
    }

    /// The phase that ends at this boundary.
    pub fn ending(self) -> Phase {
        match self {
            Boundary::One => Phase::Mvp,
            Boundary::Two => Phase::Enhancement,
        }
    }

    /// "MVP → enhancement" / "enhancement → polish".
    pub fn label(self) -> &'static str {
        match self {
            Boundary::One => "MVP → enhancement",
            Boundary::Two => "enhancement → polish",
        }
    }
}

impl TryFrom<u8> for Boundary {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        match n {
            1 => Ok(Boundary::One),
            2 => Ok(Boundary::Two),
            _ => Err(format!("a boundary is 1 (MVP → enhancement) or 2 (enhancement → polish), not {n}")),
        }
    }
}

impl From<Boundary> for u8 {
    fn from(boundary: Boundary) -> u8 {
        boundary.number()
    }
}

impl FromStr for Boundary {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = || format!("a boundary is 1 (MVP → enhancement) or 2 (enhancement → polish), not `{s}`");
        s.trim().parse::<u8>().map_err(|_| fail()).and_then(|n| Boundary::try_from(n).map_err(|_| fail()))
    }
}

/// What the team decided at a boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Go on to the next phase as planned.
    Continue,
    /// Stay active but change course (the plan note says how).
    Pivot,
    /// Stop the initiative; its open items are dropped or moved to the backlog.
    Stop,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Continue, Verdict::Pivot, Verdict::Stop];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Continue => "continue",
            Verdict::Pivot => "pivot",
            Verdict::Stop => "stop",
        }
    }
}

named!(Verdict, "decision");

/// What stopping an initiative does with its open items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenItems {
    /// Delete them from the board (undoable with the decision).
    Drop,
    /// Keep them as ordinary work, out of the initiative, at the bottom of the stage-one lane
    /// of their track's first column (the backlog).
    Backlog,
}

impl OpenItems {
    pub const ALL: [OpenItems; 2] = [OpenItems::Drop, OpenItems::Backlog];

    pub fn name(self) -> &'static str {
        match self {
            OpenItems::Drop => "drop",
            OpenItems::Backlog => "backlog",
        }
    }
}

named!(OpenItems, "choice for the open items");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_boundaries_know_their_phases() {
        assert_eq!("MVP".parse::<Phase>(), Ok(Phase::Mvp));
        assert_eq!("polish".parse::<Phase>(), Ok(Phase::Polish));
        assert_eq!(
            "core".parse::<Phase>(),
            Err("unknown phase `core` (expected mvp, enhancement or polish)".into())
        );
        assert_eq!("2".parse::<Boundary>().map(Boundary::ending), Ok(Phase::Enhancement));
        assert!("3".parse::<Boundary>().is_err());
        assert_eq!("stop".parse::<Verdict>(), Ok(Verdict::Stop));
        assert!(Status::Paused.is_open() && !Status::Stopped.is_open());
    }
}
