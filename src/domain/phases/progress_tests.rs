//! Progress, phase and warnings worked out by hand on small boards.

use super::*;
use crate::domain::change::ops;
use crate::domain::phases::fixture::{apply, board, now};
use crate::domain::phases::initiatives::DecisionInput;
use crate::domain::phases::{fixture as fx, initiatives};
use crate::model::Phase::*;
use crate::model::{OpenItems, Status, Verdict};

fn progress(board: &Board) -> Progress {
    Progress::of(board, board.initiative("checkout").expect("checkout"))
}

fn keys(p: &Progress) -> Vec<&'static str> {
    p.warnings.iter().map(Warning::key).collect()
}

#[test]
fn points_split_by_phase_and_the_phase_by_progress_and_by_work() {
    // MVP 3 of 3 done; enhancement 2 of 5; polish 0 of 2: 5 of 10 points = 50 %.
    let b = board(&[
        (Mvp, Some(1), "done"),
        (Mvp, Some(2), "done"),
        (Enhancement, Some(2), "done"),
        (Enhancement, Some(3), "doing"),
        (Polish, Some(2), "ready"),
    ]);
    let p = progress(&b);
    assert_eq!((p.basis, p.done, p.total, p.percent()), (Basis::Points, 5, 10, 50.0));
    let per_phase: Vec<(u32, u32, usize, usize)> =
        p.phases.iter().map(|p| (p.done, p.total, p.open_items, p.started)).collect();
    assert_eq!(per_phase, [(3, 3, 0, 0), (2, 5, 1, 1), (0, 2, 1, 0)]);
    assert_eq!((p.by_progress, p.by_work, p.current()), (Enhancement, Some(Enhancement), Enhancement));
    assert_eq!(p.share(Mvp), 30.0);
    assert_eq!(keys(&p), ["boundary_review_due"], "{:?}", p.warnings);
}

#[test]
fn unestimated_items_count_one_each_when_nothing_is_estimated() {
    let b = board(&[(Mvp, None, "done"), (Mvp, None, "ready"), (Polish, None, "ready")]);
    let p = progress(&b);
    assert_eq!((p.basis, p.done, p.total, p.unestimated), (Basis::Items, 1, 3, 3));
    assert_eq!(p.percent(), 33.3);
    assert_eq!((p.by_progress, p.by_work), (Enhancement, Some(Mvp)));
    // Two of three items are MVP: 67 % of the items, and progress crossed 30 %.
    assert_eq!(keys(&p), ["mvp_not_minimal", "boundary_review_due"]);
    assert_eq!(
        p.warnings[0].message(),
        "MVP not minimal: it holds 67% of the items (keep it at 30% or less)"
    );
    assert_eq!(
        p.warnings[1].message(),
        "boundary review due: MVP → enhancement (progress crossed 30%), no decision recorded"
    );
}

#[test]
fn with_some_estimates_unestimated_items_count_no_points() {
    let b = board(&[(Mvp, Some(3), "done"), (Mvp, None, "doing"), (Enhancement, Some(7), "ready")]);
    let p = progress(&b);
    assert_eq!((p.basis, p.done, p.total, p.unestimated), (Basis::Points, 3, 10, 1));
    assert_eq!(p.phase(Mvp).open_items, 1, "the unestimated MVP item is still open work");
}

#[test]
fn a_boundary_reached_exactly_counts_as_crossed() {
    // 6 of 20 points done is exactly 30 %; the MVP still has an open (unestimated) item.
    let b = board(&[(Mvp, Some(6), "done"), (Mvp, None, "ready"), (Enhancement, Some(14), "ready")]);
    let p = progress(&b);
    assert_eq!((p.percent(), p.by_progress, p.by_work), (30.0, Enhancement, Some(Mvp)));
    assert_eq!(p.warnings, [Warning::ReviewDue { boundary: Boundary::One, reached: Reached::Progress }]);
    let b = board(&[(Mvp, Some(5), "done"), (Mvp, None, "ready"), (Enhancement, Some(15), "ready")]);
    assert_eq!((progress(&b).by_progress, progress(&b).warnings.len()), (Mvp, 0), "25 % is still the MVP");
    // 14 of 20 is exactly 70 %.
    let b = board(&[(Mvp, Some(6), "done"), (Enhancement, Some(8), "done"), (Polish, Some(6), "ready")]);
    let p = progress(&b);
    assert_eq!((p.percent(), p.by_progress), (70.0, Polish));
    let due: Vec<Option<Boundary>> = p.warnings.iter().map(Warning::boundary).collect();
    assert_eq!(due, [Some(Boundary::One), Some(Boundary::Two)]);
}

#[test]
fn all_done_means_no_open_work_and_both_reviews_due() {
    let b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(3), "done"), (Polish, Some(5), "done")]);
    let p = progress(&b);
    assert_eq!((p.percent(), p.by_progress, p.by_work, p.current()), (100.0, Polish, None, Polish));
    assert_eq!(
        p.warnings,
        [
            Warning::ReviewDue { boundary: Boundary::One, reached: Reached::Work },
            Warning::ReviewDue { boundary: Boundary::Two, reached: Reached::Work },
        ]
    );
}

#[test]
fn an_empty_initiative_is_in_its_mvp_without_warnings() {
    let p = progress(&fx::empty());
    assert_eq!((p.total, p.percent(), p.by_progress, p.by_work), (0, 0.0, Mvp, None));
    assert!(p.warnings.is_empty());
}

