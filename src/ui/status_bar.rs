//! The two bottom lines: the file, whether it is saved, the last message; then key hints for
//! the current mode from the keymap (or the search prompt while searching).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

use super::text::{self, truncate};
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::status::Level;
use crate::session::SaveState;

/// The most useful actions of each mode, with the word shown after their keys, most important
/// first; a narrow screen drops them from the end.
fn hints(mode: Mode) -> &'static [(&'static [Action], &'static str)] {
    match mode {
        Mode::Board => &[
            (&[Action::Help], "help"),
            (&[Action::Quit], "quit"),
            // Shown only while someone else presents: then it is what matters most.
            (&[Action::Follow], "follow"),
            // Shown only while a draft waits to be reopened.
            (&[Action::ReopenDraft], "draft"),
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
            (&[Action::Initiatives], "initiatives"),
            (&[Action::Zoom], "zoom"),
            (&[Action::EstimateUp, Action::EstimateDown, Action::Estimate], "estimate"),
        ],
        Mode::Help => &[
            (&[Action::Close], "close"),
            (&[Action::PageDown, Action::PageUp], "page"),
            (&[Action::SelectFirst, Action::SelectLast], "top/end"),
            (&[Action::Search], "filter"),
        ],
        Mode::Palette => &[(&[Action::Confirm], "run"), (&[Action::Close], "close")],
        Mode::OffBoard => &[
            (&[Action::TakeBack], "take back"),
            (&[Action::Search], "filter"),
            (&[Action::SelectDown, Action::SelectUp], "choose"),
            (&[Action::Close], "close"),
        ],
        Mode::OffBoardFilter => &[(&[Action::Confirm], "keep filter"), (&[Action::Close], "clear")],
        Mode::HelpFilter => &[(&[Action::Confirm], "keep filter"), (&[Action::Close], "clear")],
        Mode::Form => &[
            (&[Action::Confirm], "save"),
            (&[Action::NextField, Action::PrevField], "field"),
            (&[Action::Save], "save anywhere"),
            (&[Action::Close], "cancel"),
        ],
        Mode::Search => &[(&[Action::Confirm], "keep filter"), (&[Action::Close], "clear")],
        Mode::Debt => &[
            (&[Action::SelectDown, Action::SelectUp], "select"),
            (&[Action::GoTo], "go to the item"),
            (&[Action::ToggleSort], "sort"),
            (&[Action::Close], "close"),
        ],
        Mode::Discovery => &[
            (&[Action::Edit], "edit entry criteria"),
            (&[Action::NextPage], "capacity"),
            (&[Action::Close], "close"),
        ],
        Mode::Criteria => &[
            (&[Action::Tick], "tick"),
            (&[Action::Save], "save"),
            (&[Action::NoneApplies], "none applies"),
            (&[Action::Close], "later"),
            (&[Action::SelectDown, Action::SelectUp], "select"),
        ],
        Mode::Confirm => &[(&[Action::Confirm], "yes"), (&[Action::Close], "no")],
        Mode::Details => &[(&[Action::Close], "close"), (&[Action::Help], "help")],
        Mode::HandOver => &[
            (&[Action::SelectDown, Action::SelectUp], "select"),
            (&[Action::Confirm], "hand over"),
            (&[Action::Close], "cancel"),
        ],
        Mode::MergeNote => &[
            (&[Action::SelectDown, Action::SelectUp], "select"),
            (&[Action::GoTo], "go to the item"),
            (&[Action::Close], "close"),
        ],
        Mode::Visual => &[
            (&[Action::Commit], "commit"),
            (&[Action::Uncommit], "take out"),
            (&[Action::SelectDown, Action::SelectUp], "extend"),
            (&[Action::StageOne, Action::StageTwo], "stage"),
            (&[Action::MoveLeft, Action::MoveRight], "move"),
            (&[Action::Assign], "assignee"),
            (&[Action::Close], "end"),
        ],
        Mode::Charts => &[
            (&[Action::NextChart, Action::PrevChart], "chart"),
            (&[Action::ChartTrack], "other track"),
            (&[Action::Close], "close"),
        ],
        Mode::Retro => &[
            (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
            (&[Action::AcceptRatio], "accept the ratio"),
            (&[Action::Charts], "charts"),
            (&[Action::Close], "close"),
        ],
        Mode::Standup => &[
            (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
            (&[Action::SetMark], "set the mark"),
            (&[Action::MoreDays, Action::FewerDays], "days"),
            (&[Action::Close], "close"),
        ],
        Mode::Capacity => &[
            (&[Action::Edit], "edit targets and limits"),
            (&[Action::NextPage], "discovery"),
            (&[Action::StartSprint, Action::CloseSprint], "start/close sprint"),
            (&[Action::Close], "close"),
            (&[Action::Undo], "undo"),
        ],
        Mode::Initiatives => &[
            (&[Action::Close], "close"),
            (&[Action::Decide], "decide"),
            (&[Action::InitiativeDetails], "details"),
            (&[Action::AddInitiative], "add"),
            (&[Action::EditInitiative], "edit"),
            (&[Action::ShowItems], "show items"),
            (&[Action::Undo], "undo"),
        ],
        Mode::Initiative => &[
            (&[Action::Close], "close"),
            (&[Action::Decide], "decide"),
            (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
            (&[Action::EditInitiative], "edit"),
            (&[Action::ShowItems], "show items"),
        ],
    }
}

/// Whether a hint helps now: following only while someone else presents.
fn useful(app: &App, action: Action) -> bool {
    match action {
        Action::Follow => {
            let presence = app.presence();
            !app.presenting()
                && presence.follow().is_none()
                && presence.peers().iter().any(|p| p.said.presenting)
        }
        Action::ReopenDraft => app.draft_waiting(),
        _ => true,
    }
}

/// The two status lines of the board screen.
pub struct StatusBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    /// ASCII mode: "saving..." rather than the ellipsis that would fold to `~`.
    pub ascii: bool,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let [top, bottom] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]));
        let spill = self.render_top(top, buf, area.height >= 2);
        if area.height < 2 {
            return;
        }
        let app = self.app;
        if let Some(Overlay::Search(search)) = app.overlays().last() {
            let [prompt, field] =
                bottom.layout(&Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]));
            buf.set_stringn(prompt.x, prompt.y, "/ ", usize::from(bottom.width), self.theme.hint_key);
            // How many items the search shows, at the right of the prompt.
            let (shown, total) = app.view().shown_of_total();
            let count = format!(" {shown} of {total}");
            let count_width = (text::width(&count) as u16).min(field.width / 2);
            let [field, at] =
                field.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(count_width)]));
            search.area.render(field, buf);
            buf.set_stringn(at.x, at.y, &count, usize::from(at.width), self.theme.hint_text);
            return;
        }
        // Who else is here keeps its place at the right end; the rest of a long message or the
        // hints take what is left.
        let rest = self.render_presence(bottom, buf);
        if let (Some(spilled), Some(status)) = (spill, app.status()) {
            let room = usize::from(rest.width);
            buf.set_stringn(rest.x, rest.y, truncate(&spilled, room), room, self.theme.level(status.level));
            return;
        }
        self.render_hints(rest, buf);
    }
}

