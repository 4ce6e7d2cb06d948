//! Promotion and drop, with undo, and links both ways.

use super::*;
use crate::domain::dual_track::timebox;
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

/// A board with spike #1 (discovery, exploring) and feature #2 (delivery).
fn board() -> Board {
    let mut board = Board::new("t");
    for (title, column) in [("Spike", "exploring"), ("Feature", "ready")] {
        let new = NewItem { title: title.into(), column: Some(column.into()), ..NewItem::default() };
        let op = ops::add(&board, new, now()).expect("add");
        board.apply(op.edit).expect("apply");
    }
    board
}

#[test]
fn promotion_concludes_the_spike_and_creates_linked_delivery_items_in_one_step() {
    let mut board = board();
    let before = board.clone();
    let titles = vec!["Build it".to_owned(), "  ".to_owned(), "Document it".to_owned()];
    let op = promote(&board, 1, "Yes, streaming halves memory", &titles, Stage::One, now()).expect("promote");
    assert_eq!(op.summary, "#1 promoted into #3, #4");
    let inverse = board.apply(op.edit).expect("apply");
    let spike = board.item(1).expect("spike");
    assert_eq!(
        (spike.column.as_str(), spike.learned.as_deref()),
        ("concluded", Some("Yes, streaming halves memory"))
    );
    assert_eq!(spike.finished, Some(now()));
    for (id, title) in [(3, "Build it"), (4, "Document it")] {
        let item = board.item(id).expect("created");
        assert_eq!(
            (item.title.as_str(), item.track, item.column.as_str()),
            (title, Track::Delivery, "ready")
        );
        assert_eq!((item.stage, item.promoted_from), (Stage::One, Some(1)));
    }
    assert_eq!(linked(&board, board.item(1).expect("spike")), [3, 4]);
    assert_eq!(linked(&board, board.item(3).expect("item")), [1]);
    assert!(
        timebox::standing(&board, board.item(1).expect("spike"), now().date_naive()).is_none(),
        "concluded"
    );
    board.apply(inverse).expect("undo");
    let mut expected = before;
    expected.next_id = board.next_id;
    assert_eq!(board, expected);
}

#[test]
fn drop_records_why_and_creates_nothing() {
    let mut board = board();
    let op = drop(&board, 1, "The vendor closed the API", now()).expect("drop");
    assert_eq!(op.summary, "#1 dropped: The vendor closed the API");
    let inverse = board.apply(op.edit).expect("apply");
    let spike = board.item(1).expect("spike");
    assert_eq!(
        (spike.column.as_str(), spike.drop_reason.as_deref()),
        ("concluded", Some("The vendor closed the API"))
    );
    assert_eq!(board.items().len(), 2);
    board.apply(inverse).expect("undo");
    assert_eq!(board.item(1).expect("spike").column, "exploring");
}

#[test]
fn concluding_is_for_discovery_items_and_needs_content() {
    let board = board();
    assert_eq!(
        promote(&board, 2, "", &["x".into()], Stage::One, now()).expect_err("delivery").to_string(),
        "promotion is for discovery items, and #2 is in the delivery track"
    );
    assert_eq!(promote(&board, 1, "", &[], Stage::One, now()), Err(ConcludeError::NothingToPromote(1)));
    assert_eq!(drop(&board, 1, "  ", now()), Err(ConcludeError::NoReason(1)));
    assert_eq!(
        drop(&board, 2, "no", now()).expect_err("delivery").to_string(),
        "dropping is for discovery items, and #2 is in the delivery track"
    );
}
