//! The retrospective (`twotrack retro`, the `R` screen; docs/guide/rhythm.md, "Retrospective"):
//! over the last N closed sprints, whether the balance was right, where debt grows fastest,
//! where the capacity went, how discovery ended, what debt drags, and the stage-two target
//! proposed for the next sprints. Open retro actions head it until done. Pure: a function of the
//! board and `now`.

mod areas;
mod doc;
pub mod ratio;

pub use self::areas::{Area, AreaKind};
pub use self::ratio::{DebtLevel, Proposal};

use crate::domain::dual_track::discovery_success::{self, Period};
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::figures;
use crate::domain::two_stage::debt;
use crate::domain::two_stage::drag::{self, Drag};
use crate::model::{Board, Figures, Item, Kind, Sprint, Timestamp};

/// How many closed sprints a retrospective looks back on unless told.
pub const LAST: usize = 3;

/// Why there is no retrospective to show.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RetroError {
    #[error("--last counts the sprints to look back on, so it is 1 or more")]
    NoSprintsAsked,
    #[error("no sprint has closed yet, and a retrospective looks back on closed sprints")]
    NothingClosed,
    #[error("there is no sprint called \"{0}\"")]
    NoSuchSprint(String),
    #[error("sprint \"{0}\" is still open; a retrospective looks back on closed sprints")]
    StillOpen(String),
}

/// A retrospective: what it found, and the document it is shown as.
#[derive(Clone, Debug, PartialEq)]
pub struct Retro<'b> {
    /// The closed sprints looked back on, oldest first, with their recorded figures.
    pub sprints: Vec<(&'b Sprint, &'b Figures)>,
    /// From the window start of the first sprint to the close of the last.
    pub from: Timestamp,
    pub to: Timestamp,
    /// Open retro actions (kind `action`), oldest first, and those done within the span.
    pub open_actions: Vec<&'b Item>,
    pub done_actions: Vec<&'b Item>,
    /// Debt by area within the span, worst first.
    pub areas: Vec<Area>,
    pub discovery: discovery_success::Figures,
    pub drag: Drag,
    /// `None` when nothing was done in the span (no velocity).
    pub proposal: Option<Proposal>,
    pub doc: Doc,
}

/// The retrospective of the `last` closed sprints up to the one called `name` (else the last
/// closed sprint).
pub fn retro<'b>(
    board: &'b Board,
    name: Option<&str>,
    last: usize,
    now: Timestamp,
) -> Result<Retro<'b>, RetroError> {
    if last == 0 {
        return Err(RetroError::NoSprintsAsked);
    }
    let closed: Vec<(&Sprint, &Figures)> = board.closed_sprints().collect();
    let end = match name {
        Some(name) => {
            let sprint = board.sprint(name).ok_or_else(|| RetroError::NoSuchSprint(name.to_owned()))?;
            closed
                .iter()
                .position(|(s, _)| s.name == sprint.name)
                .ok_or_else(|| RetroError::StillOpen(name.to_owned()))?
        }
        None => closed.len().checked_sub(1).ok_or(RetroError::NothingClosed)?,
    };
    let sprints = closed[end.saturating_sub(last - 1)..=end].to_vec();
    let (first, (_, closing)) = (sprints[0].0, sprints[sprints.len() - 1]);
    let (from, to) = (figures::window_start(board, first), closing.closed);
    let is_open = |it: &&Item| !board.is_done_column(it.track, &it.column);
    let actions = || board.items().iter().filter(|it| it.kind == Kind::Action);
    let mut open_actions: Vec<&Item> = actions().filter(is_open).collect();
    open_actions.sort_by_key(|it| (it.created, it.id));
    let done_actions =
        actions().filter(|it| !is_open(it) && it.finished.is_some_and(|f| f >= from && f <= now)).collect();
    let mut retro = Retro {
        from,
        to,
        open_actions,
        done_actions,
        areas: areas::areas(board, from, to),
        discovery: discovery_success::figures(board, Period { start: from, end: to }, to.date_naive()),
        drag: drag::drag(board, now),
        proposal: ratio::propose(level(board, &sprints, now), board.capacity.stage_two_share),
        sprints,
        doc: Doc::default(),
    };
    retro.doc = doc::write(board, &retro, now);
    Ok(retro)
}

/// The debt level the proposal is computed from: open debt now, and the velocity and net debt
/// growth per sprint recorded by the sprints' closes.
pub fn level(board: &Board, sprints: &[(&Sprint, &Figures)], now: Timestamp) -> DebtLevel {
    let n = i64::try_from(sprints.len().max(1)).unwrap_or(1);
    let done: i64 = sprints.iter().map(|(_, f)| i64::from(f.done.total)).sum();
    let growth: i64 =
        sprints.iter().map(|(_, f)| i64::from(f.debt_created.points) - i64::from(f.debt_repaid.points)).sum();
    DebtLevel {
        open_debt: debt::register(board, now).total_cost,
        velocity: u32::try_from((done + n / 2) / n).unwrap_or(0),
        growth: (growth as f64 / n as f64).round() as i64,
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
