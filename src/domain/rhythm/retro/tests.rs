//! The retrospective on a fixture board with a pinned clock: areas ranked by hand-computed
//! numbers, the proposed ratio against the documented rule at three debt levels, accepting it
//! (and undoing it), open actions heading it, old closes that did not record where the capacity
//! went.

use chrono::{DateTime, NaiveDate};

use super::ratio::{DebtLevel, accept, propose};
use super::*;
use crate::domain::change::Edit;
use crate::domain::phases::initiatives::{self, NewInitiative};
use crate::domain::rhythm::doc::Block;
use crate::model::{ItemId, Place, Rollover, Spent, Split, Stage, Tally, Track};

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn now() -> Timestamp {
    at("2026-12-01T10:00:00Z")
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

/// Adds an item as the board would hold it; `done` finishes it at that time.
fn item(board: &mut Board, kind: Kind, estimate: u32, created: &str, done: Option<&str>) -> ItemId {
    let id = board.next_id;
    let column = if done.is_some() { "done" } else { "ready" };
    let stage = if kind == Kind::Debt { Stage::Two } else { Stage::One };
    let place =
        Place { track: Track::Delivery, column: column.into(), stage, rank: i64::try_from(id).expect("id") };
    let mut item = Item::new(id, format!("{kind} {id}"), place, kind, at(created));
    item.estimate = Some(estimate);
    item.finished = done.map(at);
    board.apply(Edit::Add(Box::new(item))).expect("add");
    id
}

fn set(board: &mut Board, id: ItemId, f: impl FnOnce(&mut Item)) {
    let mut item = board.item(id).expect("item").clone();
    f(&mut item);
    board.apply(Edit::Remove(id)).expect("remove");
    board.apply(Edit::Add(Box::new(item))).expect("add");
}

fn tagged(board: &mut Board, tag: &str, estimate: u32, created: &str, done: Option<&str>) -> ItemId {
    let id = item(board, Kind::Debt, estimate, created, done);
    set(board, id, |it| it.tags = vec![tag.into()]);
    id
}

fn figures(closed: &str, done: u32, created: u32, repaid: u32, spent: Option<Spent>) -> Figures {
    Figures {
        closed: at(closed),
        target_discovery: 20,
        target_stage_two: 30,
        committed: Split { total: done + 4, delivery: done + 4, stage_one: done + 4, ..Split::default() },
        done: Split { total: done, delivery: done, stage_one: done, ..Split::default() },
        discovery_share: 0,
        stage_two_share: if repaid > 0 { 25 } else { 0 },
        debt_created: Tally { items: 1, points: created },
        debt_repaid: Tally { items: 1, points: repaid },
        open_debt: Tally::default(),
        spikes_concluded: 0,
        promoted: Vec::new(),
        dropped: Vec::new(),
        repaid: Vec::new(),
        rolled_over: Vec::new(),
        rollover: Rollover::Next,
        to_backlog: Vec::new(),
        at_close: None,
        spent,
    }
}

fn sprint(name: &str, start: &str, end: &str, figures: Option<Figures>) -> Sprint {
    Sprint {
        name: name.into(),
        start: day(start),
        end: day(end),
        capacity: 40,
        model: crate::model::Model::Split,
        stage: None,
        delivery_sprints: None,
        goal: None,
        figures,
    }
}

/// Three closed sprints (S1 closed before `spent` was recorded) and S4 open. The window of the
/// last three runs from S1's start (2026-10-19) to S3's close (2026-11-27 17:00).
///
/// Debt in the window, by hand: #payments 5 + 3 + 2 = 10 pt logged, none repaid (+10); feature
/// #1's follow-up 6 pt (+6); initiative `checkout` 4 pt (+4); #search 8 + 1 logged, 8 repaid
/// (+1); #legacy logged before the window, 5 repaid in it (-5). #payments' debt of 2026-11-29
/// is after the window. Open debt now: 5 + 3 + 2 + 1 + 4 + 6 + 2 = 23 pt.
fn board() -> Board {
    let mut board = Board::new("Retro fixture");
    let feature = item(&mut board, Kind::Feature, 5, "2026-10-19T09:00:00Z", Some("2026-10-29T09:00:00Z"));
    set(&mut board, feature, |it| it.title = "Checkout v2".into());
    tagged(&mut board, "payments", 5, "2026-10-20T09:00:00Z", None);
    tagged(&mut board, "payments", 3, "2026-11-03T09:00:00Z", None);
    tagged(&mut board, "payments", 2, "2026-11-18T09:00:00Z", None);
    tagged(&mut board, "search", 8, "2026-10-21T09:00:00Z", Some("2026-11-10T09:00:00Z"));
    tagged(&mut board, "search", 1, "2026-11-05T09:00:00Z", None);
    tagged(&mut board, "legacy", 5, "2026-10-01T09:00:00Z", Some("2026-11-25T09:00:00Z"));
    tagged(&mut board, "payments", 2, "2026-11-29T09:00:00Z", None);
    let new =
        NewInitiative { name: "Checkout".into(), id: Some("checkout".into()), ..NewInitiative::default() };
    board.apply(initiatives::create(&board, new).expect("initiative").edit).expect("apply");
    let initiative = item(&mut board, Kind::Debt, 4, "2026-11-20T09:00:00Z", None);
    set(&mut board, initiative, |it| {
        it.initiative = Some("checkout".into());
        it.phase = Some(crate::model::Phase::Mvp);
    });
    let follow_up = item(&mut board, Kind::Debt, 6, "2026-11-06T09:00:00Z", None);
    set(&mut board, follow_up, |it| it.follow_up_of = Some(feature));
    let spent = Spent {
        features: Tally { items: 3, points: 20 },
        bugs: Tally { items: 1, points: 6 },
        debt: Tally { items: 2, points: 8 },
        ..Spent::default()
    };
    board.sprints = vec![
        sprint("S1", "2026-10-19", "2026-10-30", Some(figures("2026-10-30T17:00:00Z", 30, 13, 0, None))),
        sprint(
            "S2",
            "2026-11-02",
            "2026-11-13",
            Some(figures("2026-11-13T17:00:00Z", 34, 10, 8, Some(spent))),
        ),
        sprint(
            "S3",
            "2026-11-16",
            "2026-11-27",
            Some(figures("2026-11-27T17:00:00Z", 26, 6, 5, Some(spent))),
        ),
        sprint("S4", "2026-11-30", "2026-12-11", None),
    ];
    board
}

#[test]
fn areas_are_ranked_by_debt_logged_minus_repaid_worst_first() {
    let board = board();
    let retro = retro(&board, None, 3, now()).expect("retro");
    let ranked: Vec<(String, i64)> =
        retro.areas.iter().map(|a| (format!("{} {}", a.kind.name(), a.name), a.net())).collect();
    assert_eq!(
        ranked,
        [
            ("tag #payments".to_owned(), 10),
            ("feature #1 Checkout v2".to_owned(), 6),
            ("initiative checkout".to_owned(), 4),
            ("tag #search".to_owned(), 1),
            ("tag #legacy".to_owned(), -5),
        ]
    );
    let search = &retro.areas[3];
    assert_eq!(
        (search.created, search.repaid),
        (Tally { items: 2, points: 9 }, Tally { items: 1, points: 8 })
    );
    let section = retro.doc.sections.iter().find(|s| s.heading == "Where debt grows fastest").expect("areas");
    assert_eq!(
        section.blocks[0],
        Block::Warning("Debt grows fastest in tag #payments: 10 pt more logged than repaid.".into())
    );
}

#[test]
fn the_last_one_sprint_looks_only_at_its_own_window() {
    let board = board();
    let retro = retro(&board, Some("S3"), 1, now()).expect("retro");
    assert_eq!((retro.from, retro.to), (at("2026-11-13T17:00:00Z"), at("2026-11-27T17:00:00Z")));
    let ranked: Vec<(&str, i64)> = retro.areas.iter().map(|a| (a.name.as_str(), a.net())).collect();
    assert_eq!(ranked, [("checkout", 4), ("#payments", 2), ("#legacy", -5)]);
}

#[test]
fn the_proposed_ratio_follows_the_documented_rule_at_three_debt_levels() {
    // Low: 6 pt of debt, 40 pt a sprint: 2 pt a sprint is 5 %, kept at the floor.
    let low = propose(DebtLevel { open_debt: 6, velocity: 40, growth: 0 }, 30).expect("low");
    assert_eq!(low.proposed, 10);
    assert!(low.reason.contains("(kept at 10% so stage two goes on)"), "{}", low.reason);
    // Medium: 30 pt, growing 2 a sprint: 10 + 2 = 12 pt of 40 is 30 %.
    let medium = propose(DebtLevel { open_debt: 30, velocity: 40, growth: 2 }, 30).expect("medium");
    assert_eq!(medium.proposed, 30);
    assert_eq!(
        medium.reason,
        "Open debt of 30 pt, growing 2 pt per sprint, against 40 pt done per sprint: repaying it within 3 sprints while keeping up takes about 12 pt a sprint, 30% of the work."
    );
    // High: 120 pt growing 5, 30 pt a sprint: 45 pt is 150 %, capped.
    let high = propose(DebtLevel { open_debt: 120, velocity: 30, growth: 5 }, 30).expect("high");
    assert_eq!(high.proposed, 50);
    assert!(high.reason.ends_with("(capped at 50% so stage one goes on)."), "{}", high.reason);
    // Shrinking debt is not subtracted: the rule repays what is open.
    let shrinking = propose(DebtLevel { open_debt: 30, velocity: 40, growth: -4 }, 30).expect("shrinking");
    assert_eq!(shrinking.proposed, 25, "10 pt of 40 is 25 %");
    assert_eq!(propose(DebtLevel { open_debt: 30, velocity: 0, growth: 0 }, 30), None);
}

#[test]
fn the_fixture_proposes_forty_percent_and_accepting_it_sets_the_next_sprints_target() {
    let mut board = board();
    let proposal = retro(&board, None, 3, now()).expect("retro").proposal.expect("proposal");
    // Velocity (30 + 34 + 26) / 3 = 30; growth (13 + 2 + 1) / 3 = 5.3 → 5; open debt 23:
    // 23 / 3 + 5 = 12.7 pt of 30 is 42 %, rounded to 40 %.
    assert_eq!(proposal.level, DebtLevel { open_debt: 23, velocity: 30, growth: 5 });
    assert_eq!((proposal.current, proposal.proposed), (30, 40));
    let before = board.clone();
    let op = accept(&board, &proposal).expect("a change");
    assert!(
        op.summary.starts_with("retro decision: stage-two target 30% → 40%. Open debt of 23 pt"),
        "{}",
        op.summary
    );
    let undo = board.apply(op.edit).expect("apply");
    let open = board.current_sprint().expect("S4").clone();
    assert_eq!(open.targets(&board.capacity).stage_two, 40, "the open sprint is measured against it");
    let closed = crate::domain::rhythm::figures::record(&board, &open, Rollover::Next, now());
    assert_eq!(closed.target_stage_two, 40, "and its close records it");
    assert_eq!(accept(&board, &proposal), None, "applied already: nothing to do");
    board.apply(undo).expect("undo");
    assert_eq!(board, before);
}

#[test]
fn open_actions_head_the_retro_until_done() {
    let mut board = board();
    let open = item(&mut board, Kind::Action, 0, "2026-11-28T09:00:00Z", None);
    set(&mut board, open, |it| {
        it.title = "Pair on the flaky checkout tests".into();
        it.assignee = Some("ana".into());
    });
    let first = retro(&board, None, 3, now()).expect("retro").doc.sections.remove(0);
    assert_eq!(first.heading, "Actions from earlier retrospectives");
    assert_eq!(first.blocks[0], Block::Warning("1 action still open:".into()));
    assert_eq!(
        first.blocks[1],
        Block::List(vec![format!("#{open} Pair on the flaky checkout tests (ana, since 2026-11-28)")])
    );
    set(&mut board, open, |it| {
        it.column = "done".into();
        it.finished = Some(at("2026-11-30T12:00:00Z"));
    });
    let first = retro(&board, None, 3, now()).expect("retro").doc.sections.remove(0);
    assert_eq!(first.blocks[0], Block::Para("No open actions.".into()));
    assert_eq!(first.blocks[1], Block::Para("Done since:".into()));
}

#[test]
fn old_closes_say_the_capacity_split_was_not_recorded() {
    let board = board();
    let doc = retro(&board, None, 3, now()).expect("retro").doc;
    let section = doc.sections.iter().find(|s| s.heading == "Where the capacity went").expect("capacity");
    let Block::Table { rows, .. } = &section.blocks[1] else { panic!("a table: {section:?}") };
    assert_eq!(rows[0], ["S1", "not recorded"]);
    assert_eq!(rows[1], ["S2", "59%", "18%", "24%", "0%", "0%"], "20, 6 and 8 of 34 points");
}

#[test]
fn bad_asks_are_one_sentence() {
    let board = board();
    assert_eq!(retro(&board, None, 0, now()).err(), Some(RetroError::NoSprintsAsked));
    assert_eq!(retro(&board, Some("S4"), 3, now()).err(), Some(RetroError::StillOpen("S4".into())));
    assert_eq!(retro(&board, Some("S9"), 3, now()).err(), Some(RetroError::NoSuchSprint("S9".into())));
    assert_eq!(retro(&Board::new("empty"), None, 3, now()).err(), Some(RetroError::NothingClosed));
    assert_eq!(retro(&board, None, 10, now()).expect("all there are").sprints.len(), 3);
}
