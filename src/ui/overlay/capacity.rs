//! The capacity view: planned points (or the open sprint's committed points) against capacity,
//! the backlog apart, the sprint's goal and room (`sprint_room.rs`), the track split and the stage split as bars with their targets marked,
//! load per assignee, unestimated items and WIP, and the trends of the closed sprints.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::sprint_room;
use super::trends::{self, TrendsView};
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::capacity::{Basis, Capacity, Share, TOLERANCE, wip};
use crate::model::Track;
use crate::ui::text;
use crate::ui::theme::Theme;

const LABEL: usize = 12;

/// The capacity page, with the trends below when sprints have closed.
pub struct CapacityView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for CapacityView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = self.block();
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let wanted = trends::height(self.app.board());
        // The sprint's room is compact on a short screen, and the closed sprints' trends give
        // way (from the bottom) to what the open sprint needs.
        let mut page = self.page(width, false);
        if page.needed() + usize::from(wanted) > usize::from(inner.height) {
            page = self.page(width, true);
        }
        let left = u16::try_from(page.needed()).map_or(0, |n| inner.height.saturating_sub(n));
        let trends = wanted.min(left);
        let [top, below] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(trends)]));
        Paragraph::new(page.fit(usize::from(top.height), self.theme)).render(top, buf);
        if trends > 0 {
            TrendsView { board: self.app.board(), theme: self.theme }.render(below, buf);
        }
    }
}

impl CapacityView<'_> {
    /// The frame: what is measured (the open sprint's committed work, else planned work), how
    /// many items the archive holds, and the page's keys.
    fn block(&self) -> Block<'static> {
        let (c, theme) = (&self.app.view().capacity, self.theme);
        let keys = |a: Action| self.app.keymap().short_keys(Mode::Capacity, &[a]).unwrap_or_default();
        let title = match &c.sprint {
            Some(s) => {
                format!(" {} · {} to {} · {}: committed work ", s.name, s.start, s.end, s.model_label())
            }
            None => " Capacity: planned work against the policy ".to_owned(),
        };
        let sprint_key = match &c.sprint {
            Some(_) => format!("{} close the sprint", keys(Action::CloseSprint)),
            None => format!("{} start a sprint", keys(Action::StartSprint)),
        };
        // The archive's count, as known (never read here), with the key that lists it.
        let archived = match self.app.archived_count().filter(|n| *n > 0) {
            Some(n) => {
                let list = self.app.keymap().short_keys(Mode::Board, &[Action::ArchivedItems]);
                let list = list.map(|k| format!(" · {k} lists them")).unwrap_or_default();
                format!(" {n} archived{list} ")
            }
            None => String::new(),
        };
        Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title))
            .title(Line::styled(archived, theme.overlay_title).right_aligned())
            .title_bottom(Line::styled(
                format!(
                    " {} edit targets and WIP limits · {sprint_key} · {} close ",
                    keys(Action::Edit),
                    keys(Action::Close)
                ),
                theme.overlay_title,
            ))
    }

    /// The page above the trends in `width` columns: the plan and the sprint's room (compact:
    /// as few rows as they can take), both splits, the load, the unestimated items and WIP.
    fn page(&self, width: usize, compact: bool) -> Page {
        let (c, theme) = (&self.app.view().capacity, self.theme);
        let bar = width.saturating_sub(LABEL + 32).clamp(10, 50);
        let unit = match c.basis {
            Basis::Points => "points",
            Basis::Items => "items (none is estimated)",
        };
        let mut planned_part = planned(c, bar, theme);
        let room_rows = sprint_room::rows(self.app, width.saturating_sub(LABEL), compact, theme);
        planned_part.extend(room_rows.into_iter().map(|(label, spans)| labelled(label, spans, theme)));
        let mut parts = vec![planned_part];
        let planned = if c.sprint.is_some() { "committed" } else { "planned" };
        let nothing = if c.sprint.is_some() { "nothing committed" } else { "nothing planned" };
        parts.push(split("Tracks", "discovery", "delivery", c.discovery(), bar, nothing, theme));
        let mut stages = split("Stages", "stage two", "stage one", c.stage_two(), bar, nothing, theme);
        // On one line where it fits, else on two.
        let shares = format!("shares are of {planned} {unit}");
        let pp = "pp = percentage points";
        let indent = " ".repeat(LABEL);
        match LABEL + text::width(&shares) + text::width(pp) + 2 <= width {
            true => stages.push(Line::styled(format!("{indent}{shares}; {pp}"), theme.muted)),
            false => stages
                .extend([shares, pp.to_owned()].map(|t| Line::styled(format!("{indent}{t}"), theme.muted))),
        }
        parts.push(stages);
        let load = assignees(c, nothing, theme);
        let unestimated = match c.unestimated {
            0 => format!("every {planned} item has an estimate"),
            1 => format!("1 {planned} item has no estimate"),
            n => format!("{n} {planned} items have no estimate"),
        };
        let rest = vec![
            labelled("Unestimated", vec![Span::styled(unestimated, theme.base)], theme),
            wip_line(self.app, theme),
        ];
        Page { parts, load, rest }
    }
}

