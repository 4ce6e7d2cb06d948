//! What users ask for ("move #5 to Review", "label it stage two"), turned into exact [`Edit`]s
//! with a one-line summary that the command line prints and the board shows (and undo names).

use chrono::NaiveDate;

use super::done::{self, Act};
use super::edit::{Edit, ItemChange};
pub use super::op_error::OpError;
use super::placement::{append_rank, place_at_end, place_at_index};
use super::references::without_references;
use crate::model::lanes::{lane_items, lane_of};
use crate::model::{Board, Item, ItemId, Kind, Place, Severity, Stage, Timestamp, Track};

/// An edit ready to apply, with what it does in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub edit: Edit,
    pub summary: String,
}

/// What a user gives to create an item; the rest (id, rank, timestamps) is decided here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewItem {
    pub title: String,
    pub track: Option<Track>,
    pub column: Option<String>,
    pub stage: Option<Stage>,
    pub kind: Option<Kind>,
    pub estimate: Option<u32>,
    pub tags: Vec<String>,
    pub assignee: Option<String>,
    pub description: String,
    pub severity: Option<Severity>,
    pub question: Option<String>,
    pub outcome: Option<String>,
    pub timebox: Option<NaiveDate>,
    /// Discovery: the entry criteria that put it there (texts of the board's list; empty: none
    /// applies).
    pub criteria: Option<Vec<String>>,
    /// Stage one: the points of debt the team expects the item to leave.
    pub anticipated_debt: Option<u32>,
    /// Debt: the points per sprint it costs the team.
    pub drag: Option<u32>,
}

/// Adds an item at the bottom of its lane. Defaults: delivery track (or the column's track),
/// stage one, first column; kind `spike` in discovery and `feature` in delivery.
pub fn add(board: &Board, new: NewItem, now: Timestamp) -> Result<Op, OpError> {
    let title = clean_title(&new.title)?;
    let (track, column) = match (&new.column, new.track) {
        (Some(col), track) => {
            let (col_track, _, column) = find_column(board, col)?;
            match track {
                Some(t) if t != col_track => {
                    return Err(OpError::ColumnNotInTrack {
                        column: col.clone(),
                        column_track: col_track,
                        track: t,
                    });
                }
                _ => (col_track, column.id.clone()),
            }
        }
        (None, track) => {
            let track = track.unwrap_or(Track::Delivery);
            (track, first_column(board, track))
        }
    };
    let stage = new.stage.unwrap_or(Stage::One);
    let id = board.next_id;
    if new.criteria.is_some() && track != Track::Discovery {
        return Err(OpError::CriteriaNotDiscovery(id));
    }
    let rank = append_rank(board, track, &column, stage, id);
    let kind = new.kind.unwrap_or(match track {
        Track::Discovery => Kind::Spike,
        Track::Delivery => Kind::Feature,
    });
    let item = Item {
        estimate: new.estimate,
        tags: clean_tags(&new.tags),
        assignee: new.assignee.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()),
        description: new.description.trim_end().to_owned(),
        question: new.question.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()),
        timebox: new.timebox,
        outcome: new.outcome.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()),
        severity: new.severity,
        criteria: new.criteria,
        anticipated_debt: new.anticipated_debt,
        drag: new.drag,
        ..Item::new(id, title.clone(), Place { track, column, stage, rank }, kind, now)
    };
    anticipated_fits(&item, item.anticipated_debt, "the new item")?;
    if let Some(done) = board.column(track, &item.column).filter(|c| c.done) {
        // A new item has nothing ticked: straight into a done column only where that is allowed.
        done::check(board, &item, Act::Add(&done.name), None)?;
    }
    Ok(Op { edit: Edit::Add(Box::new(item)), summary: format!("added #{id} \"{title}\"") })
}

/// Refuses anticipated debt on anything but stage-one delivery work (clearing it is always fine).
fn anticipated_fits(item: &Item, points: Option<u32>, what: &str) -> Result<(), OpError> {
    if points.is_none() || item.is_stage_one_delivery() {
        return Ok(());
    }
    let lane = match item.track {
        Track::Discovery => "in the discovery track",
        Track::Delivery => "stage two",
    };
    Err(OpError::AnticipatedNotStageOne { what: what.to_owned(), lane })
}

