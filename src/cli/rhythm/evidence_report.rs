//! The evidence sections of a report, in plain text or Markdown, for stakeholders: how discovery
//! work ended, on what evidence features were accepted, and what technical debt costs. Each
//! takes the period it covers (the last 30 days, or a sprint) so `report` can use them as they
//! are.

use std::fmt::Write;

use crate::domain::dual_track::discovery_success;
use crate::domain::dual_track::discovery_success::Period;
use crate::domain::two_stage::debt;
use crate::domain::two_stage::debt::Sort;
use crate::model::{Board, Item, Timestamp};

/// How a section is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// How many of the costliest debt items the debt section names.
const COSTLIEST: usize = 3;

/// The three evidence sections, one after another.
pub fn sections(board: &Board, period: Period, now: Timestamp, style: Style) -> String {
    [
        discovery_outcomes(board, period, now, style),
        acceptance_evidence(board, period, style),
        debt_interest(board, now, style),
    ]
    .join("\n")
}

/// A section's heading.
fn heading(out: &mut String, title: &str, style: Style) {
    let _ = match style {
        Style::Text => writeln!(out, "{title}"),
        Style::Markdown => writeln!(out, "## {title}\n"),
    };
}

/// A line of prose under a heading.
fn line(out: &mut String, text: &str, style: Style) {
    let _ = match style {
        Style::Text => writeln!(out, "  {text}"),
        Style::Markdown => writeln!(out, "- {text}"),
    };
}

/// A table: in text one indented row per entry; in Markdown a table with a header.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>], style: Style) {
    if rows.is_empty() {
        return;
    }
    match style {
        Style::Text => {
            for row in rows {
                let _ = writeln!(out, "    {}", row.join("  "));
            }
        }
        Style::Markdown => {
            let _ = writeln!(out, "\n| {} |", header.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
        }
    }
}

/// Text that stays inside one Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How discovery work ended within `period`, and how the open work stands now.
pub fn discovery_outcomes(board: &Board, period: Period, now: Timestamp, style: Style) -> String {
    let f = discovery_success::figures(board, period, now.date_naive());
    let mut out = String::new();
    heading(&mut out, "Discovery outcomes", style);
    let on_time = f.on_time_percent().map(|p| format!(" ({p:.0}% on time)")).unwrap_or_default();
    line(
        &mut out,
        &format!(
            "{} concluded: {} on time, {} late, {} without a timebox{on_time}",
            plural(f.decided.len(), "discovery item", "discovery items"),
            f.on_time,
            f.late,
            f.no_timebox
        ),
        style,
    );
    line(
        &mut out,
        &format!(
            "{} promoted into delivery, {} dropped, {} concluded otherwise",
            f.promoted, f.dropped, f.concluded
        ),
        style,
    );
    let median = f.median_words();
    line(
        &mut out,
        &format!("{median}; {} open now, {} overdue, {} open-ended", f.open, f.overdue, f.open_ended.len()),
        style,
    );
    let rows: Vec<Vec<String>> = f
        .decided
        .iter()
        .map(|(id, o)| {
            let title = board.item(*id).map_or("", |it| it.title.as_str());
            vec![
                format!("#{id}"),
                title.to_owned(),
                o.decision.name().to_owned(),
                o.timing.label(),
                format!("{}d", o.days),
            ]
        })
        .collect();
    table(&mut out, &["item", "title", "decision", "timebox", "days"], &rows, style);
    out
}

/// The features accepted within `period` and on what evidence.
pub fn acceptance_evidence(board: &Board, period: Period, style: Style) -> String {
    let (from, to) = (period.start.date_naive(), period.end.date_naive());
    let accepted: Vec<&Item> =
        board.items().iter().filter(|it| it.accepted.is_some_and(|d| from <= d && d <= to)).collect();
    let mut ways: Vec<(&str, usize)> = Vec::new();
    for way in accepted.iter().filter_map(|it| it.accepted_by.as_deref()) {
        match ways.iter_mut().find(|(w, _)| *w == way) {
            Some((_, n)) => *n += 1,
            None => ways.push((way, 1)),
        }
    }
    ways.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut out = String::new();
    heading(&mut out, "Acceptance evidence", style);
    let mut how: Vec<String> = ways.iter().map(|(way, n)| format!("{n} by {way}")).collect();
    match accepted.iter().filter(|it| it.accepted_by.is_none()).count() {
        0 => {}
        n => how.push(format!("{n} without recorded evidence")),
    }
    let summary = match accepted.len() {
        0 => "no items accepted".to_owned(),
        n => format!("{} accepted: {}", plural(n, "item", "items"), how.join(", ")),
    };
    line(&mut out, &summary, style);
    let rows: Vec<Vec<String>> = accepted
        .iter()
        .map(|it| {
            vec![
                format!("#{}", it.id),
                it.title.clone(),
                it.accepted.map(|d| d.to_string()).unwrap_or_default(),
                it.accepted_by.clone().unwrap_or_else(|| "-".to_owned()),
                it.acceptance_note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(&mut out, &["item", "title", "accepted", "by", "note"], &rows, style);
    out
}

/// Open technical debt in business terms: how much, how old, the interest it has cost and how
/// that moved, and the costliest items.
pub fn debt_interest(board: &Board, now: Timestamp, style: Style) -> String {
    let register = debt::register(board, now).sorted(Sort::Interest);
    let mut out = String::new();
    heading(&mut out, "Technical debt", style);
    line(&mut out, &register.in_words(), style);
    if !register.open.is_empty() {
        let w = &register.weights;
        line(
            &mut out,
            &format!(
                "interest is days open × a weight per severity (low {}, medium {}, high {}, critical {}): \
                 debt compounds while it waits",
                w.low, w.medium, w.high, w.critical
            ),
            style,
        );
    }
    let rows: Vec<Vec<String>> = register
        .open
        .iter()
        .take(COSTLIEST)
        .map(|it| {
            vec![
                format!("#{}", it.id),
                it.title.clone(),
                it.severity.map_or("unrated", |s| s.name()).to_owned(),
                format!("{}d", register.age(it)),
                format!("interest {}", register.interest(it)),
            ]
        })
        .collect();
    table(&mut out, &["item", "title", "severity", "open", "interest"], &rows, style);
    out
}

#[cfg(test)]
#[path = "evidence_report_tests.rs"]
mod tests;
