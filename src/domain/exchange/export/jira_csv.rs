//! The board as a CSV that Jira's CSV importer accepts: its field names as headers (Summary,
//! Issue Type, Status, Description, Assignee, Story Points, Sprint), multi-values as repeated
//! columns (`Labels` once per label), an `Issue ID` per row so links can be mapped to
//! `Linked Issues`, every cell guarded against spreadsheet formulas.

use super::{in_board_order, labels};
use crate::domain::exchange::cells;
use crate::model::{Board, Item, Kind};

/// The CSV text, one row per item.
pub fn write(board: &Board) -> String {
    let items: Vec<(&str, &Item)> = in_board_order(board)
        .into_iter()
        .flat_map(|(_, column, items)| items.into_iter().map(move |it| (column.name.as_str(), it)))
        .collect();
    let most = |f: &dyn Fn(&Item) -> usize| items.iter().map(|(_, it)| f(it)).max().unwrap_or(0);
    let label_columns = most(&|it| labels(it, ':').len());
    let link_columns = most(&|it| it.links.len());
    let mut header: Vec<String> =
        ["Issue ID", "Summary", "Issue Type", "Status", "Description", "Assignee", "Story Points", "Sprint"]
            .map(str::to_owned)
            .to_vec();
    header.extend(std::iter::repeat_n("Labels".to_owned(), label_columns));
    header.extend(std::iter::repeat_n("Linked Issues".to_owned(), link_columns));
    let mut rows = vec![header];
    for (status, item) in items {
        let mut row = vec![
            item.id.to_string(),
            item.title.clone(),
            issue_type(item.kind).to_owned(),
            status.to_owned(),
            item.description.clone(),
            item.assignee.clone().unwrap_or_default(),
            item.estimate.map(|e| e.to_string()).unwrap_or_default(),
            item.sprint.clone().unwrap_or_default(),
        ];
        let mut labels = labels(item, ':');
        labels.resize(label_columns, String::new());
        row.extend(labels);
        let mut links: Vec<String> = item.links.iter().map(u64::to_string).collect();
        links.resize(link_columns, String::new());
        row.extend(links);
        rows.push(row);
    }
    cells::write(&rows)
}

/// Jira's default issue types: a bug is a Bug, a feature a Story, the rest Tasks (the kind
/// itself travels as a `kind:` label).
fn issue_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Bug => "Bug",
        Kind::Feature => "Story",
        Kind::Spike | Kind::Enabler | Kind::Debt | Kind::Action => "Task",
    }
}
