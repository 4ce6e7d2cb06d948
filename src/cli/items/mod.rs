//! The commands about items and the board they are on: `init` and `add` (the two that create a
//! board), `rename`, `policy`, `move`, `show`, `stats`, `check`, `list`, `edit`, `block`,
//! `unblock`, `restore` and `trash`.

pub(super) mod block;
pub(super) mod board;
pub(super) mod create;
pub(super) mod edit;
pub(super) mod inspect;
pub(super) mod list;
pub(super) mod restore;
