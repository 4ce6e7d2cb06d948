//! The two-stage workflow: stage-one items log stage-two follow-ups; accepting a stage-one item
//! puts its open follow-ups next; each stage has a definition of done, ticked per item, that
//! warns or is enforced (its policy).

use std::collections::HashSet;

use crate::domain::change::done::{self, Act};
use crate::domain::change::placement::place_at_top;
use crate::domain::change::{Edit, ItemChange, NewItem, Op, OpError, ops};
use crate::model::lanes::{LaneKey, Lanes};
use crate::model::{Board, CheckEntry, DonePolicy, Item, ItemId, Kind, Severity, Stage, Timestamp, Track};

/// The item's definition of done: its stage's entries, ticked as the item records them.
pub fn checklist(board: &Board, item: &Item) -> Vec<CheckEntry> {
    board
        .definition_of_done
        .for_stage(item.stage)
        .iter()
        .map(|text| CheckEntry {
            text: text.clone(),
            done: item.checklist.iter().any(|e| e.done && e.text == *text),
        })
        .collect()
}

/// How far items are through their definition of done, for output about many items: each
/// stage's entries are indexed once, so an item costs its own ticks, not the definition's length.
#[derive(Debug)]
pub struct Progress<'b> {
    stage_one: HashSet<&'b str>,
    stage_two: HashSet<&'b str>,
}

impl<'b> Progress<'b> {
    pub fn of(board: &'b Board) -> Progress<'b> {
        let index = |stage| board.definition_of_done.for_stage(stage).iter().map(String::as_str).collect();
        Progress { stage_one: index(Stage::One), stage_two: index(Stage::Two) }
    }

    /// (ticked, total) entries of the item's stage's definition of done.
    pub fn of_item(&self, item: &Item) -> (usize, usize) {
        let entries = match item.stage {
            Stage::One => &self.stage_one,
            Stage::Two => &self.stage_two,
        };
        let ticked: HashSet<&str> = item
            .checklist
            .iter()
            .filter(|e| e.done && entries.contains(e.text.as_str()))
            .map(|e| e.text.as_str())
            .collect();
        (ticked.len(), entries.len())
    }
}

/// The entries of the item's definition of done that are not ticked yet.
pub fn unticked(board: &Board, item: &Item) -> Vec<String> {
    board.definition_of_done.unticked(item)
}

/// Makes a stage's definition of done warn or hold (`policy dod`); setting what is set already
/// changes nothing.
pub fn set_policy(board: &Board, stage: Stage, policy: DonePolicy) -> Op {
    let what = format!("the {} definition of done", stage.label());
    let said = |when: &str| match policy {
        DonePolicy::Warn => format!("{what} {when} warns"),
        DonePolicy::Enforce => format!("{what} is {when} enforced"),
    };
    if board.definition_of_done.policy(stage) == policy {
        return Op { edit: Edit::Batch(Vec::new()), summary: said("already") };
    }
    Op { edit: Edit::SetDonePolicy { stage, policy }, summary: said("now") }
}

/// The item's stored ticks after ticking `ticked` of its stage's entries: ticks of entries not
/// in this stage's list (the other stage's) are kept; only ticked entries are stored.
pub fn with_ticks(board: &Board, item: &Item, ticked: &[bool]) -> Vec<CheckEntry> {
    let entries = board.definition_of_done.for_stage(item.stage);
    let mut out: Vec<CheckEntry> =
        item.checklist.iter().filter(|e| e.done && !entries.contains(&e.text)).cloned().collect();
    out.extend(
        entries
            .iter()
            .zip(ticked)
            .filter(|(_, t)| **t)
            .map(|(text, _)| CheckEntry { text: text.clone(), done: true }),
    );
    out
}

/// The follow-ups of `id`, in board order.
pub fn follow_ups(board: &Board, id: ItemId) -> Vec<&Item> {
    let lanes = Lanes::build_where(board, |it| it.follow_up_of == Some(id));
    lanes.board_order().filter_map(|i| board.item(i)).collect()
}

fn stage_one<'b>(board: &'b Board, id: ItemId, what: &'static str) -> Result<&'b Item, OpError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if item.stage != Stage::One {
        return Err(OpError::NotStageOne { id, what });
    }
    Ok(item)
}

/// The stage-two lane of the delivery track's first column: where follow-ups go.
fn follow_up_lane() -> LaneKey {
    LaneKey { track: Track::Delivery, column: 0, stage: Stage::Two }
}

/// Logs a stage-two `debt` item as a follow-up of the stage-one item `parent`, at the bottom of
/// the stage-two lane of the delivery track's first column.
pub fn follow_up(
    board: &Board,
    parent: ItemId,
    title: &str,
    estimate: Option<u32>,
    severity: Option<Severity>,
    now: Timestamp,
) -> Result<Op, OpError> {
    stage_one(board, parent, "follow-ups are logged for")?;
    let new = NewItem {
        title: title.to_owned(),
        track: Some(Track::Delivery),
        stage: Some(Stage::Two),
        kind: Some(Kind::Debt),
        estimate,
        severity,
        ..NewItem::default()
    };
    let op = ops::add(board, new, now)?;
    let Edit::Add(mut item) = op.edit else { return Err(OpError::NoSuchItem(parent)) };
    item.follow_up_of = Some(parent);
    let id = item.id;
    Ok(Op { edit: Edit::Add(item), summary: format!("added #{id} as a stage-two follow-up of #{parent}") })
}

