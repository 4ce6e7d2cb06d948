//! The debt register: open debt most severe and costly first, or by the interest it has accrued;
//! totals per severity, total interest and its trend, its drag, and the debt created and repaid
//! in the last two weeks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::two_stage::debt;
use crate::domain::two_stage::debt::{Register, Sort, WINDOW_DAYS};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;

/// Draws the register with row `selected` (of its open items, in `sort`'s order) selected.
pub struct DebtView<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub sort: Sort,
    pub theme: &'a Theme,
}

impl Widget for DebtView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let DebtView { app, selected, sort, theme } = self;
        let board = app.board();
        let register = debt::register(board, app.now()).sorted(sort);
        let (title, other) = match sort {
            Sort::Severity => (" Debt register: open debt by severity, then cost ", "by interest"),
            Sort::Interest => (" Debt register: open debt by interest accrued ", "by severity"),
        };
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title))
            .title_bottom(super::key_line(
                app,
                Mode::Debt,
                &[
                    (&[Action::SelectDown, Action::SelectUp], "select"),
                    (&[Action::GoTo], "go to the item"),
                    (&[Action::ToggleSort], &format!("sort {other}")),
                    (&[Action::Close], "close"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let mut lines = totals(&register, width, theme);
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "  {:<9} {:>6} {:>5} {:>5} {:>8}  {:<12} title",
                "severity", "item", "cost", "age", "interest", "column"
            ),
            theme.field_label,
        ));
        let header = lines.len();
        let rows = usize::from(inner.height).saturating_sub(header);
        let first = selected.saturating_sub(rows.saturating_sub(1));
        for (i, item) in register.open.iter().enumerate().skip(first).take(rows) {
            let column =
                board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
            let cost = item.estimate.map_or("?".to_owned(), |e| e.to_string());
            let severity = item.severity.map_or("unrated", |s| s.name());
            let marker = if i == selected { "▶ " } else { "  " };
            let text = format!(
                "{marker}{severity:<9} {:>6} {cost:>5} {:>5} {:>8}  {} {}",
                format!("#{}", item.id),
                format!("{}d", register.age(item)),
                register.interest(item),
                text::pad(&truncate(column, 12), 12),
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
}

/// The lines above the table: count and cost, the last two weeks, interest, per severity.
fn totals(register: &Register, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let w = &register.weights;
    vec![
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
        Line::styled(format!("interest {}, {}", register.total_interest, register.trend()), theme.base),
        Line::styled(truncate(&register.drag.line(), width), theme.base),
        Line::styled(
            truncate(
                &format!(
                    "  = days open × weight: low {}, medium {}, high {}, critical {}",
                    w.low, w.medium, w.high, w.critical
                ),
                width,
            ),
            theme.hint_text,
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
    ]
}
