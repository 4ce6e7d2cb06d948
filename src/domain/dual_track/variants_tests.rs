//! Variants: splitting an item into an experiment, picking the winner in one undoable step, and
//! the refusals that change nothing.

use super::*;
use crate::domain::capacity::Capacity;
use crate::domain::two_stage;
use crate::domain::two_stage::debt;
use crate::model::lanes::LaneKey;
use crate::model::{Kind, Severity, Track};
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

fn apply<E: std::fmt::Debug>(board: &mut Board, op: impl FnOnce(&Board) -> Result<Op, E>) -> Edit {
    let op = op(board).expect("op");
    board.apply(op.edit).expect("applies")
}

fn titles(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// #1 "Checkout" (a tagged stage-one feature in Ready), #2 "Other" below it, and a follow-up #3
/// of #1.
fn board() -> Board {
    let mut board = Board::new("t");
    let checkout = NewItem {
        title: "Checkout".into(),
        tags: vec!["pay".into()],
        estimate: Some(5),
        ..NewItem::default()
    };
    apply(&mut board, |b| ops::add(b, checkout, now()));
    apply(&mut board, |b| ops::add(b, NewItem { title: "Other".into(), ..NewItem::default() }, now()));
    apply(&mut board, |b| two_stage::follow_up(b, 1, "Tests", Some(2), Some(Severity::High), now()));
    board
}

fn lane(board: &Board, column: usize, stage: Stage) -> Vec<ItemId> {
    lane_items(board, LaneKey { track: Track::Delivery, column, stage }).iter().map(|it| it.id).collect()
}

#[test]
fn splitting_makes_an_experiment_of_siblings_right_below_the_item() {
    let mut board = board();
    let before = board.clone();
    let op =
        split(&board, 1, &titles(&["One-page checkout", " ", "Express checkout"]), now()).expect("split");
    assert_eq!(op.summary, "#1 split into variants A #1, B #4, C #5");
    let inverse = board.apply(op.edit).expect("apply");
    assert_eq!(lane(&board, 0, Stage::One), [1, 4, 5, 2], "the variants sit together");
    let variants: Vec<(ItemId, Option<&str>)> =
        group(&board, 1).iter().map(|v| (v.id, v.variant.as_deref())).collect();
    assert_eq!(variants, [(1, Some("A")), (4, Some("B")), (5, Some("C"))]);
    let b = board.item(4).expect("B");
    assert_eq!((b.kind, b.tags.as_slice(), b.estimate), (Kind::Feature, &["pay".to_owned()][..], None));
    assert_eq!(mark(b).as_deref(), Some("[B]"));
    assert_eq!(
        describe(&board, b).as_deref(),
        Some("#1, variant B of 3 (open): A #1, B #4, C #5"),
        "every variant shows the experiment"
    );
    // More variants join the same experiment, up to five.
    let more = split(&board, 4, &titles(&["Wallet"]), now()).expect("more");
    assert_eq!(more.summary, "experiment #1 now has variants A #1, B #4, C #5, D #6");
    assert_eq!(
        split(&board, 1, &titles(&["x", "y", "z"]), now()),
        Err(VariantError::TooManyVariants { id: 1, count: 6, max: MAX })
    );
    board.apply(inverse).expect("undo");
    assert_eq!(board.items(), before.items(), "one step to undo (ids are never reused)");
}

#[test]
fn picking_the_winner_archives_the_losers_and_accepts_the_winner_in_one_step() {
    let mut board = board();
    apply(&mut board, |b| split(b, 1, &titles(&["Express checkout"]), now()));
    // The loser #4 had a follow-up of its own; #1's follow-up #3 waits in Ready's stage-two lane.
    apply(&mut board, |b| two_stage::follow_up(b, 4, "Loser's tests", None, None, now()));
    let before = board.clone();
    let op = pick(&board, 1, now()).expect("pick");
    assert_eq!(op.summary, "A #1 won experiment #1; lost: B #4; 1 follow-up is next, on top of Ready");
    assert_eq!(op.edit.subject(), Some(1), "the selection lands on the winner");
    let inverse = board.apply(op.edit).expect("apply");
    let (winner, loser) = (board.item(1).expect("winner"), board.item(4).expect("loser"));
    assert_eq!((winner.winner, loser.winner), (Some(1), Some(1)));
    assert_eq!((winner.column.as_str(), loser.column.as_str()), ("ready", "done"));
    assert!(is_lost(loser) && !is_lost(winner));
    assert_eq!(loser.finished, None, "archived, not finished");
    assert_eq!((mark(winner).as_deref(), mark(loser).as_deref()), (Some("[A]✓"), Some("[B]✗")));
    assert_eq!(winner.accepted, Some(now().date_naive()));
    assert_eq!(winner.accepted_by.as_deref(), Some("ab-test"));
    assert_eq!(winner.acceptance_note.as_deref(), Some("won experiment #1 against B #4"));
    assert_eq!(lane(&board, 0, Stage::Two)[0], 3, "the winner's follow-up is next");
    assert_eq!(describe(&board, loser).as_deref(), Some("#1, variant B of 2: A #1 won; B #4 lost"));
    // The archived loser is neither planned work nor repaid debt.
    assert_eq!(Capacity::of(&board).items.total, 4, "#1, #2 and both follow-ups");
    assert_eq!(debt::register(&board, now()).repaid, 0);
    // Picking again is refused; one undo restores everything.
    assert_eq!(pick(&board, 4, now()), Err(VariantError::Decided { experiment: 1, winner: 1 }));
    assert_eq!(
        split(&board, 1, &titles(&["late"]), now()),
        Err(VariantError::Decided { experiment: 1, winner: 1 })
    );
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
}

#[test]
fn bad_requests_are_refused_in_one_sentence_and_change_nothing() {
    let mut board = board();
    let message = |r: Result<Op, VariantError>| r.expect_err("refused").to_string();
    assert_eq!(
        message(pick(&board, 2, now())),
        "#2 is not a variant of an experiment; split an item into variants first"
    );
    assert_eq!(
        message(split(&board, 1, &titles(&["  "]), now())),
        "an experiment needs at least two variants, so #1 needs at least one more"
    );
    assert_eq!(
        message(split(&board, 3, &titles(&["x"]), now())),
        "variants are made of stage-one items, and #3 is stage two"
    );
    assert_eq!(split(&board, 9, &titles(&["x"]), now()), Err(OpError::NoSuchItem(9).into()));
    // An experiment whose other variants were deleted has nothing to pick between.
    apply(&mut board, |b| split(b, 1, &titles(&["B"]), now()));
    apply(&mut board, |b| ops::remove(b, 4));
    assert_eq!(pick(&board, 1, now()), Err(VariantError::LonelyVariant(1)));
    assert_eq!(letter(0), "A");
    assert_eq!(letter(4), "E");
}

#[test]
fn an_enforced_definition_of_done_holds_for_the_winner_until_its_acceptance_is_forced() {
    let mut board = board();
    apply(&mut board, |b| split(b, 1, &titles(&["Express checkout"]), now()));
    let enforce = two_stage::set_policy(&board, Stage::One, crate::model::DonePolicy::Enforce);
    board.apply(enforce.edit).expect("policy");
    let before = board.clone();
    let err = pick(&board, 1, now()).expect_err("refused");
    assert!(err.to_string().starts_with("#1 cannot be accepted: its stage one definition of done"), "{err}");
    assert_eq!(board, before, "nothing changed");
    apply(&mut board, |b| two_stage::accept_forced(b, 1, Evidence::default(), "launch", now()));
    let op = pick(&board, 1, now()).expect("the forced reason stands");
    board.apply(op.edit).expect("applies");
    assert_eq!(board.item(1).and_then(|it| it.forced.as_deref()), Some("launch"));
}
