//! Keeping up with other writers on the board screen: values of this session that a conflict did
//! not apply, and applying them after all.

pub mod conflicts;
