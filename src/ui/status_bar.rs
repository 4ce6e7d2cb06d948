//! The two bottom lines: the file, whether it is saved, the last message; then key hints for
//! the current mode from the keymap (or the search prompt while searching).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::card::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::overlay::Overlay;
use crate::app::saver::SaveState;
use crate::app::status::Level;

/// The most useful actions of each mode, with the word shown after their keys, most important
/// first; a narrow screen drops them from the end.
fn hints(mode: Mode) -> &'static [(&'static [Action], &'static str)] {
    match mode {
        Mode::Board => &[
            (&[Action::Help], "help"),
            (&[Action::Quit], "quit"),
            (&[Action::MoveLeft, Action::MoveRight], "move"),
            (&[Action::StageOne, Action::StageTwo], "stage"),
            (&[Action::Add], "add"),
            (&[Action::Undo], "undo"),
            (&[Action::Edit], "edit"),
            (&[Action::Search], "search"),
            (&[Action::FollowUp], "follow-up"),
            (&[Action::Accept], "accept"),
            (&[Action::Capacity], "capacity"),
            (&[Action::Commit], "commit"),
            (&[Action::Standup], "standup"),
            (&[Action::DebtRegister], "debt"),
            (&[Action::Zoom], "zoom"),
        ],
        Mode::Help => &[(&[Action::Close], "close"), (&[Action::ScrollDown, Action::ScrollUp], "scroll")],
        Mode::Form => &[
            (&[Action::NextField, Action::PrevField], "field"),
            (&[Action::Save], "save"),
            (&[Action::Close], "cancel"),
        ],
        Mode::Search => &[(&[Action::Confirm], "keep filter"), (&[Action::Close], "clear")],
        Mode::Debt => &[
            (&[Action::SelectDown, Action::SelectUp], "select"),
            (&[Action::GoTo], "go to the item"),
            (&[Action::Close], "close"),
        ],
        Mode::Confirm => &[(&[Action::Confirm], "yes"), (&[Action::Close], "no")],
        Mode::Standup => &[
            (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
            (&[Action::SetMark], "set the mark"),
            (&[Action::MoreDays, Action::FewerDays], "days"),
            (&[Action::Close], "close"),
        ],
        Mode::Capacity => &[
            (&[Action::Edit], "edit targets and limits"),
            (&[Action::StartSprint], "start sprint"),
            (&[Action::CloseSprint], "close sprint"),
            (&[Action::Undo], "undo"),
            (&[Action::Close], "close"),
        ],
    }
}

pub fn draw_status(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let top = Rect { height: 1, ..area };
    let file = app.saver().path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (mark, mark_style) = match app.saver().state() {
        SaveState::Saved => ("✓ saved", theme.ok),
        SaveState::Unsaved(_) => ("✗ NOT SAVED", theme.error),
        SaveState::ReadOnly(_) => ("READ-ONLY", theme.warning),
    };
    let (x, _) = buf.set_stringn(top.x, top.y, format!("{file} "), width, theme.hint_text);
    let (mut x, _) =
        buf.set_stringn(x, top.y, mark, width.saturating_sub(usize::from(x - top.x)), mark_style);
    let query = &app.view().query;
    if !query.is_empty() {
        let chip = format!(" │ filter: {}", query.text());
        (x, _) = buf.set_stringn(x, top.y, chip, width.saturating_sub(usize::from(x - top.x)), theme.warning);
    }
    if let Some(status) = app.status() {
        let symbol = match status.level {
            Level::Info => "",
            Level::Warning => "! ",
            Level::Error => "✗ ",
        };
        let room = width.saturating_sub(usize::from(x - top.x) + 3);
        let text = truncate(&format!("{symbol}{}", status.text), room);
        let (x, _) = buf.set_stringn(x, top.y, " │ ", 3, theme.muted);
        buf.set_stringn(x, top.y, text, room, theme.level(status.level));
    }
    if area.height < 2 {
        return;
    }
    let bottom = Rect { y: area.y + 1, height: 1, ..area };
    if let Some(Overlay::Search(input)) = app.overlays().last() {
        let (x, _) = buf.set_stringn(bottom.x, bottom.y, "/ ", width, theme.hint_key);
        let field = Rect { x, width: bottom.width.saturating_sub(x - bottom.x), ..bottom };
        input.render(field, buf);
        return;
    }
    draw_hints(buf, bottom, app, theme);
}

fn draw_hints(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let mode = app.mode();
    let mut shown: Vec<(String, &str)> = hints(mode)
        .iter()
        .filter_map(|(actions, word)| Some((app.keymap().short_keys(mode, actions)?, *word)))
        .collect();
    let width = |hints: &[(String, &str)]| -> usize {
        hints.iter().map(|(keys, word)| keys.chars().count() + word.len() + 3).sum()
    };
    while width(&shown) > usize::from(area.width) && shown.pop().is_some() {}
    let mut x = area.x;
    for (keys, word) in shown {
        let room = usize::from(area.right().saturating_sub(x));
        (x, _) = buf.set_stringn(x, area.y, &keys, room, theme.hint_key);
        let room = usize::from(area.right().saturating_sub(x));
        (x, _) = buf.set_stringn(x, area.y, format!(" {word}  "), room, theme.hint_text);
    }
}
