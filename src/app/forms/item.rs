//! The item form: the fields of an item being added or edited, and turning them into a new item
//! or a change that holds only what differs.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::{ItemChange, NewItem};
use chrono::NaiveDate;

use crate::domain::dual_track::timebox;
use crate::domain::query::{age, evidence};
use crate::domain::{dual_track, two_stage};
use crate::model::{Board, CheckEntry, Item, ItemId, Kind, Measure, Severity, Stage, Timestamp, Track};

/// The values of an item form that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemValues {
    pub title: String,
    pub kind: Kind,
    pub estimate: Option<u32>,
    pub tags: Vec<String>,
    pub assignee: Option<String>,
    pub severity: Option<Severity>,
    pub description: String,
    /// Stage-one delivery only (`None` where the form has no such field): the debt anticipated.
    pub anticipated_debt: Option<Option<u32>>,
    /// Debt only (`None` where the form has no such field): the points per sprint it costs.
    pub drag: Option<Option<u32>>,
    /// `None` where the form has no measures field.
    pub measures: Option<Vec<Measure>>,
    /// Which entries of the item's definition of done are ticked (editing only).
    pub ticked: Vec<bool>,
    /// Discovery only (`None` in a delivery item's form).
    pub discovery: Option<DiscoveryValues>,
}

/// What a discovery item says about its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscoveryValues {
    pub question: Option<String>,
    pub outcome: Option<String>,
    pub timebox: Option<NaiveDate>,
}

/// What an item form starts with.
struct Start<'a> {
    kind: Kind,
    title: &'a str,
    estimate: String,
    tags: String,
    assignee: &'a str,
    severity: Option<Severity>,
    description: &'a str,
    /// Stage-one delivery only: the anticipated debt as typed.
    anticipated: Option<String>,
    /// Debt only: the drag as typed.
    drag: Option<String>,
    /// The measures, one per line as the details show them (editing only).
    measures: Option<String>,
    checklist: Vec<CheckEntry>,
    /// Question, expected outcome and timebox, for discovery items.
    discovery: Option<(&'a str, &'a str, String)>,
}

fn fields(start: Start) -> Vec<Field> {
    let kinds = Kind::ALL.iter().map(|k| k.name()).collect();
    let severities = std::iter::once("none").chain(Severity::ALL.iter().map(|s| s.name())).collect();
    let severity = start.severity.map_or("none", Severity::name);
    let mut fields = vec![
        Field::new(FieldKey::Title, "Title", Input::line(start.title)),
        Field::new(FieldKey::Kind, "Kind", Input::choice(kinds, start.kind.name())),
        Field::new(FieldKey::Estimate, "Estimate", Input::line(&start.estimate)),
        Field::new(FieldKey::Tags, "Tags", Input::line(&start.tags)),
        Field::new(FieldKey::Assignee, "Assignee", Input::line(start.assignee)),
        Field::new(FieldKey::Severity, "Severity", Input::choice(severities, severity)),
    ];
    if let Some(anticipated) = start.anticipated {
        fields.push(Field::new(FieldKey::AnticipatedDebt, "Anticipated debt", Input::line(&anticipated)));
    }
    if let Some(drag) = start.drag {
        fields.push(Field::new(FieldKey::Drag, "Drag (pt/sprint)", Input::line(&drag)));
    }
    if let Some((question, outcome, timebox)) = start.discovery {
        fields.push(Field::new(FieldKey::Question, "Question", Input::line(question)));
        fields.push(Field::new(FieldKey::Outcome, "Expected outcome", Input::line(outcome)));
        fields.push(Field::new(FieldKey::Timebox, "Timebox (5d, 2w, date)", Input::line(&timebox)));
    }
    for (n, entry) in start.checklist.into_iter().enumerate() {
        let label = if n == 0 { "Done when" } else { "" };
        fields.push(Field::new(
            FieldKey::Check(n),
            label,
            Input::Toggle { text: entry.text, on: entry.done },
        ));
    }
    if let Some(measures) = start.measures {
        let label = "Measures (name before → after unit, one per line)";
        fields.push(Field::new(FieldKey::Measures, label, Input::text(&measures)));
    }
    fields.push(Field::new(FieldKey::Description, "Description", Input::text(start.description)));
    fields
}

/// An empty form for a new item in a column and lane.
pub fn new_item(track: Track, column: &str, column_name: &str, stage: Stage) -> Form {
    let kind = if track == Track::Discovery { Kind::Spike } else { Kind::Feature };
    let start = Start {
        kind,
        title: "",
        estimate: String::new(),
        tags: String::new(),
        assignee: "",
        severity: None,
        description: "",
        anticipated: (track == Track::Delivery && stage == Stage::One).then(String::new),
        drag: (stage == Stage::Two).then(String::new),
        measures: None,
        checklist: Vec::new(),
        discovery: (track == Track::Discovery).then(|| ("", "", String::new())),
    };
    Form::new(
        Purpose::NewItem { track, column: column.to_owned(), stage },
        "Add item".into(),
        format!("New item in {column_name}, {} ({track} track)", stage.label()),
        fields(start),
    )
}

