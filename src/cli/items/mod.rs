//! The commands about items: `init` and `add` (the two that create a board), `show`, `stats`,
//! `check`, `list`, `edit`, `block` and `unblock`.

pub(super) mod block;
pub(super) mod create;
pub(super) mod edit;
pub(super) mod inspect;
pub(super) mod list;
