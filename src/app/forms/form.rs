//! A form overlay: labelled fields (one line, several lines, or a choice), the focus, moving
//! between fields, and reading what was typed. What a form is for, and how its values are
//! checked, lives with its purpose (`item_form`, `settings_form`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};
use serde::{Deserialize, Serialize};

pub use crate::app::forms::purpose::{FieldKey, Purpose};
use crate::model::Item;

/// How a field takes input.
#[derive(Debug)]
pub enum Input {
    /// One line of text.
    Line(TextArea<'static>),
    /// Several lines of text.
    Text(TextArea<'static>),
    /// One of a few options, cycled with ←/→ or Space, or picked by first letter.
    Choice { options: Vec<String>, index: usize },
    /// A line of text ticked or not; Space toggles.
    Toggle { text: String, on: bool },
}

/// A text area holding `lines` with the cursor after the last character, so typing adds to what
/// is there (typing `8` into an estimate of `5` gives `58`, never `85`).
fn area_at_end(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

impl Input {
    pub fn line(text: &str) -> Input {
        Input::Line(area_at_end(vec![text.to_owned()]))
    }

    /// An empty line that shows `suggestion` until something is typed; saving it empty takes
    /// the suggestion (see [`Form::value_or_suggestion`]).
    pub fn suggested(suggestion: &str) -> Input {
        let mut area = TextArea::default();
        area.set_placeholder_text(suggestion);
        Input::Line(area)
    }

    pub fn text(text: &str) -> Input {
        Input::Text(area_at_end(text.lines().map(str::to_owned).collect()))
    }

    pub fn choice(options: Vec<&str>, selected: &str) -> Input {
        let index = options.iter().position(|o| *o == selected).unwrap_or(0);
        Input::Choice { options: options.into_iter().map(str::to_owned).collect(), index }
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
    /// The item as the form opened it (editing an item): saving writes only the fields changed
    /// in the form, and a field someone else changed since is a conflict.
    pub opened: Option<Box<Item>>,
    /// Something was typed or picked since the form opened (its text is worth a draft).
    pub edited: bool,
    /// Reopened from a draft and not yet asked about: `Esc` asks before discarding it.
    pub draft: bool,
    /// Every field's value when the form opened, to tell which the user changed.
    initial: Vec<(FieldKey, Value)>,
}

/// What a field holds, as a draft keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    Text(String),
    Choice(String),
    Ticked(bool),
}

impl Form {
    pub fn new(purpose: Purpose, title: String, heading: String, fields: Vec<Field>) -> Form {
        let mut form = Form {
            purpose,
            title,
            heading,
            notes: Vec::new(),
            fields,
            focus: 0,
            error: None,
            opened: None,
            edited: false,
            draft: false,
            initial: Vec::new(),
        };
        form.initial = form.values();
        form
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

    /// Enter: a new line in a multi-line field; anywhere else it saves, as on a web form
    /// (returns true then).
    pub fn confirm(&mut self) -> bool {
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Text(area)) => {
                area.insert_newline();
                false
            }
            _ => true,
        }
    }

    /// Pasted text for the focused field: as it is in a multi-line field, its lines joined by
    /// spaces in a one-line field, ignored by choices and ticks (a paste is never a key).
    pub fn paste(&mut self, text: &str) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        match &mut field.input {
            Input::Text(area) => _ = area.insert_str(text.trim_end_matches('\n')),
            Input::Line(area) => {
                _ = area.insert_str(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Input::Choice { .. } | Input::Toggle { .. } => {}
        }
    }

    /// A key for the focused field (text entry, or cycling a choice).
    pub fn input(&mut self, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        self.edited = true;
        match &mut field.input {
            // Ctrl-U clears back to the start of the line, as in a shell (the text area's own
            // Ctrl-U would undo); the other editing keys are the text area's (Ctrl-A, Ctrl-E,
            // Ctrl-K, Ctrl-W, ...).
            Input::Line(area) | Input::Text(area)
                if key.code == KeyCode::Char('u') && key.modifiers == KeyModifiers::CONTROL =>
            {
                area.delete_line_by_head();
            }
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
            Some(Input::Choice { options, index }) => options[*index].clone(),
            Some(Input::Toggle { .. }) | None => String::new(),
        }
    }

    /// The lines of field `key`, trimmed, without blank ones.
    pub fn lines(&self, key: FieldKey) -> Vec<String> {
        self.value(key).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    /// The lines of field `key` as titles, one per line; at least one, else the field and
    /// `when_empty`.
    pub fn titles(&self, key: FieldKey, when_empty: &str) -> Result<Vec<String>, (usize, String)> {
        let titles = self.lines(key);
        if titles.is_empty() {
            return Err((self.position(key), when_empty.to_owned()));
        }
        Ok(titles)
    }

    /// The text of field `key`, trimmed; when it is empty, the field and `when_empty`.
    pub fn required(&self, key: FieldKey, when_empty: &str) -> Result<String, (usize, String)> {
        let text = self.value(key).trim().to_owned();
        if text.is_empty() {
            return Err((self.position(key), when_empty.to_owned()));
        }
        Ok(text)
    }

    /// The text of field `key`, or its suggestion when nothing was typed.
    pub fn value_or_suggestion(&self, key: FieldKey) -> String {
        match self.fields.iter().find(|f| f.key == key).map(|f| &f.input) {
            Some(Input::Line(area)) if area.is_empty() => area.placeholder_text().to_owned(),
            _ => self.value(key),
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

    /// Every field's value, for a draft.
    pub fn values(&self) -> Vec<(FieldKey, Value)> {
        let value = |input: &Input| match input {
            Input::Line(area) | Input::Text(area) => Value::Text(area.lines().join("\n")),
            Input::Choice { options, index } => Value::Choice(options[*index].to_owned()),
            Input::Toggle { on, .. } => Value::Ticked(*on),
        };
        self.fields.iter().map(|f| (f.key, value(&f.input))).collect()
    }

    /// Puts back values kept in a draft (fields the form no longer has are left out).
    pub fn restore(&mut self, values: &[(FieldKey, Value)]) {
        for (key, value) in values {
            let Some(field) = self.fields.iter_mut().find(|f| f.key == *key) else { continue };
            match (&mut field.input, value) {
                (Input::Line(area), Value::Text(text)) => *area = TextArea::new(vec![text.clone()]),
                (Input::Text(area), Value::Text(text)) => {
                    *area = TextArea::new(text.lines().map(str::to_owned).collect());
                }
                (Input::Choice { options, index }, Value::Choice(picked)) => {
                    *index = options.iter().position(|o| o == picked).unwrap_or(*index);
                }
                (Input::Toggle { on, .. }, Value::Ticked(ticked)) => *on = *ticked,
                _ => {}
            }
        }
        self.edited = true;
    }

    /// Carries the fields changed in this form over to `fresh`, the same form built on the board
    /// as it is now, so untouched fields take the board's current values. A field changed here
    /// that someone also changed on the board since keeps the board's value (first writer wins):
    /// those are returned as (label, the board's value, this form's value).
    pub fn carry_over(&self, mut fresh: Form) -> (Form, Vec<(String, Value, Value)>) {
        let now = fresh.values();
        let mut changed = Vec::new();
        let mut conflicts = Vec::new();
        for (field, ((key, value), (_, initial))) in
            self.fields.iter().zip(self.values().into_iter().zip(&self.initial))
        {
            if value == *initial {
                continue;
            }
            match now.iter().find(|(k, _)| *k == key).map(|(_, v)| v) {
                Some(theirs) if theirs != initial && *theirs != value => {
                    conflicts.push((field.label.clone(), theirs.clone(), value));
                }
                _ => changed.push((key, value)),
            }
        }
        fresh.restore(&changed);
        fresh.focus = self.focus.min(fresh.fields.len());
        (fresh, conflicts)
    }

    /// Refuses the save: focus the field to fix and say why.
    pub fn refuse(&mut self, field: usize, message: String) {
        self.focus = field.min(self.fields.len());
        self.error = Some(message);
    }
}
