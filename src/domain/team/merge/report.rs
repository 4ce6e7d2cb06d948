//! A merge of two sides told to people: one line per conflict and per renumbered item, naming
//! the sides as git does ("ours", "theirs"), and the same as journal entries (docs/guide/teams-and-git.md, "A board in
//! git").

use serde_json::{Map, Value};

use super::{Cause, Conflict, Merge, Renumbered, Side, Stranded};
use crate::domain::change::fields;
use crate::domain::change::fields::MOVE_NAME;
use crate::domain::team::activity;
use crate::domain::team::activity::{Action, Entry, Stamp};
use crate::model::Board;

fn name(side: Side) -> &'static str {
    match side {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    }
}

fn possessive(side: Side) -> &'static str {
    match side {
        Side::Ours => "our",
        Side::Theirs => "their",
    }
}

/// `#12 "Export the report"`, or `#12` alone when no title is at hand.
fn subject(id: u64, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("#{id} \"{}\"", activity::short(title)),
        None => format!("#{id}"),
    }
}

/// A field's value in words: a move as the column's name, text quoted.
fn value(board: &Board, field: &str, value: &Value) -> String {
    if field == MOVE_NAME
        && let Some(place) = value.as_object()
    {
        let track = place.get("track").and_then(|t| serde_json::from_value(t.clone()).ok());
        let column = place.get("column").and_then(Value::as_str).unwrap_or_default();
        if let Some(found) = track.and_then(|t| board.column(t, column)) {
            return format!("\"{}\"", found.name);
        }
    }
    match value {
        Value::String(_) | Value::Array(_) => format!("\"{}\"", activity::short(&fields::display(value))),
        other => activity::short(&fields::display(other)),
    }
}

/// One conflict in words: `#12 "Export" title: kept "A" (ours), not applied "B" (theirs)`.
pub fn conflict_line(board: &Board, conflict: &Conflict, winner: Side) -> String {
    let (won, lost) = (winner, winner.other());
    let title = |v: &Value| v.get("title").and_then(Value::as_str).map(str::to_owned);
    let item_title = conflict.item.and_then(|id| board.item(id)).map(|it| it.title.clone());
    match (conflict.item, conflict.field.as_str()) {
        (Some(id), "item") if conflict.kept.is_null() => format!(
            "{}: deleted on {} side; {} changes to it not applied",
            subject(id, title(&conflict.lost).as_deref()),
            possessive(won),
            possessive(lost)
        ),
        (Some(id), "item") => format!(
            "{}: changed on {} side and kept; {} deletion not applied",
            subject(id, item_title.as_deref()),
            possessive(won),
            possessive(lost)
        ),
        (item, field) => {
            let what = match item {
                Some(id) => format!("{} {field}", subject(id, item_title.as_deref())),
                None => field.replace('_', " "),
            };
            format!(
                "{what}: kept {} ({}), not applied {} ({})",
                value(board, field, &conflict.kept),
                name(won),
                value(board, field, &conflict.lost),
                name(lost)
            )
        }
    }
}

/// How git names the sides: ours, then theirs.
pub const GIT_SIDES: (&str, &str) = ("ours", "theirs");

/// How the board screen names the sides to its user: the screen's, then the file's.
pub const SCREEN_SIDES: (&str, &str) = ("you", "someone else");

/// An item moved into a column the other side deleted, in words, the sides named by `sides`
/// (ours, theirs): `ours moved #12 "Export" into "Ready", which theirs deleted; it stays in
/// "Backlog"`.
pub fn stranded_line(board: &Board, stranded: &Stranded, sides: (&str, &str)) -> String {
    let (mover, deleter) = match stranded.moved_by {
        Side::Ours => sides,
        Side::Theirs => (sides.1, sides.0),
    };
    let item = board.item(stranded.item);
    let stays = item
        .and_then(|it| board.column(it.track, &stranded.stays))
        .map_or_else(|| stranded.stays.clone(), |c| c.name.clone());
    format!(
        "{mover} moved {} into \"{}\", which {deleter} deleted; it stays in \"{}\"",
        subject(stranded.item, item.map(|it| it.title.as_str())),
        activity::short(&stranded.into),
        activity::short(&stays)
    )
}

/// A move into a deleted column as a journal entry, `column: [where it stays, the deleted
/// column]`, summed up by its line (the sides named by `sides`, ours then theirs), a conflict as
/// the move was not applied.
pub fn stranded_entry(board: &Board, stranded: &Stranded, sides: (&str, &str), stamp: &Stamp) -> Entry {
    let mut changes = Map::new();
    let (stays, into) = (stranded.stays.clone(), stranded.into.clone());
    changes.insert(MOVE_NAME.into(), Value::Array(vec![stays.into(), into.into()]));
    stamp.entry(Some(stranded.item), Action::Conflict, changes, stranded_line(board, stranded, sides))
}

/// One renumbered item in words: `#12 "Export" from their side is now #17`.
pub fn renumbered_line(board: &Board, renumbered: &Renumbered) -> String {
    let Renumbered { side, from, to, cause } = *renumbered;
    let title = board.item(to).map(|it| it.title.as_str());
    match cause {
        Cause::Added => format!("{} from {} side is now #{to}", subject(from, title), possessive(side)),
        Cause::Followed => format!(
            "{} on {} side is now #{to}, as {} side numbers it",
            subject(from, title),
            possessive(side),
            possessive(side.other())
        ),
    }
}

/// Every line of the report: the conflicts, the items left out of a deleted column, then the
/// renumbered items.
pub fn lines(merge: &Merge, winner: Side) -> Vec<String> {
    let conflicts = merge.conflicts.iter().map(|c| conflict_line(&merge.board, c, winner));
    let stranded = merge.stranded.iter().map(|s| stranded_line(&merge.board, s, GIT_SIDES));
    conflicts
        .chain(stranded)
        .chain(merge.renumbered.iter().map(|r| renumbered_line(&merge.board, r)))
        .collect()
}

/// The report as journal entries: a `conflict` entry per conflict (`[kept, not applied]`) and a
/// `changed` entry with `id: [old, new]` per renumbered item, each summed up by its line.
pub fn entries(merge: &Merge, winner: Side, stamp: &Stamp) -> Vec<Entry> {
    let conflicts = merge.conflicts.iter().map(|conflict| {
        let mut entry = activity::conflict_entry(conflict, None, stamp);
        entry.summary = conflict_line(&merge.board, conflict, winner);
        entry
    });
    let stranded = merge.stranded.iter().map(|s| stranded_entry(&merge.board, s, GIT_SIDES, stamp));
    let renumbered = merge.renumbered.iter().map(|r| {
        let mut changes = Map::new();
        changes.insert("id".into(), Value::Array(vec![r.from.into(), r.to.into()]));
        stamp.entry(Some(r.to), Action::Changed, changes, renumbered_line(&merge.board, r))
    });
    conflicts.chain(stranded).chain(renumbered).collect()
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
