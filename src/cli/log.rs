//! `twotrack log`: the activity journal, as lines for people or as JSON. Reads only; never
//! creates or changes a file.

use std::fmt::Write;
use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use clap::Args;

use crate::domain::activity::{Action, Entry};
use crate::domain::{ItemId, Timestamp};
use crate::store::journal::Journal;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only entries since WHEN: a date (2026-11-21), a time (2026-11-21T14:00, 14:00 today),
    /// or a length of time back from now (30m, 2h, 1d, 1w). Times are UTC.
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<Timestamp>,
    /// Only entries about this item.
    #[arg(long, value_parser = super::parse_id)]
    pub item: Option<ItemId>,
    /// Print the entries as a JSON array (the journal's own fields).
    #[arg(long)]
    pub json: bool,
}

pub fn run(board: &Path, args: &LogArgs) -> Result<()> {
    let entries = Journal::of(board).entries(args.since, args.item)?;
    if args.json {
        super::output::println_json(&serde_json::to_string_pretty(&entries)?)
    } else {
        super::output::print(&text(&entries))
    }
}

/// One line per entry: time, author, a `!` on conflicts, what happened.
fn text(entries: &[Entry]) -> String {
    let width = entries.iter().map(|e| e.author.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        let mark = if entry.action == Action::Conflict { "! " } else { "" };
        let _ = writeln!(
            out,
            "{}  {:<width$}  {mark}{}",
            entry.time.format("%Y-%m-%d %H:%M"),
            entry.author,
            entry.summary
        );
    }
    if entries.is_empty() {
        out.push_str("no changes recorded\n");
    }
    out
}

/// `--since`: a bad `WHEN` is a usage error, like any other bad argument.
fn parse_when(text: &str) -> Result<Timestamp, String> {
    let now = crate::clock::now().map_err(|e| format!("{e:#}"))?;
    when(text, now).map_err(|e| e.to_string())
}

/// The time `WHEN` means, as of `now`.
pub fn when(text: &str, now: Timestamp) -> Result<Timestamp> {
    let text = text.trim();
    let bad = || {
        anyhow!(
            "`{text}` is not a time: use a date (2026-11-21), a time (2026-11-21T14:00 or 14:00) or 30m, 2h, 1d, 1w"
        )
    };
    if let Some(unit) = text.chars().last().filter(|c| "mhdw".contains(*c))
        && let Ok(n) = text[..text.len() - 1].parse::<i64>()
    {
        let length = match unit {
            'm' => Duration::try_minutes(n),
            'h' => Duration::try_hours(n),
            'd' => Duration::try_days(n),
            _ => Duration::try_weeks(n),
        };
        return length.and_then(|l| now.checked_sub_signed(l)).ok_or_else(bad);
    }
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.to_utc());
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(time.and_utc());
        }
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day.and_time(NaiveTime::MIN).and_utc());
    }
    if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M") {
        return Ok(now.date_naive().and_time(time).and_utc());
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_reads_dates_times_and_lengths_back_from_now() {
        let now = DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("now").to_utc();
        let at = |t: &str| when(t, now).expect(t).to_rfc3339();
        assert_eq!(at("2h"), "2026-11-21T08:00:00+00:00");
        assert_eq!(at("1d"), "2026-11-20T10:00:00+00:00");
        assert_eq!(at("1w"), "2026-11-14T10:00:00+00:00");
        assert_eq!(at("30m"), "2026-11-21T09:30:00+00:00");
        assert_eq!(at("2026-11-01"), "2026-11-01T00:00:00+00:00");
        assert_eq!(at("2026-11-01T14:30"), "2026-11-01T14:30:00+00:00");
        assert_eq!(at("08:15"), "2026-11-21T08:15:00+00:00");
        assert_eq!(at("2026-11-01T14:30:00+01:00"), "2026-11-01T13:30:00+00:00");
        for bad in ["yesterday", "2x", "", "99999999999999w"] {
            assert!(when(bad, now).is_err(), "{bad}");
        }
    }
}
