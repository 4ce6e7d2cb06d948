//! Closing the open sprint as one undoable step: its figures recorded, its last day made the
//! close's day when it closes early, each unfinished item sent on to the next sprint or back to
//! the backlog, and the next sprint started the day after (docs/guide/rhythm.md, "Closing a
//! sprint"), its model, cadence and capacity as the facilitator chose.

use chrono::{Days, NaiveDate};

use super::cadence::{self, Mismatch};
use super::dates::{self, End};
use super::figures;
use super::planning::{self, NewSprint, SprintError};
use crate::domain::change::{Edit, Op};
use crate::model::{Board, ItemId, Model, Rollover, Sprint, Stage, Timestamp};

/// How the next sprint differs from the closed one. By default it has the next name of its
/// kind, the same length, capacity and model (for the cycle, the stage its cadence says next).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Next {
    pub name: Option<String>,
    pub end: Option<End>,
    pub capacity: Option<u32>,
    pub model: Option<Model>,
    /// Cycle model: delivery sprints before each refinement sprint (default: the closed one's).
    pub delivery_sprints: Option<u8>,
    /// Cycle and stage models: the next sprint's stage (default: what the cadence says).
    pub stage: Option<Stage>,
    pub goal: Option<String>,
    /// Unfinished items that go back to the backlog whatever the rollover says.
    pub backlog: Vec<ItemId>,
}

/// What a close would do, before it is done: the close form shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlook {
    /// The closed sprint's last day (the close's day when it closes early).
    pub last_day: NaiveDate,
    /// The next sprint as it would start.
    pub next: Sprint,
    /// Unfinished items sent on that are work of the other stage than the next sprint's.
    pub mismatched: Vec<Mismatch>,
}

/// Closes the open sprint at `now`: records its figures, sends its unfinished items on to the
/// next sprint (unless `rollover` or `next.backlog` send them to the backlog), and starts it.
pub fn close(board: &Board, rollover: Rollover, next: Next, now: Timestamp) -> Result<Op, SprintError> {
    let sprint = board.current_sprint().ok_or(SprintError::NoOpenSprint)?;
    let mut figures = figures::record(board, sprint, rollover, now);
    if let Some(stray) = next.backlog.iter().find(|id| !figures.rolled_over.contains(id)) {
        return Err(SprintError::NotUnfinished { id: *stray, sprint: sprint.name.clone() });
    }
    if rollover == Rollover::Next {
        figures.to_backlog =
            figures.rolled_over.iter().copied().filter(|id| next.backlog.contains(id)).collect();
    }
    let outlook = outlook(board, sprint, rollover, &next, now)?;
    let mut closed = sprint.clone();
    closed.end = outlook.last_day;
    closed.figures = Some(figures.clone());
    let name = outlook.next.name.clone();
    let goes_on = |id: &ItemId| rollover == Rollover::Next && !figures.to_backlog.contains(id);
    let mut edits = vec![Edit::SetSprint { name: closed.name.clone(), sprint: Some(Box::new(closed)) }];
    edits.extend(figures.rolled_over.iter().map(|id| {
        let target = goes_on(id).then(|| name.clone());
        planning::set_sprint(*id, target, now)
    }));
    let started = planning::described(&outlook.next);
    edits.push(Edit::SetSprint { name: name.clone(), sprint: Some(Box::new(outlook.next)) });
    let on = figures.rolled_over.iter().filter(|id| goes_on(id)).count();
    let back = figures.rolled_over.len() - on;
    let moved = match (on, back) {
        (0, 0) => "nothing to roll over".to_owned(),
        (on, 0) => format!("{on} unfinished rolled over to \"{name}\""),
        (0, back) => format!("{back} unfinished back to the backlog"),
        (on, back) => format!("{on} unfinished rolled over to \"{name}\", {back} back to the backlog"),
    };
    let warnings: String = outlook.mismatched.iter().map(|m| format!("; {m}")).collect();
    let summary = format!(
        "closed sprint \"{}\" on {}: {} of {} points done, stage two {}% (target {}%); {moved}; started {started}{warnings}",
        sprint.name,
        outlook.last_day,
        figures.done.total,
        figures.committed.total,
        figures.stage_two_share,
        figures.target_stage_two
    );
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// What closing `sprint` at `now` would do: its last day, the next sprint, and the unfinished
/// items sent on into a sprint for the other stage.
pub fn outlook(
    board: &Board,
    sprint: &Sprint,
    rollover: Rollover,
    next: &Next,
    now: Timestamp,
) -> Result<Outlook, SprintError> {
    let today = now.date_naive();
    // Early: the sprint ends today. On time or late: it keeps its last day.
    let last_day = today.min(sprint.end).max(sprint.start);
    // The day after the close, or today when the sprint ended before (the gap stays a gap).
    let start = last_day.checked_add_days(Days::new(1)).unwrap_or(last_day).max(today);
    let model = next.model.unwrap_or(sprint.model);
    let delivery_sprints = next.delivery_sprints.or(sprint.delivery_sprints);
    let new = NewSprint {
        name: next.name.clone(),
        start,
        end: next.end.unwrap_or(End::Days(dates::length(sprint))).from(start),
        capacity: next.capacity.unwrap_or(sprint.capacity),
        model,
        stage: next.stage,
        delivery_sprints,
        goal: next.goal.clone(),
    };
    // Checked against the board's sprints as they are: the closed one keeps its name and kind.
    let following = planning::checked(&board.sprints, new)?;
    let mismatched = board
        .items()
        .iter()
        .filter(|it| sprint.holds(it) && !board.is_done_column(it.track, &it.column))
        .filter(|it| rollover == Rollover::Next && !next.backlog.contains(&it.id))
        .filter_map(|it| cadence::mismatch(it, &following))
        .collect();
    Ok(Outlook { last_day, next: following, mismatched })
}
