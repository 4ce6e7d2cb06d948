//! The item form: the fields of an item being added or edited, and turning them into a new item
//! or a change that holds only what differs.

use super::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::ops::NewItem;
use crate::domain::{Item, ItemChange, Kind, Stage, Track};

/// The values of an item form that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemValues {
    pub title: String,
    pub kind: Kind,
    pub estimate: Option<u32>,
    pub tags: Vec<String>,
    pub assignee: Option<String>,
    pub description: String,
}

fn fields(
    kind: Kind,
    title: &str,
    estimate: &str,
    tags: &str,
    assignee: &str,
    description: &str,
) -> Vec<Field> {
    let kinds = Kind::ALL.iter().map(|k| k.name()).collect();
    vec![
        Field::new(FieldKey::Title, "Title", Input::line(title)),
        Field::new(FieldKey::Kind, "Kind", Input::choice(kinds, kind.name())),
        Field::new(FieldKey::Estimate, "Estimate", Input::line(estimate)),
        Field::new(FieldKey::Tags, "Tags", Input::line(tags)),
        Field::new(FieldKey::Assignee, "Assignee", Input::line(assignee)),
        Field::new(FieldKey::Description, "Description", Input::text(description)),
    ]
}

/// An empty form for a new item in a column and lane.
pub fn new_item(track: Track, column: &str, column_name: &str, stage: Stage) -> Form {
    let kind = if track == Track::Discovery { Kind::Spike } else { Kind::Feature };
    Form::new(
        Purpose::NewItem { track, column: column.to_owned(), stage },
        "Add item".into(),
        format!("New item in {column_name}, {} ({track} track)", stage.label()),
        fields(kind, "", "", "", "", ""),
    )
}

/// A form holding an item's current values.
pub fn edit_item(item: &Item, column_name: &str) -> Form {
    let heading = format!(
        "#{} in {column_name}, {} ({} track) · created {} · updated {}",
        item.id,
        item.stage.label(),
        item.track,
        item.created.format("%Y-%m-%d"),
        item.updated.format("%Y-%m-%d %H:%M")
    );
    let estimate = item.estimate.map(|e| e.to_string()).unwrap_or_default();
    let assignee = item.assignee.as_deref().unwrap_or("");
    Form::new(
        Purpose::EditItem(item.id),
        format!("Edit #{}", item.id),
        heading,
        fields(item.kind, &item.title, &estimate, &item.tags.join(", "), assignee, &item.description),
    )
}

/// The checked values, or the field to fix and why.
pub fn values(form: &Form) -> Result<ItemValues, (usize, String)> {
    let title = form.value(FieldKey::Title).trim().to_owned();
    if title.is_empty() {
        return Err((form.position(FieldKey::Title), "a title cannot be empty".into()));
    }
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
    let description = form.value(FieldKey::Description).trim_end().to_owned();
    Ok(ItemValues { title, kind, estimate, tags, assignee, description })
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
        }
    }

    /// The fields that differ from `item`, as a change (empty when nothing changed).
    pub fn change_from(self, item: &Item) -> ItemChange {
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
            ..ItemChange::default()
        }
    }
}
