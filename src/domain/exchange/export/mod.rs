//! The board sent out: Obsidian Kanban Markdown, a Jira CSV for Jira's CSV importer, a
//! GitHub-issues-shaped JSON, a Markdown document and a plain CSV (docs/guide/import-export.md,
//! "Export"). Each writer takes the board and gives the file's text.

pub mod github_json;
pub mod jira_csv;
pub mod markdown;
pub mod obsidian_out;
pub mod plain_csv;

use crate::model::{Board, Item, Stage, Track};

/// A format `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Obsidian,
    JiraCsv,
    GithubJson,
    Markdown,
    Csv,
}

impl Target {
    pub const ALL: [Target; 5] =
        [Target::Obsidian, Target::JiraCsv, Target::GithubJson, Target::Markdown, Target::Csv];

    /// Its name on the command line (`export jira-csv`).
    pub fn name(self) -> &'static str {
        match self {
            Target::Obsidian => "obsidian",
            Target::JiraCsv => "jira-csv",
            Target::GithubJson => "github-json",
            Target::Markdown => "markdown",
            Target::Csv => "csv",
        }
    }

    /// The board as this format's text.
    pub fn write(self, board: &Board) -> String {
        match self {
            Target::Obsidian => obsidian_out::write(board),
            Target::JiraCsv => jira_csv::write(board),
            Target::GithubJson => github_json::write(board),
            Target::Markdown => markdown::write(board),
            Target::Csv => plain_csv::write(board),
        }
    }
}

/// The board's items column by column (discovery's columns first), each column in lane order:
/// the order every export lists them in.
pub fn in_board_order(board: &Board) -> Vec<(Track, &crate::model::Column, Vec<&Item>)> {
    let mut out = Vec::new();
    for track in Track::ALL {
        for column in &board.track(track).columns {
            let mut items: Vec<&Item> =
                board.items().iter().filter(|it| it.track == track && it.column == column.id).collect();
            items.sort_by_key(|it| (it.stage, it.rank, it.id));
            out.push((track, column, items));
        }
    }
    out
}

/// The labels that carry what other tools have no field for: the discovery track, stage two,
/// the kind, the estimate, then the item's own tags (spaces as `-`, which labels cannot hold).
pub fn labels(item: &Item, separator: char) -> Vec<String> {
    let mut out = Vec::new();
    if item.track == Track::Discovery {
        out.push("discovery".to_owned());
    }
    if item.stage == Stage::Two {
        out.push("stage-two".to_owned());
    }
    out.push(format!("kind{separator}{}", item.kind.name()));
    out.extend(item.estimate.map(|e| format!("estimate{separator}{e}")));
    out.extend(item.tags.iter().map(|t| t.split_whitespace().collect::<Vec<_>>().join("-")));
    out
}
