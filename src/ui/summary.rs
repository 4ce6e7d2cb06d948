//! The split summary at the top of the board, headed by the board's name: planned points (or,
//! with a sprint open, the sprint's committed points) against capacity, both shares against
//! their targets, flagged in text when off target so it reads in any theme, the backlog apart
//! (not under the sprint filter, which hides it), the open sprint's room left, and how many items
//! the archive holds where the line has room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::text;
use super::theme::Theme;
use crate::app::App;
use crate::domain::capacity::{Basis, Share, SprintRoom};
use crate::model::SprintKind;

/// The line's one vocabulary, whatever it holds and however wide the terminal: percentages
/// whole, points as `N pt`, a flag as `! over` (capacity) or `! off` (a target), `│` between the
/// pieces and `,` inside one. A shorter form only shortens names or drops words; the shortest
/// keeps a flag's `!` alone.
const OVER: &str = " ! over";
const OFF: &str = " ! off";
const FLAG: &str = " !";

/// One piece of the summary in four lengths (the longest that fits is used); `alert` marks it
/// as a problem.
struct Segment {
    forms: [String; 4],
    alert: bool,
}

impl Segment {
    fn new(long: String, medium: String, short: String, alert: bool) -> Segment {
        Segment { forms: [long, medium.clone(), medium, short], alert }
    }
}

/// A share against its target: whole percentages in every form; the shortest drops the target
/// (the flag still says it is off).
fn share(name: &str, short_name: &str, share: Share) -> Segment {
    let off = share.off_target();
    let (flag, bare) = if off { (OFF, FLAG) } else { ("", "") };
    let (actual, target) = (share.actual.round(), share.target);
    Segment {
        forms: [
            format!("{name} {actual:.0}% (target {target}%){flag}"),
            format!("{short_name} {actual:.0}% (target {target}%){flag}"),
            format!("{short_name} {actual:.0}% (target {target}%){flag}"),
            format!("{short_name} {actual:.0}%{bare}"),
        ],
        alert: off,
    }
}

/// The summary line over the board.
pub struct Summary<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut segments = segments(self.app);
        let width = usize::from(area.width);
        let mut forms = fitting_forms(&segments, width);
        // The sprint's room left takes what room the line has left, never shortening the rest.
        let left = width.saturating_sub(line_length(&segments, &forms));
        if let Some(room) = self.app.view().room.as_ref().map(room_left)
            && let Some(form) = (0..4).find(|&f| text::width(&room.forms[f]) + 3 <= left)
        {
            segments.push(room);
            forms.push(form);
        }
        // Then the archive's count, in what room is left (counted at start-up and after each
        // archive change, never read here).
        let left = width.saturating_sub(line_length(&segments, &forms));
        if let Some(n) = self.app.archived_count().filter(|n| *n > 0) {
            let archived =
                Segment::new(format!("{n} archived"), format!("{n} archived"), format!("{n} arch."), false);
            if let Some(form) = (0..4).find(|&f| text::width(&archived.forms[f]) + 3 <= left) {
                segments.push(archived);
                forms.push(form);
            }
        }
        let mut x = area.x;
        for (i, (segment, form)) in segments.iter().zip(&forms).enumerate() {
            if i > 0 {
                let room = usize::from(area.right().saturating_sub(x));
                (x, _) = buf.set_stringn(x, area.y, "│", room, self.theme.muted);
            }
            let style: Style = if segment.alert { self.theme.warning } else { self.theme.hint_text };
            let text = format!(" {} ", segment.forms[*form]);
            (x, _) = buf.set_stringn(x, area.y, text, usize::from(area.right().saturating_sub(x)), style);
        }
    }
}

