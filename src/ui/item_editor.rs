//! The item form overlay: one row per field, the description below, the Save button, and the
//! reason the last save was refused.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::card::truncate;
use super::theme::Theme;
use crate::app::form::{FormTarget, Input, ItemForm};

const LABEL_WIDTH: u16 = 15;

pub fn draw_form(buf: &mut Buffer, area: Rect, form: &ItemForm, theme: &Theme) {
    let title = match form.target {
        FormTarget::New { .. } => " Add item ".to_owned(),
        FormTarget::Existing(id) => format!(" Edit #{id} "),
    };
    let block =
        Block::bordered().border_style(theme.overlay_border).title(Line::styled(title, theme.overlay_title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width <= LABEL_WIDTH {
        return;
    }
    let width = usize::from(inner.width);
    buf.set_stringn(inner.x, inner.y, truncate(&form.heading, width), width, theme.muted);
    // Heading, fields, then error and button rows at the bottom.
    let bottom = inner.bottom();
    let mut y = inner.y + 2;
    for (i, field) in form.fields.iter().enumerate() {
        if y + 2 >= bottom {
            break;
        }
        let focused = form.focus == i;
        let label = format!("{}{}", if focused { "▶ " } else { "  " }, field.name.label());
        let label_style = if focused { theme.field_focused } else { theme.field_label };
        buf.set_stringn(inner.x, y, &label, usize::from(LABEL_WIDTH), label_style);
        let x = inner.x + LABEL_WIDTH;
        let value_width = inner.width - LABEL_WIDTH;
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
            Input::Text(text) => {
                let height = bottom.saturating_sub(y + 2).max(1);
                let rect = Rect { x, y, width: value_width, height };
                draw_text(buf, rect, text, focused, theme);
                y += height;
            }
        }
    }
    if let Some(error) = &form.error {
        buf.set_stringn(inner.x, bottom - 2, truncate(&format!("! {error}"), width), width, theme.warning);
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
    for (row, line) in text.lines().iter().take(usize::from(rect.height)).enumerate() {
        let shown = truncate(line, usize::from(rect.width));
        buf.set_stringn(rect.x, rect.y + row as u16, shown, usize::from(rect.width), theme.input);
    }
}
