//! From the terminal to actions: the bindable actions, the keymap (defaults and the user's file),
//! which mode carries out which action, the mouse and pasted text.

pub(crate) mod accepts;
pub mod action;
pub mod fuzzy;
pub mod keymap;
pub mod keymap_file;
pub mod mouse;
pub mod paste;
