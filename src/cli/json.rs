//! The JSON shapes of SPEC §5: an item, and the capacity split.

use serde_json::{Value, json};

use crate::domain::backlinks::Backlinks;
use crate::domain::capacity::{Capacity, Split};
use crate::domain::debt::Register;
use crate::domain::{Board, Item, Timestamp, age, timebox, two_stage};

/// An item as `list --json` and `show --json` print it; `overdue` is as of `now`.
pub fn item(board: &Board, links: &Backlinks, item: &Item, now: Timestamp) -> Value {
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
        "checklist": two_stage::checklist(board, item)
            .iter()
            .map(|e| json!({"text": e.text, "done": e.done}))
            .collect::<Vec<_>>(),
        "finished": item.finished,
        "sprint": item.sprint,
        "blocked": item.blocked.is_some(),
        "blocked_reason": item.blocked,
        "blocked_since": item.blocked_since,
        "in_column_since": item.entered_column(),
        "days_in_column": age::days_in_column(item, now),
        "created": item.created,
        "updated": item.updated,
    })
}

/// The debt register as `debt --json` prints it.
pub fn debt(board: &Board, register: &Register, now: Timestamp) -> Value {
    let links = Backlinks::of(board);
    json!({
        "open": register.open.iter().map(|it| item(board, &links, it, now)).collect::<Vec<_>>(),
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
        "sprint": capacity.sprint.as_ref().map(|s| json!({
            "name": s.name,
            "start": s.start,
            "end": s.end,
            "model": s.model.name(),
            "stage": s.stage.map(|st| st.number()),
        })),
        "backlog": capacity.sprint.as_ref().map(|_| json!({
            "items": capacity.backlog.items,
            "points": capacity.backlog.points,
        })),
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