/// The page's sections before they are fitted to the rows there are.
struct Page {
    parts: Vec<Vec<Line<'static>>>,
    load: Vec<Line<'static>>,
    rest: Vec<Line<'static>>,
}

impl Page {
    /// The fewest rows the page takes: every section, and one row of the load.
    fn needed(&self) -> usize {
        self.parts.iter().map(Vec::len).sum::<usize>() + self.rest.len() + 1
    }

    fn fit(self, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
        fit(self.parts, self.load, self.rest, rows, theme)
    }
}

/// The sections with blank lines between them as far as they fit in `rows` (the later gaps
/// first, so the load and the totals stand apart); the load shortened to what fits when even
/// the sections alone do not (the rest counted on the last line shown).
fn fit(
    parts: Vec<Vec<Line<'static>>>,
    mut load: Vec<Line<'static>>,
    rest: Vec<Line<'static>>,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let fixed: usize = parts.iter().map(Vec::len).sum::<usize>() + rest.len();
    let room = rows.saturating_sub(fixed).max(1);
    if load.len() > room {
        let hidden = load.len() - room + 1;
        load.truncate(room - 1);
        load.push(match load.is_empty() {
            true => labelled(
                "Load",
                vec![Span::styled(format!("{hidden} rows; a taller terminal lists them"), theme.muted)],
                theme,
            ),
            false => Line::styled(format!("{:LABEL$}… and {hidden} more", ""), theme.muted),
        });
    }
    // A gap after each part and after the load.
    let gaps = parts.len() + 1;
    let blanks = rows.saturating_sub(fixed + load.len()).min(gaps);
    let mut lines = Vec::new();
    for (i, part) in parts.into_iter().chain([load]).enumerate() {
        lines.extend(part);
        if i >= gaps - blanks {
            lines.push(Line::default());
        }
    }
    lines.extend(rest);
    lines
}

fn labelled<'a>(label: &str, mut rest: Vec<Span<'a>>, theme: &Theme) -> Line<'a> {
    rest.insert(0, Span::styled(text::pad(label, LABEL), theme.field_label));
    Line::from(rest)
}

/// The planned (or committed) points against capacity, the flag when over it, and the backlog
/// apart while a sprint is open.
fn planned(c: &Capacity, bar: usize, theme: &Theme) -> Vec<Line<'static>> {
    let filled =
        if c.capacity == 0 { bar } else { (c.points.total as usize * bar / c.capacity as usize).min(bar) };
    let percent = (c.points.total * 100).checked_div(c.capacity).unwrap_or(0);
    let spans = vec![
        Span::styled(format!("{:>3} of {:<3} points  ", c.points.total, c.capacity), theme.base),
        Span::styled("█".repeat(filled), theme.estimate),
        Span::styled("░".repeat(bar - filled), theme.muted),
        Span::styled(format!(" {percent}%"), theme.base),
    ];
    let label = if c.sprint.is_some() { "Committed" } else { "Planned" };
    let mut lines = vec![labelled(label, spans, theme)];
    if c.over_capacity() {
        let over = format!("! OVER CAPACITY by {} points", c.points.total - c.capacity);
        lines.push(labelled("", vec![Span::styled(over, theme.warning)], theme));
    }
    if c.sprint.is_some() {
        let backlog = format!("{} points in {} open items not committed", c.backlog.points, c.backlog.items);
        lines.push(labelled("Backlog", vec![Span::styled(backlog, theme.base)], theme));
    }
    lines
}

