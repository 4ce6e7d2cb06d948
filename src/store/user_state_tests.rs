use super::*;
use crate::domain::change::edit::{Edit, ItemChange};
use crate::model::{Item, Kind, Place};

fn step(n: u64, text: &str) -> Step {
    let change = ItemChange { title: Some(text.to_owned()), estimate: Some(None), ..ItemChange::default() };
    let at = crate::generate::epoch();
    Step {
        summary: format!("step {n}"),
        edit: Edit::Change { id: n, change: Box::new(change), at },
        done: Edit::Batch(vec![Edit::Remove(n), Edit::Add(Box::new(item(n)))]),
    }
}

fn item(n: u64) -> Item {
    let place = Place { track: Track::Discovery, column: "Ideas".into(), stage: Stage::One, rank: 5 };
    Item::new(n, "x".into(), place, Kind::Bug, crate::generate::epoch())
}

fn spot() -> Spot {
    Spot { item: Some(7), track: Track::Delivery, column: "Doing".into(), stage: Stage::Two, zoom: true }
}

#[test]
fn the_state_comes_back_whole_private_and_per_board_and_user() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let board = dir.path().join("board.ron");
    fs::write(&board, "").expect("board");
    let state = UserState::in_dir(dir.path(), &board, "ann");
    assert_eq!(state.read().expect("read"), None, "nothing yet");
    let kept = Remembered {
        selection: Some(spot()),
        undo: vec![step(1, "a"), step(2, "b")],
        redo: vec![step(3, "c")],
    };
    state.write(&kept).expect("write");
    assert_eq!(state.read().expect("read"), Some(kept.clone()), "Some(None) survives: an estimate cleared");
    assert_eq!(fs::metadata(state.path()).expect("meta").mode() & 0o777, 0o600);
    assert_eq!(
        UserState::in_dir(dir.path(), &board, "bob").read().expect("bob"),
        None,
        "each user their own"
    );
    let other = dir.path().join("other.ron");
    assert_eq!(
        UserState::in_dir(dir.path(), &other, "ann").read().expect("other"),
        None,
        "each board its own"
    );
    let relative = UserState::in_dir(dir.path(), &dir.path().join(".").join("board.ron"), "ann");
    assert_eq!(relative.path(), state.path(), "keyed by the canonical path");
}

#[test]
fn the_newest_steps_are_kept_within_the_bounds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = UserState::in_dir(dir.path(), &dir.path().join("b.ron"), "ann");
    let many: Vec<Step> = (1..=MAX_STEPS as u64 + 20).map(|n| step(n, "t")).collect();
    state.write(&Remembered { undo: many, ..Remembered::default() }).expect("write");
    let undo = state.read().expect("read").expect("kept").undo;
    assert_eq!(undo.len(), MAX_STEPS);
    assert_eq!(undo.first().map(|s| s.summary.as_str()), Some("step 21"), "the oldest dropped");
    let big = "x".repeat(CAP / 4);
    let heavy: Vec<Step> = (1..=5).map(|n| step(n, &big)).collect();
    state.write(&Remembered { undo: heavy, ..Remembered::default() }).expect("write");
    let undo = state.read().expect("read").expect("kept").undo;
    assert_eq!(undo.iter().map(|s| s.summary.as_str()).collect::<Vec<_>>(), ["step 3", "step 4", "step 5"]);
    assert!(fs::metadata(state.path()).expect("meta").len() <= CAP as u64 + 1024);
}

#[test]
fn a_corrupt_large_or_newer_file_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = UserState::in_dir(dir.path(), &dir.path().join("b.ron"), "ann");
    let refused = |text: &[u8]| {
        fs::write(state.path(), text).expect("plant");
        state.read().expect_err("refused").to_string()
    };
    assert!(refused(b"twotrack-user-state 1\n(board: 3").contains("cannot be read"));
    assert!(refused(b"\xff\xfe").contains("not text"));
    assert!(refused(b"something else\n()").contains("not twotrack's"));
    assert_eq!(
        refused(b"twotrack-user-state 9\n(whatever: [])"),
        "it was written by a newer twotrack (format 9)"
    );
    let huge = vec![b' '; CAP * 2];
    assert!(refused(&huge).contains("larger than twotrack writes"));
}
