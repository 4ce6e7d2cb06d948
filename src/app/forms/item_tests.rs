//! The item form's drag and measures fields: shown where they apply, read back, refused at
//! their field when they do not read.

use super::*;
use crate::domain::change::ops;

fn now() -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a time")
}

/// A board with a stage-one feature (#1) and a stage-two debt item (#2).
fn board() -> Board {
    let mut board = Board::new("t");
    for (title, stage, kind) in
        [("Checkout", Stage::One, Kind::Feature), ("Old cache", Stage::Two, Kind::Debt)]
    {
        let new = NewItem { title: title.into(), stage: Some(stage), kind: Some(kind), ..NewItem::default() };
        let op = ops::add(&board, new, now()).expect("an item");
        board.apply(op.edit).expect("added");
    }
    board
}

fn typed(form: &mut Form, key: FieldKey, text: &str) {
    let at = form.position(key);
    let field = form.fields.get_mut(at).expect("the field is in the form");
    field.input = if key == FieldKey::Measures { Input::text(text) } else { Input::line(text) };
}

fn has(form: &Form, key: FieldKey) -> bool {
    form.fields.iter().any(|f| f.key == key)
}

#[test]
fn a_debt_item_edits_its_drag_and_measures_and_only_what_differs_changes() {
    let board = board();
    let debt = board.item(2).expect("debt");
    let mut form = edit_item(&board, debt, now());
    assert!(has(&form, FieldKey::Drag) && has(&form, FieldKey::Measures));
    typed(&mut form, FieldKey::Drag, "3");
    typed(&mut form, FieldKey::Measures, "p95 checkout latency 480 → 210 ms\n\ncoverage 41 -> 68 %");
    let change = values(&form, now().date_naive()).expect("values").change_from(&board, debt);
    assert_eq!(change.drag, Some(Some(3)));
    let shown: Vec<String> = change.measures.expect("measures").iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["p95 checkout latency 480 → 210 ms", "coverage 41 → 68 %"]);
    assert_eq!(change.title, None, "nothing else changed");
    let untouched = edit_item(&board, debt, now());
    let change = values(&untouched, now().date_naive()).expect("values").change_from(&board, debt);
    assert_eq!((change.drag, change.measures), (None, None), "an unchanged form changes nothing");
}

#[test]
fn a_feature_has_neither_field_and_bad_input_is_refused_at_its_field() {
    let board = board();
    let feature = edit_item(&board, board.item(1).expect("feature"), now());
    assert!(!has(&feature, FieldKey::Drag) && !has(&feature, FieldKey::Measures));
    let debt = board.item(2).expect("debt");
    let mut form = edit_item(&board, debt, now());
    typed(&mut form, FieldKey::Measures, "latency went down a lot");
    let (at, why) = values(&form, now().date_naive()).expect_err("not a measure");
    assert_eq!(at, form.position(FieldKey::Measures));
    assert!(why.starts_with("write a measure as NAME BEFORE → AFTER [UNIT]"), "{why}");
    let mut form = edit_item(&board, debt, now());
    typed(&mut form, FieldKey::Drag, "-2");
    let (at, why) = values(&form, now().date_naive()).expect_err("a negative drag");
    assert_eq!(
        (at, why.as_str()),
        (form.position(FieldKey::Drag), "drag is points per sprint, a whole number from 0 up, not `-2`")
    );
    let mut form = edit_item(&board, debt, now());
    typed(&mut form, FieldKey::Drag, "2");
    let at = form.position(FieldKey::Kind);
    form.fields[at].input = Input::choice(Kind::ALL.iter().map(|k| k.name()).collect(), "feature");
    let (at, why) = values(&form, now().date_naive()).expect_err("drag on a feature");
    assert_eq!(
        (at, why.as_str()),
        (form.position(FieldKey::Drag), "drag is what a debt item costs the team; this one is a feature")
    );
}

#[test]
fn a_new_item_in_stage_two_takes_a_drag_that_lands_on_the_item() {
    let mut board = board();
    let mut form = new_item(Track::Delivery, "ready", "Ready", Stage::Two);
    assert!(has(&form, FieldKey::Drag) && !has(&form, FieldKey::AnticipatedDebt));
    typed(&mut form, FieldKey::Title, "Flaky tests");
    let at = form.position(FieldKey::Kind);
    form.fields[at].input = Input::choice(Kind::ALL.iter().map(|k| k.name()).collect(), "debt");
    typed(&mut form, FieldKey::Drag, "2");
    let new =
        values(&form, now().date_naive()).expect("values").into_new(Track::Delivery, "ready", Stage::Two);
    let op = ops::add(&board, new, now()).expect("added");
    board.apply(op.edit).expect("applied");
    assert_eq!(board.item(3).expect("new").drag, Some(2));
    assert!(!has(&new_item(Track::Delivery, "ready", "Ready", Stage::One), FieldKey::Drag));
}
