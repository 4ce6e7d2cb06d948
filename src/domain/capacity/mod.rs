//! Capacity: planned work split by track and by stage against the policy's targets, and
//! work-in-progress limits.

mod split;
pub mod wip;

pub use self::split::{AssigneeLoad, Basis, Capacity, Share, TOLERANCE};
