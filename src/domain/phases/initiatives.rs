//! What users ask of phased delivery, turned into exact edits: create and edit initiatives,
//! put an item into an initiative and phase, and record the decision at a phase boundary (a
//! stop also drops its open items or moves them to the backlog, in the same undoable step).

use super::progress::Progress;
use crate::domain::change::initiative_edit::{InitiativeChange, InitiativeEdit};
use crate::domain::change::placement::place_at_end;
use crate::domain::change::{Edit, ItemChange, Op, OpError};
use crate::model::initiative::{slug, valid_id};
use crate::model::lanes::Lanes;
use crate::model::{
    Board, Boundary, Criteria, Decision, Initiative, Item, ItemId, OpenItems, Phase, Stage, Status,
    Timestamp, Verdict,
};
use crate::words::count;

/// A phased-delivery request that cannot be carried out, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhasedError {
    #[error("there is no initiative `{text}` ({known})")]
    Unknown { text: String, known: String },
    #[error("an initiative needs a name")]
    EmptyName,
    #[error("there is already an initiative `{0}`; give the new one another id")]
    IdTaken(String),
    #[error("`{0}` cannot be an initiative id: use lower-case letters, digits, `-` or `_`, like `checkout`")]
    BadId(String),
    #[error("a decision needs a review note: what worked and what didn't")]
    NoReview,
    #[error("a pivot needs a plan note saying how the next phase changes")]
    PivotWithoutPlan,
    #[error(
        "stopping `{id}` leaves {}: say whether to drop them or move them to the backlog",
        count(*open, "open item")
    )]
    StopWithoutChoice { id: String, open: usize },
    #[error("initiative `{id}` is {status}; decisions are recorded for active or paused initiatives")]
    Closed { id: String, status: Status },
    #[error(
        "initiative `{0}` is stopped by a decision at a boundary (stop), which says what happens to its \
         open items"
    )]
    StopByDecision(String),
    #[error("initiative `{id}` is {status}; make it active again before adding work to it")]
    NotTakingWork { id: String, status: Status },
    #[error(transparent)]
    Op(#[from] OpError),
    #[error("#{0} belongs to no initiative; name one to give it a phase")]
    NoInitiative(ItemId),
}

/// The initiative a user names: by id or by name, ignoring case.
pub fn find<'b>(board: &'b Board, text: &str) -> Result<&'b Initiative, PhasedError> {
    let wanted = text.trim().trim_start_matches('%').to_lowercase();
    board
        .initiatives()
        .iter()
        .find(|it| it.id == wanted)
        .or_else(|| board.initiatives().iter().find(|it| it.name.to_lowercase() == wanted))
        .ok_or_else(|| PhasedError::Unknown {
            text: text.trim().to_owned(),
            known: match board.initiatives() {
                [] => "the board has none yet".to_owned(),
                all => {
                    let ids: Vec<&str> = all.iter().map(|it| it.id.as_str()).collect();
                    format!("the initiatives are {}", ids.join(", "))
                }
            },
        })
}

/// What a user gives to create an initiative.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewInitiative {
    pub name: String,
    /// Made from the name when not given.
    pub id: Option<String>,
    pub description: String,
    pub criteria: Criteria,
}

/// Lines trimmed, empty ones left out.
pub fn clean_lines<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    lines.iter().map(|l| l.as_ref().trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

fn clean_criteria(criteria: &Criteria) -> Criteria {
    Criteria {
        mvp: clean_lines(&criteria.mvp),
        enhancement: clean_lines(&criteria.enhancement),
        polish: clean_lines(&criteria.polish),
    }
}

fn clean_name(name: &str) -> Result<String, PhasedError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() { Err(PhasedError::EmptyName) } else { Ok(name) }
}

