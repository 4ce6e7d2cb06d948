//! The charts screen (docs/guide/rhythm.md, "Charts"): which chart is on (the others named
//! beside it, the one on in brackets, never by colour alone), the chart itself
//! (`chart_draw.rs`), what the journal could not tell, and the keys. Braille only where the
//! terminal shows it: ASCII mode and 16-colour terminals draw with plain markers.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame, Paragraph, Widget, Wrap};

use super::chart_draw;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::charts::{Chart, Charts};
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

/// The charts screen.
pub struct ChartsView<'a> {
    pub app: &'a App,
    pub charts: &'a Charts,
    pub theme: &'a Theme,
    /// No braille: ASCII mode or a 16-colour terminal.
    pub plain: bool,
}

impl Widget for ChartsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ChartsView { app, charts, theme, plain } = self;
        let keys = |a: &[Action]| app.keymap().short_keys(Mode::Charts, a).unwrap_or_default();
        let hint = format!(
            " {} chart · {} other track's flow · {} close ",
            keys(&[Action::NextChart, Action::PrevChart]),
            keys(&[Action::ChartTrack]),
            keys(&[Action::Close])
        );
        let frame = Frame::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(format!(" Charts · {} ", app.board().name), theme.overlay_title))
            .title_bottom(Line::styled(hint, theme.overlay_title));
        let inner = frame.inner(area);
        frame.render(area, buf);
        let Some(flow) = &charts.flow else {
            // The first replay of the journal is still under way; the keys work meanwhile.
            let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
            Paragraph::new(tab_line(charts.chart, theme)).render(tabs, buf);
            Paragraph::new(Line::styled(WORKING, theme.hint_text)).render(body, buf);
            return;
        };
        let notes = flow.missing();
        let wrapped: usize = notes.iter().map(|n| wrap(n, usize::from(inner.width), "").len()).sum();
        let note_rows = u16::try_from(wrapped).unwrap_or(u16::MAX).min(inner.height / 4);
        let [tabs, body, foot] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(4), Constraint::Length(note_rows)])
                .areas(inner);
        Paragraph::new(tab_line(charts.chart, theme)).render(tabs, buf);
        let marker = if plain { Marker::Dot } else { Marker::Braille };
        chart_draw::Drawn { charts, flow, theme, marker }.render(body, buf);
        let lines: Vec<Line> = notes.into_iter().map(|n| Line::styled(n, theme.hint_text)).collect();
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(foot, buf);
    }
}

/// What the screen says while the journal is still being read.
pub const WORKING: &str = "working out the charts…";

/// `[Burn-up]  Velocity by stage  Cumulative flow  Cycle time`: the one on in brackets.
fn tab_line(on: Chart, theme: &Theme) -> Line<'static> {
    let spans: Vec<Span> = Chart::ALL
        .iter()
        .map(|c| match *c == on {
            true => Span::styled(format!("[{}] ", c.title()), theme.field_focused),
            false => Span::styled(format!(" {}  ", c.title()), theme.muted),
        })
        .collect();
    Line::from(spans)
}
