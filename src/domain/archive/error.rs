//! Why an archive or unarchive request is refused, in one sentence each.

use crate::model::ItemId;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    #[error("item #{0} does not exist")]
    NoSuchItem(ItemId),
    #[error("item #{0} is already archived")]
    AlreadyArchived(ItemId),
    #[error("item #{0} is on the board, not in the archive")]
    NotArchived(ItemId),
    #[error("item #{id} is in \"{column}\", not in a done column; only finished items are archived")]
    NotDone { id: ItemId, column: String },
    #[error("no item to archive: {0}")]
    Nothing(String),
    #[error("no item given")]
    NoIds,
    #[error(
        "item #{0} is both on the board and in the archive as two different items (created at \
         different times); remove one copy by hand"
    )]
    Duplicate(ItemId),
}
