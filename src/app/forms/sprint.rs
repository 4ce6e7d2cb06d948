//! The forms of sprint planning: starting a sprint (its model, cycle, stage, dates, capacity
//! and goal), closing the open one (each unfinished item to the next sprint or the backlog, what
//! the next sprint is, and what the archive policy will archive), and the reason an item is
//! blocked.

use chrono::NaiveDate;

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::archive;
use crate::domain::change::Op;
use crate::domain::rhythm::cadence;
use crate::domain::rhythm::closing::{self, Next};
use crate::domain::rhythm::dates::{self, End};
use crate::domain::rhythm::planning::{self, NewSprint};
use crate::model::{Board, Item, Model, Rollover, Sprint, SprintKind, Stage, Timestamp};

const NEXT: &str = "next sprint";
const BACKLOG: &str = "backlog";
/// The stage field's first option: what the cadence says (the cycle's next, else stage one).
const AUTO: &str = "auto";

/// A length as people type it: `2w` when it is whole weeks, else `10d`.
fn length_text(days: u32) -> String {
    if days.is_multiple_of(7) { format!("{}w", days / 7) } else { format!("{days}d") }
}

/// The fields of the next sprint's model, cycle, stage and goal, shared by both forms.
fn cadence_fields(model: Model, delivery_sprints: Option<u8>) -> Vec<Field> {
    vec![
        Field::new(
            FieldKey::Model,
            "Model",
            Input::choice(Model::ALL.map(Model::name).to_vec(), model.name()),
        ),
        Field::new(
            FieldKey::DeliverySprints,
            "Delivery sprints (cycle)",
            Input::line(&delivery_sprints.unwrap_or(1).to_string()),
        ),
        Field::new(FieldKey::Stage, "Stage (cycle, stage)", Input::choice(vec![AUTO, "one", "two"], AUTO)),
        Field::new(FieldKey::Goal, "Goal (one line)", Input::line("")),
    ]
}

/// The form that starts a sprint; `commit` names the key that commits items to it.
pub fn start(board: &Board, today: NaiveDate, commit: &str) -> Form {
    let last = planning::defaults(board);
    let n = last.delivery_sprints.unwrap_or(1);
    let stage = cadence::next_stage(&board.sprints, last.model, n, None);
    let name = cadence::default_name(&board.sprints, SprintKind::of(last.model, stage));
    let mut fields = vec![
        Field::new(FieldKey::SprintName, "Name (empty: by kind)", Input::suggested(&name)),
        Field::new(FieldKey::SprintStart, "Start (date)", Input::line(&today.to_string())),
        Field::new(FieldKey::SprintEnd, "End (date, 2w, 10d)", Input::line(&length_text(last.days))),
        Field::new(FieldKey::Capacity, "Capacity (points)", Input::line(&last.capacity.to_string())),
    ];
    fields.extend(cadence_fields(last.model, last.delivery_sprints));
    Form::new(
        Purpose::StartSprint,
        "Start a sprint".into(),
        format!(
            "{commit} on the board commits the selected item to it; the top line then measures the sprint"
        ),
        fields,
    )
}

fn capacity(form: &Form) -> Result<Option<u32>, (usize, String)> {
    form.number(FieldKey::Capacity).map_err(|(at, _)| {
        let text = form.value(FieldKey::Capacity);
        (at, format!("the capacity must be a whole number of points (0 or more), not `{}`", text.trim()))
    })
}

/// The end field read through the one parser of sprint dates; None when left empty.
fn end(form: &Form) -> Result<Option<End>, (usize, String)> {
    let text = form.value(FieldKey::SprintEnd);
    if text.trim().is_empty() {
        return Ok(None);
    }
    End::parse(&text).map(Some).map_err(|e| (form.position(FieldKey::SprintEnd), e.to_string()))
}

/// The model, the cycle's N, the stage and the goal the form gives.
struct Cadence {
    model: Model,
    delivery_sprints: u8,
    stage: Option<Stage>,
    goal: Option<String>,
}

fn cadence_values(form: &Form) -> Result<Cadence, (usize, String)> {
    let n = cadence::delivery_sprints(&form.value(FieldKey::DeliverySprints))
        .map_err(|e| (form.position(FieldKey::DeliverySprints), e.to_string()))?;
    let stage = match form.value(FieldKey::Stage).as_str() {
        "one" => Some(Stage::One),
        "two" => Some(Stage::Two),
        _ => None,
    };
    let goal = Some(form.value(FieldKey::Goal)).filter(|g| !g.trim().is_empty());
    Ok(Cadence {
        model: form.value(FieldKey::Model).parse().unwrap_or_default(),
        delivery_sprints: n,
        stage,
        goal,
    })
}

pub fn start_values(form: &Form) -> Result<NewSprint, (usize, String)> {
    let start = dates::date(&form.value(FieldKey::SprintStart), "start")
        .map_err(|e| (form.position(FieldKey::SprintStart), e.to_string()))?;
    let capacity = capacity(form)?.ok_or_else(|| {
        (form.position(FieldKey::Capacity), "the sprint needs a capacity in points".to_owned())
    })?;
    let end = end(form)?.unwrap_or(End::Days(planning::DEFAULT_DAYS)).from(start);
    let c = cadence_values(form)?;
    Ok(NewSprint {
        name: Some(form.value(FieldKey::SprintName)).filter(|n| !n.trim().is_empty()),
        start,
        end,
        capacity,
        model: c.model,
        stage: c.stage,
        delivery_sprints: Some(c.delivery_sprints),
        goal: c.goal,
    })
}

