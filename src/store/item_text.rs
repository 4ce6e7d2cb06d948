//! Writing one item in the board file's layout, field by field, the way the RON serializer
//! would (a test holds them to the same bytes) but many times faster: saving a large board
//! rewrites only the items that changed.

use std::fmt::Write;

use chrono::SecondsFormat;

use super::layout::{FIELD, ITEM_CLOSE, ITEM_OPEN};
use crate::domain::{Item, Timestamp};

/// Appends `item` as it appears in the items list, from `        (` to `        ),\n`.
pub fn write_item(out: &mut String, item: &Item) {
    out.push_str(ITEM_OPEN);
    out.push('\n');
    number(out, "id", item.id);
    string(out, "title", &item.title);
    ident(out, "track", item.track.name());
    string(out, "column", &item.column);
    number(out, "stage", item.stage.number());
    number(out, "rank", item.rank);
    ident(out, "kind", item.kind.name());
    optional(out, "estimate", item.estimate);
    if !item.tags.is_empty() {
        field(out, "tags", &quoted_list(&item.tags));
    }
    if let Some(assignee) = &item.assignee {
        some(out, "assignee", &quoted(assignee));
    }
    if !item.description.is_empty() {
        string(out, "description", &item.description);
    }
    if !item.checklist.is_empty() {
        let entries: Vec<String> =
            item.checklist.iter().map(|e| format!("(text: {}, done: {})", quoted(&e.text), e.done)).collect();
        field(out, "checklist", &format!("[{}]", entries.join(", ")));
    }
    if !item.links.is_empty() {
        let links: Vec<String> = item.links.iter().map(ToString::to_string).collect();
        field(out, "links", &format!("[{}]", links.join(", ")));
    }
    workflow_fields(out, item);
    string(out, "created", &timestamp(item.created));
    string(out, "updated", &timestamp(item.updated));
    out.push_str(ITEM_CLOSE);
    out.push('\n');
}

/// The fields the workflows set (discovery, two-stage, evidence, phased delivery, sprints,
/// blocking, age in column), in the order of [`Item`]'s fields.
fn workflow_fields(out: &mut String, item: &Item) {
    optional_string(out, "question", item.question.as_deref());
    optional_string(out, "timebox", item.timebox.map(|d| d.to_string()).as_deref());
    optional_string(out, "outcome", item.outcome.as_deref());
    optional_string(out, "learned", item.learned.as_deref());
    optional_string(out, "drop_reason", item.drop_reason.as_deref());
    optional(out, "promoted_from", item.promoted_from);
    optional(out, "severity", item.severity.map(|s| s.name()));
    optional(out, "follow_up_of", item.follow_up_of);
    optional_string(out, "accepted", item.accepted.map(|d| d.to_string()).as_deref());
    optional_string(out, "finished", item.finished.map(timestamp).as_deref());
    optional_string(out, "accepted_by", item.accepted_by.as_deref());
    optional_string(out, "acceptance_note", item.acceptance_note.as_deref());
    optional(out, "criteria", item.criteria.as_deref().map(quoted_list));
    optional(out, "experiment", item.experiment);
    optional_string(out, "variant", item.variant.as_deref());
    optional(out, "winner", item.winner);
    optional_string(out, "initiative", item.initiative.as_deref());
    optional(out, "phase", item.phase.map(|p| p.name()));
    optional_string(out, "sprint", item.sprint.as_deref());
    optional_string(out, "blocked", item.blocked.as_deref());
    optional_string(out, "blocked_since", item.blocked_since.map(timestamp).as_deref());
    optional_string(out, "in_column_since", item.in_column_since.map(timestamp).as_deref());
}

/// `["a", "b"]`.
fn quoted_list(texts: &[String]) -> String {
    let texts: Vec<String> = texts.iter().map(|t| quoted(t)).collect();
    format!("[{}]", texts.join(", "))
}

/// `name: Some(value),` when there is a value, written as it displays.
fn optional(out: &mut String, name: &str, value: Option<impl std::fmt::Display>) {
    if let Some(value) = value {
        some(out, name, &value.to_string());
    }
}

fn start(out: &mut String, name: &str) {
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": ");
}

fn field(out: &mut String, name: &str, value: &str) {
    start(out, name);
    out.push_str(value);
    out.push_str(",\n");
}

fn number(out: &mut String, name: &str, value: impl std::fmt::Display) {
    start(out, name);
    let _ = write!(out, "{value}");
    out.push_str(",\n");
}

fn ident(out: &mut String, name: &str, value: &str) {
    field(out, name, value);
}

fn string(out: &mut String, name: &str, value: &str) {
    start(out, name);
    push_quoted(out, value);
    out.push_str(",\n");
}

fn some(out: &mut String, name: &str, value: &str) {
    start(out, name);
    out.push_str("Some(");
    out.push_str(value);
    out.push_str("),\n");
}

fn optional_string(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        start(out, name);
        out.push_str("Some(");
        push_quoted(out, value);
        out.push_str("),\n");
    }
}

/// A RON string literal, escaped as the RON serializer escapes (`char::escape_debug`).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    // Runs of plain printable ASCII are copied in one go; everything else is escaped char by
    // char exactly as `char::escape_debug` does.
    let plain = |b: u8| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'\'';
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if c.is_ascii() && plain(c as u8) {
            continue;
        }
        out.push_str(&text[run..at]);
        out.extend(c.escape_debug());
        run = at + c.len_utf8();
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// A timestamp as chrono's serializer writes it.
fn timestamp(time: Timestamp) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
