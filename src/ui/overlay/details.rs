//! The selected item's details, always in view in presenter mode: what it is, where it stands,
//! its links, and the start of its description.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::{App, forms};
use crate::domain::query::age;
use crate::domain::two_stage;
use crate::ui::text::truncate;
use crate::ui::theme::Theme;

/// The selected item's details (a box saying none is selected otherwise).
pub struct DetailsView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for DetailsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let DetailsView { app, theme } = self;
        let Some(item) = app.selected_item() else {
            let block = Block::bordered().border_style(theme.column_border).title(" No item selected ");
            block.render(area, buf);
            return;
        };
        let board = app.board();
        let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
        let title = format!(" #{} {} ", item.id, item.title);
        let block = Block::bordered().border_style(theme.column_border_selected).title(Line::styled(
            truncate(&title, usize::from(area.width.saturating_sub(4))),
            theme.column_title_selected,
        ));
        let mut facts = vec![
            item.kind.name().to_owned(),
            item.stage.label().to_owned(),
            format!("{} ({} track)", column, item.track),
        ];
        facts.extend(item.estimate.map(|e| format!("{e} pt")));
        facts.extend(item.assignee.as_ref().map(|a| format!("@{a}")));
        facts.extend(item.tags.iter().map(|t| format!("#{t}")));
        facts.extend(item.severity.map(|s| format!("severity {s}")));
        if !board.is_done_column(item.track, &item.column) {
            facts.push(age::label(board, item, app.now()));
        }
        facts.extend(item.sprint.as_ref().map(|s| format!("sprint {s}")));
        facts.extend(item.anticipated_debt.map(|p| format!("anticipated debt {p} pt")));
        let done = two_stage::checklist(board, item);
        if !done.is_empty() {
            facts.push(format!("done when {}/{} ticked", done.iter().filter(|e| e.done).count(), done.len()));
        }
        let mut lines = vec![Line::from(Span::styled(facts.join(" · "), theme.base))];
        if let Some(reason) = &item.blocked {
            lines.push(Line::styled(format!("⊘ blocked: {reason}"), theme.warning));
        }
        if let Some(reason) = &item.forced {
            lines.push(Line::styled(format!("! done forced: {reason}"), theme.warning));
        }
        for measure in &item.measures {
            lines.push(Line::styled(format!("measured: {measure}"), theme.base));
        }
        if let Some(points) = item.drag {
            lines.push(Line::styled(format!("drag ≈ {points} pt per sprint"), theme.hint_text));
        }
        if let Some(source) = &item.source {
            lines.push(Line::styled(format!("from {source}"), theme.hint_text));
        }
        for note in forms::item::links(board, item, app.view().today) {
            lines.push(Line::styled(note, theme.hint_text));
        }
        if let Some(question) = &item.question {
            lines.push(Line::styled(format!("question: {question}"), theme.hint_text));
        }
        lines.extend(item.description.lines().map(|l| Line::styled(l.to_owned(), theme.base)));
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }).render(area, buf);
    }
}
