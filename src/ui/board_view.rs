//! The board: track headers, columns side by side with their stage-one and stage-two lanes
//! (each lane as tall as what it holds), done columns collapsed to strips until selected, and
//! marks where more columns or cards lie out of view. Every card, lane and column drawn is
//! recorded for the mouse.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::ViewState;
use super::card::{CardMarks, draw_card, truncate};
use super::layout::{ColumnSlot, lane_rows, lane_window, plan_columns};
use super::theme::Theme;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::input::mouse::Target;
use crate::domain::capacity::wip::Load;
use crate::model::{Stage, Track};

pub fn draw_board(buf: &mut Buffer, area: Rect, app: &App, state: &mut ViewState, theme: &Theme) {
    if area.height < 2 || area.width == 0 {
        return;
    }
    let shown = app.shown_columns();
    let selection = app.selection();
    let view = app.view();
    let track_start = view.columns_of(app.selected_track()).start;
    let done = |c: usize| {
        let column = view.column(c);
        app.board().track(column.track).columns.get(column.index).is_some_and(|d| d.done)
    };
    let (slots, first) =
        plan_columns(shown.clone(), done, selection.column, state.first_column, track_start, area.width);
    state.first_column = first;
    let header = Rect { height: 1, ..area };
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    draw_track_headers(buf, header, app, &slots, theme);
    let hidden_left = first - shown.start;
    let hidden_right = shown.end - (first + slots.len());
    if hidden_left > 0 {
        buf.set_stringn(area.x, area.y, format!("◀{hidden_left} "), 4, theme.warning);
    }
    if hidden_right > 0 {
        let mark = format!(" {hidden_right}▶");
        let x = area.right().saturating_sub(mark.chars().count() as u16);
        buf.set_stringn(x, area.y, mark, usize::from(area.width), theme.warning);
    }
    for slot in &slots {
        let rect = Rect { x: body.x + slot.x, y: body.y, width: slot.width, height: body.height };
        state.hits.push((rect, Target::Lane { column: slot.column, stage: Stage::One }));
        if slot.strip {
            draw_strip(buf, rect, app, slot.column, state, theme);
        } else {
            draw_column(buf, rect, app, slot.column, state, theme);
        }
    }
}

/// One bar per track over its visible columns: its name, its flags (overdue timeboxes, over
/// the WIP limit) and, when they fit, its totals. Flags come before totals, so a narrow track
/// still says what is wrong.
fn draw_track_headers(buf: &mut Buffer, area: Rect, app: &App, slots: &[ColumnSlot], theme: &Theme) {
    let view = app.view();
    for track in Track::ALL {
        let mine: Vec<&ColumnSlot> = slots.iter().filter(|s| view.column(s.column).track == track).collect();
        let (Some(first), Some(last)) = (mine.first(), mine.last()) else { continue };
        let x = area.x + first.x;
        let width = usize::from(last.x + last.width - first.x);
        let (count, points) = view
            .columns_of(track)
            .map(|c| view.totals(c))
            .fold((0, 0u32), |(n, p), t| (n + t.count, p.saturating_add(t.points)));
        let load = view.track_load(app.board(), track);
        let mut totals = format!("· {count} items · {points} pt ");
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
        buf.set_style(Rect { x, y: area.y, width: width as u16, height: 1 }, style);
        let flag_text = if flags.is_empty() { String::new() } else { format!("{} ", flags.join(" ")) };
        // The longest label that fits: name, totals, flags; then without totals; then shorter.
        let candidates =
            [format!(" {name} {totals}"), format!(" {name} "), format!(" {} ", &name[..4.min(name.len())])];
        let label = candidates
            .iter()
            .find(|c| c.chars().count() + flag_text.chars().count() <= width)
            .unwrap_or(&candidates[2]);
        let (end, _) = buf.set_stringn(x, area.y, truncate(label, width), width, style);
        let room = width.saturating_sub(usize::from(end - x));
        buf.set_stringn(end, area.y, truncate(&flag_text, room), room, theme.error);
    }
}

/// A column header: `! name count/limit ⊘blocked ✓`, padded with spaces when it fits, else tight with
/// the name cut before the count.
fn column_title(name: &str, load: &Load, blocked: usize, done: bool, room: usize) -> String {
    let flag = if load.over() { "!" } else { "" };
    let mark = if done { " ✓" } else { "" };
    let count = match blocked {
        0 => load.label(),
        n => format!("{} ⊘{n}", load.label()),
    };
    let padded = format!(" {flag}{}{name} {count}{mark} ", if flag.is_empty() { "" } else { " " });
    if padded.chars().count() <= room {
        return padded;
    }
    let tail = format!(" {count}{mark}");
    let name_room = room.saturating_sub(tail.chars().count() + flag.len());
    format!("{flag}{}{tail}", truncate(name, name_room.max(1)))
}