/// An unfinished item's field in the close form: "#12 s1 3pt" (id, stage, points) beside
/// "next sprint: Fix the login" or "backlog: Fix the login", so the title has the value's room.
fn unfinished_field(item: &Item) -> Field {
    let points = item.estimate.map(|p| format!(" {p}pt")).unwrap_or_default();
    let label = format!("#{} s{}{points}", item.id, item.stage.number());
    let to = |place: &str| format!("{place}: {}", item.title);
    let options = [to(NEXT), to(BACKLOG)];
    let input = Input::choice(options.iter().map(String::as_str).collect(), &options[0]);
    Field::new(FieldKey::Roll(item.id), label, input)
}

/// The form that closes `sprint` at `now`: each unfinished item (title, stage, points) to the
/// next sprint or the backlog (all next at first), then the next sprint's name, end, capacity,
/// model, cycle, stage and goal.
pub fn close(board: &Board, sprint: &Sprint, now: Timestamp) -> Form {
    let mine: Vec<&Item> = board.items().iter().filter(|it| sprint.holds(it)).collect();
    let done = |it: &&&Item| board.is_done_column(it.track, &it.column);
    let points = |items: &mut dyn Iterator<Item = &&Item>| {
        items.map(|it| it.estimate.unwrap_or(0)).fold(0u32, u32::saturating_add)
    };
    let unfinished: Vec<&Item> = mine.iter().filter(|it| !done(it)).copied().collect();
    let outlook = closing::outlook(board, sprint, Rollover::Next, &Next::default(), now).ok();
    // The dates come first among the notes: the heading shows at most two lines.
    let when = match &outlook {
        Some(o) if o.last_day < sprint.end => {
            Some(format!("Closing now ends it early, on {}; the next starts {}.", o.last_day, o.next.start))
        }
        Some(o) => Some(format!("It ends {}; the next starts {}.", o.last_day, o.next.start)),
        None => None,
    };
    let heading = format!(
        "{} of {} committed points done; {} unfinished ({} points): each to the next sprint or the backlog.",
        points(&mut mine.iter().filter(done)),
        points(&mut mine.iter()),
        unfinished.len(),
        points(&mut unfinished.iter()),
    );
    let mut fields: Vec<Field> = unfinished.iter().map(|it| unfinished_field(it)).collect();
    let name = outlook
        .as_ref()
        .map_or_else(|| cadence::next_name(&board.sprints, &sprint.name), |o| o.next.name.clone());
    fields.push(Field::new(FieldKey::SprintName, "Next sprint (empty: by kind)", Input::suggested(&name)));
    fields.push(Field::new(
        FieldKey::SprintEnd,
        "Its end (date, 2w, 10d)",
        Input::line(&length_text(dates::length(sprint))),
    ));
    fields.push(Field::new(
        FieldKey::Capacity,
        "Its capacity (points)",
        Input::line(&sprint.capacity.to_string()),
    ));
    fields.extend(cadence_fields(sprint.model, sprint.delivery_sprints));
    let mut form =
        Form::new(Purpose::CloseSprint, format!("Close sprint \"{}\"", sprint.name), heading, fields);
    let mismatched = outlook.iter().flat_map(|o| &o.mismatched).map(|m| format!("! {m}: send it on anyway?"));
    form.notes = when.into_iter().chain(archiving(board, &sprint.name)).chain(mismatched).collect();
    form
}

/// What the board's archive policy will archive once `closing` is closed, in one note (none
/// when the policy is off): "Then archive-after 2 archives 3 done items: #4 #9 #12.".
fn archiving(board: &Board, closing: &str) -> Option<String> {
    let n = board.archive_after?;
    let due = archive::policy_due_at_close(board, closing);
    let ids: Vec<String> = due.iter().take(8).map(|id| format!("#{id}")).collect();
    let more = if due.len() > ids.len() { " …" } else { "" };
    Some(match due.len() {
        0 => format!("Then archive-after {n} archives nothing."),
        1 => format!("Then archive-after {n} archives 1 done item: {}.", ids.join(" ")),
        count => format!("Then archive-after {n} archives {count} done items: {}{more}.", ids.join(" ")),
    })
}

pub fn close_values(form: &Form) -> Result<(Rollover, Next), (usize, String)> {
    let backlog = form
        .fields
        .iter()
        .filter_map(|f| match f.key {
            FieldKey::Roll(id) if form.value(f.key).starts_with(BACKLOG) => Some(id),
            _ => None,
        })
        .collect();
    let c = cadence_values(form)?;
    let name = Some(form.value(FieldKey::SprintName)).filter(|n| !n.trim().is_empty());
    let next = Next {
        name,
        end: end(form)?,
        capacity: capacity(form)?,
        model: Some(c.model),
        delivery_sprints: Some(c.delivery_sprints),
        stage: c.stage,
        goal: c.goal,
        backlog,
    };
    Ok((Rollover::Next, next))
}

/// The close a form asks for: the op (or why it is refused), and the unfinished items it would
/// send on into a sprint for the other stage, for the question asked before it is made.
pub struct Close {
    pub op: Result<Op, String>,
    pub mismatched: Vec<String>,
}

/// The close the close form asks for, or the field to fix.
pub fn close_op(form: &Form, board: &Board, now: Timestamp) -> Result<Close, (usize, String)> {
    let (rollover, next) = close_values(form)?;
    let mismatched =
        match board.current_sprint().map(|open| closing::outlook(board, open, rollover, &next, now)) {
            Some(Ok(outlook)) => outlook.mismatched.iter().map(ToString::to_string).collect(),
            _ => Vec::new(),
        };
    Ok(Close { op: closing::close(board, rollover, next, now).map_err(|e| e.to_string()), mismatched })
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
