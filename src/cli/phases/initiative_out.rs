//! Printed phased delivery: the initiatives table, one initiative in words (text or Markdown),
//! its JSON shape, and the initiatives section of a report. Each builds one `String`, so the
//! caller prints once (and can escape the text at one place).

use std::fmt::Write;

use serde_json::{Value, json};

use crate::domain::phases::initiatives;
use crate::domain::phases::progress::{Progress, Warning};
use crate::model::lanes::Lanes;
use crate::model::{Board, Initiative, Phase};

/// Plain text for a terminal, or Markdown for a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// One line per initiative: id, status, phase, progress, per phase, warnings, name.
pub fn list(all: &[(&Initiative, Progress)]) -> String {
    if all.is_empty() {
        return "no initiatives on this board (initiative add NAME creates one)\n".to_owned();
    }
    let id_width = all.iter().map(|(it, _)| it.id.len()).max().unwrap_or(2).max(2);
    let mut out = format!(
        "{:<id_width$}  {:<8}  {:<11}  {:>4}  {:<14}  {:<14}  {:<14}  {:<8}  NAME\n",
        "ID", "STATUS", "PHASE", "DONE", "MVP", "ENHANCEMENT", "POLISH", "WARNINGS"
    );
    for (it, p) in all {
        let phase = |ph: Phase| p.amount(p.phase(ph).done, p.phase(ph).total);
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<8}  {:<11}  {:>3.0}%  {:<14}  {:<14}  {:<14}  {:<8}  {}",
            it.id,
            it.status.name(),
            p.current().name(),
            p.percent(),
            phase(Phase::Mvp),
            phase(Phase::Enhancement),
            phase(Phase::Polish),
            if p.warnings.is_empty() { "-".to_owned() } else { format!("! {}", p.warnings.len()) },
            it.name
        );
    }
    out
}

/// A writer for the two styles: headings, labelled fields, list entries.
struct Doc {
    style: Style,
    out: String,
}

impl Doc {
    fn heading(&mut self, text: &str) {
        match self.style {
            Style::Text => _ = writeln!(self.out, "{text}"),
            Style::Markdown => _ = writeln!(self.out, "\n### {}\n", markdown(text)),
        }
    }

    fn field(&mut self, name: &str, value: &str) {
        match self.style {
            Style::Text => _ = writeln!(self.out, "  {:<13}{value}", format!("{name}:")),
            Style::Markdown => _ = writeln!(self.out, "- **{name}:** {}", markdown(value)),
        }
    }

    /// A titled list with `bullet` before each entry; nothing at all when `entries` is empty.
    fn list(&mut self, title: &str, bullet: char, entries: &[String]) {
        if entries.is_empty() {
            return;
        }
        match self.style {
            Style::Text => _ = writeln!(self.out, "  {title}:"),
            Style::Markdown => _ = writeln!(self.out, "\n**{title}**\n"),
        }
        for entry in entries {
            let mut lines = entry.lines();
            let first = lines.next().unwrap_or_default();
            match self.style {
                Style::Text => _ = writeln!(self.out, "    {bullet} {first}"),
                Style::Markdown if bullet == '-' => _ = writeln!(self.out, "- {}", markdown(first)),
                Style::Markdown => _ = writeln!(self.out, "- **{bullet}** {}", markdown(first)),
            }
            for line in lines {
                match self.style {
                    Style::Text => _ = writeln!(self.out, "      {line}"),
                    Style::Markdown => _ = writeln!(self.out, "  {}", markdown(line)),
                }
            }
        }
    }
}

