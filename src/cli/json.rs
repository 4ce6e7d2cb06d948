//! The JSON shapes of SPEC §5: an item, and the capacity split.

use serde_json::{Value, json};

use crate::domain::capacity::{Capacity, Split};
use crate::domain::{Board, Item};

/// An item as `list --json` and `show --json` print it.
pub fn item(board: &Board, item: &Item) -> Value {
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
        "timebox": item.timebox,
        "outcome": item.outcome,
        "severity": item.severity.map(|s| s.name()),
        "created": item.created,
        "updated": item.updated,
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
