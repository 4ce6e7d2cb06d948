//! The board as a Markdown document to paste into a wiki or an issue: a section per column with
//! its items as a list (id, title, labels, estimate, assignee).

use super::in_board_order;
use crate::model::Board;

/// The Markdown text.
pub fn write(board: &Board) -> String {
    let mut out = format!("# {}\n", board.name);
    for (track, column, items) in in_board_order(board) {
        out.push_str(&format!("\n## {} / {} ({})\n\n", track.name(), column.name, items.len()));
        for item in items {
            let mut facts = vec![item.kind.name().to_owned(), format!("stage {}", item.stage.number())];
            facts.extend(item.estimate.map(|e| format!("{e} pt")));
            facts.extend(item.assignee.as_ref().map(|a| format!("@{a}")));
            facts.extend(item.tags.iter().map(|t| format!("#{t}")));
            facts.extend(item.source.as_ref().map(|s| s.key.clone()));
            let title = item.title.replace(['\n', '\r'], " ");
            out.push_str(&format!("- **#{}** {title} ({})\n", item.id, facts.join(", ")));
        }
    }
    out
}
