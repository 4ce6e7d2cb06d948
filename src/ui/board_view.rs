//! The board: track headers, columns side by side with their stage-one and stage-two lanes, lane
//! labels at the left edge, and marks where more columns or cards lie out of view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::ViewState;
use super::card::{CardMarks, draw_card, truncate};
use super::layout::{ColumnSlot, GUTTER, fit_columns, lane_window};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::domain::wip::Load;
use crate::domain::{Stage, Track};

pub fn draw_board(buf: &mut Buffer, area: Rect, app: &App, state: &mut ViewState, theme: &Theme) {
    if area.height < 2 || area.width <= GUTTER {
        return;
    }
    let shown = app.shown_columns();
    let selection = app.selection();
    let track_start = app.view().columns_of(app.selected_track()).start;
    let (slots, first) =
        fit_columns(shown.clone(), selection.column, state.first_column, track_start, area.width - GUTTER);
    state.first_column = first;
    let header = Rect { height: 1, ..area };
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    draw_track_headers(buf, header, app, &slots, theme);
    let hidden_left = first - shown.start;
    let hidden_right = shown.end - (first + slots.len());
    if hidden_left > 0 {
        buf.set_stringn(area.x, area.y, format!("◀{hidden_left}"), usize::from(GUTTER), theme.warning);
    }
    if hidden_right > 0 {
        let mark = format!(" {hidden_right}▶");
        let x = area.right().saturating_sub(mark.chars().count() as u16);
        buf.set_stringn(x, area.y, mark, usize::from(area.width), theme.warning);
    }
    for slot in &slots {
        let rect = Rect { x: body.x + GUTTER + slot.x, y: body.y, width: slot.width, height: body.height };
        draw_column(buf, rect, app, slot.column, state, theme);
    }
    draw_lane_labels(buf, body, theme);
}

/// One bar per track over its visible columns, with the track's totals.
fn draw_track_headers(buf: &mut Buffer, area: Rect, app: &App, slots: &[ColumnSlot], theme: &Theme) {
    let view = app.view();
    for track in Track::ALL {
        let mine: Vec<&ColumnSlot> = slots.iter().filter(|s| view.column(s.column).track == track).collect();
        let (Some(first), Some(last)) = (mine.first(), mine.last()) else { continue };
        let x = area.x + GUTTER + first.x;
        let width = last.x + last.width - first.x;
        let (count, points) = view
            .columns_of(track)
            .map(|c| view.totals(c))
            .fold((0, 0u32), |(n, p), t| (n + t.count, p.saturating_add(t.points)));
        let mut label = format!(" {} · {count} items · {points} pt ", track.name().to_uppercase());
        let load = view.track_load(app.board(), track);
        if load.limit.is_some() {
            label.push_str(&format!("· WIP {} ", load.label()));
        }
        let style = theme.track(track);
        buf.set_style(Rect { x, y: area.y, width, height: 1 }, style);
        let (mut end, _) =
            buf.set_stringn(x, area.y, truncate(&label, usize::from(width)), usize::from(width), style);
        let overdue = if track == Track::Discovery { view.overdue } else { 0 };
        let flags =
            [(format!("! {overdue} overdue "), overdue > 0), ("! OVER WIP LIMIT ".to_owned(), load.over())];
        for (flag, show) in flags {
            if show {
                let room = usize::from((x + width).saturating_sub(end));
                (end, _) = buf.set_stringn(end, area.y, flag, room, theme.error);
            }
        }
    }
}

/// `S1` beside the stage-one lanes and `S2` at the line where the stage-two lanes begin.
fn draw_lane_labels(buf: &mut Buffer, body: Rect, theme: &Theme) {
    let (one, separator, _) = lane_rows(body.height.saturating_sub(2));
    if one == 0 {
        return;
    }
    buf.set_stringn(body.x, body.y + 1, "S1", usize::from(GUTTER), theme.lane_label);
    if separator {
        buf.set_stringn(body.x, body.y + 1 + one, "S2", usize::from(GUTTER), theme.lane_label);
    }
}

/// Rows of the stage-one lane, whether a separator fits, rows of the stage-two lane.
fn lane_rows(inner: u16) -> (u16, bool, u16) {
    if inner < 3 {
        return (inner, false, 0);
    }
    let one = (inner - 1) / 2;
    (one, true, inner - 1 - one)
}

fn draw_column(buf: &mut Buffer, rect: Rect, app: &App, col: usize, state: &mut ViewState, theme: &Theme) {
    let view = app.view();
    let column = view.column(col);
    let def = &app.board().track(column.track).columns[column.index];
    let totals = view.totals(col);
    let selected = app.selection().column == col;
    let load = Load { count: totals.count, limit: def.wip_limit };
    let over = load.over();
    let done = if def.done { " ✓" } else { "" };
    let flag = if over { "! " } else { "" };
    let blocked = if totals.blocked > 0 { format!(" ⊘{}", totals.blocked) } else { String::new() };
    let title = format!(" {flag}{}{done} {}{blocked} ", def.name, load.label());
    let points = format!(" {}pt ", totals.points);
    let room = usize::from(rect.width.saturating_sub(2));
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
    if over {
        block = block.title_bottom(Line::styled(" ! over WIP limit ", theme.warning));
    }
    if selected {
        block = block.border_type(theme.selected_border_type);
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    let (one, separator, two) = lane_rows(inner.height);
    let lane_one = Rect { height: one, ..inner };
    draw_lane(buf, lane_one, app, col, Stage::One, state, theme);
    if separator {
        let y = inner.y + one;
        buf.set_stringn(
            inner.x,
            y,
            "┄".repeat(usize::from(inner.width)),
            usize::from(inner.width),
            theme.lane_separator,
        );
        let lane_two = Rect { y: y + 1, height: two, ..inner };
        draw_lane(buf, lane_two, app, col, Stage::Two, state, theme);
    }
}

/// Lanes this tall show two-row cards, so a facilitator's big screen shows whole titles.
const TALL_LANE: u16 = 16;

fn draw_lane(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    col: usize,
    stage: Stage,
    state: &mut ViewState,
    theme: &Theme,
) {
    let ids = app.view().lane(col, stage);
    let selection = app.selection();
    let selected_here = selection.column == col && selection.stage == stage;
    let card_rows: u16 = if area.height >= TALL_LANE { 2 } else { 1 };
    let slots = usize::from(area.height / card_rows);
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
            let marks = CardMarks::of(app.board(), item, app.now(), theme);
            draw_card(buf, rect, item, &marks, selected_here && i == selection.index, theme);
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
