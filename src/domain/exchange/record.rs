//! The neutral record every reader produces: one item as another tool had it, before any mapping.

use std::collections::BTreeMap;

use crate::model::{CheckEntry, ItemId, Kind, Stage, Track};

/// One item read from another tool.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// Its key there, unique within the source (`gh:123`, `SHOP-12`).
    pub key: String,
    /// Where it was in the file, for messages (`row 12`, `index 4`, `line 30`).
    pub at: String,
    pub url: Option<String>,
    pub title: String,
    pub description: String,
    /// The source's status, list or lane, as it wrote it.
    pub status: Option<String>,
    /// Closed, resolved, archived or ticked: done whatever the status says.
    pub closed: bool,
    /// Labels (and the issue type): the mapping reads track, stage, kind and estimate from them.
    pub labels: Vec<String>,
    pub assignee: Option<String>,
    /// Story points or an estimate field, when the source has one.
    pub estimate: Option<u32>,
    pub sprint: Option<String>,
    /// A milestone (GitHub): a sprint when the mapping asks for it.
    pub milestone: Option<String>,
    pub checklist: Vec<CheckEntry>,
    /// Keys of related records of the same source (sub-issues, blocked by, parent, epic).
    pub links: Vec<String>,
    /// twotrack's own id, when the file carries it (its own export, an Obsidian block id).
    pub id: Option<ItemId>,
    /// Exact labels, when the file is twotrack's own (no mapping applies to these).
    pub exact: Option<Exact>,
    /// Everything else the source said, by its name for it.
    pub fields: BTreeMap<String, String>,
}

/// twotrack's own labels of a record read from twotrack's output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exact {
    pub track: Track,
    pub stage: Stage,
    pub kind: Kind,
    pub column: String,
    /// When it was created there: the same item of this board has the same stamp.
    pub created: Option<crate::model::Timestamp>,
}

/// Everything one file held: which tool, which project there, and its records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// The tool: `github`, `jira`, `linear`, `trello`, `obsidian`, `twotrack`.
    pub system: &'static str,
    /// The project, repository, board or file there (`github.com/acme/shop`).
    pub origin: String,
    pub records: Vec<Record>,
    /// The board the file was written from, when it says (twotrack's Obsidian export): its
    /// block ids `^tt-12` name this board's items when the names agree.
    pub board: Option<String>,
}

impl Record {
    /// Keeps a field the mapping does not use, when it says something.
    pub fn keep(&mut self, name: &str, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.fields.insert(name.to_owned(), value.to_owned());
        }
    }
}
