//! A form overlay: labelled fields (one line, several lines, or a choice), the focus, moving
//! between fields, and reading what was typed. What a form is for, and how its values are
//! checked, lives with its purpose (`item_form`, `settings_form`).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::domain::{ItemId, Stage, Track};

/// What a form creates or changes when it is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    NewItem { track: Track, column: String, stage: Stage },
    EditItem(ItemId),
    Settings,
    FollowUp(ItemId),
    DefinitionOfDone,
    Promote(ItemId),
    Drop(ItemId),
    StartSprint,
    CloseSprint,
    Block(ItemId),
}

/// Which value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey {
    Title,
    Kind,
    Estimate,
    Tags,
    Assignee,
    Severity,
    Question,
    Outcome,
    Timebox,
    Learned,
    PromoteInto,
    Stage,
    Reason,
    Description,
    /// Entry `n` of the item's definition of done.
    Check(usize),
    /// The definition of done of a stage, one entry per line.
    DoneWhen(Stage),
    Capacity,
    DiscoveryTarget,
    StageTwoTarget,
    TrackLimit(Track),
    ColumnLimit(Track, usize),
    SprintName,
    SprintStart,
    SprintEnd,
    Model,
    Rollover,
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
    /// A line of text ticked or not; Space toggles.
    Toggle { text: String, on: bool },
}

impl Input {
    pub fn line(text: &str) -> Input {
        Input::Line(TextArea::new(vec![text.to_owned()]))
    }

    pub fn text(text: &str) -> Input {
        Input::Text(TextArea::new(text.lines().map(str::to_owned).collect()))
    }

    pub fn choice(options: Vec<&'static str>, selected: &str) -> Input {
        let index = options.iter().position(|o| *o == selected).unwrap_or(0);
        Input::Choice { options, index }
    }
}

#[derive(Debug)]
pub struct Field {
    pub key: FieldKey,
    pub label: String,
    pub input: Input,
}

impl Field {
    pub fn new(key: FieldKey, label: impl Into<String>, input: Input) -> Field {
        Field { key, label: label.into(), input }
    }
}

#[derive(Debug)]
pub struct Form {
    pub purpose: Purpose,
    /// The overlay's title.
    pub title: String,
    /// A line of context (the item's id, place and dates).
    pub heading: String,
    /// Read-only lines under the heading (links to other items).
    pub notes: Vec<String>,
    pub fields: Vec<Field>,
    /// Index of the focused field; `fields.len()` is the Save button.
    pub focus: usize,
    /// Why the last attempt to save was refused.
    pub error: Option<String>,
}

impl Form {
    pub fn new(purpose: Purpose, title: String, heading: String, fields: Vec<Field>) -> Form {
        Form { purpose, title, heading, notes: Vec::new(), fields, focus: 0, error: None }
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
            Input::Toggle { on, .. } => {
                if key.code == KeyCode::Char(' ') {
                    *on = !*on;
                }
            }
        }
    }

    /// Whether the toggle field `key` is ticked.
    pub fn ticked(&self, key: FieldKey) -> bool {
        self.fields.iter().any(|f| f.key == key && matches!(f.input, Input::Toggle { on: true, .. }))
    }

    /// Where the field `key` is in the form.
    pub fn position(&self, key: FieldKey) -> usize {
        self.fields.iter().position(|f| f.key == key).unwrap_or(self.fields.len())
    }

    /// The text of field `key` (lines joined with newlines; a choice's option; empty if absent).
    pub fn value(&self, key: FieldKey) -> String {
        match self.fields.iter().find(|f| f.key == key).map(|f| &f.input) {
            Some(Input::Line(area) | Input::Text(area)) => area.lines().join("\n"),
            Some(Input::Choice { options, index }) => options[*index].to_owned(),
            Some(Input::Toggle { .. }) | None => String::new(),
        }
    }

    /// Field `key` as an optional whole number, or the field and what is wrong with it.
    pub fn number(&self, key: FieldKey) -> Result<Option<u32>, (usize, String)> {
        let text = self.value(key).trim().to_owned();
        if text.is_empty() {
            return Ok(None);
        }
        let label = self.fields.iter().find(|f| f.key == key).map_or("the value", |f| f.label.as_str());
        text.parse::<u32>()
            .map(Some)
            .map_err(|_| (self.position(key), format!("{label} must be a whole number, not `{text}`")))
    }

    /// Refuses the save: focus the field to fix and say why.
    pub fn refuse(&mut self, field: usize, message: String) {
        self.focus = field.min(self.fields.len());
        self.error = Some(message);
    }
}
