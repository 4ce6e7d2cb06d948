//! The track headers: one bar per track over its visible columns, with its name, its flags
//! (overdue timeboxes, over the WIP limit) and, when they fit, its totals. Flags come before
//! totals, so a narrow track still says what is wrong.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::super::text::{self, truncate};
use super::super::theme::Theme;
use super::layout::ColumnSlot;
use crate::app::App;
use crate::model::Track;

/// The header row: `columns` are the slots shown, each with its part of the row.
pub struct TrackHeaders<'a> {
    pub app: &'a App,
    pub columns: &'a [(ColumnSlot, Rect)],
    pub theme: &'a Theme,
}

impl Widget for TrackHeaders<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.app.view();
        for track in Track::ALL {
            let bar = self
                .columns
                .iter()
                .filter(|(slot, _)| view.column(slot.column).track == track)
                .map(|(_, rect)| *rect)
                .reduce(Rect::union);
            if let Some(bar) = bar {
                self.render_track(track, bar.intersection(area), buf);
            }
        }
    }
}

impl TrackHeaders<'_> {
    fn render_track(&self, track: Track, bar: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let view = app.view();
        let width = usize::from(bar.width);
        let (count, points) = view
            .columns_of(track)
            .map(|c| view.totals(c))
            .fold((0, 0u32), |(n, p), t| (n + t.count, p.saturating_add(t.points)));
        let load = view.track_load(app.board(), track);
        // Under the sprint filter the totals are the sprint's, and say so.
        let scope = if view.sprint_only { "sprint: " } else { "" };
        let mut totals = format!("· {scope}{count} items · {points} pt ");
        if load.limit.is_some() {
            totals.push_str(&format!("· WIP {} ", load.label()));
        }
        let overdue = if track == Track::Discovery { view.overdue } else { 0 };
        let flags: Vec<String> =
            [(format!("! {overdue} overdue"), overdue > 0), ("! OVER WIP LIMIT".into(), load.over())]
                .into_iter()
                .filter_map(|(flag, show)| show.then_some(flag))
                .collect();
        let name = track.name().to_uppercase();
        let style = theme.track(track);
        buf.set_style(bar, style);
        let flag_text = if flags.is_empty() { String::new() } else { format!("{} ", flags.join(" ")) };
        // The longest label that fits: name, totals, flags; then without totals; then shorter.
        let candidates =
            [format!(" {name} {totals}"), format!(" {name} "), format!(" {} ", text::prefix(&name, 4))];
        let flag_width = text::width(&flag_text);
        let label =
            candidates.iter().find(|c| text::width(c) + flag_width <= width).unwrap_or(&candidates[2]);
        let (end, _) = buf.set_stringn(bar.x, bar.y, truncate(label, width), width, style);
        let room = width.saturating_sub(usize::from(end - bar.x));
        buf.set_stringn(end, bar.y, truncate(&flag_text, room), room, theme.error);
    }
}
