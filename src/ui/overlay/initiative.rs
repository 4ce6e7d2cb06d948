//! One initiative in full: description, phase and progress with the bar, each phase's work,
//! warnings, success criteria, the decisions newest first, and its items by phase.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::phase_bar;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::phases::initiatives;
use crate::domain::phases::progress::Progress;
use crate::model::{Initiative, Phase};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;

const LABEL: usize = 13;

/// The initiative `id`, scrolled down `scroll` lines.
pub struct InitiativeView<'a> {
    pub app: &'a App,
    pub id: &'a str,
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl Widget for InitiativeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let InitiativeView { app, id, scroll, theme } = self;
        let keys = |a: &[Action]| app.keymap().short_keys(Mode::Initiative, a).unwrap_or_default();
        let Some(it) = app.board().initiative(id) else {
            let block =
                Block::bordered().border_style(theme.overlay_border).title(" This initiative was removed ");
            block.render(area, buf);
            return;
        };
        // The view's progress is current after every change; computing it is the fallback.
        let cached = app.view().initiatives.iter().find(|(i, _)| i == id).map(|(_, p)| p.clone());
        let progress = cached.unwrap_or_else(|| Progress::of(app.board(), it));
        let title = format!(" {} — {} ({}) ", it.id, it.name, it.status);
        let mut block = Block::bordered().border_style(theme.overlay_border).title(Line::styled(
            truncate(&title, usize::from(area.width.saturating_sub(4))),
            theme.overlay_title,
        ));
        let lines = lines(app, it, &progress, usize::from(area.width.saturating_sub(2)), theme, &keys);
        let inner_height = area.height.saturating_sub(2);
        // Long details scroll; wrapped lines may take more rows, so this bound is generous.
        let max_scroll = (lines.len() as u16).saturating_sub(inner_height / 2);
        let scroll = scroll.min(max_scroll);
        block = block.title_bottom(super::key_line(
            app,
            Mode::Initiative,
            &[
                (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
                (&[Action::Decide], "decide"),
                (&[Action::EditInitiative], "edit"),
                (&[Action::ShowItems], "items"),
                (&[Action::Close], "close"),
            ],
            theme,
        ));
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(area, buf);
    }
}

fn labelled(label: &str, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(text::pad(label, LABEL), theme.field_label),
        Span::styled(value, theme.base),
    ])
}

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.overlay_title)
}

fn lines(
    app: &App,
    it: &Initiative,
    p: &Progress,
    width: usize,
    theme: &Theme,
    keys: &dyn Fn(&[Action]) -> String,
) -> Vec<Line<'static>> {
    let mut lines = standing(it, p, width, theme);
    lines.push(Line::default());
    lines.extend(criteria(it, theme, keys));
    lines.push(Line::default());
    lines.extend(decisions(it, theme, keys));
    lines.push(Line::default());
    lines.extend(items(app, it, theme));
    lines
}

/// Description, phase, progress with the bar, each phase's work, and the warnings.
fn standing(it: &Initiative, p: &Progress, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !it.description.is_empty() {
        lines.extend(it.description.lines().map(|l| Line::styled(l.to_owned(), theme.base)));
    }
    lines.push(labelled("Phase", p.standing_words(), theme));
    lines.push(labelled("Progress", p.done_words(), theme));
    let mut bar = vec![Span::raw(" ".repeat(LABEL))];
    bar.extend(phase_bar::bar(p, width.saturating_sub(LABEL).min(72), theme));
    lines.push(Line::from(bar));
    for phase in Phase::ALL {
        lines.push(Line::from(vec![
            Span::styled(format!("{:LABEL$}", phase.label()), theme.phase(phase)),
            Span::styled(p.phase_words(phase), theme.base),
        ]));
    }
    lines.push(Line::default());
    if p.warnings.is_empty() {
        lines.push(Line::styled("No warnings", theme.ok));
    }
    for warning in &p.warnings {
        lines.push(Line::styled(format!("! {}", warning.message()), theme.warning));
    }
    lines
}

fn criteria(it: &Initiative, theme: &Theme, keys: &dyn Fn(&[Action]) -> String) -> Vec<Line<'static>> {
    let mut lines = vec![heading("Success criteria", theme)];
    let mut any = false;
    for phase in Phase::ALL {
        for criterion in it.criteria.of(phase) {
            any = true;
            lines.push(Line::from(vec![
                Span::styled(format!("  {:LABEL$}", phase.label()), theme.phase(phase)),
                Span::styled(criterion.clone(), theme.base),
            ]));
        }
    }
    if !any {
        let edit = keys(&[Action::EditInitiative]);
        lines.push(Line::styled(format!("  none written yet: {edit} adds them"), theme.muted));
    }
    lines
}

fn decisions(it: &Initiative, theme: &Theme, keys: &dyn Fn(&[Action]) -> String) -> Vec<Line<'static>> {
    let mut lines = vec![heading("Decisions, newest first", theme)];
    if it.decisions.is_empty() {
        let decide = keys(&[Action::Decide]);
        lines.push(Line::styled(
            format!("  none recorded yet: {decide} records one at a boundary"),
            theme.muted,
        ));
    }
    for decision in it.decisions.iter().rev() {
        lines.push(Line::styled(format!("  {}", decision.headline()), theme.column_title));
        lines.extend(decision.notes().into_iter().map(|n| Line::styled(format!("    {n}"), theme.base)));
    }
    lines
}

fn items(app: &App, it: &Initiative, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![heading("Items", theme)];
    let items = initiatives::items_by_phase(app.board(), &it.id);
    if items.is_empty() {
        let label = app.keymap().short_keys(Mode::Board, &[Action::LabelInitiative]).unwrap_or_default();
        lines.push(Line::styled(
            format!("  none yet: {label} on the board puts the selected item here"),
            theme.muted,
        ));
    }
    for item in items {
        let style = item.phase.map_or(theme.base, |ph| theme.phase(ph));
        lines.push(Line::styled(format!("  {}", initiatives::item_line(app.board(), item)), style));
    }
    lines
}
