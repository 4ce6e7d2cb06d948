//! The open sprint's room: points left per stage and per track against its capacity and targets,
//! work in progress that is not committed to it, and committed work whose stage does not fit
//! the sprint's kind (stage one in a refinement sprint, stage two in a delivery sprint).

use crate::model::{Board, ItemId, Sprint, SprintKind, Stage, Track};

/// Committed points against the points a target gives one part of the sprint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Room {
    /// The part's share of the sprint's capacity, in points (rounded to the nearest point).
    pub target: u32,
    pub committed: u32,
}

impl Room {
    /// Points left (negative: over by that many).
    pub fn left(&self) -> i64 {
        i64::from(self.target) - i64::from(self.committed)
    }

    /// "9 pt left", "no room left", "over by 3 pt".
    pub fn words(&self) -> String {
        match self.left() {
            0 => "no room left".to_owned(),
            n if n > 0 => format!("{n} pt left"),
            n => format!("over by {} pt", n.unsigned_abs()),
        }
    }

    /// The room of a named part, as a sentence's end: "9 pt of stage-two room left", "no
    /// stage-two room left", "stage two over its room by 3 pt".
    pub fn of_part(&self, part: &str) -> String {
        let hyphenated = part.replace(' ', "-");
        match self.left() {
            0 => format!("no {hyphenated} room left"),
            n if n > 0 => format!("{n} pt of {hyphenated} room left"),
            n => format!("{part} over its room by {} pt", n.unsigned_abs()),
        }
    }
}

/// The open sprint's room and what does not fit it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SprintRoom {
    pub kind: SprintKind,
    pub capacity: u32,
    pub stage_one: Room,
    pub stage_two: Room,
    pub discovery: Room,
    pub delivery: Room,
    /// The sprint's goal, if it has one.
    pub goal: Option<String>,
    /// Work in progress not committed to the sprint: items in a column that is neither the
    /// first of its track (not started) nor a done column, board order.
    pub outside: Vec<ItemId>,
    /// Committed items whose stage does not fit the sprint's kind, board order.
    pub mismatched: Vec<ItemId>,
}

impl SprintRoom {
    /// The open sprint's room, or `None` while no sprint is open.
    pub fn of(board: &Board) -> Option<SprintRoom> {
        let sprint = board.current_sprint()?;
        Some(Self::of_sprint(board, sprint))
    }

    fn of_sprint(board: &Board, sprint: &Sprint) -> SprintRoom {
        let targets = sprint.targets(&board.capacity);
        let share = |percent: u8| (u64::from(sprint.capacity) * u64::from(percent) + 50) / 100;
        let stage_two = u32::try_from(share(targets.stage_two)).unwrap_or(sprint.capacity);
        let discovery = u32::try_from(share(targets.discovery)).unwrap_or(sprint.capacity);
        let kind = sprint.kind();
        let mut room = SprintRoom {
            kind,
            capacity: sprint.capacity,
            stage_one: Room { target: sprint.capacity.saturating_sub(stage_two), committed: 0 },
            stage_two: Room { target: stage_two, committed: 0 },
            discovery: Room { target: discovery, committed: 0 },
            delivery: Room { target: sprint.capacity.saturating_sub(discovery), committed: 0 },
            goal: sprint.goal.clone(),
            outside: Vec::new(),
            mismatched: Vec::new(),
        };
        for item in board.items() {
            if !sprint.holds(item) {
                if in_progress(board, item.track, &item.column) {
                    room.outside.push(item.id);
                }
                continue;
            }
            let points = item.estimate.unwrap_or(0);
            let add = |room: &mut Room| room.committed = room.committed.saturating_add(points);
            add(match item.stage {
                Stage::One => &mut room.stage_one,
                Stage::Two => &mut room.stage_two,
            });
            add(match item.track {
                Track::Discovery => &mut room.discovery,
                Track::Delivery => &mut room.delivery,
            });
            if !kind.takes(item.track, item.stage) {
                room.mismatched.push(item.id);
            }
        }
        room
    }

    /// The stage whose work does not fit this sprint (`None` for a split sprint).
    pub fn misfit_stage(&self) -> Option<Stage> {
        match self.kind {
            SprintKind::Split => None,
            SprintKind::Delivery => Some(Stage::Two),
            SprintKind::Refinement => Some(Stage::One),
        }
    }
}

/// Whether a column holds work in progress: started (not its track's first column) and not done.
pub fn in_progress(board: &Board, track: Track, column: &str) -> bool {
    let columns = &board.track(track).columns;
    columns.iter().position(|c| c.id == column).is_some_and(|at| at > 0 && !columns[at].done)
}

#[cfg(test)]
#[path = "room_tests.rs"]
mod tests;
