//! The JSON shapes of the command line (docs/guide/command-line.md): the debt register, the
//! capacity split and the retrospective (an item's is `item_json.rs`). Their size is linear in the board file's: an item carries its own ticks,
//! never a copy of the board's definition of done.

use serde_json::{Value, json};

pub use super::item_json::{Listing, Measures, item};
use crate::domain::capacity::Capacity;
use crate::domain::rhythm::retro::Retro;
use crate::domain::two_stage::debt::Register;
use crate::domain::two_stage::drag::Drag;
use crate::model::{Board, Item, Split, Tally, Timestamp};

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
        "last_14_days": {
            "created": register.created,
            "repaid": register.repaid,
            "interest_before": register.interest_before,
        },
        "interest": {
            "total": register.total_interest,
            "trend": register.trend(),
            "oldest_days": register.oldest(),
            "weights": register.weights,
        },
        "drag": drag(&register.drag),
        "sort": register.sort.name(),
        "summary": register.in_words(),
    })
}

/// The capacity split as `stats --json` prints it, under the board's name.
pub fn stats(board: &str, capacity: &Capacity) -> Value {
    json!({
        "board": board,
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

/// The retrospective as `retro --json` prints it.
pub fn retro(r: &Retro) -> Value {
    let tally = |t: Tally| json!({"items": t.items, "points": t.points});
    let action =
        |it: &&Item| json!({"id": it.id, "title": it.title, "assignee": it.assignee, "created": it.created});
    json!({
        "from": r.from,
        "to": r.to,
        "actions": {
            "open": r.open_actions.iter().map(action).collect::<Vec<_>>(),
            "done": r.done_actions.iter().map(action).collect::<Vec<_>>(),
        },
        "sprints": r.sprints.iter().map(|(s, f)| json!({
            "name": s.name,
            "stage_two_share": f.stage_two_share,
            "target_stage_two": f.target_stage_two,
            "discovery_share": f.discovery_share,
            "target_discovery": f.target_discovery,
            "done": f.done.total,
            "debt_created": tally(f.debt_created),
            "debt_repaid": tally(f.debt_repaid),
            "spent": f.spent.map(|s| s.parts().iter().map(|(k, t)| ((*k).to_owned(), tally(*t))).collect::<serde_json::Map<_, _>>()),
        })).collect::<Vec<_>>(),
        "areas": r.areas.iter().map(|a| json!({
            "kind": a.kind.name(),
            "name": a.name,
            "created": tally(a.created),
            "repaid": tally(a.repaid),
            "growth": a.net(),
        })).collect::<Vec<_>>(),
        "discovery": {
            "decided": r.discovery.decided.len(),
            "on_time": r.discovery.on_time,
            "late": r.discovery.late,
            "no_timebox": r.discovery.no_timebox,
            "promoted": r.discovery.promoted,
            "dropped": r.discovery.dropped,
            "concluded": r.discovery.concluded,
            "median_days": r.discovery.median_days,
        },
        "drag": drag(&r.drag),
        "proposal": r.proposal.as_ref().map(|p| json!({
            "current": p.current,
            "proposed": p.proposed,
            "open_debt": p.level.open_debt,
            "velocity": p.level.velocity,
            "growth": p.level.growth,
            "reason": p.reason,
        })),
    })
}

/// Drag in points per sprint and paid so far, and as money where a point has a value.
pub fn drag(d: &Drag) -> Value {
    let money = |points: u64| d.value.as_ref().map(|v| u64::from(v.amount).saturating_mul(points));
    json!({
        "per_sprint": d.per_sprint,
        "paid": d.paid,
        "with_drag": d.with,
        "without_drag": d.without,
        "currency": d.value.as_ref().map(|v| v.currency.clone()),
        "per_sprint_money": money(d.per_sprint),
        "paid_money": money(d.paid),
        "summary": d.line(),
    })
}
