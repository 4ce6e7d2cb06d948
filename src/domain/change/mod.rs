//! Changing a board: an [`Edit`] is one exact change and [`crate::model::Board::apply`] performs
//! it, returning the edit that undoes it; the ops turn a user's request ("move #5 to Review") into
//! an edit with a summary. Also the undo history and the check that a step still holds, the
//! field-by-field view of an item that merges and the journal compare, and the rules a board read
//! from a file must satisfy.

mod apply;
pub mod blocking;
pub mod done;
pub mod edit;
pub mod estimate;
pub mod fields;
pub mod history;
pub mod holds;
pub mod initiative_edit;
pub mod op_error;
pub mod ops;
pub mod placement;
pub mod references;
pub mod run;
pub mod settings;
pub mod validate;

pub use self::edit::{Edit, EditError, ItemChange};
pub use self::ops::{NewItem, Op, OpError};
