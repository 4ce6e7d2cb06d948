//! The initiatives view: per initiative its status, phase and progress, the three-segment bar,
//! open items per phase and the warnings; open initiatives first, scrolled to the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::phase_bar;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::phases::progress::Progress;
use crate::model::{Initiative, Phase};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;

/// Indent of the lines under an initiative's name.
const INDENT: &str = "   ";

/// Every initiative, the `selected` one marked and in view.
pub struct InitiativesView<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub theme: &'a Theme,
}

impl Widget for InitiativesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let InitiativesView { app, selected, theme } = self;
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(" Initiatives: MVP → enhancement → polish ", theme.overlay_title))
            .title_bottom(super::key_line(
                app,
                Mode::Initiatives,
                &[
                    (&[Action::SelectDown, Action::SelectUp], "select"),
                    (&[Action::InitiativeDetails], "details"),
                    (&[Action::Decide], "decide"),
                    (&[Action::AddInitiative], "add"),
                    (&[Action::EditInitiative], "edit"),
                    (&[Action::ShowItems], "items"),
                    (&[Action::Close], "close"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let all: Vec<(&Initiative, &Progress)> = app
            .view()
            .initiatives
            .iter()
            .filter_map(|(id, p)| Some((app.board().initiative(id)?, p)))
            .collect();
        if all.is_empty() {
            Paragraph::new(none_yet(app, theme)).render(inner, buf);
            return;
        }
        let selected = selected.min(all.len() - 1);
        let blocks: Vec<Vec<Line>> = all
            .iter()
            .enumerate()
            .map(|(i, (it, p))| initiative_lines(it, p, i == selected, width, theme))
            .collect();
        // Scroll by whole initiatives so that the selected one shows.
        let heights: Vec<usize> = blocks.iter().map(Vec::len).collect();
        let first = super::first_in_view(&heights, selected, usize::from(inner.height));
        let lines: Vec<Line> = blocks.into_iter().skip(first).flatten().collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

/// What to do when there is no initiative yet: the keys that add one and label items.
fn none_yet(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let label = app.keymap().short_keys(Mode::Board, &[Action::LabelInitiative]).unwrap_or_default();
    let add = app.keymap().short_keys(Mode::Initiatives, &[Action::AddInitiative]).unwrap_or_default();
    vec![
        Line::styled("No initiatives yet.", theme.base),
        Line::styled(format!("{add} adds one: a name and success criteria per phase."), theme.hint_text),
        Line::styled(
            format!("Then {label} on the board puts the selected item into its MVP, enhancement or polish."),
            theme.hint_text,
        ),
    ]
}

/// The lines of one initiative, with a blank line after it.
fn initiative_lines(
    it: &Initiative,
    p: &Progress,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let marker = if selected { "▶ " } else { "  " };
    let right = format!("{} · {} · {}%", it.status, p.current().label(), p.percent());
    let left = format!("{marker}{}  ", it.id);
    let room = width.saturating_sub(text::width(&left) + text::width(&right) + 1);
    let name = truncate(&it.name, room);
    let pad = width.saturating_sub(text::width(&left) + text::width(&name) + text::width(&right));
    let title_style = if selected { theme.card_selected } else { theme.column_title };
    let mut lines = vec![Line::from(vec![
        Span::styled(left, title_style),
        Span::styled(name, if selected { theme.card_selected } else { theme.base }),
        Span::styled(" ".repeat(pad), if selected { theme.card_selected } else { theme.base }),
        Span::styled(right, if selected { theme.card_selected } else { theme.hint_text }),
    ])];
    let amount = format!("  {}", p.amount(p.done, p.total));
    let bar_width = width.saturating_sub(text::width(INDENT) + text::width(&amount)).min(70);
    let mut bar = vec![Span::raw(INDENT)];
    bar.extend(phase_bar::bar(p, bar_width, theme));
    bar.push(Span::styled(amount, theme.base));
    lines.push(Line::from(bar));
    let open: Vec<String> = Phase::ALL
        .iter()
        .map(|phase| {
            let ph = p.phase(*phase);
            match ph.started {
                0 => format!("{} {}", phase.label(), ph.open_items),
                n => format!("{} {} ({n} under way)", phase.label(), ph.open_items),
            }
        })
        .collect();
    let mut open_line = format!("{INDENT}open: {}", open.join(" · "));
    if p.unestimated > 0 {
        open_line.push_str(&format!(" · {} unestimated", p.unestimated));
    }
    lines.push(Line::styled(truncate(&open_line, width), theme.hint_text));
    for warning in &p.warnings {
        lines.push(Line::styled(truncate(&format!("{INDENT}! {}", warning.message()), width), theme.warning));
    }
    lines.push(Line::default());
    lines
}
