//! The board screen: what it shows (the view of both tracks), the selection and how the keys move
//! it, and the board keys that change items (moves, labels, estimates, undo, sprints, blocking).

pub mod charts;
pub mod keys;
pub mod off_board;
pub mod open;
pub mod quick;
pub mod refresh;
pub mod selection;
pub mod sprint;
pub mod undo;
pub mod view;
pub mod visual;
