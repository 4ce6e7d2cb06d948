//! What an import would do, worked out before anything changes: items created, items updated
//! field by field, unchanged, conflicts (changed here and there since the last import: this
//! board's value kept, the source's reported) and items gone from the source (reported, never
//! deleted). `--dry-run` prints it; the import applies its one edit (docs/guide/import-export.md).

use serde_json::Value;

use crate::domain::change::Op;
use crate::model::ItemId;

/// A field an import changes: its name (one of `wanted::NAMES`, or `links`), before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub name: &'static str,
    pub from: Value,
    pub to: Value,
}

/// A field changed both on this board and at the source since the last import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub id: ItemId,
    pub key: String,
    pub field: &'static str,
    /// This board's value, which stays.
    pub local: Value,
    /// The source's value, reported and journaled, not applied.
    pub source: Value,
}

/// The import worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub system: &'static str,
    pub origin: String,
    /// Records read from the file.
    pub read: usize,
    /// New items: id, key and title.
    pub created: Vec<(ItemId, String, String)>,
    /// Items changed: id, key and the fields.
    pub updated: Vec<(ItemId, String, Vec<FieldChange>)>,
    pub unchanged: usize,
    pub conflicts: Vec<Clash>,
    /// Items an earlier import of this source created that the file no longer has: id and key.
    pub gone: Vec<(ItemId, String)>,
    /// The one edit (and its summary) that carries it out; an empty batch when nothing changes.
    pub op: Op,
}

impl Plan {
    /// "imported 140 from github.com/acme/shop: 132 new, 8 updated, 1 conflict".
    pub fn summary(&self) -> String {
        let mut parts =
            vec![format!("{} new", self.created.len()), format!("{} updated", self.updated.len())];
        if self.unchanged > 0 {
            parts.push(format!("{} unchanged", self.unchanged));
        }
        if !self.conflicts.is_empty() {
            parts.push(crate::words::count(self.conflicts.len(), "conflict"));
        }
        if !self.gone.is_empty() {
            parts.push(format!("{} gone from the source", self.gone.len()));
        }
        format!("imported {} from {}: {}", self.read, self.origin, parts.join(", "))
    }
}
