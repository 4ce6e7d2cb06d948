//! The item form: the fields of an item being added or edited, which one has the focus, and
//! turning what was typed into checked values.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::domain::{Item, ItemChange, ItemId, Kind, Stage, Track};

/// Which item field a form field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Title,
    Kind,
    Estimate,
    Tags,
    Assignee,
    Description,
}

impl FieldName {
    pub fn label(self) -> &'static str {
        match self {
            FieldName::Title => "Title",
            FieldName::Kind => "Kind",
            FieldName::Estimate => "Estimate",
            FieldName::Tags => "Tags",
            FieldName::Assignee => "Assignee",
            FieldName::Description => "Description",
        }
    }
}

/// How a field takes input.
#[derive(Debug)]
pub enum Input {
    /// One line of text.
    Line(TextArea<'static>),
    /// Several lines of text.
    Text(TextArea<'static>),
    /// One of a few options, cycled with ←/→ or Space, or picked by first letter.
    Choice { options: Vec<&'static str>, index: usize },
}

#[derive(Debug)]
pub struct Field {
    pub name: FieldName,
    pub input: Input,
}

/// What the form creates or changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormTarget {
    New { track: Track, column: String, stage: Stage },
    Existing(ItemId),
}

/// The values of a form that passed its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormValues {
    pub title: String,
    pub kind: Kind,
    pub estimate: Option<u32>,
    pub tags: Vec<String>,
    pub assignee: Option<String>,
    pub description: String,
}

impl FormValues {
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

#[derive(Debug)]
pub struct ItemForm {
    pub target: FormTarget,
    /// A line about the item: id, place, dates.
    pub heading: String,
    pub fields: Vec<Field>,
    /// Index of the focused field; `fields.len()` is the Save button.
    pub focus: usize,
    /// Why the last attempt to save was refused.
    pub error: Option<String>,
}

fn line(text: &str) -> Input {
    Input::Line(TextArea::new(vec![text.to_owned()]))
}

fn kind_choice(kind: Kind) -> Input {
    let options: Vec<&'static str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let index = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    Input::Choice { options, index }
}

impl ItemForm {
    /// An empty form for a new item in a column and lane.
    pub fn for_new(track: Track, column: &str, column_name: &str, stage: Stage) -> ItemForm {
        let kind = if track == Track::Discovery { Kind::Spike } else { Kind::Feature };
        ItemForm {
            target: FormTarget::New { track, column: column.to_owned(), stage },
            heading: format!("New item in {column_name}, {} ({track} track)", stage.label()),
            fields: ItemForm::fields(kind, "", "", "", "", ""),
            focus: 0,
            error: None,
        }
    }

    /// A form holding an item's current values.
    pub fn for_item(item: &Item, column_name: &str) -> ItemForm {
        let heading = format!(
            "#{} in {column_name}, {} ({} track) · created {} · updated {}",
            item.id,
            item.stage.label(),
            item.track,
            item.created.format("%Y-%m-%d"),
            item.updated.format("%Y-%m-%d %H:%M")
        );
        let estimate = item.estimate.map(|e| e.to_string()).unwrap_or_default();
        ItemForm {
            target: FormTarget::Existing(item.id),
            heading,
            fields: ItemForm::fields(
                item.kind,
                &item.title,
                &estimate,
                &item.tags.join(", "),
                item.assignee.as_deref().unwrap_or(""),
                &item.description,
            ),
            focus: 0,
            error: None,
        }
    }

    fn fields(
        kind: Kind,
        title: &str,
        estimate: &str,
        tags: &str,
        assignee: &str,
        description: &str,
    ) -> Vec<Field> {
        vec![
            Field { name: FieldName::Title, input: line(title) },
            Field { name: FieldName::Kind, input: kind_choice(kind) },
            Field { name: FieldName::Estimate, input: line(estimate) },
            Field { name: FieldName::Tags, input: line(tags) },
            Field { name: FieldName::Assignee, input: line(assignee) },
            Field {
                name: FieldName::Description,
                input: Input::Text(TextArea::new(description.lines().map(str::to_owned).collect())),
            },
        ]
    }

    pub fn on_save_button(&self) -> bool {
        self.focus == self.fields.len()
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % (self.fields.len() + 1);
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len()) % (self.fields.len() + 1);
    }

    /// Enter: a new line in a multi-line field, else the next field. True on the Save button.
    pub fn confirm(&mut self) -> bool {
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            None => true,
            Some(Input::Text(area)) => {
                area.insert_newline();
                false
            }
            Some(_) => {
                self.next();
                false
            }
        }
    }

    /// A key for the focused field (text entry, or cycling a choice).
    pub fn input(&mut self, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        match &mut field.input {
            Input::Line(area) | Input::Text(area) => {
                area.input(key);
            }
            Input::Choice { options, index } => match key.code {
                KeyCode::Left => *index = (*index + options.len() - 1) % options.len(),
                KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % options.len(),
                KeyCode::Char(c) => {
                    if let Some(i) = options.iter().position(|o| o.starts_with(c.to_ascii_lowercase())) {
                        *index = i;
                    }
                }
                _ => {}
            },
        }
    }

    fn text(&self, name: FieldName) -> String {
        match self.fields.iter().find(|f| f.name == name).map(|f| &f.input) {
            Some(Input::Line(area) | Input::Text(area)) => area.lines().join("\n"),
            Some(Input::Choice { options, index }) => options[*index].to_owned(),
            None => String::new(),
        }
    }

    /// The checked values, or the field to fix and why.
    pub fn values(&self) -> Result<FormValues, (usize, String)> {
        let at = |name: FieldName| self.fields.iter().position(|f| f.name == name).unwrap_or(0);
        let title = self.text(FieldName::Title).trim().to_owned();
        if title.is_empty() {
            return Err((at(FieldName::Title), "a title cannot be empty".into()));
        }
        let estimate_text = self.text(FieldName::Estimate).trim().to_owned();
        let estimate = if estimate_text.is_empty() {
            None
        } else {
            Some(estimate_text.parse::<u32>().map_err(|_| {
                (
                    at(FieldName::Estimate),
                    format!("the estimate must be a whole number of points, not `{estimate_text}`"),
                )
            })?)
        };
        let kind = self.text(FieldName::Kind).parse::<Kind>().map_err(|e| (at(FieldName::Kind), e))?;
        let tags = self
            .text(FieldName::Tags)
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let assignee = Some(self.text(FieldName::Assignee).trim().to_owned()).filter(|a| !a.is_empty());
        let description = self.text(FieldName::Description).trim_end().to_owned();
        Ok(FormValues { title, kind, estimate, tags, assignee, description })
    }
}
