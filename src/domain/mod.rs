//! The rules of the board, by concept: no terminal, no files, no clock. `change` is the one way a
//! board changes; every concept folder builds on `model` and `change`, never the other way round.

pub mod archive;
pub mod capacity;
pub mod change;
pub mod dual_track;
pub mod exchange;
pub mod phases;
pub mod query;
pub mod rhythm;
pub mod team;
pub mod two_stage;
