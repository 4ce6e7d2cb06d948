//! Capacity: planned work split by track and by stage against the policy's targets, the open
//! sprint's room, and work-in-progress limits.

pub mod room;
mod split;
pub mod wip;

pub use self::room::{Room, SprintRoom};
pub use self::split::{AssigneeLoad, Basis, Capacity, Share, TOLERANCE, on_target};
