//! Trends of the closed sprints in the capacity view: one small chart per measure (stage-two
//! share, discovery share, open debt, points done), oldest first, with the latest value and its
//! target in words, and a warning when stage two was skipped twice in a row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::capacity::on_target;
use crate::domain::rhythm::doc::spark;
use crate::domain::rhythm::figures::stage_two_skipped_twice;
use crate::model::{Board, Figures};
use crate::ui::theme::Theme;
use crate::words::count;

const LABEL: usize = 14;

/// Rows the trends take (none without a closed sprint).
pub fn height(board: &Board) -> u16 {
    if board.closed_sprints().next().is_some() { 5 } else { 0 }
}

/// The trends of `board`'s closed sprints.
pub struct TrendsView<'a> {
    pub board: &'a Board,
    pub theme: &'a Theme,
}

impl Widget for TrendsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let TrendsView { board, theme } = self;
        let all: Vec<&Figures> = board.closed_sprints().map(|(_, f)| f).collect();
        let Some(last) = all.last() else { return };
        // As many sprints as fit beside the labels and the words, the latest kept.
        let room = usize::from(area.width).saturating_sub(LABEL + 34).max(1);
        let shown = &all[all.len().saturating_sub(room)..];
        let series =
            |pick: fn(&Figures) -> u32| -> Vec<u64> { shown.iter().map(|f| u64::from(pick(f))).collect() };
        let most = |values: &[u64]| values.iter().copied().max().unwrap_or(0);
        let skipped = stage_two_skipped_twice(all.iter().copied());
        let mut head = vec![Span::styled(
            format!("{:LABEL$}last {}, oldest first", "Trends", count(shown.len() as u64, "closed sprint")),
            theme.field_label,
        )];
        if skipped {
            head.push(Span::styled("  ! stage two skipped twice", theme.warning));
        }
        let off = |actual: u8, target: u8| !on_target(f64::from(actual), target);
        let two = series(|f| f.stage_two_share.into());
        let discovery = series(|f| f.discovery_share.into());
        let debt = series(|f| f.open_debt.points);
        let done = series(|f| f.done.total);
        let rows = [
            (
                "stage two",
                spark(&two, 100),
                format!("{}% · target {}%", last.stage_two_share, last.target_stage_two),
                off(last.stage_two_share, last.target_stage_two),
            ),
            (
                "discovery",
                spark(&discovery, 100),
                format!("{}% · target {}%", last.discovery_share, last.target_discovery),
                off(last.discovery_share, last.target_discovery),
            ),
            (
                "open debt",
                spark(&debt, most(&debt)),
                format!("{} pt open at the last close", last.open_debt.points),
                false,
            ),
            (
                "points done",
                spark(&done, most(&done)),
                format!("{} of {} pt in the last sprint", last.done.total, last.committed.total),
                false,
            ),
        ];
        let mut lines = vec![Line::from(head)];
        for (label, chart, words, flagged) in rows {
            let (mark, style) = if flagged { ("! ", theme.warning) } else { ("", theme.base) };
            lines.push(Line::from(vec![
                Span::styled(format!("  {label:<w$}", w = LABEL - 2), theme.field_label),
                Span::styled(chart, theme.estimate),
                Span::styled(format!("  {mark}{words}"), style),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }
}
