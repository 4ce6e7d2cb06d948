//! `sprint start|close|list`: planning on the command line (`commit` and `uncommit` are in
//! `commit.rs`).

use std::fmt::Write;

use anyhow::{Result, bail};
use serde_json::{Value, json};

use crate::cli::print::output;
use crate::cli::print::output::println;
use crate::cli::target::Target;
use crate::cli::{SprintArgs, SprintCommand};
use crate::domain::rhythm::cadence;
use crate::domain::rhythm::closing::{self, Next};
use crate::domain::rhythm::dates::{self, End};
use crate::domain::rhythm::planning::{self, NewSprint};
use crate::model::{Board, Model, Sprint, Tally, Timestamp};
use crate::words::count;

/// The typed values of a sprint's options, read before the board is locked, so that bad input
/// changes nothing.
struct Typed {
    end: Option<End>,
    capacity: Option<u32>,
    delivery_sprints: Option<u8>,
}

impl Typed {
    fn of(args: &SprintArgs) -> Result<Typed> {
        Ok(Typed {
            end: args.end.as_deref().map(End::parse).transpose()?,
            capacity: args.capacity.as_deref().map(capacity_of).transpose()?,
            delivery_sprints: args.delivery_sprints.as_deref().map(cadence::delivery_sprints).transpose()?,
        })
    }
}

pub fn run(target: Target, command: SprintCommand, now: Timestamp) -> Result<()> {
    let today = now.date_naive();
    match command {
        SprintCommand::Start { name, start, sprint } => {
            let start = start.map(|text| dates::date(&text, "start")).transpose()?.unwrap_or(today);
            let typed = Typed::of(&sprint)?;
            let op = target.change(now, |board| {
                let last = planning::defaults(board);
                let new = NewSprint {
                    name,
                    start,
                    end: typed.end.unwrap_or(End::Days(last.days)).from(start),
                    capacity: typed.capacity.unwrap_or(last.capacity),
                    model: sprint.model.unwrap_or(last.model),
                    stage: sprint.stage,
                    delivery_sprints: typed.delivery_sprints.or(last.delivery_sprints),
                    goal: sprint.goal,
                };
                planning::start(board, new)
            })?;
            println(&op.summary)?;
        }
        SprintCommand::Close { rollover, backlog, next, sprint } => {
            let typed = Typed::of(&sprint)?;
            let next = Next {
                name: next,
                end: typed.end,
                capacity: typed.capacity,
                model: sprint.model,
                delivery_sprints: typed.delivery_sprints,
                stage: sprint.stage,
                goal: sprint.goal,
                backlog,
            };
            let op = target.change(now, |board| closing::close(board, rollover, next, now))?;
            println(&op.summary)?;
            crate::cli::archive::after_close(target, now)?;
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

fn capacity_of(text: &str) -> Result<u32> {
    match text.trim().parse::<u32>() {
        Ok(points) => Ok(points),
        Err(_) => bail!("the capacity must be a whole number of points (0 or more), not `{text}`"),
    }
}

/// A sprint as `sprint list --json` prints it: its settings, the days without a sprint before
/// it, and its figures once closed.
fn sprint_json(board: &Board, sprint: &Sprint) -> Value {
    json!({
        "name": sprint.name,
        "start": sprint.start,
        "end": sprint.end,
        "days": dates::length(sprint),
        "gap_before": previous(board, sprint).map(|before| dates::gap(before, sprint)),
        "capacity": sprint.capacity,
        "model": sprint.model.name(),
        "kind": sprint.kind().name(),
        "stage": sprint.stage.map(|s| s.number()),
        "delivery_sprints": (sprint.model == Model::Cycle).then(|| sprint.delivery_sprints()),
        "goal": sprint.goal,
        "open": sprint.is_open(),
        "committed": sprint.is_open().then(|| {
            let now = committed(board, sprint);
            json!({"items": now.items, "points": now.points})
        }),
        "mismatched": cadence::mismatched(board, sprint).map(|m| m.id).collect::<Vec<_>>(),
        "figures": sprint.figures.as_ref().map(|f| serde_json::to_value(f).unwrap_or(Value::Null)),
    })
}

/// The sprint that ended last before `sprint` starts.
fn previous<'b>(board: &'b Board, sprint: &Sprint) -> Option<&'b Sprint> {
    board.sprints.iter().filter(|s| s.name != sprint.name && s.start <= sprint.start).max_by_key(|s| s.end)
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
        "{:<width$}  {:<24}  {:<28}  {:>8}  {:>9}  {:>6}  {:<16}  status\n",
        "sprint", "dates", "model", "capacity", "committed", "done", "stage two"
    );
    for sprint in &board.sprints {
        if let Some(days) =
            previous(board, sprint).map(|before| dates::gap(before, sprint)).filter(|d| *d > 0)
        {
            let _ = writeln!(out, "{:<width$}  ({} without a sprint)", "", count(u64::from(days), "day"));
        }
        let dates = format!("{} to {}", sprint.start, sprint.end);
        let _ = write!(
            out,
            "{:<width$}  {dates:<24}  {:<28}  {:>8}  ",
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
        if let Some(goal) = &sprint.goal {
            let _ = writeln!(out, "{:<width$}  goal: {goal}", "");
        }
    }
    out
}
