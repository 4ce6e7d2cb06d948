//! What changed between two versions of a board, in a few words ("#12 moved to Review"), for
//! telling a user what someone else just did.

use super::activity;
use crate::model::{Board, ItemId};

/// One line per changed item or setting, in id order.
pub fn describe(old: &Board, new: &Board) -> Vec<String> {
    describe_except(old, new, &|_| false)
}

/// [`describe`], leaving out what `known` says is already described (an item id, or `None`
/// for the settings).
pub fn describe_except(old: &Board, new: &Board, known: &dyn Fn(Option<ItemId>) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let (mut a, mut b) = (old.items().iter().peekable(), new.items().iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.id == y.id => {
                if x != y && !known(Some(x.id)) {
                    out.push(activity::summary(new, Some(x), Some(y)));
                }
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x.id < y.id => {
                out.extend((!known(Some(x.id))).then(|| activity::summary(new, Some(x), None)));
                a.next();
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                out.extend((!known(Some(y.id))).then(|| activity::summary(new, None, Some(y))));
                b.next();
            }
            (Some(x), None) => {
                out.extend((!known(Some(x.id))).then(|| activity::summary(new, Some(x), None)));
                a.next();
            }
            (None, None) => break,
        }
    }
    if known(None) {
        return out;
    }
    if old.capacity != new.capacity
        || old.discovery != new.discovery
        || old.delivery != new.delivery
        || old.interest_weights != new.interest_weights
        || old.point_value != new.point_value
    {
        out.push("settings changed".into());
    }
    if old.definition_of_done != new.definition_of_done {
        out.push("definition of done changed".into());
    }
    if old.entry_criteria != new.entry_criteria {
        out.push("entry criteria changed".into());
    }
    out.extend(initiative_changes(old, new));
    out.extend(describe_sprints(old, new));
    out
}

/// One line per initiative added, removed, decided on or edited.
fn initiative_changes(old: &Board, new: &Board) -> Vec<String> {
    let mut out = Vec::new();
    for now in new.initiatives() {
        match old.initiative(&now.id) {
            None => out.push(format!("initiative {} added", now.id)),
            Some(before) if before.decisions.len() < now.decisions.len() => {
                if let Some(d) = now.decisions.last() {
                    out.push(format!("{}: boundary {} decided: {}", now.id, d.boundary.number(), d.decision));
                }
            }
            Some(before) if before != now => out.push(format!("initiative {} edited", now.id)),
            Some(_) => {}
        }
    }
    for gone in old.initiatives().iter().filter(|it| new.initiative(&it.id).is_none()) {
        out.push(format!("initiative {} removed", gone.id));
    }
    out
}

/// What happened to the sprints between two versions of a board, a line each.
fn describe_sprints(old: &Board, new: &Board) -> Vec<String> {
    let mut out = Vec::new();
    for sprint in &new.sprints {
        match old.sprint(&sprint.name) {
            None => out.push(format!("sprint \"{}\" started", sprint.name)),
            Some(before) if before.is_open() && !sprint.is_open() => {
                out.push(format!("sprint \"{}\" closed", sprint.name));
            }
            Some(before) if before != sprint => out.push(format!("sprint \"{}\" changed", sprint.name)),
            Some(_) => {}
        }
    }
    if old.standup != new.standup {
        out.push("standup settings changed".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::domain::change::{NewItem, ops};
    use crate::model::Stage;

    #[test]
    fn says_what_happened_to_each_item() {
        let now = chrono::DateTime::UNIX_EPOCH;
        let mut old = Board::new("t");
        for t in ["a", "b", "c", "d"] {
            let op = ops::add(&old, NewItem { title: t.into(), ..NewItem::default() }, now).expect("add");
            old.apply(op.edit).expect("apply");
        }
        let mut new = old.clone();
        for op in [
            ops::move_to_column(&new, 1, "review", now),
            ops::set_stage(&new, 2, Stage::Two, now),
            ops::remove(&new, 3),
            ops::add(&new, NewItem { title: "e".into(), ..NewItem::default() }, now),
        ] {
            let edit: Edit = op.expect("op").edit;
            new.apply(edit).expect("apply");
        }
        assert_eq!(
            describe(&old, &new),
            ["#1 moved to Review", "#2 labelled stage two", "deleted #3 \"c\"", "added #5 \"e\" in Ready"]
        );
        assert!(describe(&new, &new).is_empty());
    }

    #[test]
    fn says_what_happened_to_initiatives_and_membership() {
        use crate::domain::phases::fixture as fx;
        use crate::domain::phases::fixture::apply;
        use crate::domain::phases::initiatives;
        use crate::domain::phases::initiatives::{DecisionInput, NewInitiative};
        use crate::model::{Boundary, Phase, Verdict};
        let old = fx::board(&[(Phase::Mvp, Some(1), "done"), (Phase::Polish, Some(1), "ready")]);
        let mut new = old.clone();
        apply(&mut new, |b| initiatives::set_phase(b, 2, Phase::Enhancement, fx::now()));
        apply(&mut new, |b| {
            initiatives::create(b, NewInitiative { name: "Search".into(), ..Default::default() })
        });
        let input = DecisionInput {
            boundary: Boundary::One,
            verdict: Verdict::Continue,
            review: "fine".into(),
            plan: String::new(),
            communicated: String::new(),
            open_items: None,
        };
        apply(&mut new, |b| initiatives::decide(b, "checkout", input, "kim", fx::now()));
        assert_eq!(
            describe(&old, &new),
            [
                "#2 is enhancement of checkout",
                "checkout: boundary 1 decided: continue",
                "initiative search added"
            ]
        );
    }
}
