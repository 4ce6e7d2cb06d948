//! Plain-text output of the commands, for people at a terminal. The whole text is escaped when
//! it is printed (`cli::output`); values that must stay on their line are escaped here too.

use std::fmt::Write;

use crate::escape::one_line;

use crate::domain::capacity::{Basis, Capacity};
use crate::domain::dual_track::timebox;
use crate::domain::query::{age, evidence};
use crate::domain::two_stage::debt::{Register, Sort, WINDOW_DAYS};
use crate::domain::{dual_track, two_stage};
use crate::model::{Board, Item, Timestamp};

/// One line per item: id, track, column, stage, kind, estimate, title, tags, assignee.
pub fn list(board: &Board, items: &[&Item]) -> String {
    let column_width = items.iter().map(|it| it.column.len()).max().unwrap_or(0);
    let mut out = String::new();
    for item in items {
        let _ = write!(
            out,
            "{:>6}  {:<9}  {:<column_width$}  S{}  {:<7}  {:>4}  {}",
            format!("#{}", item.id),
            item.track.name(),
            item.column,
            item.stage.number(),
            item.kind.name(),
            item.estimate.map_or("-".to_owned(), |e| format!("{e}pt")),
            one_line(&item.title),
        );
        for tag in &item.tags {
            let _ = write!(out, " #{}", one_line(tag));
        }
        if let (Some(initiative), Some(phase)) = (&item.initiative, item.phase) {
            let _ = write!(out, " %{initiative}:{phase}");
        }
        if let Some(who) = &item.assignee {
            let _ = write!(out, " @{}", one_line(who));
        }
        if let Some(reason) = &item.blocked {
            let _ = write!(out, " (blocked: {})", one_line(reason));
        }
        out.push('\n');
    }
    if items.is_empty() {
        let _ = writeln!(out, "no items on board \"{}\" match", board.name);
    }
    out
}

/// Every field of one item (its timebox as of `now`).
pub fn show(board: &Board, item: &Item, now: Timestamp) -> String {
    let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
    let none = || "-".to_owned();
    let mut rows = vec![
        ("track", item.track.name().to_owned()),
        ("column", format!("{column} ({})", item.column)),
        ("stage", format!("{} ({})", item.stage.number(), item.stage.label())),
        ("kind", item.kind.name().to_owned()),
        ("estimate", item.estimate.map_or_else(none, |e| format!("{e} points"))),
        ("tags", if item.tags.is_empty() { none() } else { item.tags.join(", ") }),
        ("assignee", item.assignee.clone().unwrap_or_else(none)),
    ];
    if let Some(question) = &item.question {
        rows.push(("question", question.clone()));
    }
    if let Some(outcome) = &item.outcome {
        rows.push(("outcome", outcome.clone()));
    }
    if let Some(date) = item.timebox {
        let standing = timebox::standing(board, item, now.date_naive()).map(|s| format!(" ({})", s.label()));
        rows.push(("timebox", format!("{date}{}", standing.unwrap_or_default())));
    } else if let Some(standing) = timebox::standing(board, item, now.date_naive()) {
        rows.push(("timebox", standing.label()));
    }
    if let Some(learned) = &item.learned {
        rows.push(("learned", learned.clone()));
    }
    if let Some(reason) = &item.drop_reason {
        rows.push(("dropped", reason.clone()));
    }
    if let Some(source) = item.promoted_from {
        rows.push(("from", format!("#{source}")));
    }
    let promoted = dual_track::promoted_into(board, item.id);
    if !promoted.is_empty() {
        rows.push(("promoted", promoted.iter().map(|p| format!("#{}", p.id)).collect::<Vec<_>>().join(", ")));
    }
    if let Some(severity) = item.severity {
        rows.push(("severity", severity.name().to_owned()));
    }
    if let Some(parent) = item.follow_up_of {
        rows.push(("follow-up", format!("of #{parent}")));
    }
    let follow_ups = two_stage::follow_ups(board, item.id);
    if !follow_ups.is_empty() {
        let ids: Vec<String> = follow_ups.iter().map(|f| format!("#{}", f.id)).collect();
        rows.push(("follow-ups", ids.join(", ")));
    }
    rows.extend(evidence::facts(board, item, now.date_naive()));
    if !item.links.is_empty() {
        let links: Vec<String> = item.links.iter().map(|id| format!("#{id}")).collect();
        rows.push(("links", links.join(", ")));
    }
    if let (Some(initiative), Some(phase)) = (&item.initiative, item.phase) {
        rows.push(("phase", format!("{} of initiative {initiative}", phase.label())));
    }
    rows.extend(rhythm_rows(board, item, now));
    rows.push(("created", item.created.to_rfc3339()));
    rows.push(("updated", item.updated.to_rfc3339()));
    let mut out = format!("#{} {}\n", item.id, one_line(&item.title));
    // Every label and its colon, then a space, so the values line up.
    let width = rows.iter().map(|(name, _)| name.len() + 2).max().unwrap_or(0);
    for (name, value) in rows {
        let _ = writeln!(out, "  {:<width$}{value}", format!("{name}:"));
    }
    let checklist = two_stage::checklist(board, item);
    if !checklist.is_empty() {
        let _ = writeln!(out, "  done when ({}):", item.stage.label());
    }
    for entry in checklist {
        let _ = writeln!(out, "    [{}] {}", if entry.done { "x" } else { " " }, entry.text);
    }
    if !item.description.is_empty() {
        out.push('\n');
        for line in item.description.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The sprint, the blocked mark, a forced done, the measures and the age in the column, for
/// `show`.
/// The sprint, the blocked mark, a forced done, a debt's drag and the age in the column, for `show`.
fn rhythm_rows(board: &Board, item: &Item, now: Timestamp) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    rows.push(("sprint", item.sprint.clone().unwrap_or_else(|| "- (backlog)".to_owned())));
    if let Some(reason) = &item.blocked {
        let since = item
            .blocked_since
            .map(|t| format!(" (since {})", t.format("%Y-%m-%d %H:%M")))
            .unwrap_or_default();
        rows.push(("blocked", format!("{reason}{since}")));
    }
    if let Some(reason) = &item.forced {
        rows.push(("forced", format!("done past its definition of done: {reason}")));
    }
    if let Some(points) = item.anticipated_debt {
        rows.push(("anticipated debt", crate::words::count(points, "point")));
    }
    rows.extend(item.measures.iter().map(|m| ("measure", m.to_string())));
    if let Some(points) = item.drag {
        let money =
            board.point_value.as_ref().map(|v| format!(", ≈ {}", v.of(points.into()))).unwrap_or_default();
        rows.push(("drag", format!("≈ {points} pt per sprint{money}")));
    }
    if let Some(source) = &item.source {
        rows.push(("source", source.to_string()));
        rows.extend(source.fields.iter().map(|(name, value)| ("imported", format!("{name}: {value}"))));
    }
    if !board.is_done_column(item.track, &item.column) {
        rows.push((
            "age",
            format!("{} (since {})", age::label(board, item, now), item.entered_column().to_rfc3339()),
        ));
    }
    rows
}

/// The debt register as a table.
pub fn debt(board: &Board, r: &Register) -> String {
    let mut out = format!(
        "{} open debt items, {} points to repay; last {WINDOW_DAYS} days: {} created, {} repaid\n",
        r.open.len(),
        r.total_cost,
        r.created,
        r.repaid
    );
    let w = &r.weights;
    let _ = writeln!(
        out,
        "interest {}, {} (severity weight x days open: low {}, medium {}, high {}, critical {})",
        r.total_interest,
        r.trend(),
        w.low,
        w.medium,
        w.high,
        w.critical
    );
    let _ = writeln!(out, "{}", r.drag.line());
    for (severity, n, cost) in &r.by_severity {
        let _ = writeln!(out, "  {:<9}{n:>4} items{cost:>6} pt", severity.map_or("unrated", |s| s.name()));
    }
    if !r.open.is_empty() {
        let order = match r.sort {
            Sort::Severity => "most severe first, then the largest cost",
            Sort::Interest => "the most interest first",
        };
        let _ = writeln!(out, "\nopen debt, {order}:");
        let _ = writeln!(
            out,
            "{:<9} {:>6} {:>5} {:>5} {:>8}  {:<12} title",
            "severity", "item", "cost", "age", "interest", "column"
        );
    }
    for item in &r.open {
        let _ = writeln!(
            out,
            "{:<9} {:>6} {:>5} {:>5} {:>8}  {:<12} {}",
            item.severity.map_or("unrated", |s| s.name()),
            format!("#{}", item.id),
            item.estimate.map_or("?".to_owned(), |e| e.to_string()),
            format!("{}d", r.age(item)),
            r.interest(item),
            board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str()),
            one_line(&item.title)
        );
    }
    out
}