/// Creates an active initiative; its id is the one given, else made from the name (with `-2`,
/// `-3`, ... when taken).
pub fn create(board: &Board, new: NewInitiative) -> Result<Op, PhasedError> {
    let name = clean_name(&new.name)?;
    let id = match new.id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) if !valid_id(id) => return Err(PhasedError::BadId(id.to_owned())),
        Some(id) if board.initiative(id).is_some() => return Err(PhasedError::IdTaken(id.to_owned())),
        Some(id) => id.to_owned(),
        None => {
            let base = slug(&name);
            (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| board.initiative(id).is_none())
                .unwrap_or(base)
        }
    };
    let initiative = Initiative {
        id: id.clone(),
        name: name.clone(),
        description: new.description.trim_end().to_owned(),
        criteria: clean_criteria(&new.criteria),
        status: Status::Active,
        decisions: Vec::new(),
    };
    Ok(Op {
        edit: Edit::Initiative(InitiativeEdit::Add(Box::new(initiative))),
        summary: format!("added initiative {id} \"{name}\""),
    })
}

/// Changes an initiative's name, description, criteria or status (only a decision stops one).
pub fn edit(board: &Board, id: &str, mut change: InitiativeChange) -> Result<Op, PhasedError> {
    let initiative = find(board, id)?;
    let id = initiative.id.clone();
    if let Some(name) = &change.name {
        change.name = Some(clean_name(name)?);
    }
    if let Some(criteria) = &change.criteria {
        change.criteria = Some(clean_criteria(criteria));
    }
    if let Some(description) = &change.description {
        change.description = Some(description.trim_end().to_owned());
    }
    if change.status == Some(Status::Stopped) && initiative.status != Status::Stopped {
        return Err(PhasedError::StopByDecision(id));
    }
    let mut what = Vec::new();
    let differs = |new: Option<&String>, old: &String| new.is_some_and(|n| n != old);
    if differs(change.name.as_ref(), &initiative.name) {
        what.push("name".to_owned());
    }
    if differs(change.description.as_ref(), &initiative.description) {
        what.push("description".to_owned());
    }
    if change.criteria.as_ref().is_some_and(|c| *c != initiative.criteria) {
        what.push("success criteria".to_owned());
    }
    if let Some(status) = change.status.filter(|s| *s != initiative.status) {
        what.push(format!("status {} → {status}", initiative.status));
    }
    if what.is_empty() {
        return Ok(Op { edit: Edit::Batch(Vec::new()), summary: format!("no changes to initiative {id}") });
    }
    let summary = format!("initiative {id}: {} changed", what.join(", "));
    Ok(Op { edit: Edit::Initiative(InitiativeEdit::Change { id, change: Box::new(change) }), summary })
}

/// Puts item `id` into initiative `initiative` in `phase` (default: the phase the initiative
/// is in), or takes it out of its initiative (`None`).
pub fn label(
    board: &Board,
    id: ItemId,
    initiative: Option<&str>,
    phase: Option<Phase>,
    now: Timestamp,
) -> Result<Op, PhasedError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let Some(text) = initiative else {
        let Some(old) = &item.initiative else {
            return Ok(Op { edit: Edit::Batch(Vec::new()), summary: format!("#{id} is in no initiative") });
        };
        let change = ItemChange { initiative: Some(None), phase: Some(None), ..ItemChange::default() };
        let summary = format!("#{id} left initiative {old}");
        return Ok(Op { edit: Edit::Change { id, change: Box::new(change), at: now }, summary });
    };
    let target = find(board, text)?;
    let joining = item.initiative.as_deref() != Some(target.id.as_str());
    if joining && !target.status.is_open() {
        return Err(PhasedError::NotTakingWork { id: target.id.clone(), status: target.status });
    }
    let phase = match (phase, joining) {
        (Some(phase), _) => phase,
        (None, false) => item.phase.unwrap_or(Phase::Mvp),
        (None, true) => Progress::of(board, target).current(),
    };
    let summary = format!("#{id} is {} of {}", phase.label(), target.id);
    if !joining && item.phase == Some(phase) {
        return Ok(Op { edit: Edit::Batch(Vec::new()), summary: format!("{summary} already") });
    }
    let change = ItemChange {
        initiative: joining.then(|| Some(target.id.clone())),
        phase: Some(Some(phase)),
        ..ItemChange::default()
    };
    Ok(Op { edit: Edit::Change { id, change: Box::new(change), at: now }, summary })
}

