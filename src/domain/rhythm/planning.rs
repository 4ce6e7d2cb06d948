//! Sprint planning as user requests turned into edits: start a sprint, commit items to it or
//! take them back to the backlog, close it (recording its figures, rolling unfinished items over
//! and starting the next one). Each is one undoable step.

use chrono::{Days, NaiveDate};

use super::figures;
use crate::domain::change::{Edit, ItemChange, Op, OpError};
use crate::model::{Board, ItemId, Model, Rollover, Sprint, Stage, Timestamp};

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
    #[error(transparent)]
    Op(#[from] OpError),
}

/// What a new sprint is to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSprint {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub capacity: u32,
    pub model: Model,
    /// Alternating model: the sprint's stage (default stage one).
    pub stage: Option<Stage>,
}

/// Starts a sprint; no other may be open.
pub fn start(board: &Board, new: NewSprint) -> Result<Op, SprintError> {
    if let Some(open) = board.current_sprint() {
        return Err(SprintError::SprintOpen(open.name.clone()));
    }
    let sprint = checked(board, new)?;
    let summary = format!(
        "started sprint \"{}\" ({} to {}, {} points, {})",
        sprint.name,
        sprint.start,
        sprint.end,
        sprint.capacity,
        sprint.model_label()
    );
    Ok(Op { edit: Edit::SetSprint { name: sprint.name.clone(), sprint: Some(Box::new(sprint)) }, summary })
}

/// The sprint `new` describes, after checking its name and dates.
fn checked(board: &Board, new: NewSprint) -> Result<Sprint, SprintError> {
    let name = new.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(SprintError::EmptySprintName);
    }
    if board.sprint(&name).is_some() {
        return Err(SprintError::SprintNameTaken(name));
    }
    if new.end < new.start {
        return Err(SprintError::EndBeforeStart { start: new.start, end: new.end });
    }
    let stage = match new.model {
        Model::Split => None,
        Model::Cycle | Model::Stage => Some(new.stage.unwrap_or(Stage::One)),
    };
    Ok(Sprint {
        name,
        start: new.start,
        end: new.end,
        capacity: new.capacity,
        model: new.model,
        stage,
        delivery_sprints: None,
        goal: None,
        figures: None,
    })
}

/// The name after `name`: its trailing number plus one ("Sprint 14" → "Sprint 15"), else
/// `name 2`; never a name the board already has.
pub fn next_name(board: &Board, name: &str) -> String {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, number) = name.split_at(name.len() - digits);
    let (stem, mut n) = match number.parse::<u64>() {
        Ok(n) => (stem.to_owned(), n.saturating_add(1)),
        Err(_) => (format!("{name} "), 2),
    };
    loop {
        // Keep leading zeros ("W07" → "W08").
        let candidate = format!("{stem}{n:0digits$}");
        if board.sprint(&candidate).is_none() {
            return candidate;
        }
        n = n.saturating_add(1);
    }
}

/// The name a first sprint gets: "Sprint 1", or after the last sprint's name.
pub fn suggested_name(board: &Board) -> String {
    match board.sprints.last() {
        Some(last) => next_name(board, &last.name),
        None => next_name(board, "Sprint 0"),
    }
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

/// Commits the item to the open sprint, or takes it out when it is already in it.
pub fn toggle(board: &Board, id: ItemId, now: Timestamp) -> Result<Op, SprintError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if board.in_current_sprint(item) { uncommit(board, &[id], now) } else { commit(board, &[id], now) }
}

fn set_sprint(id: ItemId, sprint: Option<String>, at: Timestamp) -> Edit {
    Edit::Change { id, change: Box::new(ItemChange { sprint: Some(sprint), ..ItemChange::default() }), at }
}

fn id_list(ids: &[ItemId]) -> String {
    ids.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(", ")
}

fn subjects(edits: &[Edit]) -> String {
    id_list(&edits.iter().filter_map(Edit::subject).collect::<Vec<_>>())
}

/// How the next sprint differs from the closed one (by default: the next name, the same length
/// and capacity, and for the alternating model the other stage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Next {
    pub name: Option<String>,
    pub end: Option<NaiveDate>,
    pub capacity: Option<u32>,
}

/// Closes the open sprint at `now`: records its figures, sends its unfinished items to the next
/// sprint or the backlog, and starts the next sprint.
pub fn close(board: &Board, rollover: Rollover, next: Next, now: Timestamp) -> Result<Op, SprintError> {
    let sprint = board.current_sprint().ok_or(SprintError::NoOpenSprint)?;
    let figures = figures::record(board, sprint, rollover, now);
    let mut closed = sprint.clone();
    closed.figures = Some(figures.clone());
    let mut scratch = board.clone();
    scratch.put_sprint(&sprint.name, Some(closed.clone()));
    let following = following(&scratch, sprint, next, now)?;
    let mut edits = vec![Edit::SetSprint { name: closed.name.clone(), sprint: Some(Box::new(closed)) }];
    let target = match rollover {
        Rollover::Next => Some(following.name.clone()),
        Rollover::Backlog => None,
    };
    edits.extend(figures.rolled_over.iter().map(|id| set_sprint(*id, target.clone(), now)));
    let name = following.name.clone();
    edits.push(Edit::SetSprint { name: name.clone(), sprint: Some(Box::new(following)) });
    let moved = match (figures.rolled_over.len(), rollover) {
        (0, _) => "nothing to roll over".to_owned(),
        (n, Rollover::Next) => format!("{n} unfinished rolled over to \"{name}\""),
        (n, Rollover::Backlog) => format!("{n} unfinished back to the backlog"),
    };
    let summary = format!(
        "closed sprint \"{}\": {} of {} points done, stage two {}% (target {}%); {moved}; started \"{name}\"",
        sprint.name,
        figures.done.total,
        figures.committed.total,
        figures.stage_two_share,
        figures.target_stage_two
    );
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// The sprint that follows `closed`: from the day after its end when closed on its last day,
/// else from today; as long as it was.
fn following(board: &Board, closed: &Sprint, next: Next, now: Timestamp) -> Result<Sprint, SprintError> {
    let today = now.date_naive();
    let start =
        if today == closed.end { today.checked_add_days(Days::new(1)).unwrap_or(today) } else { today };
    let length = (closed.end - closed.start).num_days().max(0).unsigned_abs();
    let end = next.end.unwrap_or_else(|| start.checked_add_days(Days::new(length)).unwrap_or(start));
    let stage = match closed.model {
        Model::Split => None,
        Model::Cycle | Model::Stage => Some(closed.stage.unwrap_or(Stage::One).other()),
    };
    checked(
        board,
        NewSprint {
            name: next.name.unwrap_or_else(|| next_name(board, &closed.name)),
            start,
            end,
            capacity: next.capacity.unwrap_or(closed.capacity),
            model: closed.model,
            stage,
        },
    )
}

#[cfg(test)]
#[path = "planning_tests.rs"]
mod tests;