/// The named ways of accepting a feature: an A/B test, a business sign-off, an evaluation.
pub const WAYS: [&str; 3] = ["ab-test", "sign-off", "evaluation"];

/// How a stage-one item was accepted, and what backs it (who signed off, the test result).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub by: Option<String>,
    pub note: Option<String>,
}

impl Evidence {
    /// Evidence from what a user typed: a named way in any spelling (`A/B test`, `Sign off`)
    /// becomes its name, other words are kept as they are, blank text is nothing.
    pub fn new(by: Option<&str>, note: Option<&str>) -> Evidence {
        let clean = |t: Option<&str>| t.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        let squash = |t: &str| -> String {
            t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
        };
        let by = clean(by).map(|by| {
            let named = WAYS.iter().find(|way| squash(way) == squash(&by));
            named.map_or(by, |way| (*way).to_owned())
        });
        Evidence { by, note: clean(note) }
    }
}

/// Accepts the stage-one item `id` (with today's date, unless it was accepted before), records
/// how when `evidence` says, and moves its open follow-ups, in their board order, to the top of
/// the stage-two lane of the delivery track's first column: they are the next work.
/// Where the stage-one definition of done is enforced, the item's must be ticked
/// ([`done::check`]); [`accept_forced`] accepts it anyway, with a reason.
pub fn accept(board: &Board, id: ItemId, evidence: Evidence, now: Timestamp) -> Result<Op, OpError> {
    accept_with(board, id, evidence, None, now)
}

/// [`accept`] past unticked entries of the item's definition of done: `reason` says why, and the
/// item keeps it (`forced`) until it moves to a column that is not done.
pub fn accept_forced(
    board: &Board,
    id: ItemId,
    evidence: Evidence,
    reason: &str,
    now: Timestamp,
) -> Result<Op, OpError> {
    accept_with(board, id, evidence, Some(reason), now)
}

fn accept_with(
    board: &Board,
    id: ItemId,
    evidence: Evidence,
    force: Option<&str>,
    now: Timestamp,
) -> Result<Op, OpError> {
    let item = stage_one(board, id, "acceptance is for")?;
    let forced = done::check(board, item, Act::Accept, force)?;
    let mut accepted = acceptance(board, item, evidence, now);
    if let Some(reason) = forced {
        // Recorded with the acceptance's own change of the item (the first edit, when there is one).
        match accepted.edits.first_mut() {
            Some(Edit::Change { id: first, change, .. }) if *first == id => {
                change.forced = Some(Some(reason.clone()));
            }
            _ => {
                let change = ItemChange { forced: Some(Some(reason.clone())), ..ItemChange::default() };
                accepted.edits.insert(0, Edit::Change { id, change: Box::new(change), at: now });
            }
        }
        accepted.summary = format!("{}; forced: {reason}", accepted.summary);
    }
    Ok(Op { edit: Edit::Batch(accepted.edits), summary: accepted.summary })
}

/// The edits of an acceptance and what they do in words.
pub(crate) struct Accepted {
    pub edits: Vec<Edit>,
    /// "#5 accepted on 2026-11-21 by sign-off; 2 follow-ups are next, on top of Ready".
    pub summary: String,
    /// The part after the semicolon: what is next.
    pub next: String,
}

/// The edits that accept `item` and put its open follow-ups next. New evidence replaces the
/// old (its note with it).
pub(crate) fn acceptance(board: &Board, item: &Item, evidence: Evidence, now: Timestamp) -> Accepted {
    let id = item.id;
    let open: Vec<&Item> =
        follow_ups(board, id).into_iter().filter(|f| !board.is_done_column(f.track, &f.column)).collect();
    let mut change = ItemChange::default();
    if item.accepted.is_none() {
        change.accepted = Some(Some(now.date_naive()));
    }
    let by = evidence.by.clone().or_else(|| item.accepted_by.clone());
    if evidence.by.is_some() && evidence.by != item.accepted_by {
        change.accepted_by = Some(evidence.by);
    }
    if (evidence.note.is_some() || change.accepted_by.is_some()) && evidence.note != item.acceptance_note {
        change.acceptance_note = Some(evidence.note);
    }
    let mut edits = Vec::new();
    if change != ItemChange::default() {
        edits.push(Edit::Change { id, change: Box::new(change), at: now });
    }
    edits.extend(place_at_top(board, &open, follow_up_lane(), now));
    let column = board.delivery.columns.first().map_or("the first column", |c| c.name.as_str());
    let date = item.accepted.unwrap_or(now.date_naive());
    let how = by.map(|by| format!(" by {by}")).unwrap_or_default();
    let next = match open.len() {
        0 => "it has no open follow-ups".to_owned(),
        1 => format!("1 follow-up is next, on top of {column}"),
        n => format!("{n} follow-ups are next, on top of {column}"),
    };
    Accepted { edits, summary: format!("#{id} accepted on {date}{how}; {next}"), next }
}

#[cfg(test)]
#[path = "workflow_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "done_policy_tests.rs"]
mod done_policy_tests;
