//! Several people on one board: the three-way merge of two versions, the activity journal's
//! entries, what a writer's unsaved changes are measured from, and what changed between two
//! versions in words.

pub mod activity;
pub mod added;
pub mod base;
pub mod changes;
pub mod merge;
pub mod trash;
