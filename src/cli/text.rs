//! Plain-text output of the commands, for people at a terminal.

use std::fmt::Write;

use crate::domain::capacity::{Basis, Capacity};
use crate::domain::{Board, Item};

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
            item.title,
        );
        for tag in &item.tags {
            let _ = write!(out, " #{tag}");
        }
        if let Some(who) = &item.assignee {
            let _ = write!(out, " @{who}");
        }
        out.push('\n');
    }
    if items.is_empty() {
        let _ = writeln!(out, "no items on board \"{}\" match", board.name);
    }
    out
}

/// Every field of one item.
pub fn show(board: &Board, item: &Item) -> String {
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
    if let Some(timebox) = item.timebox {
        rows.push(("timebox", timebox.to_string()));
    }
    if let Some(outcome) = &item.outcome {
        rows.push(("outcome", outcome.clone()));
    }
    if let Some(severity) = item.severity {
        rows.push(("severity", severity.name().to_owned()));
    }
    if !item.links.is_empty() {
        let links: Vec<String> = item.links.iter().map(|id| format!("#{id}")).collect();
        rows.push(("links", links.join(", ")));
    }
    rows.push(("created", item.created.to_rfc3339()));
    rows.push(("updated", item.updated.to_rfc3339()));
    let mut out = format!("#{} {}\n", item.id, item.title);
    for (name, value) in rows {
        let _ = writeln!(out, "  {:<10}{value}", format!("{name}:"));
    }
    for entry in &item.checklist {
        let _ = writeln!(out, "  [{}] {}", if entry.done { "x" } else { " " }, entry.text);
    }
    if !item.description.is_empty() {
        out.push('\n');
        for line in item.description.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The capacity split as a small table.
pub fn stats(c: &Capacity) -> String {
    let planned = match c.basis {
        Basis::Points => format!("{} of {} points planned", c.points.total, c.capacity),
        Basis::Items => {
            format!("{} items planned, none estimated (shares by item count)", c.items.total)
        }
    };
    let unestimated = match c.unestimated {
        1 => "1 planned item is unestimated".to_owned(),
        n => format!("{n} planned items are unestimated"),
    };
    let mut out = format!("{planned}; {unestimated}\n\n");
    let _ = writeln!(out, "{:<11}{:>8}{:>8}", "share", "actual", "target");
    let _ = writeln!(out, "{:<11}{:>7.1}%{:>7}%", "discovery", c.discovery_share, c.target_discovery);
    let _ = writeln!(out, "{:<11}{:>7.1}%{:>7}%", "stage two", c.stage_two_share, c.target_stage_two);
    out
}