/// Three lines: the target marker, the bar (`share` side filled), and the numbers with a flag.
fn split(
    label: &str,
    side: &str,
    other: &str,
    share: Share,
    bar: usize,
    nothing: &'static str,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let pad = LABEL + text::width(side) + 1;
    let filled = ((share.actual / 100.0) * bar as f64).round() as usize;
    let target_at = (f64::from(share.target) / 100.0 * bar as f64).round() as usize;
    let marker = format!("{:pad$}{:target_at$}▼ target {}%", "", "", share.target);
    let mut bar_line = vec![
        Span::styled(text::pad(label, LABEL), theme.field_label),
        Span::styled(format!("{side} "), theme.base),
        Span::styled("▓".repeat(filled.min(bar)), theme.estimate),
        Span::styled("░".repeat(bar - filled.min(bar)), theme.muted),
        Span::styled(format!(" {other}"), theme.base),
    ];
    bar_line.truncate(5);
    let verdict = if !share.planned {
        Span::styled(nothing, theme.muted)
    } else if share.off_target() {
        let (dir, by) = if share.deviation() > 0.0 {
            ("above", share.deviation())
        } else {
            ("below", -share.deviation())
        };
        Span::styled(format!("! OFF TARGET: {by:.1} pp {dir}"), theme.warning)
    } else {
        Span::styled(format!("on target (within {TOLERANCE:.0} pp)"), theme.ok)
    };
    let numbers = vec![
        Span::styled(
            format!("{:LABEL$}{side} {:.1}% · target {}% · ", "", share.actual, share.target),
            theme.base,
        ),
        verdict,
    ];
    vec![Line::styled(marker, theme.muted), Line::from(bar_line), Line::from(numbers)]
}

fn assignees(c: &Capacity, nothing: &'static str, theme: &Theme) -> Vec<Line<'static>> {
    if c.assignees.is_empty() {
        return vec![labelled("Load", vec![Span::styled(nothing, theme.muted)], theme)];
    }
    let most = c.assignees.iter().map(|a| a.points).max().unwrap_or(0).max(1);
    c.assignees
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = a.name.clone().unwrap_or_else(|| "(nobody)".into());
            let items = if a.items == 1 { "1 item ".to_owned() } else { format!("{} items", a.items) };
            let bar = (a.points * 20 / most) as usize;
            let label = if i == 0 { "Load" } else { "" };
            labelled(
                label,
                vec![
                    Span::styled(
                        format!("{} {items:>9} {:>4} pt  ", text::pad(&name, 14), a.points),
                        theme.base,
                    ),
                    Span::styled("▓".repeat(bar), theme.estimate),
                ],
                theme,
            )
        })
        .collect()
}

fn wip_line(app: &App, theme: &Theme) -> Line<'static> {
    let board = app.board();
    let mut spans = Vec::new();
    for track in Track::ALL {
        for (index, column) in board.track(track).columns.iter().enumerate() {
            let load = wip::column_load(board, track, index);
            if load.limit.is_some() {
                spans.push(load_span(&column.name, load, theme));
            }
        }
        let load = wip::track_load(board, track);
        if load.limit.is_some() {
            spans.push(load_span(&format!("{track} track"), load, theme));
        }
    }
    if spans.is_empty() {
        spans.push(Span::styled("no limits set", theme.muted));
    }
    labelled("WIP", spans, theme)
}

fn load_span(name: &str, load: wip::Load, theme: &Theme) -> Span<'static> {
    if load.over() {
        Span::styled(format!("! {name} {} over   ", load.label()), theme.warning)
    } else {
        Span::styled(format!("{name} {}   ", load.label()), theme.base)
    }
}
