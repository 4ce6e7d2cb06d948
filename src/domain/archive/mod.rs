//! The archive: done items moved off the board into `<board>.archive.ron` (docs/FORMAT.md, "The
//! archive"), which choices are allowed, and how an item goes back. Pure: the file is
//! `store::archive`, the write order is `session::archive`.
//!
//! The archive is held as a [`Board`] whose items are the archived ones: the same canonical
//! layout, the same reader with line and column, the same merge driver.

mod error;
mod filing;
mod select;

#[cfg(test)]
mod tests;

pub use error::ArchiveError;
pub use filing::{archive, filed, reconcile, set_policy, unarchive, unfiled};
pub use select::{closed_sprints, done_before, policy_due, policy_due_at_close};
