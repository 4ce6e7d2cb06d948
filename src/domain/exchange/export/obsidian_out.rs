//! The board as an Obsidian Kanban board: a lane per column (discovery's first), cards with
//! `#discovery`, `#stage-two`, `#kind/bug`, `#estimate/5` and `#assignee/name` tags (a name
//! with a space as `[assignee:: Alice Smith]`), the sprint
//! as an inline field `[sprint:: Sprint 3]` (the plugin shows Dataview's inline fields; a tag
//! cannot hold a space), `<br>` for the description's lines and checklist, `**Complete**` over done columns, the plugin's
//! settings block, and each card's id as a block id `^tt-12` so an import finds it again.

use super::{in_board_order, labels};
use crate::model::{Board, Item};

/// The Markdown file the Kanban plugin opens.
pub fn write(board: &Board) -> String {
    let mut out =
        format!("---\n\nkanban-plugin: board\ntwotrack-board: {}\n\n---\n\n", one_line(&board.name));
    for (_, column, items) in in_board_order(board) {
        out.push_str(&format!("## {}\n\n", one_line(&column.name)));
        if column.done {
            out.push_str("**Complete**\n");
        }
        for item in items {
            out.push_str(&card(item, column.done));
        }
        out.push_str("\n\n");
    }
    out.push_str("%% kanban:settings\n```\n{\"kanban-plugin\":\"board\"}\n```\n%%\n");
    out
}

fn card(item: &Item, done: bool) -> String {
    let mut text = one_line(&item.title);
    for label in labels(item, '/') {
        text.push_str(" #");
        text.push_str(&label);
    }
    // A name with a space as an inline field: a tag would join its words with `-`.
    match &item.assignee {
        Some(assignee) if assignee.contains(char::is_whitespace) => {
            text.push_str(&format!(" [assignee:: {}]", one_line(assignee)));
        }
        Some(assignee) => text.push_str(&format!(" #assignee/{assignee}")),
        None => {}
    }
    if let Some(sprint) = &item.sprint {
        text.push_str(&format!(" [sprint:: {}]", one_line(sprint)));
    }
    for line in item.description.lines() {
        text.push_str("<br>");
        text.push_str(&one_line(line));
    }
    for entry in &item.checklist {
        text.push_str(if entry.done { "<br>- [x] " } else { "<br>- [ ] " });
        text.push_str(&one_line(&entry.text));
    }
    format!("- [{}] {text} ^tt-{}\n", if done { "x" } else { " " }, item.id)
}

/// Text on one line of Markdown: line breaks as spaces.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}