/// The capacity split as a table: both splits with shares and targets, flags, and load.
pub fn stats(c: &Capacity) -> String {
    let planned = if c.sprint.is_some() { "committed" } else { "planned" };
    let mut out = match &c.sprint {
        Some(s) => format!("{} ({} to {}, {}): ", s.name, s.start, s.end, s.model_label()),
        None => String::new(),
    };
    let _ = match c.basis {
        Basis::Points => write!(out, "{} of {} points {planned}", c.points.total, c.capacity),
        Basis::Items => write!(out, "{} items {planned}, none estimated: shares count items", c.items.total),
    };
    if c.over_capacity() {
        let _ = write!(out, " (! over capacity by {} points)", c.points.total - c.capacity);
    }
    let _ = match c.unestimated {
        1 => writeln!(out, "; 1 {planned} item is unestimated"),
        n => writeln!(out, "; {n} {planned} items are unestimated"),
    };
    if c.sprint.is_some() {
        let _ =
            writeln!(out, "backlog: {} points in {} items not committed", c.backlog.points, c.backlog.items);
    }
    out.push('\n');
    let (split, unit) = match c.basis {
        Basis::Points => (c.points, "points"),
        Basis::Items => (c.items, "items"),
    };
    let (disc, two) = (c.discovery(), c.stage_two());
    let _ = writeln!(out, "{:<11}{unit:>7}{:>9}{:>8}", "", "share", "target");
    let rows = [
        ("discovery", split.discovery, disc.actual, f64::from(disc.target), Some(disc)),
        ("delivery", split.delivery, 100.0 - disc.actual, 100.0 - f64::from(disc.target), None),
        ("stage one", split.stage_one, 100.0 - two.actual, 100.0 - f64::from(two.target), None),
        ("stage two", split.stage_two, two.actual, f64::from(two.target), Some(two)),
    ];
    for (name, amount, actual, target, flagged) in rows {
        let actual = if split.total == 0 { 0.0 } else { actual };
        let _ = write!(out, "{name:<11}{amount:>7}{actual:>8.1}%{target:>7.0}%");
        if let Some(share) = flagged.filter(|s| s.off_target()) {
            let _ = write!(out, "   ! off target ({:+.1} pp)", share.deviation());
        }
        out.push('\n');
    }
    if !c.assignees.is_empty() {
        let _ = writeln!(out, "\n{:<11}{:>7}{:>9}", "assignee", "items", "points");
        for a in &c.assignees {
            let name = a.name.as_deref().unwrap_or("(nobody)");
            let _ = writeln!(out, "{name:<11}{:>7}{:>9}", a.items, a.points);
        }
    }
    out
}