/// A done column collapsed to a strip: its name as far as it fits and the card count of each
/// lane; selecting it opens it.
fn draw_strip(buf: &mut Buffer, rect: Rect, app: &App, col: usize, state: &mut ViewState, theme: &Theme) {
    let view = app.view();
    let column = view.column(col);
    let Some(def) = app.board().track(column.track).columns.get(column.index) else { return };
    let inner_width = usize::from(rect.width.saturating_sub(2));
    let block = Block::bordered()
        .border_style(theme.column_border)
        .title(Line::styled(truncate(&def.name, inner_width), theme.column_title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height == 0 {
        return;
    }
    let counts = [view.lane(col, Stage::One).len(), view.lane(col, Stage::Two).len()];
    let (one, separator, _) = lane_rows(inner.height, 1, 1);
    buf.set_stringn(inner.x, inner.y, format!("✓{}", counts[0]), inner_width, theme.muted);
    if separator {
        let y = inner.y + one;
        buf.set_stringn(inner.x, y, "┄".repeat(inner_width), inner_width, theme.lane_separator);
        if inner.y + one + 1 < inner.bottom() {
            buf.set_stringn(inner.x, y + 1, format!("✓{}", counts[1]), inner_width, theme.muted);
        }
        let two = Rect { y: y + 1, height: inner.bottom() - y - 1, ..inner };
        state.hits.push((two, Target::Lane { column: col, stage: Stage::Two }));
    }
}

/// Card rows in a lane of this column: two when every card of the column fits on two rows (or
/// in presenter mode, where titles must read from the back of the room), else one.
fn card_rows(app: &App, inner: Rect, cards: usize) -> u16 {
    let fits_double = cards * 2 < usize::from(inner.height.saturating_sub(1));
    if inner.width >= 12 && (fits_double || app.presenting() && inner.height >= 10) { 2 } else { 1 }
}

fn draw_column(buf: &mut Buffer, rect: Rect, app: &App, col: usize, state: &mut ViewState, theme: &Theme) {
    let view = app.view();
    let column = view.column(col);
    let Some(def) = app.board().track(column.track).columns.get(column.index) else { return };
    let totals = view.totals(col);
    let selected = app.selection().column == col;
    let load = Load { count: totals.count, limit: def.wip_limit };
    let over = load.over();
    let room = usize::from(rect.width.saturating_sub(2));
    let title = column_title(&def.name, &load, totals.blocked, def.done, room);
    let points = format!(" {}pt ", totals.points);
    let title_style = match (over, selected) {
        (true, _) => theme.warning,
        (false, true) => theme.column_title_selected,
        (false, false) => theme.column_title,
    };
    let mut block = Block::bordered()
        .border_style(if selected { theme.column_border_selected } else { theme.column_border })
        .title(Line::styled(truncate(&title, room), title_style));
    if title.chars().count() + points.len() < room {
        block = block.title(Line::styled(points, theme.estimate).right_aligned());
    }
    if over && rect.width > 20 {
        block = block.title_bottom(Line::styled(" ! over WIP limit ", theme.warning));
    }
    if selected {
        block = block.border_type(theme.selected_border_type);
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    let lens = [view.lane(col, Stage::One).len(), view.lane(col, Stage::Two).len()];
    let rows = card_rows(app, inner, lens[0] + lens[1]);
    let need = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).saturating_mul(rows);
    let (one, separator, two) = lane_rows(inner.height, need(lens[0]), need(lens[1]));
    let lane_one = Rect { height: one, ..inner };
    draw_lane(buf, lane_one, app, (col, Stage::One), rows, state, theme);
    if separator {
        let y = inner.y + one;
        let width = usize::from(inner.width);
        buf.set_stringn(inner.x, y, "┄".repeat(width), width, theme.lane_separator);
        let label = if width >= 16 { " S2 stage two " } else { "S2" };
        buf.set_stringn(inner.x + 1, y, label, width.saturating_sub(1), theme.lane_label);
        let lane_two = Rect { y: y + 1, height: two, ..inner };
        draw_lane(buf, lane_two, app, (col, Stage::Two), rows, state, theme);
    }
}

fn draw_lane(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    (col, stage): (usize, Stage),
    card_rows: u16,
    state: &mut ViewState,
    theme: &Theme,
) {
    state.hits.push((area, Target::Lane { column: col, stage }));
    let ids = app.view().lane(col, stage);
    let selection = app.selection();
    let selected_here = selection.column == col && selection.stage == stage;
    let slots = usize::from(area.height / card_rows.max(1));
    let offset = state.lane_offsets.get(&(col, stage)).copied().unwrap_or(0);
    let window = lane_window(ids.len(), slots, offset, selected_here.then_some(selection.index));
    state.lane_offsets.insert((col, stage), window.offset);
    let width = usize::from(area.width);
    let mut y = area.y;
    if window.more_above {
        buf.set_stringn(area.x, y, format!("↑ {} more", window.offset), width, theme.muted);
        y += card_rows;
    }
    for (i, id) in ids.iter().enumerate().skip(window.offset).take(window.count) {
        if let Some(item) = app.board().item(*id) {
            let rect = Rect { y, height: card_rows, ..area };
            let marks = CardMarks::of(app.board(), item, app.now(), theme)
                .visited_by(app.presence().visitors(item.id), theme);
            draw_card(buf, rect, item, &marks, selected_here && i == selection.index, theme);
            state.hits.push((rect, Target::Card { column: col, stage, index: i }));
        }
        y += card_rows;
    }
    if window.more_below {
        let below = ids.len() - window.offset - window.count;
        buf.set_stringn(area.x, y, format!("↓ {below} more"), width, theme.muted);
    }
    if ids.is_empty() && selected_here && area.height > 0 {
        let add = app.keymap().short_keys(Mode::Board, &[Action::Add]).unwrap_or_default();
        let note = format!("(empty: {add} adds here)");
        buf.set_style(Rect { height: 1, ..area }, theme.card_selected);
        buf.set_stringn(area.x, area.y, truncate(&note, width), width, theme.card_selected);
    }
}
