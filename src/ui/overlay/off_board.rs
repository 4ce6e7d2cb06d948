//! The lists of items off the board, one widget for both (recently deleted, the archive): the
//! title with the filter and how many rows it shows of how many, then one row per item, most
//! recent first: `#id`, the title, when and who (deleted by, or who worked on an archived
//! item), and where it was when the box is wide enough. The chosen row is marked with ▶ as well
//! as highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::screens::off_board::{OffBoard, Row, Shelf};
use crate::ui::text;
use crate::ui::theme::Theme;

/// The box's height for `list`: its rows, at most twenty, and the two borders.
pub fn wanted_height(list: &OffBoard) -> u16 {
    u16::try_from(list.shown.len().clamp(1, 20)).unwrap_or(20).saturating_add(2)
}

/// From this inner width a row also says where the item was.
const WITH_PLACE: usize = 90;

pub struct OffBoardView<'a> {
    pub app: &'a App,
    pub list: &'a OffBoard,
    pub theme: &'a Theme,
}

/// When and who, in the list's words: "deleted 2026-11-21 14:00 by ana", "done 2026-10-01 · ana".
fn when_who(shelf: Shelf, row: &Row) -> String {
    match shelf {
        Shelf::Deleted => format!("deleted {} by {}", row.when.format("%Y-%m-%d %H:%M"), row.who),
        Shelf::Archived if row.who.is_empty() => format!("done {}", row.when.format("%Y-%m-%d")),
        Shelf::Archived => format!("done {} · {}", row.when.format("%Y-%m-%d"), row.who),
    }
}

impl Widget for OffBoardView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let OffBoardView { app, list, theme } = self;
        let filter = list.filter_text();
        let mut title = format!(" {}", list.shelf.title());
        if list.filtering || !filter.is_empty() {
            let cursor = if list.filtering { "▏" } else { "" };
            title.push_str(&format!(": /{filter}{cursor}"));
        }
        title.push_str(&format!(" ({} of {}) ", list.shown.len(), list.rows.len()));
        let keys: &[(&[Action], &str)] = if list.filtering {
            &[(&[Action::Confirm], "keep filter"), (&[Action::Close], "clear")]
        } else {
            &[
                (&[Action::SelectDown, Action::SelectUp], "choose"),
                (&[Action::TakeBack], list.shelf.verb()),
                (&[Action::Search], "filter"),
                (&[Action::Close], "close"),
            ]
        };
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title))
            .title_bottom(super::key_line(app, list.keys(), keys, theme));
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height).max(1);
        let width = usize::from(inner.width);
        let id_width = list.rows.iter().map(|r| text::width(&format!("#{}", r.id))).max().unwrap_or(2);
        let first = list.chosen / rows * rows;
        let mut lines: Vec<Line> = list
            .shown
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .filter_map(|(at, &i)| list.rows.get(i).map(|row| (at == list.chosen, row)))
            .map(|(chosen, row)| {
                let mark = if chosen { "▶ " } else { "  " };
                let id = text::pad(&format!("#{}", row.id), id_width);
                let mut tail = when_who(list.shelf, row);
                if width >= WITH_PLACE {
                    tail = format!("{} · {tail}", text::truncate(&row.place, 24));
                }
                let tail = text::truncate(&tail, width.saturating_sub(id_width + 14));
                let room = width.saturating_sub(2 + id_width + 1 + 2 + text::width(&tail));
                let title = text::pad(&text::truncate(&row.title, room), room);
                let style = if chosen { theme.card_selected } else { theme.base };
                Line::from(vec![
                    Span::styled(format!("{mark}{id} "), if chosen { style } else { theme.hint_key }),
                    Span::styled(title, style),
                    Span::styled(format!("  {tail}"), if chosen { style } else { theme.hint_text }),
                ])
            })
            .collect();
        if lines.is_empty() {
            let empty = match filter.is_empty() {
                true => list.shelf.empty().to_owned(),
                false => format!("nothing here contains \"{filter}\""),
            };
            lines.push(Line::styled(format!("  {empty}"), theme.hint_text));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
