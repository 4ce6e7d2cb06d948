//! The standup as JSON (`standup --json`, docs/guide/command-line.md): every list in full (the
//! text caps them), each person's lines split by work, and the keys scripts rely on.

use serde_json::{Value, json};

use crate::domain::rhythm::standup::{Callout, ItemRef, Person, Standup, Work};
use crate::domain::two_stage::anticipated::Overrun;
use crate::model::Tally;

pub fn standup(s: &Standup) -> Value {
    json!({
        "board": s.board,
        "since": s.since.time.to_rfc3339(),
        "since_why": s.since.why,
        "now": s.now.to_rfc3339(),
        "sprint": s.sprint,
        "goal": s.goal,
        "people": s.people.iter().map(person).collect::<Vec<_>>(),
        "debt": { "created": tally(&s.debt.created), "repaid": tally(&s.debt.repaid) },
        "anticipated_debt_exceeded": s.overruns.iter().map(overrun).collect::<Vec<_>>(),
        "anticipated_debt_since": s.overruns_from.to_rfc3339(),
        "blocked": s.blocked.iter().map(callout).collect::<Vec<_>>(),
        "overdue": s.overdue.iter().map(callout).collect::<Vec<_>>(),
        "stale_days": s.stale_days,
        "stale": s.stale.iter().map(callout).collect::<Vec<_>>(),
        "in_progress": s.in_progress.iter().map(|(who, items)| json!({
            "assignee": who,
            "items": items.iter().map(callout).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A person's lines under `delivery`, `refinement`, `spikes` and `gone` (no longer on the board).
fn person(p: &Person) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("name".into(), json!(p.name));
    for work in Work::ALL.map(Some).into_iter().chain([None]) {
        let of = |r: &ItemRef| r.work == work;
        let lines = json!({
            "moved": p.moved.iter().filter(|m| of(&m.item)).map(|m| json!({
                "id": m.item.id, "title": m.item.title, "from": m.from, "to": m.to,
            })).collect::<Vec<_>>(),
            "finished": p.finished.iter().filter(|f| of(&f.item)).map(|f| json!({
                "id": f.item.id, "title": f.item.title, "outcome": f.outcome, "detail": f.detail,
            })).collect::<Vec<_>>(),
            "added": p.added.iter().filter(|r| of(r)).map(|r| json!({ "id": r.id, "title": r.title }))
                .collect::<Vec<_>>(),
        });
        out.insert(work.map_or("gone", Work::name).into(), lines);
    }
    Value::Object(out)
}

fn tally(t: &Tally) -> Value {
    json!({ "items": t.items, "points": t.points })
}

fn overrun(o: &Overrun) -> Value {
    json!({
        "id": o.id,
        "title": o.title,
        "assignee": o.assignee,
        "anticipated": o.anticipated,
        "follow_ups": o.follow_ups,
        "points": o.points,
        "unestimated": o.unestimated,
    })
}

fn callout(c: &Callout) -> Value {
    json!({
        "id": c.item.id,
        "title": c.item.title,
        "assignee": c.who,
        "days": c.days,
        "note": c.note,
        "blocked": c.blocked,
    })
}
