//! Sprint planning as user requests turned into edits: start a sprint, commit items to it or
//! take them back to the backlog (closing one is `closing.rs`). Each is one undoable step.

use chrono::{Days, NaiveDate};

use super::cadence::{self, CadenceError};
use super::dates;
use crate::domain::change::{Edit, ItemChange, Op, OpError};
use crate::model::{Board, ItemId, Model, Sprint, SprintKind, Stage, Timestamp};
use crate::words::id_list;

/// Why a sprint cannot be started, changed or closed, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SprintError {
    #[error("no sprint is open; start one first")]
    NoOpenSprint,
    #[error("sprint \"{0}\" is still open; close it before starting another")]
    SprintOpen(String),
    #[error("there is already a sprint called \"{0}\"; sprint names are unique on a board")]
    SprintNameTaken(String),
    #[error("a sprint needs a name")]
    EmptySprintName,
    #[error("there is no sprint called \"{0}\"")]
    NoSuchSprint(String),
    #[error("a sprint cannot end ({end}) before it starts ({start})")]
    EndBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("#{id} is committed to the closed sprint \"{sprint}\", not to the open one")]
    InClosedSprint { id: ItemId, sprint: String },
    #[error("the board has no sprints yet; start one first")]
    NoSprints,
    #[error("sprint \"{sprint}\" runs until {end}; start the next one on {next} or later")]
    Overlaps { sprint: String, end: NaiveDate, next: NaiveDate },
    #[error(
        "#{id} is not unfinished work of sprint \"{sprint}\", so it cannot go to the backlog at its close"
    )]
    NotUnfinished { id: ItemId, sprint: String },
    #[error(transparent)]
    Cadence(#[from] CadenceError),
    #[error(transparent)]
    Op(#[from] OpError),
}

/// What a new sprint is to be (`..NewSprint::default()` leaves the cadence and goal to the
/// defaults).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewSprint {
    /// None: the default name of its kind (`cadence::default_name`).
    pub name: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub capacity: u32,
    pub model: Model,
    /// Cycle and stage models: the sprint's stage (default: what the cadence says next).
    pub stage: Option<Stage>,
    /// Cycle model: delivery sprints before each refinement sprint, 1 to 9 (default 1).
    pub delivery_sprints: Option<u8>,
    /// What the sprint is for, in one line.
    pub goal: Option<String>,
}

/// How long a sprint is when nothing says otherwise: two weeks.
pub const DEFAULT_DAYS: u32 = 14;

/// What a new sprint takes from the board's last sprint unless told otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub model: Model,
    pub delivery_sprints: Option<u8>,
    pub capacity: u32,
    /// Its length in days, the first day included.
    pub days: u32,
}

/// The last sprint's model, cycle, capacity and length; on a board without sprints the split,
/// the board's capacity and [`DEFAULT_DAYS`].
pub fn defaults(board: &Board) -> Defaults {
    match board.sprints.iter().max_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name))) {
        Some(last) => Defaults {
            model: last.model,
            delivery_sprints: last.delivery_sprints,
            capacity: last.capacity,
            days: dates::length(last),
        },
        None => Defaults {
            model: Model::Split,
            delivery_sprints: None,
            capacity: board.capacity.points,
            days: DEFAULT_DAYS,
        },
    }
}

/// Starts a sprint; no other may be open.
pub fn start(board: &Board, new: NewSprint) -> Result<Op, SprintError> {
    if let Some(open) = board.current_sprint() {
        return Err(SprintError::SprintOpen(open.name.clone()));
    }
    let sprint = checked(&board.sprints, new)?;
    if let Some(last) = board.sprints.iter().filter(|s| s.end >= sprint.start).max_by_key(|s| s.end) {
        let next = last.end.checked_add_days(Days::new(1)).unwrap_or(last.end);
        return Err(SprintError::Overlaps { sprint: last.name.clone(), end: last.end, next });
    }
    let summary = format!("started {}", described(&sprint));
    Ok(Op { edit: Edit::SetSprint { name: sprint.name.clone(), sprint: Some(Box::new(sprint)) }, summary })
}

