//! The sprint review (`twotrack report`): a document made of sections, each a function of the
//! sprint under review. Other capabilities add their sections to [`SECTIONS`], one line each;
//! those that write their own text (initiatives, evidence) are added by the command line over
//! the review's [`Review::from`]..[`Review::to`] window.

mod anticipated;
mod drag;
mod forced;
mod sections;
mod shipped;

pub use self::shipped::NOT_RECORDED;

use crate::domain::rhythm::doc::{Doc, Section};
use crate::domain::rhythm::figures;
use crate::domain::rhythm::planning::SprintError;
use crate::model::{Board, Figures, ItemId, Rollover, Sprint, Timestamp};
use crate::words::id_list;

/// What a section is written from.
pub struct Context<'b> {
    pub board: &'b Board,
    pub sprint: &'b Sprint,
    /// The recorded figures of a closed sprint, or an open sprint's as of now.
    pub figures: Figures,
    /// Whether `figures` were recorded at the close (else they are as of now).
    pub closed: bool,
    /// The sprint's window: from its start (or the previous close) to its close (or now).
    pub from: Timestamp,
    pub to: Timestamp,
    pub now: Timestamp,
    /// The closed sprints up to and including this one, oldest first, for trends.
    pub history: Vec<(&'b Sprint, Figures)>,
}

impl Context<'_> {
    /// `#7 Title, #9 Title`: the items as recorded at the close; bare ids when the close did
    /// not record them (never today's titles presented as then).
    pub fn named(&self, ids: &[ItemId]) -> String {
        let Some(at_close) = &self.figures.at_close else {
            return id_list(ids);
        };
        let name = |id: &ItemId| match at_close.items.iter().find(|it| it.id == *id) {
            Some(item) => item.label(),
            None => format!("#{id}"),
        };
        ids.iter().map(name).collect::<Vec<_>>().join(", ")
    }

    /// A repaid debt item: `#21 Title (3 pt, high)`, as recorded at the close, else as the
    /// board has it now.
    pub fn debt_line(&self, id: ItemId) -> String {
        let recorded = self.figures.at_close.as_ref().and_then(|a| a.items.iter().find(|it| it.id == id));
        let (title, estimate, severity) = match (recorded, self.board.item(id)) {
            (Some(it), _) => (it.title.clone(), it.estimate, it.severity),
            (None, Some(it)) => (it.title.clone(), it.estimate, it.severity),
            (None, None) => return format!("#{id} (deleted since)"),
        };
        let severity = severity.map(|s| format!(", {s}")).unwrap_or_default();
        let points = estimate.map_or_else(|| "unestimated".to_owned(), |e| format!("{e} pt"));
        format!("#{id} {title} ({points}{severity})")
    }
}

/// A section of the review: `None` when it has nothing to say.
pub type SectionFn = fn(&Context) -> Option<Section>;

/// The review's sections, in order.
pub const SECTIONS: &[SectionFn] = &[
    shipped::shipped,
    shipped::bought,
    sections::figures,
    forced::forced_done,
    anticipated::more_debt_than_anticipated,
    sections::trend,
    sections::debt_repaid,
    sections::discovery_outcomes,
    sections::initiatives_at_close,
    drag::drag,
];

/// How many sprints the trend covers.
pub const TREND_SPRINTS: usize = 8;

/// A sprint review: the document, and the window it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub doc: Doc,
    /// The sprint's window: from its start (or the previous close) to its close (or now).
    pub from: Timestamp,
    pub to: Timestamp,
    /// The sprint's name.
    pub sprint: String,
    /// The figures it was written from: recorded at the close, or as of now while open.
    pub figures: Figures,
    /// Whether `figures` were recorded at the close.
    pub closed: bool,
}

/// The review of the sprint called `name`, else of the last closed sprint, else of the open one.
pub fn report(board: &Board, name: Option<&str>, now: Timestamp) -> Result<Review, SprintError> {
    let sprint = match name {
        Some(name) => board.sprint(name).ok_or_else(|| SprintError::NoSuchSprint(name.to_owned()))?,
        None => match board.closed_sprints().last() {
            Some((sprint, _)) => sprint,
            None => board.current_sprint().ok_or(SprintError::NoSprints)?,
        },
    };
    let (figures, closed) = match &sprint.figures {
        Some(recorded) => (recorded.clone(), true),
        None => (figures::record(board, sprint, Rollover::Next, now), false),
    };
    let mut history: Vec<(&Sprint, Figures)> = board
        .closed_sprints()
        .filter(|(s, _)| s.start <= sprint.start && s.name != sprint.name)
        .map(|(s, f)| (s, f.clone()))
        .collect();
    history.push((sprint, figures.clone()));
    let keep = history.len().saturating_sub(TREND_SPRINTS);
    history.drain(..keep);
    let context = Context {
        board,
        sprint,
        from: figures::window_start(board, sprint),
        to: figures.closed,
        figures,
        closed,
        now,
        history,
    };
    let mut intro = vec![format!(
        "{} to {} · {} · capacity {} points",
        sprint.start,
        sprint.end,
        sprint.model_label(),
        sprint.capacity
    )];
    intro.extend(sprint.goal.as_ref().map(|goal| format!("Sprint goal: {goal}")));
    intro.push(match closed {
        true => {
            format!("Closed {}; these figures were recorded then.", context.to.format("%Y-%m-%d %H:%M UTC"))
        }
        false => format!(
            "Still open: figures as of {}; they are recorded when the sprint closes.",
            now.format("%Y-%m-%d %H:%M UTC")
        ),
    });
    let doc = Doc {
        title: format!("Sprint review: {} ({})", sprint.name, board.name),
        intro,
        sections: SECTIONS.iter().filter_map(|section| section(&context)).collect(),
    };
    Ok(Review {
        doc,
        sprint: sprint.name.clone(),
        from: context.from,
        to: context.to,
        figures: context.figures,
        closed,
    })
}
