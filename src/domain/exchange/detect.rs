//! The formats an import reads, and telling them apart by their content when `--from` is not
//! given: JSON by its shape, CSV by its header, Markdown by the Kanban plugin's front matter.

use super::error::ExchangeError;
use super::record::Batch;
use super::{github, jira, linear, obsidian, own, trello};

/// A format `import` reads (`--from`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Github,
    Jira,
    Linear,
    Trello,
    Obsidian,
    Twotrack,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Github, Format::Jira, Format::Linear, Format::Trello, Format::Obsidian, Format::Twotrack];

    /// Its name on the command line (`--from github`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Github => "github",
            Format::Jira => "jira",
            Format::Linear => "linear",
            Format::Trello => "trello",
            Format::Obsidian => "obsidian",
            Format::Twotrack => "twotrack",
        }
    }

    /// The format called `name`.
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format of `text`, told from its content.
    pub fn detect(text: &str) -> Result<Format, ExchangeError> {
        let text = text.trim_start_matches('\u{feff}').trim_start();
        let head: String = text.chars().take(4096).collect();
        let first_line = head.lines().next().unwrap_or_default();
        let format = if text.starts_with('{') {
            if head.contains("\"lists\"") || head.contains("\"cards\"") {
                Format::Trello
            } else {
                Format::Github
            }
        } else if text.starts_with('[') {
            if head.contains("\"track\"") && head.contains("\"stage\"") {
                Format::Twotrack
            } else {
                Format::Github
            }
        } else if first_line.contains("Issue key") && first_line.contains("Summary") {
            Format::Jira
        } else if first_line.contains("ID") && first_line.contains("Title") && first_line.contains("Status") {
            Format::Linear
        } else if head.contains("kanban-plugin")
            || (head.contains("\n## ") || head.starts_with("## ")) && head.contains("- [")
        {
            Format::Obsidian
        } else {
            return Err(ExchangeError::UnknownFormat);
        };
        Ok(format)
    }

    /// The records of `text` in this format; `name` (the file's) is the origin of formats that
    /// do not name one.
    pub fn read(self, text: &str, name: &str) -> Result<Batch, ExchangeError> {
        match self {
            Format::Github => github::read(text),
            Format::Jira => jira::read(text),
            Format::Linear => linear::read(text),
            Format::Trello => trello::read(text),
            Format::Obsidian => obsidian::read(text, name),
            Format::Twotrack => own::read(text, name),
        }
    }
}
