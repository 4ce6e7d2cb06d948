//! Keeping up with other writers on the board screen: saving and catching up through the
//! session, saying who changed what, and applying this session's values a conflict did not
//! apply after all.

pub mod catch_up;
pub mod conflicts;
pub mod saving;