/// Adds several items as one step (one undo), each at the bottom of its lane in the order
/// given, with consecutive ids.
pub fn add_many(board: &Board, news: Vec<NewItem>, now: Timestamp) -> Result<Op, OpError> {
    // Each new item is added to a scratch board so that the next one gets the next id and rank.
    let mut scratch = board.clone();
    let mut edits = Vec::with_capacity(news.len());
    for new in news {
        let edit = add(&scratch, new, now)?.edit;
        let id = edit.subject().unwrap_or_default();
        scratch.apply(edit.clone()).map_err(|_| OpError::NoSuchItem(id))?;
        edits.push(edit);
    }
    let ids: Vec<String> = edits.iter().filter_map(Edit::subject).map(|id| format!("#{id}")).collect();
    let summary = match ids.as_slice() {
        [one] => format!("added {one}"),
        _ => format!("added {} items: {}", ids.len(), ids.join(", ")),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// Deletes an item, and the references other items hold to it (so that no reference is left
/// pointing at nothing; one undo brings both back).
pub fn remove(board: &Board, id: ItemId) -> Result<Op, OpError> {
    let item = get(board, id)?;
    let summary = format!("deleted #{id} \"{}\"", item.title);
    let mut edits: Vec<Edit> = board
        .referrers(id)
        .filter_map(|other| {
            let change = without_references(other, |target| target == id)?;
            // Not an edit of that item by the user: its own time stays.
            Some(Edit::Change { id: other.id, change: Box::new(change), at: other.updated })
        })
        .collect();
    if edits.is_empty() {
        return Ok(Op { edit: Edit::Remove(id), summary });
    }
    // The deleted item first, so that undo selects it again.
    edits.insert(0, Edit::Remove(id));
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// Changes fields of an item (the editor's save).
pub fn update(board: &Board, id: ItemId, mut change: ItemChange, now: Timestamp) -> Result<Op, OpError> {
    let item = get(board, id)?;
    if let Some(points) = change.anticipated_debt {
        anticipated_fits(item, points, &format!("#{id}"))?;
    }
    if let Some(title) = &change.title {
        change.title = Some(clean_title(title)?);
    }
    if let Some(tags) = &change.tags {
        change.tags = Some(clean_tags(tags));
    }
    if let Some(links) = &mut change.links {
        // An item does not link to itself (a file with such a link does not load).
        links.retain(|l| *l != id);
    }
    Ok(Op { edit: Edit::Change { id, change: Box::new(change), at: now }, summary: format!("edited #{id}") })
}

/// Moves an item to the bottom of the same-stage lane of a column of its own track. Into a done
/// column, the item's definition of done must be ticked where its stage's is enforced
/// ([`done::check`]); [`force_to_column`] moves it anyway, with a reason.
pub fn move_to_column(board: &Board, id: ItemId, column: &str, now: Timestamp) -> Result<Op, OpError> {
    move_with(board, id, column, None, now)
}

/// [`move_to_column`] past unticked entries of the item's definition of done: `reason` says why
/// it is done anyway, and the item keeps it (`forced`) while it stays in the done column.
pub fn force_to_column(
    board: &Board,
    id: ItemId,
    column: &str,
    reason: &str,
    now: Timestamp,
) -> Result<Op, OpError> {
    move_with(board, id, column, Some(reason), now)
}

fn move_with(
    board: &Board,
    id: ItemId,
    column: &str,
    force: Option<&str>,
    now: Timestamp,
) -> Result<Op, OpError> {
    let item = get(board, id)?;
    // A force without a reason is refused whatever the move: nothing may be forced silently.
    let force = match force {
        Some(text) => Some(done::clean_reason(text).ok_or(OpError::NoForceReason(id))?),
        None => None,
    };
    let (track, _, col) = find_column(board, column)?;
    if track != item.track {
        return Err(OpError::OtherTrack {
            id,
            column: column.to_owned(),
            column_track: track,
            item_track: item.track,
        });
    }
    let name = col.name.clone();
    let entering_done = col.done && !board.is_done_column(item.track, &item.column);
    let forced = match entering_done {
        true => done::check(board, item, Act::Enter(&name), force.as_deref())?,
        false => None,
    };
    let mut edit = place_at_end(board, item, track, &col.id, item.stage, now);
    let summary = match (&forced, force) {
        (Some(reason), _) => format!("#{id} moved to {name}, forced: {reason}"),
        (None, Some(_)) if entering_done => {
            format!("#{id} moved to {name} (nothing to force: its definition of done is ticked)")
        }
        (None, Some(_)) => format!("#{id} moved to {name} (nothing to force: {name} is not a done column)"),
        (None, None) => format!("#{id} moved to {name}"),
    };
    if let (Some(reason), Edit::Change { change, .. }) = (forced, &mut edit) {
        change.forced = Some(Some(reason));
    }
    Ok(Op { edit, summary })
}

/// Moves an item one column left (`-1`) or right (`+1`) within its track.
pub fn step_column(board: &Board, id: ItemId, delta: isize, now: Timestamp) -> Result<Op, OpError> {
    let item = get(board, id)?;
    let columns = &board.track(item.track).columns;
    let here = columns.iter().position(|c| c.id == item.column).unwrap_or(0);
    let target = here
        .checked_add_signed(delta)
        .filter(|&t| t < columns.len())
        .ok_or(OpError::AtEdge { id, which: if delta < 0 { "first" } else { "last" } })?;
    move_to_column(board, id, &columns[target].id, now)
}

/// Labels an item stage one or two; it moves to the bottom of that lane of its column.
pub fn set_stage(board: &Board, id: ItemId, stage: Stage, now: Timestamp) -> Result<Op, OpError> {
    let item = get(board, id)?;
    let summary = format!("#{id} labelled {}", stage.label());
    if item.stage == stage {
        return Ok(Op {
            edit: Edit::Batch(Vec::new()),
            summary: format!("#{id} is already {}", stage.label()),
        });
    }
    let edit = place_at_end(board, item, item.track, &item.column, stage, now);
    Ok(Op { edit, summary })
}

/// Moves an item to the first column of the other track, keeping its stage.
pub fn to_other_track(board: &Board, id: ItemId, now: Timestamp) -> Result<Op, OpError> {
    let item = get(board, id)?;
    let track = item.track.other();
    let column = first_column(board, track);
    let edit = place_at_end(board, item, track, &column, item.stage, now);
    Ok(Op { edit, summary: format!("#{id} moved to the {track} track") })
}

/// Moves an item one place down (`+1`) or up (`-1`) within its lane.
pub fn shift_in_lane(board: &Board, id: ItemId, delta: isize, now: Timestamp) -> Result<Op, OpError> {
    let item = get(board, id)?;
    let key = lane_of(board, item).ok_or(OpError::NoSuchItem(id))?;
    let lane = lane_items(board, key);
    let here = lane.iter().position(|it| it.id == id).unwrap_or(0);
    let target = here
        .checked_add_signed(delta)
        .filter(|&t| t < lane.len())
        .ok_or(OpError::AtLaneEnd { id, which: if delta < 0 { "top" } else { "bottom" } })?;
    let edit = place_at_index(board, item, key, target, now);
    Ok(Op { edit, summary: format!("#{id} moved {}", if delta < 0 { "up" } else { "down" }) })
}

fn get(board: &Board, id: ItemId) -> Result<&Item, OpError> {
    board.item(id).ok_or(OpError::NoSuchItem(id))
}

/// The column with this id, or an error that lists the columns there are.
pub fn find_column<'b>(
    board: &'b Board,
    id: &str,
) -> Result<(Track, usize, &'b crate::model::Column), OpError> {
    board.find_column(id).ok_or_else(|| OpError::NoSuchColumn {
        column: id.to_owned(),
        known: Track::ALL
            .iter()
            .flat_map(|t| board.track(*t).columns.iter().map(|c| format!("{} ({})", c.id, c.name)))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

fn first_column(board: &Board, track: Track) -> String {
    board.track(track).columns.first().map(|c| c.id.clone()).unwrap_or_default()
}

fn clean_title(title: &str) -> Result<String, OpError> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() { Err(OpError::EmptyTitle) } else { Ok(title) }
}

fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_owned());
        }
    }
    out
}

#[cfg(test)]
#[path = "ops_tests.rs"]
mod tests;
