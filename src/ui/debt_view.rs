//! The debt register: open debt most severe and costly first, totals per severity, and the debt
//! created and repaid in the last two weeks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::card::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Mode;
use crate::domain::debt::{self, WINDOW_DAYS};

pub fn draw_debt(buf: &mut Buffer, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let board = app.board();
    let register = debt::register(board, app.now());
    let block = Block::bordered()
        .border_style(theme.overlay_border)
        .title(Line::styled(" Debt register: open debt by severity, then cost ", theme.overlay_title))
        .title_bottom(super::list_keys(app, Mode::Debt, theme));
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::styled(
            format!(
                "{} open debt items, {} points to repay{}",
                register.open.len(),
                register.total_cost,
                match register.unestimated {
                    0 => String::new(),
                    n => format!(" ({n} without an estimate)"),
                },
            ),
            theme.base,
        ),
        Line::styled(
            format!("last {WINDOW_DAYS} days: {} created, {} repaid", register.created, register.repaid),
            theme.base,
        ),
        Line::styled(
            register
                .by_severity
                .iter()
                .map(|(s, n, cost)| format!("{}: {n} ({cost} pt)", s.map_or("unrated", |s| s.name())))
                .collect::<Vec<_>>()
                .join("  ·  "),
            theme.hint_text,
        ),
        Line::default(),
        Line::styled(
            format!("  {:<9} {:>6} {:>5}  {:<14} title", "severity", "item", "cost", "column"),
            theme.field_label,
        ),
    ];
    let header = lines.len();
    let rows = usize::from(inner.height).saturating_sub(header);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, item) in register.open.iter().enumerate().skip(first).take(rows) {
        let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
        let cost = item.estimate.map_or("?".to_owned(), |e| e.to_string());
        let severity = item.severity.map_or("unrated", |s| s.name());
        let marker = if i == selected { "▶ " } else { "  " };
        let text = format!(
            "{marker}{severity:<9} {:>6} {cost:>5}  {:<14} {}",
            format!("#{}", item.id),
            truncate(column, 14),
            item.title
        );
        let style = if i == selected { theme.card_selected } else { theme.base };
        lines.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    if register.open.is_empty() {
        lines.push(Line::styled("  no open debt: nothing to repay", theme.muted));
    }
    Paragraph::new(lines).render(inner, buf);
}
