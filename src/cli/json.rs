//! The JSON shapes of the command line (README, "Command line"): an item, the debt register and
//! the capacity split. Their size is linear in the board file's: an item carries its own ticks,
//! never a copy of the board's definition of done.

use serde_json::{Value, json};

use crate::domain::backlinks::Backlinks;
use crate::domain::capacity::{Capacity, Split};
use crate::domain::debt::Register;
use crate::domain::{Board, Item, Timestamp, timebox, two_stage};

/// What output about many items computes once per board.
pub struct Listing<'b> {
    pub links: Backlinks,
    pub progress: two_stage::Progress<'b>,
}

impl<'b> Listing<'b> {
    pub fn of(board: &'b Board) -> Listing<'b> {
        Listing { links: Backlinks::of(board), progress: two_stage::Progress::of(board) }
    }
}

/// An item as `list --json` and `show --json` print it; `overdue` is as of `now`.
pub fn item(board: &Board, listing: &Listing, item: &Item, now: Timestamp) -> Value {
    let links = &listing.links;
    let (ticked, total) = listing.progress.of_item(item);
    json!({
        "id": item.id,
        "title": item.title,
        "track": item.track.name(),
        "stage": item.stage.number(),
        "column": item.column,
        "kind": item.kind.name(),
        "estimate": item.estimate,
        "tags": item.tags,
        "assignee": item.assignee,
        "column_name": board.column(item.track, &item.column).map(|c| c.name.as_str()),
        "description": item.description,
        "links": item.links,
        "question": item.question,
        "outcome": item.outcome,
        "timebox": item.timebox,
        "overdue": timebox::overdue(board, item, now.date_naive()),
        "learned": item.learned,
        "drop_reason": item.drop_reason,
        "promoted_from": item.promoted_from,
        "promoted_into": links.promoted_into(item.id),
        "severity": item.severity.map(|s| s.name()),
        "follow_up_of": item.follow_up_of,
        "follow_ups": links.follow_ups(item.id),
        "accepted": item.accepted,
        "checklist": item.checklist.iter().map(|e| json!({"text": e.text, "done": e.done})).collect::<Vec<_>>(),
        "done_when": {"ticked": ticked, "total": total},
        "finished": item.finished,
        "created": item.created,
        "updated": item.updated,
    })
}

/// The debt register as `debt --json` prints it.
pub fn debt(board: &Board, register: &Register, now: Timestamp) -> Value {
    let listing = Listing::of(board);
    json!({
        "open": register.open.iter().map(|it| item(board, &listing, it, now)).collect::<Vec<_>>(),
        "totals": {
            "count": register.open.len(),
            "cost": register.total_cost,
            "unestimated": register.unestimated,
            "by_severity": register
                .by_severity
                .iter()
                .map(|(s, n, cost)| json!({"severity": s.map(|s| s.name()), "count": n, "cost": cost}))
                .collect::<Vec<_>>(),
        },
        "last_14_days": {"created": register.created, "repaid": register.repaid},
    })
}

/// The capacity split as `stats --json` prints it.
pub fn stats(capacity: &Capacity) -> Value {
    json!({
        "capacity": capacity.capacity,
        "targets": {
            "discovery": capacity.target_discovery,
            "stage_two": capacity.target_stage_two,
        },
        "planned": split(&capacity.points),
        "planned_items": split(&capacity.items),
        "basis": capacity.basis.name(),
        "shares": {
            "discovery": capacity.discovery_share,
            "stage_two": capacity.stage_two_share,
        },
        "unestimated": capacity.unestimated,
    })
}

fn split(split: &Split) -> Value {
    json!({
        "total": split.total,
        "discovery": split.discovery,
        "delivery": split.delivery,
        "stage_one": split.stage_one,
        "stage_two": split.stage_two,
    })
}
