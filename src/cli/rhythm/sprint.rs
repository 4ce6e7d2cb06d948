//! `sprint start|close|list`: planning on the command line (`commit` and `uncommit` are in
//! `commit.rs`).

use std::fmt::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::cli::SprintCommand;
use crate::cli::print::output;
use crate::cli::print::output::println;
use crate::cli::target::Target;
use crate::domain::dual_track::timebox;
use crate::domain::rhythm::planning;
use crate::domain::rhythm::planning::{NewSprint, Next};
use crate::model::{Board, Sprint, Tally, Timestamp};

pub fn run(target: Target, command: SprintCommand, now: Timestamp) -> Result<()> {
    let today = now.date_naive();
    match command {
        SprintCommand::Start { name, end, capacity, model, start, stage } => {
            let start = match start {
                Some(text) => date(&text, today, "start")?,
                None => today,
            };
            let new = NewSprint {
                name,
                start,
                end: date(&end, start, "end")?,
                capacity: capacity_of(&capacity)?,
                model,
                stage,
            };
            let op = target.change(now, |board| planning::start(board, new))?;
            println(&op.summary)?;
        }
        SprintCommand::Close { rollover, next, end, capacity } => {
            let next = Next {
                name: next,
                end: end.map(|e| date(&e, today, "end")).transpose()?,
                capacity: capacity.map(|c| capacity_of(&c)).transpose()?,
            };
            let op = target.change(now, |board| planning::close(board, rollover, next, now))?;
            println(&op.summary)?;
        }
        SprintCommand::List { json } => {
            // Read-only: a missing board is an error, never created here.
            let board = target.open()?;
            if json {
                let rows: Vec<Value> = board.sprints.iter().map(|s| sprint_json(&board, s)).collect();
                output::println_json(&serde_json::to_string_pretty(&rows)?)?;
            } else {
                output::print(&list_text(&board, now))?;
            }
        }
    }
    Ok(())
}

/// A date (`2026-12-04`) or a length from `from` (`2w`, `10d`); `what` names the flag.
fn date(text: &str, from: NaiveDate, what: &str) -> Result<NaiveDate> {
    match timebox::parse(text, from) {
        Ok(date) => Ok(date),
        Err(_) => {
            bail!("the {what} `{text}` is not a date: give one such as 2026-12-04, or a length such as 2w")
        }
    }
}

fn capacity_of(text: &str) -> Result<u32> {
    match text.trim().parse::<u32>() {
        Ok(points) => Ok(points),
        Err(_) => bail!("the capacity must be a whole number of points (0 or more), not `{text}`"),
    }
}

/// A sprint as `sprint list --json` prints it: its settings, and its figures once closed.
fn sprint_json(board: &Board, sprint: &Sprint) -> Value {
    json!({
        "name": sprint.name,
        "start": sprint.start,
        "end": sprint.end,
        "capacity": sprint.capacity,
        "model": sprint.model.name(),
        "stage": sprint.stage.map(|s| s.number()),
        "open": sprint.is_open(),
        "committed": sprint.is_open().then(|| {
            let now = committed(board, sprint);
            json!({"items": now.items, "points": now.points})
        }),
        "figures": sprint.figures.as_ref().map(|f| serde_json::to_value(f).unwrap_or(Value::Null)),
    })
}

/// What is committed to `sprint` now.
fn committed(board: &Board, sprint: &Sprint) -> Tally {
    let mut tally = Tally::default();
    board.items().iter().filter(|it| sprint.holds(it)).for_each(|it| tally.add(it));
    tally
}

/// One line per sprint: dates, model, capacity, and what it achieved or how it stands.
fn list_text(board: &Board, now: Timestamp) -> String {
    if board.sprints.is_empty() {
        return format!("no sprints on board \"{}\" yet\n", board.name);
    }
    let width = board.sprints.iter().map(|s| s.name.chars().count()).max().unwrap_or(0).max(6);
    let mut out = format!(
        "{:<width$}  {:<24}  {:<23}  {:>8}  {:>9}  {:>6}  {:<16}  status\n",
        "sprint", "dates", "model", "capacity", "committed", "done", "stage two"
    );
    for sprint in &board.sprints {
        let dates = format!("{} to {}", sprint.start, sprint.end);
        let _ = write!(
            out,
            "{:<width$}  {dates:<24}  {:<23}  {:>8}  ",
            sprint.name,
            sprint.model_label(),
            sprint.capacity
        );
        match &sprint.figures {
            Some(f) => {
                let two = format!("{}% (target {}%)", f.stage_two_share, f.target_stage_two);
                let _ = writeln!(
                    out,
                    "{:>9}  {:>6}  {two:<16}  closed {}",
                    f.committed.total,
                    f.done.total,
                    f.closed.format("%Y-%m-%d")
                );
            }
            None => {
                let committed = committed(board, sprint).points;
                let left = (sprint.end - now.date_naive()).num_days();
                let status = match left {
                    0.. => format!("open, {left} days left"),
                    _ => format!("open, {} days past its end", -left),
                };
                let _ = writeln!(out, "{committed:>9}  {:>6}  {:<16}  {status}", "-", "-");
            }
        }
    }
    out
}
