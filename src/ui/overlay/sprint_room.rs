//! The capacity view's sprint section: the open sprint's goal, the room left in points per stage
//! and per track against its targets, work in progress outside the sprint, and committed work
//! whose stage does not fit the sprint's kind. Each problem is said in words with a `!`, so it
//! reads the same in ASCII mode, without colour and from the back of a call.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::app::App;
use crate::domain::capacity::{Room, SprintRoom};
use crate::model::{ItemId, SprintKind, Stage};
use crate::ui::text;
use crate::ui::theme::Theme;

/// One row of the section: its label (empty on a continued row) and what follows it.
pub type Row = (&'static str, Vec<Span<'static>>);

/// How many rows the section takes for `room` at most (the overlay grows by that much).
pub fn height(room: &SprintRoom) -> u16 {
    let goal = u16::from(room.goal.is_some());
    let mismatched = u16::from(room.kind != SprintKind::Split);
    // Room left takes two rows at most (stages, then tracks), then the work outside.
    goal + 2 + 1 + mismatched
}

/// The section's rows in `width` cells after the label, or nothing while no sprint is open.
/// Compact, the room takes one row and only problems get a row of their own.
pub fn rows(app: &App, width: usize, compact: bool, theme: &Theme) -> Vec<Row> {
    let Some(room) = &app.view().room else { return Vec::new() };
    let mut rows = Vec::new();
    if let Some(goal) = &room.goal {
        rows.push(("Goal", vec![Span::styled(text::truncate(goal, width), theme.base)]));
    }
    let parts = [
        (room.stage_one, "stage one", "S1"),
        (room.stage_two, "stage two", "S2"),
        (room.delivery, "delivery", "delivery"),
        (room.discovery, "discovery", "discovery"),
    ];
    let (stages, tracks) = (room_spans(&parts[..2], false, theme), room_spans(&parts[2..], false, theme));
    let (one, two) = (spans_width(&stages), spans_width(&tracks));
    if one + 3 + two <= width {
        let mut both = stages;
        both.push(Span::styled(" · ", theme.muted));
        both.extend(tracks);
        rows.push(("Room left", both));
    } else if !compact && one.max(two) <= width {
        rows.push(("Room left", stages));
        rows.push(("", tracks));
    } else {
        rows.push(("Room left", room_spans(&parts, true, theme)));
    }
    if !(compact && room.outside.is_empty()) {
        rows.push(("Outside", outside(app, room, width, theme)));
    }
    if let Some(stage) = room.misfit_stage().filter(|_| !(compact && room.mismatched.is_empty())) {
        rows.push(("Mismatched", mismatched(app, room, stage, width, theme)));
    }
    rows
}

/// Each part's room, `·` between them, a part over its room flagged with `!`: in words ("21
/// pt of stage-one room left"), or short on one row ("S1 21 pt", as the board's lanes say).
fn room_spans(parts: &[(Room, &str, &str)], short: bool, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (room, name, short_name)) in parts.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        let (flag, style): (&str, Style) =
            if room.left() < 0 { ("! ", theme.warning) } else { ("", theme.base) };
        let words = match (short, room.left()) {
            (false, _) => room.of_part(name),
            (true, n) if n >= 0 => format!("{short_name} {n} pt"),
            (true, n) => format!("{short_name} over by {} pt", n.unsigned_abs()),
        };
        spans.push(Span::styled(format!("{flag}{words}"), style));
    }
    spans
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| text::width(&s.content)).sum()
}

/// Work in progress not committed to the sprint, counted and named as far as the row holds.
fn outside(app: &App, room: &SprintRoom, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    if room.outside.is_empty() {
        return vec![Span::styled("all work in progress is in the sprint", theme.ok)];
    }
    let n = room.outside.len();
    let head = format!("! {n} in progress, not in the sprint: ");
    vec![Span::styled(text::truncate(&format!("{head}{}", named(app, &room.outside)), width), theme.warning)]
}

/// Committed work of the stage the sprint is not for, counted and named.
fn mismatched(app: &App, room: &SprintRoom, stage: Stage, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let kind = room.kind.name();
    let stage = stage.label().replace(' ', "-");
    if room.mismatched.is_empty() {
        return vec![Span::styled(format!("no {stage} work in this {kind} sprint"), theme.ok)];
    }
    let n = room.mismatched.len();
    let items = if n == 1 { "item" } else { "items" };
    let head = format!("! {n} {stage} {items} in this {kind} sprint: ");
    vec![Span::styled(
        text::truncate(&format!("{head}{}", named(app, &room.mismatched)), width),
        theme.warning,
    )]
}

/// `#7 Fix login, #9 Parser`.
fn named(app: &App, ids: &[ItemId]) -> String {
    let board = app.board();
    let named: Vec<String> =
        ids.iter().filter_map(|id| board.item(*id)).map(|it| format!("#{} {}", it.id, it.title)).collect();
    named.join(", ")
}
