//! `report --json`: the sprint review as one JSON object (docs/guide/command-line.md, "report
//! --json"): the sprint, its recorded figures, the shipped, stage-two and rolled-over items as
//! recorded at the close, and whether they were recorded. Stable: keys are only ever added.

use serde_json::{Value, json};

use crate::cli::print::json::Measures;
use crate::domain::capacity::on_target;
use crate::domain::rhythm::report::Review;
use crate::model::{Board, Figures, ItemAtClose, Split, Sprint, Tally};

/// The review of `sprint` (its figures recorded, or as of now while it is open).
pub fn review(board: &Board, sprint: &Sprint, figures: &Figures, review: &Review) -> Value {
    let share = |actual: u8, target: u8| json!({"actual": actual, "target": target, "on_target": on_target(f64::from(actual), target)});
    let recorded = figures.at_close.as_ref();
    let items = |pick: fn(&ItemAtClose) -> bool| -> Value {
        match recorded {
            Some(at_close) => at_close.items.iter().filter(|it| pick(it)).map(item).collect(),
            None => Value::Null,
        }
    };
    let rolled: Vec<Value> = figures
        .rolled_over
        .iter()
        .map(|id| {
            let title =
                recorded.and_then(|a| a.items.iter().find(|it| it.id == *id)).map(|it| it.title.clone());
            json!({"id": id, "title": title, "to_backlog": figures.went_to_backlog(*id)})
        })
        .collect();
    json!({
        "board": board.name,
        "sprint": sprint.name,
        "start": sprint.start,
        "end": sprint.end,
        "model": sprint.model_label(),
        "capacity": sprint.capacity,
        "goal": sprint.goal,
        "closed": !sprint.is_open(),
        "as_of": review.to,
        "window_start": review.from,
        "recorded_at_close": recorded.is_some(),
        "committed": split(&figures.committed),
        "done": split(&figures.done),
        "stage_two_share": share(figures.stage_two_share, figures.target_stage_two),
        "discovery_share": share(figures.discovery_share, figures.target_discovery),
        "debt_created": tally(figures.debt_created),
        "debt_repaid_in_window": tally(figures.debt_repaid),
        "open_debt": tally(figures.open_debt),
        "shipped": items(ItemAtClose::shipped),
        "stage_two_bought": items(ItemAtClose::bought),
        "rolled_over": rolled,
        "initiatives": recorded.map(|a| a.initiatives.iter().map(|it| json!({
            "id": it.id, "name": it.name, "status": it.status.name(), "done": it.done, "items": it.items,
        })).collect::<Vec<_>>()),
    })
}

fn item(it: &ItemAtClose) -> Value {
    json!({
        "id": it.id,
        "title": it.title,
        "kind": it.kind.name(),
        "track": it.track.name(),
        "stage": it.stage.number(),
        "estimate": it.estimate,
        "committed": it.committed,
        "accepted_by": it.accepted_by,
        "acceptance_note": it.acceptance_note,
        "initiative": it.initiative,
        "measures": Measures(&it.measures),
    })
}

fn split(s: &Split) -> Value {
    json!({"total": s.total, "discovery": s.discovery, "delivery": s.delivery, "stage_one": s.stage_one, "stage_two": s.stage_two})
}

fn tally(t: Tally) -> Value {
    json!({"items": t.items, "points": t.points})
}
