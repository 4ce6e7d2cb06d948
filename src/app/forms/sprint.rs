//! The forms of sprint planning: starting a sprint, closing the open one (where unfinished work
//! goes, and what the next sprint is), and the reason an item is blocked.

use chrono::{Days, NaiveDate};

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::dual_track::timebox;
use crate::domain::rhythm::planning;
use crate::domain::rhythm::planning::{NewSprint, Next};
use crate::model::{Board, Item, Model, Rollover, Sprint, Stage};

/// How long a first sprint is unless the form says otherwise: two weeks.
const DEFAULT_DAYS: u64 = 13;

const NEXT: &str = "next sprint";
const BACKLOG: &str = "backlog";

/// The form that starts a sprint; `commit` names the key that commits items to it.
pub fn start(board: &Board, today: NaiveDate, commit: &str) -> Form {
    let last = board.sprints.last();
    let model = last.map_or(Model::Split, |s| s.model);
    let stage = match last.and_then(|s| s.stage) {
        Some(Stage::One) => "two",
        _ => "one",
    };
    let days = last.map_or(DEFAULT_DAYS, |s| (s.end - s.start).num_days().max(0).unsigned_abs());
    let end = today.checked_add_days(Days::new(days)).unwrap_or(today);
    let capacity = last.map_or(board.capacity.points, |s| s.capacity);
    Form::new(
        Purpose::StartSprint,
        "Start a sprint".into(),
        format!(
            "{commit} on the board commits the selected item to it; the top line then measures the sprint"
        ),
        vec![
            Field::new(FieldKey::SprintName, "Name", Input::line(&planning::suggested_name(board))),
            Field::new(FieldKey::SprintStart, "Start (date)", Input::line(&today.to_string())),
            Field::new(FieldKey::SprintEnd, "End (date, or 2w)", Input::line(&end.to_string())),
            Field::new(FieldKey::Capacity, "Capacity (points)", Input::line(&capacity.to_string())),
            Field::new(
                FieldKey::Model,
                "Model",
                Input::choice(Model::ALL.map(Model::name).to_vec(), model.name()),
            ),
            Field::new(FieldKey::Stage, "Stage (alternating)", Input::choice(vec!["one", "two"], stage)),
        ],
    )
}

/// A date field: a date, or a length from `from` (`2w`).
fn date(form: &Form, key: FieldKey, from: NaiveDate) -> Result<NaiveDate, (usize, String)> {
    let text = form.value(key);
    timebox::parse(&text, from).map_err(|_| {
        (
            form.position(key),
            format!("`{}` is not a date: give one such as 2026-12-04, or a length such as 2w", text.trim()),
        )
    })
}

fn capacity(form: &Form) -> Result<Option<u32>, (usize, String)> {
    form.number(FieldKey::Capacity).map_err(|(at, _)| {
        let text = form.value(FieldKey::Capacity);
        (at, format!("the capacity must be a whole number of points (0 or more), not `{}`", text.trim()))
    })
}

pub fn start_values(form: &Form, today: NaiveDate) -> Result<NewSprint, (usize, String)> {
    let start = date(form, FieldKey::SprintStart, today)?;
    let capacity = capacity(form)?.ok_or_else(|| {
        (form.position(FieldKey::Capacity), "the sprint needs a capacity in points".to_owned())
    })?;
    Ok(NewSprint {
        name: form.value(FieldKey::SprintName),
        start,
        end: date(form, FieldKey::SprintEnd, start)?,
        capacity,
        model: form.value(FieldKey::Model).parse().unwrap_or_default(),
        stage: Some(if form.value(FieldKey::Stage) == "two" { Stage::Two } else { Stage::One }),
    })
}

pub fn close(board: &Board, sprint: &Sprint) -> Form {
    let mine: Vec<&Item> = board.items().iter().filter(|it| sprint.holds(it)).collect();
    let done = |it: &&&Item| board.is_done_column(it.track, &it.column);
    let points = |items: &mut dyn Iterator<Item = &&Item>| {
        items.map(|it| it.estimate.unwrap_or(0)).fold(0u32, u32::saturating_add)
    };
    let unfinished = mine.iter().filter(|it| !done(it)).count();
    let heading = format!(
        "{} of {} committed points done; {} unfinished ({} points). The figures are recorded now.",
        points(&mut mine.iter().filter(done)),
        points(&mut mine.iter()),
        unfinished,
        points(&mut mine.iter().filter(|it| !done(it)))
    );
    Form::new(
        Purpose::CloseSprint,
        format!("Close sprint \"{}\"", sprint.name),
        heading,
        vec![
            Field::new(
                FieldKey::Rollover,
                "Unfinished work goes to",
                Input::choice(vec![NEXT, BACKLOG], NEXT),
            ),
            Field::new(
                FieldKey::SprintName,
                "Next sprint",
                Input::line(&planning::next_name(board, &sprint.name)),
            ),
            Field::new(FieldKey::SprintEnd, "Its end (empty: as long)", Input::line("")),
            Field::new(
                FieldKey::Capacity,
                "Its capacity (points)",
                Input::line(&sprint.capacity.to_string()),
            ),
        ],
    )
}

pub fn close_values(form: &Form, today: NaiveDate) -> Result<(Rollover, Next), (usize, String)> {
    let rollover = if form.value(FieldKey::Rollover) == BACKLOG { Rollover::Backlog } else { Rollover::Next };
    let end = match form.value(FieldKey::SprintEnd).trim() {
        "" => None,
        _ => Some(date(form, FieldKey::SprintEnd, today)?),
    };
    let name = Some(form.value(FieldKey::SprintName)).filter(|n| !n.trim().is_empty());
    Ok((rollover, Next { name, end, capacity: capacity(form)? }))
}

/// The form that asks why an item is blocked; `key` names the key that unblocks it.
pub fn block(item: &Item, key: &str) -> Form {
    Form::new(
        Purpose::Block(item.id),
        format!("Block #{}", item.id),
        format!("\"{}\" is marked blocked until {key} unblocks it", item.title),
        vec![Field::new(FieldKey::Reason, "Waiting for", Input::line(""))],
    )
}

/// The reason the block form gives, or the field to fix.
pub fn block_reason(form: &Form) -> Result<String, (usize, String)> {
    form.required(FieldKey::Reason, "say what the item is waiting for")
}
