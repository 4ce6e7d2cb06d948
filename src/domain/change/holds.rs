//! Whether the board still holds what an edit set: undo and redo apply a step only then, so they
//! never revert a change someone else made since (docs/guide/teams-and-git.md, "Several people on one board").

use super::edit::Edit;
use super::fields;
use super::fields::RANK;
use crate::model::{Board, Item, ItemId};

/// Where the board no longer holds what an edit set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// The item was deleted.
    Deleted(ItemId),
    /// These fields of the item hold other values now.
    Changed(ItemId, Vec<String>),
    /// The board's settings changed.
    Settings,
}

/// `Ok` when every field `done` set still has the value it set (an item's place within its lane
/// aside: reordering around an item does not make its move someone else's).
pub fn check(board: &Board, done: &Edit) -> Result<(), Since> {
    match done {
        Edit::Add(item) => match board.item(item.id) {
            None => Err(Since::Deleted(item.id)),
            Some(now) => differs(item.id, now, item),
        },
        Edit::Remove(id) => match board.item(*id) {
            None => Ok(()),
            Some(_) => Err(Since::Changed(*id, vec!["item".into()])),
        },
        Edit::Change { id, change, .. } => {
            let now = board.item(*id).ok_or(Since::Deleted(*id))?;
            let mut set = now.clone();
            (**change).clone().apply_to(&mut set);
            differs(*id, now, &set)
        }
        Edit::SetName(name) => same(board.name == *name),
        Edit::SetPolicy(policy) => same(&board.capacity == policy),
        Edit::SetWipLimit { track, column, limit } => {
            let def = board.track(*track);
            let now = match column {
                None => def.wip_limit,
                Some(index) => def.columns.get(*index).and_then(|c| c.wip_limit),
            };
            same(now == *limit)
        }
        Edit::SetDefinitionOfDone { stage, lines } => {
            same(board.definition_of_done.for_stage(*stage) == lines.as_slice())
        }
        Edit::SetDonePolicy { stage, policy } => same(board.definition_of_done.policy(*stage) == *policy),
        Edit::SetEntryCriteria(list) => same(board.entry_criteria == *list),
        Edit::SetInterestWeights(weights) => same(board.interest_weights == *weights),
        Edit::SetPointValue(value) => same(board.point_value == *value),
        Edit::Initiative(edit) => same(edit.holds(board)),
        Edit::SetSprint { name, sprint } => same(board.sprint(name) == sprint.as_deref()),
        Edit::SetStandup(settings) => same(board.standup == *settings),
        Edit::SetArchiveAfter(after) => same(board.archive_after == *after),
        Edit::Batch(edits) => edits.iter().try_for_each(|edit| check(board, edit)),
    }
}

fn same(holds: bool) -> Result<(), Since> {
    if holds { Ok(()) } else { Err(Since::Settings) }
}

