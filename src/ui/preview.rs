//! One line under the board with the selected card in full: however narrow its column, its
//! title reads here, with its kind, why it is blocked, estimate, checklist, timebox, assignee and
//! the open sprint it is committed to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::board::marks::kind_letter;
use super::text::{self, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::domain::dual_track::timebox;
use crate::domain::two_stage;

/// The line under the board.
pub struct Preview<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Preview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Preview { app, theme } = self;
        let width = usize::from(area.width);
        let Some(item) = app.selected_item() else {
            let column = app.view().column(app.selection().column);
            let name =
                app.board().track(column.track).columns.get(column.index).map_or("", |c| c.name.as_str());
            let text = format!("▶ {name}, {}: no card here", app.selection().stage.label());
            buf.set_stringn(area.x, area.y, truncate(&text, width), width, theme.muted);
            return;
        };
        let board = app.board();
        let mut facts = Vec::new();
        facts.extend(item.blocked.as_ref().map(|reason| format!("⊘ blocked: {reason}")));
        facts.extend(item.estimate.map(|e| format!("{e} pt")));
        let checklist = two_stage::checklist(board, item);
        if !checklist.is_empty() {
            let ticked = checklist.iter().filter(|e| e.done).count();
            facts.push(format!("done when {ticked}/{}", checklist.len()));
        }
        facts.extend(timebox::standing(board, item, app.view().today).map(|s| s.label()));
        facts.extend(item.assignee.as_ref().map(|a| format!("@{a}")));
        facts.extend(item.follow_up_of.map(|parent| format!("follow-up of #{parent}")));
        facts
            .extend(item.sprint.as_ref().filter(|_| board.in_current_sprint(item)).map(|s| format!("● {s}")));
        let head = format!("▶ {} #{} ", kind_letter(item.kind), item.id);
        let tail = if facts.is_empty() { String::new() } else { format!(" · {}", facts.join(" · ")) };
        // The title gets the room first; the facts take what is left.
        let title_room = width.saturating_sub(text::width(&head)).max(1);
        let title = truncate(&item.title, title_room);
        let (x, _) = buf.set_stringn(area.x, area.y, &head, width, theme.card_id);
        let (x, _) = buf.set_stringn(
            x,
            area.y,
            &title,
            width.saturating_sub(usize::from(x - area.x)),
            theme.overlay_title,
        );
        let room = width.saturating_sub(usize::from(x - area.x));
        buf.set_stringn(x, area.y, truncate(&tail, room), room, theme.hint_text);
    }
}