/// A form holding an item's current values, its definition of done to tick, and its links.
pub fn edit_item(board: &Board, item: &Item, now: Timestamp) -> Form {
    let today = now.date_naive();
    let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
    let heading = format!(
        "#{} in {column}, {} ({} track) · {} · created {} · updated {}",
        item.id,
        item.stage.label(),
        item.track,
        age::label(board, item, now),
        item.created.format("%Y-%m-%d"),
        item.updated.format("%Y-%m-%d %H:%M")
    );
    let start = Start {
        kind: item.kind,
        title: &item.title,
        estimate: item.estimate.map(|e| e.to_string()).unwrap_or_default(),
        tags: item.tags.join(", "),
        assignee: item.assignee.as_deref().unwrap_or(""),
        severity: item.severity,
        description: &item.description,
        anticipated: two_stage::anticipated::applies_to(item)
            .then(|| item.anticipated_debt.map(|p| p.to_string()).unwrap_or_default()),
        drag: (item.kind == Kind::Debt || item.drag.is_some())
            .then(|| item.drag.map(|p| p.to_string()).unwrap_or_default()),
        measures: (item.stage == Stage::Two || !item.measures.is_empty())
            .then(|| item.measures.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
        checklist: two_stage::checklist(board, item),
        discovery: (item.track == Track::Discovery).then(|| {
            let timebox = item.timebox.map(|d| d.to_string()).unwrap_or_default();
            (item.question.as_deref().unwrap_or(""), item.outcome.as_deref().unwrap_or(""), timebox)
        }),
    };
    let mut form =
        Form::new(Purpose::EditItem(item.id), format!("Edit #{}", item.id), heading, fields(start));
    form.notes = links(board, item, today);
    form.opened = Some(Box::new(item.clone()));
    form
}

/// Lines about the item's links, both ways, and how its discovery ended or stands.
pub fn links(board: &Board, item: &Item, today: NaiveDate) -> Vec<String> {
    let name = |id: ItemId| match board.item(id) {
        Some(other) => format!("#{id} \"{}\"", other.title),
        None => format!("#{id} (deleted)"),
    };
    let mut notes = Vec::new();
    if let Some(parent) = item.follow_up_of {
        notes.push(format!("follow-up of {}", name(parent)));
    }
    let follow_ups = two_stage::follow_ups(board, item.id);
    if !follow_ups.is_empty() {
        let list: Vec<String> = follow_ups.iter().map(|f| name(f.id)).collect();
        notes.push(format!("follow-ups: {}", list.join(", ")));
    }
    if let Some(source) = item.promoted_from {
        notes.push(format!("from {}", name(source)));
    }
    let promoted = dual_track::promoted_into(board, item.id);
    if !promoted.is_empty() {
        let list: Vec<String> = promoted.iter().map(|p| name(p.id)).collect();
        notes.push(format!("promoted into {}", list.join(", ")));
    }
    if let Some(learned) = &item.learned {
        notes.push(format!("learned: {learned}"));
    }
    if let Some(reason) = &item.drop_reason {
        notes.push(format!("dropped: {reason}"));
    }
    if let Some(standing) = timebox::standing(board, item, today) {
        notes.push(format!("timebox: {}", standing.label()));
    }
    notes.extend(
        evidence::facts(board, item, today).into_iter().map(|(label, value)| format!("{label}: {value}")),
    );
    if let (Some(initiative), Some(phase)) = (&item.initiative, item.phase) {
        notes.push(format!("{} of initiative {initiative}", phase.label()));
    }
    if let Some(reason) = &item.blocked {
        notes.push(format!("⊘ blocked: {reason}"));
    }
    if let Some(sprint) = &item.sprint {
        notes.push(format!("committed to sprint \"{sprint}\""));
    }
    notes
}

/// The checked values, or the field to fix and why; a timebox length counts from `today`.
pub fn values(form: &Form, today: NaiveDate) -> Result<ItemValues, (usize, String)> {
    let title = form.required(FieldKey::Title, "a title cannot be empty")?;
    let estimate = form.number(FieldKey::Estimate).map_err(|(at, _)| {
        let text = form.value(FieldKey::Estimate);
        (at, format!("the estimate must be a whole number of points, not `{}`", text.trim()))
    })?;
    let kind = form.value(FieldKey::Kind).parse::<Kind>().map_err(|e| (form.position(FieldKey::Kind), e))?;
    let tags = form
        .value(FieldKey::Tags)
        .split(',')
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let assignee = Some(form.value(FieldKey::Assignee).trim().to_owned()).filter(|a| !a.is_empty());
    let severity = form.value(FieldKey::Severity).parse::<Severity>().ok();
    let description = form.value(FieldKey::Description).trim_end().to_owned();
    let anticipated_debt = match form.fields.iter().any(|f| f.key == FieldKey::AnticipatedDebt) {
        false => None,
        true => Some(
            two_stage::anticipated::parse(&form.value(FieldKey::AnticipatedDebt))
                .map_err(|e| (form.position(FieldKey::AnticipatedDebt), e.to_string()))?,
        ),
    };
    let has = |key| form.fields.iter().any(|f| f.key == key);
    let drag = match has(FieldKey::Drag) {
        false => None,
        true => Some(drag_value(form, kind)?),
    };
    let measures = match has(FieldKey::Measures) {
        false => None,
        true => Some(
            two_stage::measures::parse_lines(&form.value(FieldKey::Measures))
                .map_err(|e| (form.position(FieldKey::Measures), e.to_string()))?,
        ),
    };
    let checks = form.fields.iter().filter(|f| matches!(f.key, FieldKey::Check(_)));
    let ticked = checks.map(|f| form.ticked(f.key)).collect();
    let discovery = match form.fields.iter().any(|f| f.key == FieldKey::Timebox) {
        false => None,
        true => {
            let text = |key| Some(form.value(key).trim().to_owned()).filter(|t| !t.is_empty());
            let timebox = match text(FieldKey::Timebox) {
                None => None,
                Some(t) => {
                    Some(timebox::parse(&t, today).map_err(|e| (form.position(FieldKey::Timebox), e))?)
                }
            };
            Some(DiscoveryValues {
                question: text(FieldKey::Question),
                outcome: text(FieldKey::Outcome),
                timebox,
            })
        }
    };
    Ok(ItemValues {
        title,
        kind,
        estimate,
        tags,
        assignee,
        severity,
        description,
        anticipated_debt,
        drag,
        measures,
        ticked,
        discovery,
    })
}

/// The drag as typed (empty for none); only a debt item carries one.
fn drag_value(form: &Form, kind: Kind) -> Result<Option<u32>, (usize, String)> {
    let at = form.position(FieldKey::Drag);
    let text = form.value(FieldKey::Drag);
    if text.trim().is_empty() {
        return Ok(None);
    }
    let drag = two_stage::drag::parse(&text).map_err(|e| (at, e.to_string()))?;
    match drag.is_some() && kind != Kind::Debt {
        true => Err((at, format!("drag is what a debt item costs the team; this one is a {kind}"))),
        false => Ok(drag),
    }
}

impl ItemValues {
    /// A new item with these values in a column and lane.
    pub fn into_new(self, track: Track, column: &str, stage: Stage) -> NewItem {
        NewItem {
            title: self.title,
            track: Some(track),
            column: Some(column.to_owned()),
            stage: Some(stage),
            kind: Some(self.kind),
            estimate: self.estimate,
            tags: self.tags,
            assignee: self.assignee,
            description: self.description,
            severity: self.severity,
            question: self.discovery.as_ref().and_then(|d| d.question.clone()),
            outcome: self.discovery.as_ref().and_then(|d| d.outcome.clone()),
            timebox: self.discovery.as_ref().and_then(|d| d.timebox),
            criteria: None,
            anticipated_debt: self.anticipated_debt.flatten(),
            drag: self.drag.flatten(),
        }
    }

    /// The fields that differ from `item`, as a change (empty when nothing changed).
    pub fn change_from(self, board: &Board, item: &Item) -> ItemChange {
        fn differs<T: PartialEq>(new: T, old: &T) -> Option<T> {
            (new != *old).then_some(new)
        }
        ItemChange {
            title: differs(self.title, &item.title),
            kind: differs(self.kind, &item.kind),
            estimate: differs(self.estimate, &item.estimate),
            tags: differs(self.tags, &item.tags),
            assignee: differs(self.assignee, &item.assignee),
            description: differs(self.description, &item.description),
            severity: differs(self.severity, &item.severity),
            checklist: differs(two_stage::with_ticks(board, item, &self.ticked), &item.checklist),
            question: self.discovery.as_ref().and_then(|d| differs(d.question.clone(), &item.question)),
            outcome: self.discovery.as_ref().and_then(|d| differs(d.outcome.clone(), &item.outcome)),
            timebox: self.discovery.as_ref().and_then(|d| differs(d.timebox, &item.timebox)),
            anticipated_debt: self.anticipated_debt.and_then(|a| differs(a, &item.anticipated_debt)),
            drag: self.drag.and_then(|d| differs(d, &item.drag)),
            measures: self.measures.and_then(|m| differs(m, &item.measures)),
            ..ItemChange::default()
        }
    }
}

#[cfg(test)]
#[path = "item_tests.rs"]
mod tests;
