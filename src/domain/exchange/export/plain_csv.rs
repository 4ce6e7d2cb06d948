//! The board as a plain CSV: one row per item with its place, labels and text, every cell
//! guarded against spreadsheet formulas.

use super::in_board_order;
use crate::domain::exchange::cells;
use crate::model::Board;

/// The column names of the plain CSV.
pub const HEADER: [&str; 12] = [
    "id",
    "title",
    "track",
    "column",
    "stage",
    "kind",
    "estimate",
    "tags",
    "assignee",
    "sprint",
    "source",
    "description",
];

/// The CSV text.
pub fn write(board: &Board) -> String {
    let mut rows = vec![HEADER.map(str::to_owned).to_vec()];
    for (_, column, items) in in_board_order(board) {
        for item in items {
            rows.push(vec![
                item.id.to_string(),
                item.title.clone(),
                item.track.name().to_owned(),
                column.name.clone(),
                item.stage.number().to_string(),
                item.kind.name().to_owned(),
                item.estimate.map(|e| e.to_string()).unwrap_or_default(),
                item.tags.join(" "),
                item.assignee.clone().unwrap_or_default(),
                item.sprint.clone().unwrap_or_default(),
                item.source.as_ref().map(|s| s.key.clone()).unwrap_or_default(),
                item.description.clone(),
            ]);
        }
    }
    cells::write(&rows)
}
