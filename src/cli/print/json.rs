//! The JSON shapes of the command line (docs/guide/command-line.md): an item, the debt register,
//! the capacity split and the retrospective. Their size is linear in the board file's: an item carries its own ticks,
//! never a copy of the board's definition of done.

use serde_json::{Value, json};

use crate::domain::capacity::Capacity;
use crate::domain::dual_track::discovery_success::Timing;
use crate::domain::dual_track::{discovery_success, timebox, variants};
use crate::domain::query::age;
use crate::domain::query::backlinks::Backlinks;
use crate::domain::rhythm::retro::Retro;
use crate::domain::two_stage;
use crate::domain::two_stage::debt::Register;
use crate::domain::two_stage::drag::Drag;
use crate::domain::two_stage::interest;
use crate::model::{Board, Item, Kind, Split, Tally, Timestamp};

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
    let mut value = json!({
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
        "initiative": item.initiative,
        "phase": item.phase.map(|p| p.name()),
        "sprint": item.sprint,
        "blocked": item.blocked.is_some(),
        "blocked_reason": item.blocked,
        "blocked_since": item.blocked_since,
        "forced": item.forced,
        "anticipated_debt": item.anticipated_debt,
        "measures": measures_json(&item.measures),
        "drag": item.drag,
        "in_column_since": item.entered_column(),
        "days_in_column": age::days_in_column(item, now),
        "created": item.created,
        "updated": item.updated,
    });
    if let Value::Object(fields) = &mut value {
        fields.extend(evidence(board, links, item, now));
        fields.insert("source".into(), json!(item.source));
    }
    value
}

/// The evidence fields of an item: how it was accepted, why it is discovery work and how that
/// ended, its experiment, and for open debt its age and interest.
fn evidence(board: &Board, links: &Backlinks, item: &Item, now: Timestamp) -> serde_json::Map<String, Value> {
    let promoted = !links.promoted_into(item.id).is_empty();
    let decision = discovery_success::outcome(board, item, promoted).map(|o| {
        json!({
            "result": o.decision.name(),
            "decided": o.decided,
            "on_time": match o.timing {
                Timing::OnTime => Some(true),
                Timing::Late(_) => Some(false),
                Timing::NoTimebox => None,
            },
            "days_late": match o.timing {
                Timing::Late(days) => days,
                Timing::OnTime | Timing::NoTimebox => 0,
            },
            "days_to_decision": o.days,
        })
    });
    let open_debt = item.kind == Kind::Debt && !board.is_done_column(item.track, &item.column);
    let today = now.date_naive();
    let weights = board.interest_weights();
    let fields = json!({
        "accepted_by": item.accepted_by,
        "acceptance_note": item.acceptance_note,
        "criteria": item.criteria,
        "decision": decision,
        "experiment": item.experiment,
        "variant": item.variant,
        "variants": item.experiment.map_or(&[][..], |e| links.variants(e)),
        "winner": item.winner,
        "lost": variants::is_lost(item),
        "age_days": open_debt.then(|| interest::age_days(item, today)),
        "interest": open_debt.then(|| interest::interest(&weights, item, today)),
    });
    match fields {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
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

/// Measures as JSON: numbers stay the decimal text they were typed as (exact), with the unit.
pub fn measures_json(measures: &[crate::model::Measure]) -> Value {
    measures
        .iter()
        .map(|m| json!({"name": m.name, "before": m.before.as_str(), "after": m.after.as_str(), "unit": m.unit}))
        .collect()
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
