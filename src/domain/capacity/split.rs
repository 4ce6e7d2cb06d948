//! The capacity split: planned work by track and by stage against the capacity policy. Planned
//! work is every item not in a done column; while a sprint is open it is the work committed to
//! the sprint (done or not), measured against the sprint's capacity and targets, and the rest
//! of the open work is the backlog.

use crate::model::{Board, Split, Sprint, Tally, Track};

/// What the shares are computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Estimated points (the usual case).
    Points,
    /// Item counts, because nothing planned is estimated.
    Items,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Points => "points",
            Basis::Items => "items",
        }
    }
}

/// A share is on target when it is at most this many percentage points from its target
/// (docs/guide/capacity.md, "On target"): 10 % against 20 % is off target, 27 % against 30 % on.
pub const TOLERANCE: f64 = 5.0;

/// The one rule for "on target", on every page (the capacity view, the top line, the review,
/// the trends): `actual` percent within [`TOLERANCE`] percentage points of `target`.
pub fn on_target(actual: f64, target: u8) -> bool {
    (actual - f64::from(target)).abs() <= TOLERANCE
}

/// An actual share against its target, in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub actual: f64,
    pub target: u8,
    /// Whether anything is planned at all (an empty plan is never off target).
    pub planned: bool,
}

impl Share {
    /// Percentage points above (positive) or below (negative) the target.
    pub fn deviation(&self) -> f64 {
        self.actual - f64::from(self.target)
    }

    pub fn off_target(&self) -> bool {
        self.planned && !on_target(self.actual, self.target)
    }
}

/// Planned work of one assignee (`None`: nobody).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssigneeLoad {
    pub name: Option<String>,
    pub items: u32,
    pub points: u32,
}

/// The capacity split of a board.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    /// Points per sprint, from the policy.
    pub capacity: u32,
    /// Target shares in percent, from the policy.
    pub target_discovery: u8,
    pub target_stage_two: u8,
    /// Planned points.
    pub points: Split,
    /// Planned item counts.
    pub items: Split,
    /// Planned items without an estimate.
    pub unestimated: u32,
    pub basis: Basis,
    /// Actual shares in percent of the basis, to one decimal; 0 when nothing is planned.
    pub discovery_share: f64,
    pub stage_two_share: f64,
    /// Planned work per assignee, the most points first, nobody last.
    pub assignees: Vec<AssigneeLoad>,
    /// The open sprint whose committed work this measures (`None`: the whole board's).
    pub sprint: Option<Sprint>,
    /// With a sprint open: the open work not committed to it.
    pub backlog: Tally,
}

impl Capacity {
    pub fn of(board: &Board) -> Capacity {
        let mut points = Split::default();
        let mut items = Split::default();
        let mut unestimated = 0;
        let mut assignees: Vec<AssigneeLoad> = Vec::new();
        let mut backlog = Tally::default();
        let done = done_columns(board);
        let sprint = board.current_sprint();
        for item in board.items() {
            let is_done = done.iter().any(|(t, c)| *t == item.track && *c == item.column);
            let planned = match sprint {
                Some(sprint) => sprint.holds(item),
                None => !is_done,
            };
            if !planned {
                if sprint.is_some() && !is_done {
                    backlog.add(item);
                }
                continue;
            }
            items.add(item, 1);
            let at = match assignees.iter().position(|a| a.name == item.assignee) {
                Some(at) => at,
                None => {
                    assignees.push(AssigneeLoad { name: item.assignee.clone(), items: 0, points: 0 });
                    assignees.len() - 1
                }
            };
            assignees[at].items += 1;
            assignees[at].points = assignees[at].points.saturating_add(item.estimate.unwrap_or(0));
            match item.estimate {
                Some(points_of_item) => points.add(item, points_of_item),
                None => unestimated += 1,
            }
        }
        let (basis, split) = if points.total > 0 { (Basis::Points, points) } else { (Basis::Items, items) };
        assignees.sort_by(|a, b| {
            (a.name.is_none(), std::cmp::Reverse(a.points), &a.name).cmp(&(
                b.name.is_none(),
                std::cmp::Reverse(b.points),
                &b.name,
            ))
        });
        let (capacity, targets) = match sprint {
            Some(sprint) => (sprint.capacity, sprint.targets(&board.capacity)),
            None => (
                board.capacity.points,
                crate::model::Targets {
                    discovery: board.capacity.discovery_share,
                    stage_two: board.capacity.stage_two_share,
                },
            ),
        };
        Capacity {
            capacity,
            target_discovery: targets.discovery,
            target_stage_two: targets.stage_two,
            points,
            items,
            unestimated,
            basis,
            discovery_share: percent(split.discovery, split.total),
            stage_two_share: percent(split.stage_two, split.total),
            assignees,
            sprint: sprint.cloned(),
            backlog,
        }
    }

    pub fn discovery(&self) -> Share {
        Share { actual: self.discovery_share, target: self.target_discovery, planned: self.items.total > 0 }
    }

    pub fn stage_two(&self) -> Share {
        Share { actual: self.stage_two_share, target: self.target_stage_two, planned: self.items.total > 0 }
    }

    /// More points planned than the sprint holds.
    pub fn over_capacity(&self) -> bool {
        self.points.total > self.capacity
    }
}

fn done_columns(board: &Board) -> Vec<(Track, &str)> {
    Track::ALL
        .into_iter()
        .flat_map(|t| board.track(t).columns.iter().filter(|c| c.done).map(move |c| (t, c.id.as_str())))
        .collect()
}

/// `part` as a percentage of `whole`, rounded to one decimal.
fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
