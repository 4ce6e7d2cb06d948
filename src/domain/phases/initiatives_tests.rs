//! Creating and editing initiatives, labelling items, and the boundary decision with its
//! refusals and its stop (both choices, one undo).

use super::*;
use crate::domain::change::initiative_edit::InitiativeError;
use crate::domain::change::{EditError, ops};
use crate::domain::phases::fixture as fx;
use crate::domain::phases::fixture::{apply, board, now};
use crate::model::Phase::*;

fn decision(verdict: Verdict, open_items: Option<OpenItems>) -> DecisionInput {
    DecisionInput {
        boundary: Boundary::One,
        verdict,
        review: "Worked: one-page checkout. Didn't: address lookup".into(),
        plan: "Drop address lookup; saved cards next".into(),
        communicated: "sales, support".into(),
        open_items,
    }
}

fn phased_error(result: Result<Op, PhasedError>) -> PhasedError {
    match result {
        Err(err) => err,
        other => panic!("expected a phased-delivery error, got {other:?}"),
    }
}

#[test]
fn ids_come_from_names_unless_given_and_stay_unique() {
    let mut b = fx::empty();
    let new = |name: &str, id: Option<&str>| NewInitiative {
        name: name.into(),
        id: id.map(str::to_owned),
        criteria: Criteria { mvp: vec!["  Pay by card ".into(), " ".into()], ..Criteria::default() },
        ..NewInitiative::default()
    };
    let op = create(&b, new("  Checkout   again ", None)).expect("create");
    assert_eq!(op.summary, "added initiative checkout-again \"Checkout again\"");
    apply(&mut b, |b| create(b, new("Checkout", None)));
    assert!(b.initiative("checkout-2").is_some(), "the slug `checkout` was taken");
    assert_eq!(b.initiative("checkout-2").map(|i| i.criteria.mvp.clone()), Some(vec!["Pay by card".into()]));
    apply(&mut b, |b| create(b, new("Anything", Some("pay"))));
    assert_eq!(b.initiative("pay").map(|i| i.name.as_str()), Some("Anything"));
    assert_eq!(phased_error(create(&b, new("Other", Some("pay")))), PhasedError::IdTaken("pay".into()));
    assert_eq!(phased_error(create(&b, new("Other", Some("Pay Now")))), PhasedError::BadId("Pay Now".into()));
    assert_eq!(phased_error(create(&b, new("  ", None))), PhasedError::EmptyName);
    let ids: Vec<&str> = b.initiatives().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["checkout", "checkout-2", "pay"], "kept sorted by id");
}

#[test]
fn initiatives_are_found_by_id_or_name_and_unknown_ones_are_named() {
    let b = fx::empty();
    for text in ["checkout", "CHECKOUT", "%checkout", "Checkout"] {
        assert_eq!(find(&b, text).map(|i| i.id.as_str()), Ok("checkout"), "{text}");
    }
    assert_eq!(
        find(&b, "search").expect_err("unknown").to_string(),
        "there is no initiative `search` (the initiatives are checkout)"
    );
    let none = Board::new("t");
    assert_eq!(
        find(&none, "x").expect_err("none").to_string(),
        "there is no initiative `x` (the board has none yet)"
    );
}

#[test]
fn editing_changes_fields_in_one_undoable_step_and_never_stops() {
    let mut b = fx::empty();
    let before = b.clone();
    let change = InitiativeChange {
        name: Some("Checkout v2".into()),
        status: Some(Status::Paused),
        ..InitiativeChange::default()
    };
    let op = edit(&b, "checkout", change).expect("edit");
    assert_eq!(op.summary, "initiative checkout: name, status active → paused changed");
    let undo = b.apply(op.edit).expect("apply");
    assert_eq!(
        b.initiative("checkout").map(|i| (i.name.as_str(), i.status)),
        Some(("Checkout v2", Status::Paused))
    );
    b.apply(undo).expect("undo");
    assert_eq!(b, before);
    let stop = InitiativeChange { status: Some(Status::Stopped), ..InitiativeChange::default() };
    assert_eq!(phased_error(edit(&b, "checkout", stop)), PhasedError::StopByDecision("checkout".into()));
    let same = InitiativeChange { name: Some("Checkout".into()), ..InitiativeChange::default() };
    assert!(edit(&b, "checkout", same).expect("no change").edit.is_noop());
}

