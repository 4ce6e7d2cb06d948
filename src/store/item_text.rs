//! Writing one item in the board file's layout, field by field, the way the RON serializer
//! would (a test holds them to the same bytes) but many times faster: saving a large board
//! rewrites only the items that changed.

use std::fmt::Write;

use chrono::SecondsFormat;

use crate::domain::{Item, Timestamp};

/// Indentation of an item's fields: items sit two levels deep in the file.
const FIELD: &str = "            ";

/// Appends `item` as it appears in the items list, from `        (` to `        ),\n`.
pub fn write_item(out: &mut String, item: &Item) {
    out.push_str("        (\n");
    number(out, "id", item.id);
    string(out, "title", &item.title);
    ident(out, "track", item.track.name());
    string(out, "column", &item.column);
    number(out, "stage", item.stage.number());
    number(out, "rank", item.rank);
    ident(out, "kind", item.kind.name());
    if let Some(estimate) = item.estimate {
        some(out, "estimate", &estimate.to_string());
    }
    if !item.tags.is_empty() {
        let tags: Vec<String> = item.tags.iter().map(|t| quoted(t)).collect();
        field(out, "tags", &format!("[{}]", tags.join(", ")));
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
    optional_string(out, "question", item.question.as_deref());
    if let Some(date) = item.timebox {
        some(out, "timebox", &quoted(&date.to_string()));
    }
    optional_string(out, "outcome", item.outcome.as_deref());
    optional_string(out, "learned", item.learned.as_deref());
    optional_string(out, "drop_reason", item.drop_reason.as_deref());
    if let Some(id) = item.promoted_from {
        some(out, "promoted_from", &id.to_string());
    }
    if let Some(severity) = item.severity {
        some(out, "severity", severity.name());
    }
    if let Some(id) = item.follow_up_of {
        some(out, "follow_up_of", &id.to_string());
    }
    if let Some(date) = item.accepted {
        some(out, "accepted", &quoted(&date.to_string()));
    }
    if let Some(time) = item.finished {
        some(out, "finished", &quoted(&timestamp(time)));
    }
    optional_string(out, "sprint", item.sprint.as_deref());
    optional_string(out, "blocked", item.blocked.as_deref());
    if let Some(time) = item.blocked_since {
        some(out, "blocked_since", &quoted(&timestamp(time)));
    }
    if let Some(time) = item.in_column_since {
        some(out, "in_column_since", &quoted(&timestamp(time)));
    }
    string(out, "created", &timestamp(item.created));
    string(out, "updated", &timestamp(item.updated));
    out.push_str("        ),\n");
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
