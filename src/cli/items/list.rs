//! `list`: items in board order, filtered by track, stage, column, assignee, tag, sprint and
//! blocked, printed as text, a Markdown table, CSV or JSON.

use std::path::Path;

use anyhow::Result;

use crate::cli::print::{json, text};
use crate::cli::target::open;
use crate::cli::{ListArgs, ListFormat};
use crate::domain::rhythm::planning::SprintError;
use crate::model::lanes::Lanes;
use crate::model::{Board, Item, Timestamp};

pub fn list(path: &Path, args: &ListArgs, now: Timestamp) -> Result<()> {
    let board = match args.archived {
        // The archive is a board of its own (same columns); sprints are named as the board has them.
        true => {
            let (live, archived) = crate::cli::archive::reading::both(path)?;
            if let Some(sprint) = args.sprint.as_ref().filter(|s| live.sprint(s).is_none()) {
                return Err(SprintError::NoSuchSprint(sprint.clone()).into());
            }
            archived
        }
        false => open(path)?,
    };
    let column = match &args.column {
        Some(column) => Some(crate::domain::change::ops::find_column(&board, column)?.2.id.clone()),
        None => None,
    };
    if let Some(sprint) = args.sprint.as_ref().filter(|s| !args.archived && board.sprint(s).is_none()) {
        return Err(SprintError::NoSuchSprint(sprint.clone()).into());
    }
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let lanes = Lanes::build(&board);
    let items: Vec<&Item> = lanes
        .board_order()
        .filter_map(|id| board.item(id))
        .filter(|it| args.track.is_none_or(|t| it.track == t))
        .filter(|it| args.stage.is_none_or(|s| it.stage == s))
        .filter(|it| column.as_ref().is_none_or(|c| &it.column == c))
        .filter(|it| {
            args.assignee.as_ref().is_none_or(|a| it.assignee.as_deref().is_some_and(|b| same(a, b)))
        })
        .filter(|it| args.tag.as_ref().is_none_or(|t| it.tags.iter().any(|tag| same(t, tag))))
        .filter(|it| !args.blocked || it.blocked.is_some())
        .filter(|it| args.sprint.as_ref().is_none_or(|s| it.sprint.as_ref() == Some(s)))
        .collect();
    let format = if args.json { ListFormat::Json } else { args.format };
    let out = match format {
        ListFormat::Json => {
            // Streamed item by item: at 100,000 items the whole array was 1.2 GB in memory.
            let listing = json::Listing::of(&board);
            let rows = items.iter().map(|it| json::item(&board, &listing, it, now));
            return crate::cli::print::output::println_json_seq(rows);
        }
        ListFormat::Text => text::list(&board, &items),
        ListFormat::Markdown => markdown(&board, &items),
        ListFormat::Csv => return crate::cli::print::output::print_escaped(&csv(&board, &items)),
    };
    crate::cli::print::output::print(&out)
}

/// The columns of the Markdown and CSV tables, and each item's values for them.
const HEADER: [&str; 9] = ["id", "title", "track", "column", "stage", "kind", "estimate", "tags", "assignee"];

fn row(board: &Board, item: &Item) -> [String; 9] {
    let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
    [
        item.id.to_string(),
        item.title.clone(),
        item.track.name().to_owned(),
        column.to_owned(),
        item.stage.number().to_string(),
        item.kind.name().to_owned(),
        item.estimate.map(|e| e.to_string()).unwrap_or_default(),
        item.tags.join(" "),
        item.assignee.clone().unwrap_or_default(),
    ]
}

/// A Markdown table (pipes in text escaped), ready to paste into an issue or a wiki.
fn markdown(board: &Board, items: &[&Item]) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let mut out = line(&HEADER.map(str::to_owned));
    out.push_str(&line(&HEADER.map(|_| "---".to_owned())));
    for item in items {
        out.push_str(&line(&row(board, item).map(|cell| cell.replace('|', "\\|"))));
    }
    out
}

/// CSV as RFC 4180 has it: a header row, fields with commas, quotes or line breaks quoted.
/// Each cell is escaped for the terminal here, since the row ends (CRLF) must stay as they are.
fn csv(board: &Board, items: &[&Item]) -> String {
    let field = |cell: &str| {
        // A cell a spreadsheet would take for a formula gets a `'` first (domain/exchange/cells.rs).
        let guarded = crate::domain::exchange::cells::guard(cell);
        let cell = crate::escape::for_terminal(&guarded);
        if cell.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.into_owned()
        }
    };
    let line =
        |cells: &[String]| format!("{}\r\n", cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
    let mut out = line(&HEADER.map(str::to_owned));
    for item in items {
        out.push_str(&line(&row(board, item)));
    }
    out
}