/// Puts the item that `add` (an [`ops::add`](super::ops::add) op) creates into `initiative`,
/// in `phase` (default: the phase the initiative is in).
pub fn add_to(board: &Board, add: Op, initiative: &str, phase: Option<Phase>) -> Result<Op, PhasedError> {
    let target = find(board, initiative)?;
    if !target.status.is_open() {
        return Err(PhasedError::NotTakingWork { id: target.id.clone(), status: target.status });
    }
    let Op { edit: Edit::Add(mut item), summary } = add else { return Ok(add) };
    let phase = phase.unwrap_or_else(|| Progress::of(board, target).current());
    item.initiative = Some(target.id.clone());
    item.phase = Some(phase);
    let summary = format!("{summary} as {} of {}", phase.label(), target.id);
    Ok(Op { edit: Edit::Add(item), summary })
}

/// Sets the phase of an item that is already in an initiative.
pub fn set_phase(board: &Board, id: ItemId, phase: Phase, now: Timestamp) -> Result<Op, PhasedError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let initiative = item.initiative.clone().ok_or(PhasedError::NoInitiative(id))?;
    label(board, id, Some(&initiative), Some(phase), now)
}

/// What the boundary gate asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionInput {
    pub boundary: Boundary,
    pub verdict: Verdict,
    /// What worked, what didn't (required).
    pub review: String,
    /// How the next phase is adjusted (required for a pivot).
    pub plan: String,
    /// Who was told.
    pub communicated: String,
    /// For a stop with open items: drop them or move them to the backlog (required then).
    pub open_items: Option<OpenItems>,
}

/// The open items of an initiative, in board order.
pub fn open_items<'b>(board: &'b Board, id: &str) -> Vec<&'b Item> {
    let lanes = Lanes::build_where(board, |it| {
        it.initiative.as_deref() == Some(id) && !board.is_done_column(it.track, &it.column)
    });
    lanes.board_order().filter_map(|i| board.item(i)).collect()
}

/// The items of an initiative, MVP first, then enhancement, then polish; board order within.
pub fn items_by_phase<'b>(board: &'b Board, id: &str) -> Vec<&'b Item> {
    let lanes = Lanes::build_where(board, |it| it.initiative.as_deref() == Some(id));
    let mut items: Vec<&Item> = lanes.board_order().filter_map(|i| board.item(i)).collect();
    items.sort_by_key(|it| it.phase);
    items
}

/// An item of an initiative in one line: `MVP #3 [In progress] Title 5 pt`.
pub fn item_line(board: &Board, item: &Item) -> String {
    let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
    let phase = item.phase.map_or("", Phase::label);
    let estimate = item.estimate.map(|e| format!(" {e} pt")).unwrap_or_default();
    format!("{phase} #{} [{column}] {}{estimate}", item.id, item.title)
}

