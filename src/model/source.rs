//! Where an imported item came from: the other tool, its key there, and what was read from it
//! (docs/guide/import-export.md, "Running it again").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The record an import keeps on each item it created, so that nothing read is thrown away and
/// a later import of the same source finds the item again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The tool: `github`, `jira`, `linear`, `trello`, `obsidian` or `twotrack`.
    pub system: String,
    /// The project, repository, board or file within that tool (`github.com/acme/shop`).
    pub origin: String,
    /// The item's key there, as people say it (`gh:123`, `SHOP-12`): found by the search.
    pub key: String,
    /// The item's page at the source, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the source said that no field of twotrack holds, by the source's name for it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// The twotrack fields as the last import set them (each value as JSON text): a field that
    /// differs from this was changed here; a source value that differs was changed there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub last: BTreeMap<String, String>,
}

impl Source {
    /// Whether `other` names the same item at the same source.
    pub fn same_as(&self, other: &Source) -> bool {
        self.system == other.system && self.origin == other.origin && self.key == other.key
    }
}

/// `gh:123 (github.com/acme/shop) https://github.com/acme/shop/issues/123`: the key, where it
/// lives and its page, as the details and `show` print it.
impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.key, self.origin)?;
        match &self.url {
            Some(url) => write!(f, " {url}"),
            None => Ok(()),
        }
    }
}
