//! A form overlay: one row per field, multi-line fields taking the rest, the Save button, and
//! the reason the last save was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use crate::app::forms::form::{Form, Input};
use crate::app::input::action::Action;
use crate::app::input::keymap::{Keymap, Mode};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

const MAX_LABEL_WIDTH: u16 = 32;

/// A form with its keys from the keymap.
pub struct FormView<'a> {
    pub form: &'a Form,
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (form, theme) = (self.form, self.theme);
        let title = format!(" {} ", form.title);
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title));
        let inner = block.inner(area);
        block.render(area, buf);
        let longest = form.fields.iter().map(|f| text::width(&f.label) as u16 + 4).max().unwrap_or(0);
        let label_width = longest.min(MAX_LABEL_WIDTH).min(inner.width / 2);
        if inner.height == 0 || label_width < 2 {
            return;
        }
        // Heading and notes, fields, then the error and button rows at the bottom.
        let [body, error_row, button_row] = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let context = self.context(usize::from(inner.width), usize::from(inner.height.saturating_sub(8) / 2));
        let rows = u16::try_from(context.len()).unwrap_or(u16::MAX);
        // A blank row between the notes and the fields.
        let [notes, fields] =
            body.layout(&Layout::vertical([Constraint::Length(rows.saturating_add(1)), Constraint::Fill(1)]));
        for (row, (line, style)) in notes.rows().zip(context) {
            buf.set_stringn(row.x, row.y, line, usize::from(row.width), style);
        }
        self.render_fields(fields, label_width, buf);
        let width = usize::from(inner.width);
        if let Some(error) = &form.error {
            let (x, y) = (error_row.x, error_row.y);
            buf.set_stringn(x, y, truncate(&format!("! {error}"), width), width, theme.warning);
        }
        let [button, hint] =
            button_row.layout(&Layout::horizontal([Constraint::Length(9), Constraint::Fill(1)]));
        if let Some(text) = save_hint(form, self.keymap) {
            let room = usize::from(hint.width);
            buf.set_stringn(hint.x, hint.y, truncate(&text, room), room, theme.muted);
        }
        let style = if form.on_save_button() { theme.button_focused } else { theme.button };
        buf.set_stringn(button.x, button.y, "[ Save ]", width, style);
    }
}

impl FormView<'_> {
    /// The heading (at most two lines) and the notes, wrapped to `width`, as far as `room`
    /// lines (at least one) leave room for the fields.
    fn context(&self, width: usize, room: usize) -> Vec<(String, Style)> {
        let (form, theme) = (self.form, self.theme);
        let mut context: Vec<(String, Style)> =
            wrap(&form.heading, width, "").into_iter().take(2).map(|l| (l, theme.muted)).collect();
        for note in &form.notes {
            context.extend(wrap(note, width, "  ").into_iter().map(|l| (l, theme.hint_text)));
        }
        context.truncate(room.max(1));
        context
    }

    /// The fields in `area`, a label column `label_width` wide beside the values: a row each,
    /// a multi-line field taking what the fields below it leave; scrolled so the focused one
    /// shows when they do not all fit.
    fn render_fields(&self, area: Rect, label_width: u16, buf: &mut Buffer) {
        let (form, theme) = (self.form, self.theme);
        let [labels, values] =
            area.layout(&Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)]));
        let skip = skipped(form, usize::from(area.height));
        let mut y = area.y;
        for (i, field) in form.fields.iter().enumerate().skip(skip) {
            if y >= area.bottom() {
                break;
            }
            let focused = form.focus == i;
            let label = format!("{}{}", if focused { "▶ " } else { "  " }, field.label);
            let label_style = if focused { theme.field_focused } else { theme.field_label };
            let shown = truncate(&label, usize::from(label_width - 1));
            buf.set_stringn(labels.x, y, shown, usize::from(label_width), label_style);
            let style = if focused { theme.field_focused } else { theme.base };
            let row = Rect { y, height: 1, ..values };
            let room = usize::from(row.width);
            match &field.input {
                Input::Line(text) => TextField { text, focused, theme }.render(row, buf),
                Input::Choice { options, index } => {
                    buf.set_stringn(row.x, y, format!("◀ {} ▶", options[*index]), room, style);
                }
                Input::Toggle { text, on } => {
                    let shown = format!("[{}] {text}", if *on { "x" } else { " " });
                    buf.set_stringn(row.x, y, truncate(&shown, room), room, style);
                }
                Input::Text(text) => {
                    // Leave a row for each field below this one.
                    let below = u16::try_from(form.fields.len() - i - 1).unwrap_or(u16::MAX);
                    let height = area.bottom().saturating_sub(y.saturating_add(below)).max(1);
                    TextField { text, focused, theme }.render(Rect { height, ..row }, buf);
                    y += height - 1;
                }
            }
            y += 1;
        }
    }
}

/// A text field: the live editor (with its cursor) when focused, else just its text.
struct TextField<'a> {
    text: &'a ratatui_textarea::TextArea<'static>,
    focused: bool,
    theme: &'a Theme,
}

impl Widget for TextField<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (text, theme) = (self.text, self.theme);
        buf.set_style(area, theme.input);
        if self.focused {
            text.render(area, buf);
            return;
        }
        let width = usize::from(area.width);
        if text.is_empty() {
            let suggestion = truncate(text.placeholder_text(), width);
            buf.set_stringn(area.x, area.y, suggestion, width, theme.muted);
            return;
        }
        for (row, line) in area.rows().zip(text.lines()) {
            buf.set_stringn(row.x, row.y, truncate(line, width), width, theme.input);
        }
    }
}

/// The rows a focused field of several lines gets at least, when the form is taller than the
/// screen (issue 29: a description shows at least five rows at 80x24).
const MIN_TEXT_ROWS: usize = 5;

/// The fields scrolled past in `rows` rows: enough that the focused one shows, and that a
/// focused field of several lines gets [`MIN_TEXT_ROWS`] (the fields above it scroll away).
fn skipped(form: &Form, rows: usize) -> usize {
    let count = form.fields.len();
    let mut skip = if count > rows { (form.focus + 1).saturating_sub(rows) } else { 0 };
    if let Some(Input::Text(_)) = form.fields.get(form.focus).map(|f| &f.input) {
        let below = count.saturating_sub(form.focus + 1);
        let room_above = rows.saturating_sub(below + MIN_TEXT_ROWS);
        skip = skip.max(form.focus.saturating_sub(room_above));
    }
    skip
}

/// A reminder beside the Save button while a multi-line field has the focus, where the confirm
/// key (Enter) makes a new line instead of saving; the keys come from the keymap.
fn save_hint(form: &Form, keymap: &Keymap) -> Option<String> {
    let Some(Input::Text(_)) = form.fields.get(form.focus).map(|f| &f.input) else { return None };
    let keys = |a: Action| {
        keymap.keys_for(Mode::Form, a).iter().map(ToString::to_string).collect::<Vec<_>>().join(" or ")
    };
    Some(format!(
        " {}: new line · {}: save · {}: editor",
        keys(Action::Confirm),
        keys(Action::Save),
        keys(Action::OpenEditor)
    ))
}