impl StatusBar<'_> {
    /// The file, whether it is saved, the filter and the last message. A message too long for
    /// its line goes on over the hints' line (the first-run note names a whole path) when there
    /// is one (`second_line`) and the search prompt is not there: that rest is returned.
    fn render_top(&self, top: Rect, buf: &mut Buffer, second_line: bool) -> Option<String> {
        let (app, theme) = (self.app, self.theme);
        let width = usize::from(top.width);
        let file =
            app.session().path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let (mark, mark_style) = match app.session().state() {
            SaveState::Saved => ("✓ saved".to_owned(), theme.ok),
            SaveState::Saving if self.ascii => ("saving...".to_owned(), theme.hint_text),
            SaveState::Saving => ("saving…".to_owned(), theme.hint_text),
            SaveState::Waiting(holder) => (format!("waiting for the lock ({holder})"), theme.warning),
            SaveState::Unsaved(_) => ("✗ NOT SAVED".to_owned(), theme.error),
            SaveState::ReadOnly(_) => ("READ-ONLY".to_owned(), theme.warning),
        };
        let left = |x: u16| width.saturating_sub(usize::from(x - top.x));
        let (x, _) = buf.set_stringn(top.x, top.y, format!("{file} "), width, theme.hint_text);
        let (mut x, _) = buf.set_stringn(x, top.y, mark, left(x), mark_style);
        let query = &app.view().query;
        if !query.is_empty() {
            // The count is in the prompt and the headers: the message keeps this line's room.
            let chip = format!(" │ filter: {}", query.text());
            (x, _) = buf.set_stringn(x, top.y, chip, left(x), theme.warning);
        }
        let status = app.status()?;
        let symbol = match status.level {
            Level::Info => "",
            Level::Warning => "! ",
            Level::Error => "✗ ",
        };
        let room = left(x).saturating_sub(3);
        let text = format!("{symbol}{}", status.text);
        let searching = matches!(app.overlays().last(), Some(Overlay::Search(_)));
        let rows = wrap(&text, room.max(1), "");
        let (first, spill) = match rows.as_slice() {
            [_, _, ..] if second_line && !searching && room >= 20 => {
                (rows[0].clone(), Some(truncate(&rows[1..].join(" "), width)))
            }
            _ => (truncate(&text, room), None),
        };
        let (x, _) = buf.set_stringn(x, top.y, " │ ", 3, theme.muted);
        buf.set_stringn(x, top.y, first, room, theme.level(status.level));
        spill
    }

    /// Who else is here, at the right end of `row` (at most half of it; the hints give way).
    /// Returns what is left of the row.
    fn render_presence(&self, row: Rect, buf: &mut Buffer) -> Rect {
        let (app, theme) = (self.app, self.theme);
        let Some(who) = app.presence().summary(app.presenting()) else { return row };
        let chip = truncate(&who, usize::from(row.width / 2));
        let width = text::width(&chip) as u16;
        let [rest, _, at] = row.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(width),
        ]));
        let style = if app.presence().hidden().is_some() { theme.warning } else { theme.presence };
        buf.set_stringn(at.x, at.y, &chip, usize::from(width), style);
        rest
    }

    /// The most useful keys of the current mode that fit in `area`.
    fn render_hints(&self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let mode = app.mode();
        // A read-only session lists no key that would change the board; `e` shows details there.
        let read_only = app.session().read_only_reason().is_some();
        let mut shown: Vec<(String, &str)> = hints(mode)
            .iter()
            .filter(|(actions, _)| !(read_only && actions.iter().any(|a| a.changes_board())))
            .filter(|(actions, _)| actions.iter().all(|a| useful(app, *a)))
            .map(|(actions, word)| match (read_only, actions) {
                (true, [Action::Edit]) if mode == Mode::Board => (*actions, "details"),
                _ => (*actions, *word),
            })
            .filter_map(|(actions, word)| Some((app.keymap().short_keys(mode, actions)?, word)))
            .collect();
        let width = |hints: &[(String, &str)]| -> usize {
            hints.iter().map(|(keys, word)| text::width(keys) + text::width(word) + 3).sum()
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
}
