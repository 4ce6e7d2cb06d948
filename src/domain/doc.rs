//! Structured text for the standup and the sprint review: a title, a few lines of context, and
//! sections of paragraphs, warnings, sub-headings, lists and tables. The command line prints it
//! as plain text or Markdown; the standup view draws it. Pure.

/// A document: what `standup` and `report` produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    /// Lines under the title (what the document covers).
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(String),
    /// Something to act on, shown with `!` (never colour alone).
    Warning(String),
    /// A heading inside a section (a person's name in the standup).
    Sub(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// "1 item", "3 items": a count with its word, plural unless one.
pub fn count(n: impl Into<u64>, word: &str) -> String {
    match n.into() {
        1 => format!("1 {word}"),
        n => format!("{n} {word}s"),
    }
}

impl Section {
    pub fn new(heading: impl Into<String>) -> Section {
        Section { heading: heading.into(), blocks: Vec::new() }
    }

    pub fn with(mut self, block: Block) -> Section {
        self.blocks.push(block);
        self
    }

    /// A list, unless there is nothing to list.
    pub fn list(self, items: Vec<String>) -> Section {
        if items.is_empty() { self } else { self.with(Block::List(items)) }
    }

    /// A list, or `empty` as a paragraph when there is nothing to list.
    pub fn list_or(self, items: Vec<String>, empty: &str) -> Section {
        if items.is_empty() {
            self.with(Block::Para(empty.to_owned()))
        } else {
            self.with(Block::List(items))
        }
    }
}
