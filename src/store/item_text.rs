//! Writing one item in the board file's layout, field by field, the way the RON serializer
//! would (a test holds them to the same bytes) but many times faster: saving a large board
//! rewrites only the items that changed.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, SecondsFormat, Timelike};

use super::layout::{FIELD, ITEM_CLOSE, ITEM_OPEN};
use crate::model::{Item, Source, Timestamp};

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
        start(out, "tags");
        push_quoted_list(out, &item.tags);
        out.push_str(",\n");
    }
    optional_string(out, "assignee", item.assignee.as_deref());
    if !item.description.is_empty() {
        string(out, "description", &item.description);
    }
    if !item.checklist.is_empty() {
        start(out, "checklist");
        push_list(out, &item.checklist, |out, entry| {
            out.push_str("(text: ");
            push_quoted(out, &entry.text);
            let _ = write!(out, ", done: {})", entry.done);
        });
        out.push_str(",\n");
    }
    if !item.links.is_empty() {
        start(out, "links");
        push_list(out, &item.links, |out, link| {
            let _ = write!(out, "{link}");
        });
        out.push_str(",\n");
    }
    workflow_fields(out, item);
    start(out, "created");
    push_quoted_timestamp(out, item.created);
    out.push_str(",\n");
    start(out, "updated");
    push_quoted_timestamp(out, item.updated);
    out.push_str(",\n");
    out.push_str(ITEM_CLOSE);
    out.push('\n');
}

/// The fields the workflows set (discovery, two-stage, evidence, phased delivery, sprints,
/// blocking, age in column, a forced done), in the order of [`Item`]'s fields.
fn workflow_fields(out: &mut String, item: &Item) {
    optional_string(out, "question", item.question.as_deref());
    optional_with(out, "timebox", item.timebox, push_quoted_date);
    optional_string(out, "outcome", item.outcome.as_deref());
    optional_string(out, "learned", item.learned.as_deref());
    optional_string(out, "drop_reason", item.drop_reason.as_deref());
    optional(out, "promoted_from", item.promoted_from);
    optional(out, "severity", item.severity.map(|s| s.name()));
    optional(out, "follow_up_of", item.follow_up_of);
    optional_with(out, "accepted", item.accepted, push_quoted_date);
    optional_with(out, "finished", item.finished, push_quoted_timestamp);
    optional_string(out, "accepted_by", item.accepted_by.as_deref());
    optional_string(out, "acceptance_note", item.acceptance_note.as_deref());
    optional_with(out, "criteria", item.criteria.as_deref(), push_quoted_list);
    optional(out, "experiment", item.experiment);
    optional_string(out, "variant", item.variant.as_deref());
    optional(out, "winner", item.winner);
    optional_string(out, "initiative", item.initiative.as_deref());
    optional(out, "phase", item.phase.map(|p| p.name()));
    optional_string(out, "sprint", item.sprint.as_deref());
    optional_string(out, "blocked", item.blocked.as_deref());
    optional_with(out, "blocked_since", item.blocked_since, push_quoted_timestamp);
    optional_with(out, "in_column_since", item.in_column_since, push_quoted_timestamp);
    optional_string(out, "forced", item.forced.as_deref());
    optional(out, "anticipated_debt", item.anticipated_debt);
    if !item.measures.is_empty() {
        start(out, "measures");
        push_list(out, &item.measures, |out, m| {
            out.push_str("(name: ");
            push_quoted(out, &m.name);
            out.push_str(", before: ");
            push_quoted(out, m.before.as_str());
            out.push_str(", after: ");
            push_quoted(out, m.after.as_str());
            if let Some(unit) = &m.unit {
                out.push_str(", unit: Some(");
                push_quoted(out, unit);
                out.push(')');
            }
            out.push(')');
        });
        out.push_str(",\n");
    }
    optional(out, "drag", item.drag);
    optional_with(out, "source", item.source.as_deref(), push_source);
}

/// `(system: "github", origin: "…", key: "gh:1", url: Some("…"), fields: {"a": "b"}, last: {})`
/// as RON writes a struct past the depth limit: on one line, empty parts left out.
fn push_source(out: &mut String, source: &Source) {
    out.push_str("(system: ");
    push_quoted(out, &source.system);
    out.push_str(", origin: ");
    push_quoted(out, &source.origin);
    out.push_str(", key: ");
    push_quoted(out, &source.key);
    if let Some(url) = &source.url {
        out.push_str(", url: Some(");
        push_quoted(out, url);
        out.push(')');
    }
    for (name, map) in [("fields", &source.fields), ("last", &source.last)] {
        if map.is_empty() {
            continue;
        }
        out.push_str(", ");
        out.push_str(name);
        out.push_str(": {");
        for (n, (key, value)) in map.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            push_quoted(out, key);
            out.push_str(": ");
            push_quoted(out, value);
        }
        out.push('}');
    }
    out.push(')');
}