/// Text safe to put in Markdown: the characters that would start formatting are escaped.
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One initiative in words: status, phase, progress per phase, warnings, success criteria,
/// decisions newest first, and (with `items`) its items per phase.
pub fn describe(board: &Board, it: &Initiative, p: &Progress, style: Style, items: bool) -> String {
    let mut doc = Doc { style, out: String::new() };
    doc.heading(&format!("{} — {} ({})", it.id, it.name, it.status));
    if !it.description.is_empty() {
        doc.field("description", &it.description.replace('\n', " "));
    }
    doc.field("phase", &p.standing_words());
    doc.field("progress", &p.done_words());
    for phase in Phase::ALL {
        doc.field(phase.label(), &p.phase_words(phase));
    }
    let warnings: Vec<String> = p.warnings.iter().map(Warning::message).collect();
    doc.list("warnings", '!', &warnings);
    let criteria: Vec<String> = Phase::ALL
        .iter()
        .flat_map(|ph| it.criteria.of(*ph).iter().map(move |c| format!("{}: {c}", ph.label())))
        .collect();
    doc.list("success criteria", '-', &criteria);
    doc.list("decisions, newest first", '-', &decisions(it));
    if items {
        let lines: Vec<String> = initiatives::items_by_phase(board, &it.id)
            .into_iter()
            .map(|item| initiatives::item_line(board, item))
            .collect();
        doc.list("items", '-', &lines);
    }
    doc.out
}

/// Each decision as its headline with its notes below, newest first.
fn decisions(it: &Initiative) -> Vec<String> {
    it.decisions.iter().rev().map(|d| [vec![d.headline()], d.notes()].concat().join("\n")).collect()
}

/// An initiative as `initiative list --json` and `initiative show --json` print it.
pub fn json(board: &Board, it: &Initiative, p: &Progress) -> Value {
    let phases: serde_json::Map<String, Value> = Phase::ALL
        .iter()
        .map(|phase| {
            let ph = p.phase(*phase);
            let value = json!({
                "done": ph.done,
                "total": ph.total,
                "items": ph.items,
                "open_items": ph.open_items,
                "started": ph.started,
                "share": (p.share(*phase) * 10.0).round() / 10.0,
            });
            (phase.name().to_owned(), value)
        })
        .collect();
    let mine = Lanes::build_where(board, |item| item.initiative.as_deref() == Some(it.id.as_str()));
    let ids = |phase: Phase| -> Vec<u64> {
        mine.board_order()
            .filter(|id| board.item(*id).is_some_and(|item| item.phase == Some(phase)))
            .collect()
    };
    json!({
        "id": it.id,
        "name": it.name,
        "description": it.description,
        "status": it.status.name(),
        "criteria": {
            "mvp": it.criteria.mvp,
            "enhancement": it.criteria.enhancement,
            "polish": it.criteria.polish,
        },
        "basis": p.basis.name(),
        "done": p.done,
        "total": p.total,
        "percent": p.percent(),
        "unestimated": p.unestimated,
        "phase": p.current().name(),
        "phase_by_progress": p.by_progress.name(),
        "phase_by_work": p.by_work.map(Phase::name),
        "phases": phases,
        "warnings": p.warnings.iter().map(warning_json).collect::<Vec<_>>(),
        "decisions": it.decisions.iter().rev().map(|d| json!({
            "date": d.date,
            "author": d.author,
            "boundary": d.boundary.number(),
            "decision": d.decision.name(),
            "review": d.review,
            "plan": d.plan,
            "communicated": d.communicated,
            "open_items": d.open_items.map(|o| o.name()),
            "items": d.items,
        })).collect::<Vec<_>>(),
        "items": {
            "mvp": ids(Phase::Mvp),
            "enhancement": ids(Phase::Enhancement),
            "polish": ids(Phase::Polish),
        },
    })
}

fn warning_json(warning: &Warning) -> Value {
    json!({
        "kind": warning.key(),
        "boundary": warning.boundary().map(|b| b.number()),
        "message": warning.message(),
    })
}

/// The initiatives section of a report (for `twotrack report`): every initiative's progress
/// per phase, warnings, criteria and decisions, active ones first.
pub fn report_section(board: &Board, style: Style) -> String {
    let all = Progress::by_status(board);
    let mut out = match style {
        Style::Text => "Initiatives\n".to_owned(),
        Style::Markdown => "## Initiatives\n".to_owned(),
    };
    if all.is_empty() {
        out.push_str(match style {
            Style::Text => "  none on this board\n",
            Style::Markdown => "\nNone on this board.\n",
        });
    }
    for (it, progress) in &all {
        if style == Style::Text {
            out.push('\n');
        }
        out.push_str(&describe(board, it, progress, style, false));
    }
    out
}

#[cfg(test)]
#[path = "initiative_out_tests.rs"]
mod tests;