#[test]
fn a_stopped_initiative_keeps_its_progress_and_has_no_warnings() {
    let mut b = board(&[(Mvp, Some(2), "done"), (Enhancement, Some(5), "doing"), (Polish, Some(3), "ready")]);
    let input = DecisionInput {
        boundary: Boundary::One,
        verdict: Verdict::Stop,
        review: "Nobody used it".into(),
        plan: String::new(),
        communicated: String::new(),
        open_items: Some(OpenItems::Backlog),
    };
    apply(&mut b, |b| initiatives::decide(b, "checkout", input, "alex", now()));
    assert_eq!(b.initiative("checkout").map(|i| i.status), Some(Status::Stopped));
    let p = progress(&b);
    assert_eq!((p.done, p.total, p.by_work), (2, 2, None), "only the finished MVP item is left in it");
    assert!(p.warnings.is_empty());
}

#[test]
fn polish_before_core_is_raised_and_cleared() {
    let mut b = board(&[(Mvp, Some(1), "ready"), (Mvp, Some(1), "doing"), (Polish, Some(8), "ready")]);
    assert!(!keys(&progress(&b)).contains(&"polish_before_core"), "polish waiting in Ready is fine");
    apply(&mut b, |b| ops::move_to_column(b, 3, "doing", now()));
    let p = progress(&b);
    assert_eq!(p.warnings[0], Warning::PolishBeforeCore { early: vec![3], open_mvp: 2 });
    assert_eq!(p.warnings[0].message(), "polish before core: #3 started while 2 MVP items are open");
    for id in [1, 2] {
        apply(&mut b, |b| ops::move_to_column(b, id, "done", now()));
    }
    assert!(!keys(&progress(&b)).contains(&"polish_before_core"), "the core is done");
}

#[test]
fn mvp_not_minimal_is_raised_and_cleared() {
    let mut b = board(&[(Mvp, Some(2), "ready"), (Mvp, Some(2), "ready"), (Enhancement, Some(6), "ready")]);
    assert_eq!(progress(&b).warnings, [Warning::MvpNotMinimal { share: 40.0, basis: Basis::Points }]);
    apply(&mut b, |b| initiatives::set_phase(b, 2, Enhancement, now()));
    assert!(progress(&b).warnings.is_empty(), "20 % is minimal");
    // Exactly 30 % is still minimal.
    let b = board(&[(Mvp, Some(3), "ready"), (Enhancement, Some(7), "ready")]);
    assert!(progress(&b).warnings.is_empty());
}

#[test]
fn boundary_review_due_is_cleared_by_a_decision_and_comes_back_on_undo() {
    let mut b =
        board(&[(Mvp, Some(2), "doing"), (Enhancement, Some(4), "ready"), (Polish, Some(4), "ready")]);
    assert!(progress(&b).warnings.is_empty());
    apply(&mut b, |b| ops::move_to_column(b, 1, "done", now()));
    assert_eq!(
        progress(&b).warnings,
        [Warning::ReviewDue { boundary: Boundary::One, reached: Reached::Work }]
    );
    let input = DecisionInput {
        boundary: Boundary::One,
        verdict: Verdict::Continue,
        review: "Checkout works end to end".into(),
        plan: "Saved cards next".into(),
        communicated: "sales, support".into(),
        open_items: None,
    };
    let undo = apply(&mut b, |b| initiatives::decide(b, "checkout", input, "alex", now()));
    assert!(progress(&b).warnings.is_empty());
    b.apply(undo).expect("undo");
    assert_eq!(keys(&progress(&b)), ["boundary_review_due"]);
}

#[test]
fn all_computes_what_of_computes_for_each_initiative() {
    let mut b = board(&[(Mvp, Some(2), "done"), (Polish, Some(3), "doing")]);
    let new = initiatives::NewInitiative { name: "Search".into(), ..Default::default() };
    apply(&mut b, |b| initiatives::create(b, new));
    let all = Progress::all(&b);
    assert_eq!(all.len(), 2);
    for (initiative, progress) in all {
        assert_eq!(progress, Progress::of(&b, initiative), "{}", initiative.id);
    }
}

#[test]
fn news_are_the_warnings_a_change_brought() {
    let mut b =
        board(&[(Mvp, Some(1), "doing"), (Enhancement, Some(2), "ready"), (Polish, Some(2), "ready")]);
    let before = snapshot(&b);
    apply(&mut b, |b| ops::move_to_column(b, 3, "doing", now()));
    assert_eq!(news(&before, &b), ["checkout: polish before core: #3 started while 1 MVP item is open"]);
    let before = snapshot(&b);
    apply(&mut b, |b| ops::move_to_column(b, 3, "review", now()));
    assert!(news(&before, &b).is_empty(), "the same early work is not news again");
    apply(&mut b, |b| ops::move_to_column(b, 2, "doing", now()));
    assert_eq!(news(&before, &b).len(), 1, "another item started early is");
    let before = snapshot(&b);
    apply(&mut b, |b| ops::move_to_column(b, 1, "done", now()));
    assert_eq!(
        news(&before, &b),
        ["checkout: boundary review due: MVP → enhancement (every MVP item is done), no decision recorded"]
    );
}

#[test]
fn a_long_list_of_early_items_names_a_few() {
    let warning = Warning::PolishBeforeCore { early: (1..=8).collect(), open_mvp: 3 };
    assert_eq!(
        warning.message(),
        "polish before core: #1, #2, #3, #4, #5 and 3 more started while 3 MVP items are open"
    );
}