fn start(out: &mut String, name: &str) {
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": ");
}

fn number(out: &mut String, name: &str, value: impl std::fmt::Display) {
    start(out, name);
    let _ = write!(out, "{value}");
    out.push_str(",\n");
}

fn ident(out: &mut String, name: &str, value: &str) {
    start(out, name);
    out.push_str(value);
    out.push_str(",\n");
}

fn string(out: &mut String, name: &str, value: &str) {
    start(out, name);
    push_quoted(out, value);
    out.push_str(",\n");
}

/// `name: Some(value),` when there is a value, `value` written by `write`.
fn optional_with<T>(out: &mut String, name: &str, value: Option<T>, write: impl FnOnce(&mut String, T)) {
    if let Some(value) = value {
        start(out, name);
        out.push_str("Some(");
        write(out, value);
        out.push_str("),\n");
    }
}

/// `name: Some(value),` when there is a value, written as it displays.
fn optional(out: &mut String, name: &str, value: Option<impl std::fmt::Display>) {
    optional_with(out, name, value, |out, value| {
        let _ = write!(out, "{value}");
    });
}

fn optional_string(out: &mut String, name: &str, value: Option<&str>) {
    optional_with(out, name, value, push_quoted);
}

/// `[a, b]`, each element written by `write`.
fn push_list<T>(out: &mut String, elements: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (n, element) in elements.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        write(out, element);
    }
    out.push(']');
}

/// `["a", "b"]`.
fn push_quoted_list(out: &mut String, texts: &[String]) {
    push_list(out, texts, |out, text| push_quoted(out, text));
}

/// A string as RON writes it: printable ASCII as is, everything else escaped.
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    let plain = |b: u8| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'\'';
    // Byte by byte: a byte of a multi-byte character is never plain, so runs end on characters.
    let (mut run, mut at) = (0, 0);
    while let Some(&b) = text.as_bytes().get(at) {
        if plain(b) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        out.push_str(&text[run..at]);
        match c {
            // The escapes met most (quotes inside quoted JSON, line breaks), as `escape_debug`
            // writes them.
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.extend(c.escape_debug()),
        }
        at += c.len_utf8();
        run = at;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// A date as chrono's serializer writes it (`"2026-03-02"`), digit by digit for the years
/// 0 to 9999.
fn push_quoted_date(out: &mut String, date: NaiveDate) {
    out.push('"');
    push_any_date(out, date);
    out.push('"');
}

/// A date as chrono's serializer writes it, without the quotes (the JSON output takes it too).
pub fn date_text(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_any_date(&mut out, date);
    out
}

fn push_any_date(out: &mut String, date: NaiveDate) {
    if (0..=9999).contains(&date.year()) {
        push_date(out, date);
    } else {
        let _ = write!(out, "{date}");
    }
}

/// A timestamp as chrono's serializer writes it (RFC 3339 in UTC, with as many digits of the
/// fraction as it needs: none, 3, 6 or 9), digit by digit for the years 0 to 9999; a leap
/// second or another year goes through chrono itself.
fn push_quoted_timestamp(out: &mut String, time: Timestamp) {
    out.push('"');
    push_timestamp(out, time);
    out.push('"');
}

/// A timestamp as chrono's serializer writes it, without the quotes (the JSON output takes it
/// too: chrono's own writer took a tenth of `list --json`).
pub fn timestamp_text(time: Timestamp) -> String {
    let mut out = String::with_capacity(20);
    push_timestamp(&mut out, time);
    out
}

fn push_timestamp(out: &mut String, time: Timestamp) {
    let nanos = time.nanosecond();
    if !(0..=9999).contains(&time.year()) || nanos >= 1_000_000_000 {
        out.push_str(&time.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        return;
    }
    push_date(out, time.date_naive());
    out.push('T');
    push_digits(out, time.hour(), 2);
    out.push(':');
    push_digits(out, time.minute(), 2);
    out.push(':');
    push_digits(out, time.second(), 2);
    match nanos {
        0 => {}
        n if n % 1_000_000 == 0 => push_fraction(out, n / 1_000_000, 3),
        n if n % 1_000 == 0 => push_fraction(out, n / 1_000, 6),
        n => push_fraction(out, n, 9),
    }
    out.push('Z');
}

fn push_date(out: &mut String, date: NaiveDate) {
    push_digits(out, date.year().unsigned_abs(), 4);
    out.push('-');
    push_digits(out, date.month(), 2);
    out.push('-');
    push_digits(out, date.day(), 2);
}

fn push_fraction(out: &mut String, value: u32, width: u32) {
    out.push('.');
    push_digits(out, value, width);
}

/// `value` in decimal, zero-padded to `width` digits (`value` has at most `width` digits).
fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}