/// `sprint "Delivery 3" (2026-11-16 to 2026-11-29, 14 days, 30 points, delivery sprint, 3:1
/// cycle); goal: …`: a new sprint as a start or a close says it.
pub(super) fn described(sprint: &Sprint) -> String {
    let goal = sprint.goal.as_ref().map(|g| format!("; goal: {g}")).unwrap_or_default();
    format!(
        "sprint \"{}\" ({} to {}, {} days, {} points, {}){goal}",
        sprint.name,
        sprint.start,
        sprint.end,
        dates::length(sprint),
        sprint.capacity,
        sprint.model_label()
    )
}

/// The sprint `new` describes, after checking its name, dates and cadence; its stage and
/// default name follow the cadence over the board's `sprints`.
pub(super) fn checked(sprints: &[Sprint], new: NewSprint) -> Result<Sprint, SprintError> {
    if new.end < new.start {
        return Err(SprintError::EndBeforeStart { start: new.start, end: new.end });
    }
    let n = new.delivery_sprints.map(cadence::checked_delivery_sprints).transpose()?.unwrap_or(1);
    let stage = cadence::next_stage(sprints, new.model, n, new.stage);
    let name = match new.name {
        Some(name) => one_line(&name).ok_or(SprintError::EmptySprintName)?,
        None => cadence::default_name(sprints, SprintKind::of(new.model, stage)),
    };
    if sprints.iter().any(|s| s.name == name) {
        return Err(SprintError::SprintNameTaken(name));
    }
    Ok(Sprint {
        name,
        start: new.start,
        end: new.end,
        capacity: new.capacity,
        model: new.model,
        stage,
        // Absent for the 1:1 cycle, so such sprints are written as before cycles of N:1.
        delivery_sprints: (new.model == Model::Cycle && n != 1).then_some(n),
        goal: new.goal.as_deref().and_then(one_line),
        figures: None,
    })
}

/// `text` on one line, its runs of white space and control characters made one space; None
/// when nothing is left.
fn one_line(text: &str) -> Option<String> {
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Commits items to the open sprint; items already in it are left as they are.
pub fn commit(board: &Board, ids: &[ItemId], now: Timestamp) -> Result<Op, SprintError> {
    let sprint = board.current_sprint().ok_or(SprintError::NoOpenSprint)?;
    let mut edits = Vec::new();
    let mut added_points = 0u32;
    for &id in ids {
        let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
        if !sprint.holds(item) && !edits.iter().any(|e: &Edit| e.subject() == Some(id)) {
            added_points = added_points.saturating_add(item.estimate.unwrap_or(0));
            edits.push(set_sprint(id, Some(sprint.name.clone()), now));
        }
    }
    let committed: u32 = board
        .items()
        .iter()
        .filter(|it| sprint.holds(it))
        .map(|it| it.estimate.unwrap_or(0))
        .fold(added_points, u32::saturating_add);
    let load = format!("{committed} of {} points committed", sprint.capacity);
    let summary = match edits.as_slice() {
        [] => format!("{} already in sprint \"{}\" ({load})", id_list(ids), sprint.name),
        _ => format!("committed {} to sprint \"{}\" ({load})", subjects(&edits), sprint.name),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// Takes items out of the open sprint, back to the backlog.
pub fn uncommit(board: &Board, ids: &[ItemId], now: Timestamp) -> Result<Op, SprintError> {
    let sprint = board.current_sprint();
    let mut edits = Vec::new();
    for &id in ids {
        let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
        match (&item.sprint, sprint) {
            (None, _) => {}
            (Some(name), Some(open)) if *name == open.name => {
                if !edits.iter().any(|e: &Edit| e.subject() == Some(id)) {
                    edits.push(set_sprint(id, None, now));
                }
            }
            (Some(name), _) => return Err(SprintError::InClosedSprint { id, sprint: name.clone() }),
        }
    }
    let summary = match edits.as_slice() {
        [] => format!("{} not committed to a sprint", id_list(ids)),
        _ => format!("{} back in the backlog", subjects(&edits)),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

pub(super) fn set_sprint(id: ItemId, sprint: Option<String>, at: Timestamp) -> Edit {
    Edit::Change { id, change: Box::new(ItemChange { sprint: Some(sprint), ..ItemChange::default() }), at }
}

fn subjects(edits: &[Edit]) -> String {
    id_list(&edits.iter().filter_map(Edit::subject).collect::<Vec<_>>())
}

#[cfg(test)]
#[path = "planning_tests.rs"]
mod tests;