fn differs(id: ItemId, now: &Item, set: &Item) -> Result<(), Since> {
    let names: Vec<String> =
        fields::diff(now, set).into_iter().map(|c| c.name).filter(|name| name != RANK).collect();
    if names.is_empty() { Ok(()) } else { Err(Since::Changed(id, names)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::ItemChange;
    use crate::domain::change::{NewItem, ops};
    use crate::model::{Stage, Timestamp};

    fn now() -> Timestamp {
        chrono::DateTime::UNIX_EPOCH
    }

    fn board() -> Board {
        let mut board = Board::new("t");
        for t in ["a", "b"] {
            let op = ops::add(&board, NewItem { title: t.into(), ..NewItem::default() }, now()).expect("add");
            board.apply(op.edit).expect("apply");
        }
        board
    }

    #[test]
    fn a_move_holds_until_someone_moves_the_item_again() {
        let mut board = board();
        let mine = ops::move_to_column(&board, 1, "doing", now()).expect("op").edit;
        board.apply(mine.clone()).expect("apply");
        assert_eq!(check(&board, &mine), Ok(()));
        // Someone reorders the lane around it: still mine.
        let other = ops::move_to_column(&board, 2, "doing", now()).expect("op").edit;
        board.apply(other).expect("apply");
        let up = ops::shift_in_lane(&board, 2, -1, now()).expect("op").edit;
        board.apply(up).expect("apply");
        assert_eq!(check(&board, &mine), Ok(()));
        let theirs = ops::move_to_column(&board, 1, "review", now()).expect("op").edit;
        board.apply(theirs).expect("apply");
        assert_eq!(check(&board, &mine), Err(Since::Changed(1, vec!["column".into()])));
    }

    #[test]
    fn other_fields_of_the_item_do_not_matter_but_the_ones_set_do() {
        let mut board = board();
        let title = ItemChange { title: Some("mine".into()), ..ItemChange::default() };
        let mine = ops::update(&board, 1, title, now()).expect("op").edit;
        board.apply(mine.clone()).expect("apply");
        let estimate = ItemChange { estimate: Some(Some(3)), ..ItemChange::default() };
        board.apply(ops::update(&board, 1, estimate, now()).expect("op").edit).expect("apply");
        assert_eq!(check(&board, &mine), Ok(()));
        let title = ItemChange { title: Some("theirs".into()), ..ItemChange::default() };
        board.apply(ops::update(&board, 1, title, now()).expect("op").edit).expect("apply");
        assert_eq!(check(&board, &mine), Err(Since::Changed(1, vec!["title".into()])));
        board.apply(ops::remove(&board, 1).expect("op").edit).expect("apply");
        assert_eq!(check(&board, &mine), Err(Since::Deleted(1)));
    }

    #[test]
    fn an_added_item_holds_while_nobody_changed_it_and_settings_while_unchanged() {
        let mut board = board();
        let add =
            ops::add(&board, NewItem { title: "c".into(), ..NewItem::default() }, now()).expect("op").edit;
        board.apply(add.clone()).expect("apply");
        assert_eq!(check(&board, &add), Ok(()));
        board.apply(ops::set_stage(&board, 3, Stage::Two, now()).expect("op").edit).expect("apply");
        assert!(matches!(check(&board, &add), Err(Since::Changed(3, names)) if names == ["stage"]));
        let policy = Edit::SetPolicy(crate::model::CapacityPolicy { points: 7, ..Default::default() });
        board.apply(policy.clone()).expect("apply");
        assert_eq!(check(&board, &Edit::Batch(vec![policy.clone()])), Ok(()));
        board.capacity.points = 8;
        assert_eq!(check(&board, &policy), Err(Since::Settings));
    }

    #[test]
    fn a_sprint_and_the_standup_settings_hold_until_someone_changes_them() {
        let mut board = board();
        let new = crate::domain::rhythm::planning::NewSprint {
            name: Some("S1".into()),
            start: now().date_naive(),
            end: now().date_naive(),
            capacity: 10,
            model: crate::model::Model::Split,
            stage: None,
            ..Default::default()
        };
        let start = crate::domain::rhythm::planning::start(&board, new).expect("start").edit;
        board.apply(start.clone()).expect("apply");
        assert_eq!(check(&board, &start), Ok(()));
        let mark = Edit::SetStandup(crate::model::StandupSettings { mark: Some(now()), stale_days: None });
        board.apply(mark.clone()).expect("apply");
        assert_eq!(check(&board, &mark), Ok(()));
        board.standup.stale_days = Some(5);
        assert_eq!(check(&board, &mark), Err(Since::Settings), "someone changed the days since");
        let close = crate::domain::rhythm::closing::close(
            &board,
            crate::model::Rollover::Next,
            Default::default(),
            now(),
        );
        board.apply(close.expect("close").edit).expect("apply");
        assert_eq!(check(&board, &start), Err(Since::Settings), "the sprint was closed since");
    }
}