/// Records the decision at a phase boundary of `initiative`, written by `author`. `stop` also
/// stops the initiative and drops its open items or moves them to the backlog — the stage-one
/// lane of their track's first column, out of the initiative — all as one undoable step.
pub fn decide(
    board: &Board,
    initiative: &str,
    input: DecisionInput,
    author: &str,
    now: Timestamp,
) -> Result<Op, PhasedError> {
    let target = find(board, initiative)?;
    let id = target.id.clone();
    if !target.status.is_open() {
        return Err(PhasedError::Closed { id, status: target.status });
    }
    let review = input.review.trim().to_owned();
    if review.is_empty() {
        return Err(PhasedError::NoReview);
    }
    let plan = input.plan.trim().to_owned();
    if input.verdict == Verdict::Pivot && plan.is_empty() {
        return Err(PhasedError::PivotWithoutPlan);
    }
    let stop = input.verdict == Verdict::Stop;
    let open: Vec<&Item> = if stop { open_items(board, &id) } else { Vec::new() };
    let choice = match (open.is_empty(), input.open_items) {
        (true, _) => None,
        (false, Some(choice)) => Some(choice),
        (false, None) => return Err(PhasedError::StopWithoutChoice { id, open: open.len() }),
    };
    let decision = Decision {
        boundary: input.boundary,
        decision: input.verdict,
        date: now.date_naive(),
        author: author.trim().to_owned(),
        review,
        plan,
        communicated: input.communicated.trim().to_owned(),
        open_items: choice,
        items: open.iter().map(|it| it.id).collect(),
    };
    let mut edits =
        vec![Edit::Initiative(InitiativeEdit::Record { id: id.clone(), decision: Box::new(decision) })];
    let mut summary = format!(
        "{id}: boundary {} ({}) decided: {}",
        input.boundary.number(),
        input.boundary.label(),
        input.verdict
    );
    if stop {
        let change = InitiativeChange { status: Some(Status::Stopped), ..InitiativeChange::default() };
        edits.push(Edit::Initiative(InitiativeEdit::Change { id: id.clone(), change: Box::new(change) }));
        edits.extend(settle_open_items(board, &open, choice, now)?);
        summary = stop_summary(&id, input.boundary, &open, choice);
    }
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// The edits that drop `open` items, or move them to the backlog out of their initiative.
fn settle_open_items(
    board: &Board,
    open: &[&Item],
    choice: Option<OpenItems>,
    now: Timestamp,
) -> Result<Vec<Edit>, PhasedError> {
    let Some(OpenItems::Backlog) = choice else {
        return Ok(open.iter().map(|it| Edit::Remove(it.id)).collect());
    };
    // Each move is made on a scratch board so that the next item lands below the last one.
    let mut scratch = board.clone();
    let mut edits = Vec::new();
    for item in open {
        let first = board.track(item.track).columns.first().map(|c| c.id.clone()).unwrap_or_default();
        let in_backlog = item.column == first && item.stage == Stage::One;
        let mut change = match (in_backlog, place_at_end(&scratch, item, item.track, &first, Stage::One, now))
        {
            (false, Edit::Change { change, .. }) => *change,
            _ => ItemChange::default(),
        };
        change.initiative = Some(None);
        change.phase = Some(None);
        // The backlog is work no sprint holds (docs/guide/rhythm.md), so a stop takes the item
        // out of its sprint too; the sprint's committed points drop with it.
        if item.sprint.is_some() {
            change.sprint = Some(None);
        }
        let edit = Edit::Change { id: item.id, change: Box::new(change), at: now };
        scratch.apply(edit.clone()).map_err(|_| OpError::NoSuchItem(item.id))?;
        edits.push(edit);
    }
    Ok(edits)
}

fn stop_summary(id: &str, boundary: Boundary, open: &[&Item], choice: Option<OpenItems>) -> String {
    let ids: Vec<String> = open.iter().map(|it| format!("#{}", it.id)).collect();
    let items = count(open.len(), "open item");
    let what = match choice {
        _ if open.is_empty() => "no open items".to_owned(),
        None => items,
        Some(OpenItems::Drop) => format!("{items} dropped ({})", ids.join(", ")),
        Some(OpenItems::Backlog) => format!("{items} moved to the backlog ({})", ids.join(", ")),
    };
    format!("{id} stopped at boundary {} ({}); {what}", boundary.number(), boundary.label())
}

#[cfg(test)]
#[path = "initiatives_tests.rs"]
mod tests;
