//! The board as GitHub-issues-shaped JSON, as `gh issue list --json number,title,body,labels,
//! assignees,state,milestone,url,createdAt,closedAt` prints it: track, stage, kind and estimate
//! as labels (`discovery`, `stage-two`, `kind:bug`, `estimate:5`), the sprint as the milestone.

use serde_json::{Value, json};

use super::{in_board_order, labels};
use crate::model::Board;

/// The JSON text: an array of issues numbered by item id.
pub fn write(board: &Board) -> String {
    let issues: Vec<Value> = in_board_order(board)
        .into_iter()
        .flat_map(|(_, column, items)| items.into_iter().map(move |it| (column.done, it)))
        .map(|(done, item)| {
            json!({
                "number": item.id,
                "title": item.title,
                "body": item.description,
                "labels": labels(item, ':').into_iter().map(|name| json!({"name": name})).collect::<Vec<_>>(),
                "assignees": item.assignee.iter().map(|login| json!({"login": login})).collect::<Vec<_>>(),
                "state": if done { "CLOSED" } else { "OPEN" },
                "milestone": item.sprint.as_ref().map(|title| json!({"title": title})),
                "url": item.source.as_ref().and_then(|s| s.url.clone()),
                "createdAt": item.created,
                "closedAt": item.finished,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