/// The board's name (cut short where room is tight: the room has it in mind), the plan against
/// capacity, both shares, and when they apply, the basis and the unestimated items.
fn segments(app: &App) -> Vec<Segment> {
    let c = &app.view().capacity;
    let over = c.over_capacity();
    let (flag, bare) = if over { (OVER, FLAG) } else { ("", "") };
    let (p, cap) = (c.points.total, c.capacity);
    let points = format!("{p}/{cap} pt{flag}");
    let (plan, medium) = match &c.sprint {
        Some(sprint) => {
            let kind = match sprint.stage {
                Some(stage) => format!(" ({} sprint)", stage.label()),
                None => String::new(),
            };
            // Under the sprint filter the backlog is not shown, so not counted either.
            let backlog = match app.view().sprint_only {
                true => String::new(),
                false => format!(", backlog {} pt", c.backlog.points),
            };
            (
                format!("{}{kind}: committed {points}{backlog}", sprint.name),
                format!("{}: {points}", sprint.name),
            )
        }
        None => (format!("planned {points}"), points.clone()),
    };
    let name = crate::escape::one_line(&app.board().name).into_owned();
    let mut segments = vec![
        Segment { forms: NAME_CELLS.map(|cells| text::truncate(&name, cells)), alert: false },
        Segment::new(plan, medium, format!("{p}/{cap} pt{bare}"), over),
        share("discovery", "disc", c.discovery()),
        share("stage two", "S2", c.stage_two()),
    ];
    if c.basis == Basis::Items && c.items.total > 0 {
        segments.push(Segment::new(
            "shares by item count".into(),
            "by count".into(),
            "by count".into(),
            false,
        ));
    }
    if c.unestimated > 0 {
        let n = c.unestimated;
        let text = format!("{n} unestimated");
        segments.push(Segment::new(text.clone(), text, format!("{n} unest."), false));
    }
    segments
}

/// The open sprint's room left: per stage in a split sprint, else for the sprint's own stage
/// ("room left: stage two 12 pt"); a stage over its room shows a negative number and `! over`.
fn room_left(room: &SprintRoom) -> Segment {
    let parts: Vec<(i64, &str, &str)> = match room.kind {
        SprintKind::Split => {
            vec![(room.stage_one.left(), "stage one", "S1"), (room.stage_two.left(), "stage two", "S2")]
        }
        SprintKind::Delivery => vec![(room.stage_one.left(), "stage one", "S1")],
        SprintKind::Refinement => vec![(room.stage_two.left(), "stage two", "S2")],
    };
    let alert = parts.iter().any(|(left, ..)| *left < 0);
    let (flag, bare) = if alert { (OVER, FLAG) } else { ("", "") };
    let list = |short: bool| {
        let each =
            parts.iter().map(|(left, name, abbr)| format!("{} {left} pt", if short { abbr } else { name }));
        each.collect::<Vec<_>>().join(", ")
    };
    Segment::new(
        format!("room left: {}{flag}", list(false)),
        format!("room left: {}{flag}", list(true)),
        format!("left: {}{bare}", list(true)),
        alert,
    )
}

/// The cells `segments` take in `forms`: a space either side of each, a separator between two.
fn line_length(segments: &[Segment], forms: &[usize]) -> usize {
    let cells: usize = segments.iter().zip(forms).map(|(s, f)| text::width(&s.forms[*f]) + 3).sum();
    cells.saturating_sub(1)
}

/// The most cells a board's name takes in each form: whole, then 24, 16 and 10 cells (the sprint
/// in the plan matters more to the room than the rest of a long board name).
const NAME_CELLS: [usize; 4] = [usize::MAX, 24, 16, 10];

/// Which form of each segment to use so the line fits in `width` cells: the least important
/// are shortened first, the unestimated count, then the name, then the plan, then both shares
/// together (so they always read in the same format).
fn fitting_forms(segments: &[Segment], width: usize) -> Vec<usize> {
    let mut forms = vec![0usize; segments.len()];
    let length = |forms: &[usize]| line_length(segments, forms);
    let mut groups: Vec<Vec<usize>> = (4..segments.len()).rev().map(|i| vec![i]).collect();
    groups.push(vec![0]);
    groups.push(vec![1]);
    groups.push(vec![2, 3]);
    for step in [1, 2, 3] {
        for group in &groups {
            if length(&forms) > width {
                group.iter().for_each(|&i| forms[i] = step);
            }
        }
    }
    forms
}
