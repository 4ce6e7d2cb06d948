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

fn share(name: &str, short_name: &str, share: Share) -> Segment {
    let off = share.off_target();
    let flag = |text: &str| if off { text.to_owned() } else { String::new() };
    Segment {
        forms: [
            format!("{name} {:.1}% (target {}%){}", share.actual, share.target, flag(" ! OFF TARGET")),
            format!("{name} {:.0}% (target {}%){}", share.actual, share.target, flag(" ! off")),
            format!("{short_name} {:.0}% (target {}%){}", share.actual, share.target, flag(" ! off")),
            format!("{short_name} {:.0}%/{}%{}", share.actual, share.target, flag(" !")),
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
    let flag = |text: &str| if over { text.to_owned() } else { String::new() };
    let (p, cap) = (c.points.total, c.capacity);
    let (plan, medium) = match &c.sprint {
        Some(sprint) => {
            let kind = match sprint.stage {
                Some(stage) => format!(" ({} sprint)", stage.label()),
                None => String::new(),
            };
            (
                format!(
                    "{}{kind}: committed {p} of {cap} points{}{}",
                    sprint.name,
                    flag(" ! OVER CAPACITY"),
                    // Under the sprint filter the backlog is not shown, so not counted either.
                    if app.view().sprint_only {
                        String::new()
                    } else {
                        format!(", backlog {} points", c.backlog.points)
                    }
                ),
                format!("{}: {p}/{cap} pt{}", sprint.name, flag(" ! over")),
            )
        }
        None => (
            format!("planned {p} of {cap} points{}", flag(" ! OVER CAPACITY")),
            format!("{p}/{cap} pt{}", flag(" ! over")),
        ),
    };
    let name = crate::escape::one_line(&app.board().name).into_owned();
    let mut segments = vec![
        Segment { forms: NAME_CELLS.map(|cells| text::truncate(&name, cells)), alert: false },
        Segment::new(plan, medium, format!("{p}/{cap}pt{}", flag(" !")), over),
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
        segments.push(Segment::new(
            format!("{n} unestimated"),
            format!("{n} unestimated"),
            format!("{n}?"),
            false,
        ));
    }
    segments
}

/// The open sprint's room left: per stage in a split sprint, else for the sprint's own stage
/// ("12 pt of stage-two room left"); a stage over its room is flagged with `!`.
fn room_left(room: &SprintRoom) -> Segment {
    let own = match room.kind {
        SprintKind::Split => None,
        SprintKind::Delivery => Some((room.stage_one, "stage one", "S1")),
        SprintKind::Refinement => Some((room.stage_two, "stage two", "S2")),
    };
    let alert = match own {
        Some((own, ..)) => own.left() < 0,
        None => room.stage_one.left() < 0 || room.stage_two.left() < 0,
    };
    let flag = if alert { " !" } else { "" };
    match own {
        Some((own, name, short)) => Segment::new(
            format!("{}{flag}", own.of_part(name)),
            format!("{short} room {} pt{flag}", own.left()),
            format!("{short} left {}{flag}", own.left()),
            alert,
        ),
        None => {
            let (one, two) = (room.stage_one.left(), room.stage_two.left());
            Segment::new(
                format!("room left: stage one {one} pt, stage two {two} pt{flag}"),
                format!("room S1 {one} · S2 {two} pt{flag}"),
                format!("left S1 {one} S2 {two}{flag}"),
                alert,
            )
        }
    }
}

/// The cells `segments` take in `forms`, with a space either side and a separator each.
fn line_length(segments: &[Segment], forms: &[usize]) -> usize {
    segments.iter().zip(forms).map(|(s, f)| text::width(&s.forms[*f]) + 3).sum()
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