#[test]
fn labelling_defaults_to_the_current_phase_and_leaving_clears_both_fields() {
    let mut b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(5), "ready")]);
    let op =
        ops::add(&b, ops::NewItem { title: "Loose".into(), ..ops::NewItem::default() }, now()).expect("add");
    b.apply(op.edit).expect("apply");
    let op = label(&b, 3, Some("checkout"), None, now()).expect("label");
    assert_eq!(op.summary, "#3 is enhancement of checkout", "the MVP is done, so new work is enhancement");
    b.apply(op.edit).expect("apply");
    assert_eq!(
        label(&b, 3, Some("checkout"), Some(Enhancement), now()).expect("again").summary,
        "#3 is enhancement of checkout already"
    );
    apply(&mut b, |b| set_phase(b, 3, Polish, now()));
    assert_eq!(b.item(3).and_then(|it| it.phase), Some(Polish));
    apply(&mut b, |b| label(b, 3, None, None, now()));
    let item = b.item(3).expect("item");
    assert_eq!((item.initiative.as_deref(), item.phase), (None, None));
    assert_eq!(phased_error(set_phase(&b, 3, Mvp, now())), PhasedError::NoInitiative(3));
    assert!(matches!(phased_error(label(&b, 3, Some("nope"), None, now())), PhasedError::Unknown { .. }));
}

#[test]
fn the_board_refuses_items_of_missing_initiatives_and_removing_one_in_use() {
    let mut b = board(&[(Mvp, Some(1), "ready")]);
    let dangling = ItemChange { initiative: Some(Some("gone".into())), ..ItemChange::default() };
    let edit = Edit::Change { id: 1, change: Box::new(dangling), at: now() };
    assert_eq!(b.apply(edit), Err(EditError::Initiative(InitiativeError::NoSuch("gone".into()))));
    let half = ItemChange { phase: Some(None), ..ItemChange::default() };
    let edit = Edit::Change { id: 1, change: Box::new(half), at: now() };
    assert_eq!(b.apply(edit), Err(EditError::Initiative(InitiativeError::Membership)));
    let remove = Edit::Initiative(InitiativeEdit::Remove("checkout".into()));
    assert_eq!(
        b.apply(remove).map_err(|e| e.to_string()),
        Err("initiative `checkout` still has 1 item, so it cannot be removed".into())
    );
}

#[test]
fn a_decision_is_recorded_with_date_and_author_and_undone_in_one_step() {
    let mut b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(5), "ready")]);
    let before = b.clone();
    let op = decide(&b, "Checkout", decision(Verdict::Continue, None), "alex", now()).expect("decide");
    assert_eq!(op.summary, "checkout: boundary 1 (MVP → enhancement) decided: continue");
    let undo = b.apply(op.edit).expect("apply");
    let recorded = &b.initiative("checkout").expect("checkout").decisions;
    assert_eq!(recorded.len(), 1);
    let d = &recorded[0];
    assert_eq!(
        (d.date.to_string().as_str(), d.author.as_str(), d.decision),
        ("2026-11-21", "alex", Verdict::Continue)
    );
    assert_eq!((d.communicated.as_str(), d.open_items, d.items.len()), ("sales, support", None, 0));
    b.apply(undo).expect("undo");
    assert_eq!(b, before);
}

