//! The hand-over chooser: everyone else on the board, what each has selected, and the keys to
//! hand presenting to the highlighted one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::store::presence::Peer;
use crate::ui::text::truncate;
use crate::ui::theme::Theme;

/// The chooser, the session `selected` highlighted.
pub struct HandOverView<'a> {
    pub app: &'a App,
    pub selected: &'a str,
    pub theme: &'a Theme,
}

impl Widget for HandOverView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let HandOverView { app, selected, theme } = self;
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(" Hand presenting over to ", theme.overlay_title))
            .title_bottom(super::key_line(
                app,
                Mode::HandOver,
                &[(&[Action::Confirm], "hand over"), (&[Action::Close], "cancel")],
                theme,
            ));
        let width = usize::from(area.width.saturating_sub(2));
        let lines: Vec<Line> = app
            .presence()
            .peers()
            .iter()
            .map(|peer| {
                let chosen = peer.session == selected;
                let text = format!("{} {}{}", if chosen { "▶" } else { " " }, peer.label(), doing(app, peer));
                Line::styled(truncate(&text, width), if chosen { theme.card_selected } else { theme.base })
            })
            .collect();
        Paragraph::new(lines).block(block).render(area, buf);
    }
}

/// What a session is doing, after its name: " — presenting", " — on #12 Title".
fn doing(app: &App, peer: &Peer) -> String {
    let item = peer.said.selected.as_ref().and_then(|s| s.item).and_then(|id| app.board().item(id));
    match (peer.said.presenting, peer.said.follows.is_some(), item) {
        (true, _, _) => " — presenting".to_owned(),
        (false, true, _) => " — following".to_owned(),
        (false, false, Some(item)) => format!(" — on #{} {}", item.id, item.title),
        (false, false, None) => String::new(),
    }
}
