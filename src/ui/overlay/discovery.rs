//! The capacity view's discovery page: the open discovery items by entry criterion (why they are
//! discovery work), and how discovery work ended over the last 30 days: on time or late,
//! promoted or dropped, the median days to a decision, the open-ended items, the latest
//! decisions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::dual_track::criteria::Reason;
use crate::domain::dual_track::discovery_success::{Figures, Period, WINDOW_DAYS};
use crate::domain::dual_track::{criteria, discovery_success};
use crate::model::{Board, ItemId};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;

const LABEL: usize = 24;

/// The discovery page of the capacity view.
pub struct DiscoveryView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for DiscoveryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let DiscoveryView { app, theme } = self;
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(
                " Discovery: why it is discovery work, and how it ended ",
                theme.overlay_title,
            ))
            .title_bottom(super::key_line(
                app,
                Mode::Discovery,
                &[
                    (&[Action::Edit], "edit the entry criteria"),
                    (&[Action::NextPage], "capacity split"),
                    (&[Action::Close], "close"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let board = app.board();
        let width = usize::from(inner.width);
        let period = Period::last_days(app.now(), WINDOW_DAYS);
        let figures = discovery_success::figures(board, period, app.view().today);
        let mut lines =
            vec![Line::styled("Why discovery: open items by entry criterion", theme.overlay_title)];
        lines.extend(by_criterion(board, width, theme));
        lines.push(Line::default());
        lines.push(Line::styled(format!("Success over the last {WINDOW_DAYS} days"), theme.overlay_title));
        lines.extend(success(&figures, width, theme));
        lines.push(Line::default());
        lines.push(Line::styled("Latest decisions", theme.overlay_title));
        lines.extend(decisions(board, &figures, width, theme));
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `#2 #3 #9`, cut to fit.
fn ids(ids: &[ItemId], width: usize) -> String {
    truncate(&ids.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(" "), width)
}

fn by_criterion(board: &Board, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(LABEL + 8);
    criteria::by_criterion(board)
        .into_iter()
        .map(|(reason, items)| {
            let label = truncate(&reason.label(), LABEL - 1);
            let (style, flag) = match reason {
                Reason::NotSaid => (theme.warning, "! "),
                _ if items.is_empty() => (theme.muted, "  "),
                _ => (theme.base, "  "),
            };
            Line::from(vec![
                Span::styled(format!("{flag}{}{:>3}  ", text::pad(&label, LABEL), items.len()), style),
                Span::styled(ids(&items, room), theme.hint_text),
            ])
        })
        .collect()
}

fn success(f: &Figures, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let row = |label: &str, text: String, style| {
        Line::from(vec![
            Span::styled(format!("  {label:<12}"), theme.field_label),
            Span::styled(truncate(&text, width.saturating_sub(14)), style),
        ])
    };
    let concluded = f.decided.len();
    let on_time = match f.on_time_percent() {
        Some(p) => format!(" · {p:.0}% on time"),
        None => String::new(),
    };
    let median = f.median_words();
    let open_ended = if f.open_ended.is_empty() {
        String::new()
    } else {
        format!(" · {} open-ended: {}", f.open_ended.len(), ids(&f.open_ended, 40))
    };
    let open_style = if f.open_ended.is_empty() && f.overdue == 0 { theme.base } else { theme.warning };
    vec![
        row(
            "Concluded",
            format!(
                "{concluded}: {} on time, {} late, {} without a timebox{on_time}",
                f.on_time, f.late, f.no_timebox
            ),
            theme.base,
        ),
        row(
            "Decisions",
            format!("{} promoted · {} dropped · {} concluded otherwise", f.promoted, f.dropped, f.concluded),
            theme.base,
        ),
        row("Time", median, theme.base),
        row("Open", format!("{} open · {} overdue{open_ended}", f.open, f.overdue), open_style),
    ]
}

fn decisions(board: &Board, f: &Figures, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if f.decided.is_empty() {
        return vec![Line::styled(format!("  none in the last {WINDOW_DAYS} days"), theme.muted)];
    }
    f.decided
        .iter()
        .map(|(id, o)| {
            let title = board.item(*id).map_or("", |it| it.title.as_str());
            let text = format!(
                "  {:>5}  {:<9}  {:<10}  {:>3}d  {title}",
                format!("#{id}"),
                o.decision.name(),
                o.timing.label(),
                o.days
            );
            Line::styled(truncate(&text, width), theme.base)
        })
        .collect()
}
