//! A form overlay: one row per field, multi-line fields taking the rest, the Save button, and
//! the reason the last save was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::card::truncate;
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::forms::form::{Form, Input};
use crate::app::input::action::Action;
use crate::app::input::keymap::{Keymap, Mode};

const MAX_LABEL_WIDTH: u16 = 32;

pub fn draw_form(buf: &mut Buffer, area: Rect, form: &Form, keymap: &Keymap, theme: &Theme) {
    let title = format!(" {} ", form.title);
    let block =
        Block::bordered().border_style(theme.overlay_border).title(Line::styled(title, theme.overlay_title));
    let inner = block.inner(area);
    block.render(area, buf);
    let longest = form.fields.iter().map(|f| f.label.chars().count() as u16 + 4).max().unwrap_or(0);
    let label_width = longest.min(MAX_LABEL_WIDTH).min(inner.width / 2);
    if inner.height == 0 || label_width < 2 {
        return;
    }
    let width = usize::from(inner.width);
    // Heading and notes (wrapped, as far as they leave room for the fields), fields, then the
    // error and button rows at the bottom.
    let bottom = inner.bottom();
    let mut y = inner.y;
    let mut context: Vec<(String, ratatui::style::Style)> =
        wrap(&form.heading, width, "").into_iter().take(2).map(|l| (l, theme.muted)).collect();
    for note in &form.notes {
        context.extend(wrap(note, width, "  ").into_iter().map(|l| (l, theme.hint_text)));
    }
    let room = usize::from(inner.height.saturating_sub(8) / 2).max(1);
    for (line, style) in context.into_iter().take(room) {
        buf.set_stringn(inner.x, y, line, width, style);
        y += 1;
    }
    y += 1;
    // When the fields do not all fit, scroll so the focused one shows.
    let rows = usize::from(bottom.saturating_sub(y + 2));
    let skip = if form.fields.len() > rows { (form.focus + 1).saturating_sub(rows) } else { 0 };
    for (i, field) in form.fields.iter().enumerate().skip(skip) {
        if y + 2 >= bottom {
            break;
        }
        let focused = form.focus == i;
        let label = format!("{}{}", if focused { "▶ " } else { "  " }, field.label);
        let label_style = if focused { theme.field_focused } else { theme.field_label };
        let shown = truncate(&label, usize::from(label_width - 1));
        buf.set_stringn(inner.x, y, shown, usize::from(label_width), label_style);
        let x = inner.x + label_width;
        let value_width = inner.width - label_width;
        match &field.input {
            Input::Line(text) => {
                let rect = Rect { x, y, width: value_width, height: 1 };
                draw_text(buf, rect, text, focused, theme);
                y += 1;
            }
            Input::Choice { options, index } => {
                let shown = format!("◀ {} ▶", options[*index]);
                buf.set_stringn(
                    x,
                    y,
                    shown,
                    usize::from(value_width),
                    if focused { theme.field_focused } else { theme.base },
                );
                y += 1;
            }
            Input::Toggle { text, on } => {
                let shown = format!("[{}] {text}", if *on { "x" } else { " " });
                let style = if focused { theme.field_focused } else { theme.base };
                buf.set_stringn(
                    x,
                    y,
                    truncate(&shown, usize::from(value_width)),
                    usize::from(value_width),
                    style,
                );
                y += 1;
            }
            Input::Text(text) => {
                // Leave a row for each field below this one.
                let below = (form.fields.len() - i - 1) as u16;
                let height = bottom.saturating_sub(y + 2 + below).max(1);
                let rect = Rect { x, y, width: value_width, height };
                draw_text(buf, rect, text, focused, theme);
                y += height;
            }
        }
    }
    if let Some(error) = &form.error {
        buf.set_stringn(inner.x, bottom - 2, truncate(&format!("! {error}"), width), width, theme.warning);
    }
    if let Some(hint) = save_hint(form, keymap) {
        let button_end = 9;
        let room = width.saturating_sub(button_end);
        buf.set_stringn(inner.x + button_end as u16, bottom - 1, truncate(&hint, room), room, theme.muted);
    }
    let button = if form.on_save_button() { theme.button_focused } else { theme.button };
    buf.set_stringn(inner.x, bottom - 1, "[ Save ]", width, button);
}

/// A text field: the live editor (with its cursor) when focused, else just its text.
fn draw_text(
    buf: &mut Buffer,
    rect: Rect,
    text: &ratatui_textarea::TextArea<'static>,
    focused: bool,
    theme: &Theme,
) {
    buf.set_style(rect, theme.input);
    if focused {
        text.render(rect, buf);
        return;
    }
    if text.is_empty() {
        let suggestion = truncate(text.placeholder_text(), usize::from(rect.width));
        buf.set_stringn(rect.x, rect.y, suggestion, usize::from(rect.width), theme.muted);
        return;
    }
    for (row, line) in text.lines().iter().take(usize::from(rect.height)).enumerate() {
        let shown = truncate(line, usize::from(rect.width));
        buf.set_stringn(rect.x, rect.y + row as u16, shown, usize::from(rect.width), theme.input);
    }
}

/// A reminder beside the Save button while a multi-line field has the focus, where the confirm
/// key (Enter) makes a new line instead of saving; the keys come from the keymap.
fn save_hint(form: &Form, keymap: &Keymap) -> Option<String> {
    let Some(Input::Text(_)) = form.fields.get(form.focus).map(|f| &f.input) else { return None };
    let keys = |a: Action| {
        keymap.keys_for(Mode::Form, a).iter().map(ToString::to_string).collect::<Vec<_>>().join(" or ")
    };
    Some(format!(" {}: new line · {}: save", keys(Action::Confirm), keys(Action::Save)))
}
