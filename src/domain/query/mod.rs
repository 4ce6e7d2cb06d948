//! Reading the board: search, how long an item has sat, links seen from the other end, and the
//! evidence about one item.

pub mod age;
pub mod backlinks;
pub mod evidence;
pub mod search;