#[test]
fn bad_decisions_are_refused_with_one_sentence_and_change_nothing() {
    let b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(5), "doing")]);
    let no_review = DecisionInput { review: "  ".into(), ..decision(Verdict::Continue, None) };
    assert_eq!(phased_error(decide(&b, "checkout", no_review, "alex", now())), PhasedError::NoReview);
    let pivot = DecisionInput { plan: String::new(), ..decision(Verdict::Pivot, None) };
    assert_eq!(phased_error(decide(&b, "checkout", pivot, "alex", now())), PhasedError::PivotWithoutPlan);
    let stop = decide(&b, "checkout", decision(Verdict::Stop, None), "alex", now());
    assert_eq!(
        stop.map_err(|e| e.to_string()),
        Err("stopping `checkout` leaves 1 open item: say whether to drop them or move them to the backlog"
            .into())
    );
    assert!(matches!(
        phased_error(decide(&b, "search", decision(Verdict::Continue, None), "alex", now())),
        PhasedError::Unknown { .. }
    ));
    // A pivot with its plan keeps the initiative active.
    let mut pivoted = b.clone();
    apply(&mut pivoted, |b| decide(b, "checkout", decision(Verdict::Pivot, None), "alex", now()));
    assert_eq!(pivoted.initiative("checkout").map(|i| i.status), Some(Status::Active));
}

#[test]
fn stop_drops_the_open_items_and_one_undo_brings_everything_back() {
    let mut b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(5), "doing"), (Polish, Some(3), "ready")]);
    let before = b.clone();
    let op =
        decide(&b, "checkout", decision(Verdict::Stop, Some(OpenItems::Drop)), "sam", now()).expect("stop");
    assert_eq!(
        op.summary,
        "checkout stopped at boundary 1 (MVP → enhancement); 2 open items dropped (#3, #2)"
    );
    let undo = b.apply(op.edit).expect("apply");
    assert_eq!(b.items().iter().map(|it| it.id).collect::<Vec<_>>(), [1], "the finished item stays");
    let checkout = b.initiative("checkout").expect("checkout");
    assert_eq!(checkout.status, Status::Stopped);
    assert_eq!(
        (checkout.decisions[0].open_items, checkout.decisions[0].items.clone()),
        (Some(OpenItems::Drop), vec![3, 2])
    );
    let again = decide(&b, "checkout", decision(Verdict::Continue, None), "sam", now());
    assert!(
        matches!(phased_error(again), PhasedError::Closed { .. }),
        "a stopped initiative takes no more decisions"
    );
    b.apply(undo).expect("one undo");
    assert_eq!(b, before);
}

#[test]
fn stop_moves_the_open_items_to_the_backlog_out_of_the_initiative_and_one_undo_restores_them() {
    let mut b = board(&[
        (Mvp, Some(2), "done"),
        (Enhancement, Some(5), "doing"),
        (Polish, Some(3), "review"),
        (Polish, Some(1), "ready"),
    ]);
    let committed = Edit::Change {
        id: 3,
        change: Box::new(crate::domain::change::ItemChange {
            sprint: Some(Some("Sprint 1".into())),
            ..Default::default()
        }),
        at: now(),
    };
    b.apply(committed).expect("commit #3");
    let before = b.clone();
    let op = decide(&b, "checkout", decision(Verdict::Stop, Some(OpenItems::Backlog)), "sam", now())
        .expect("stop");
    assert_eq!(
        op.summary,
        "checkout stopped at boundary 1 (MVP → enhancement); 3 open items moved to the backlog (#4, #2, #3)"
    );
    let undo = b.apply(op.edit).expect("apply");
    for id in [2, 3, 4] {
        let item = b.item(id).expect("kept");
        assert_eq!(
            (
                item.column.as_str(),
                item.stage,
                item.initiative.as_deref(),
                item.phase,
                item.sprint.as_deref()
            ),
            ("ready", Stage::One, None, None, None),
            "#{id}: in the backlog, out of the initiative and of any sprint"
        );
    }
    let ready: Vec<ItemId> = crate::model::lanes::lane_items(
        &b,
        crate::model::lanes::LaneKey { track: crate::model::Track::Delivery, column: 0, stage: Stage::One },
    )
    .iter()
    .map(|it| it.id)
    .collect();
    assert_eq!(ready, [4, 2, 3], "the moved items queue below what was there, in board order");
    assert_eq!(
        b.item(4).map(|it| it.rank),
        before.item(4).map(|it| it.rank),
        "an item already in the backlog stays put"
    );
    b.apply(undo).expect("one undo");
    assert_eq!(b, before);
}
