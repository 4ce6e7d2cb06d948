//! The team's rhythm: planning sprints (start, commit, close) at the cadence of the board's
//! model, the figures a sprint records when it closes, the standup, the sprint review and the
//! retrospective, and the documents they are written as.
//!
//! For the other parts of the program:
//! - [`cadence::mismatch`] says whether an item's stage is not the one its sprint is given to
//!   (stage-one work in a refinement sprint, stage-two work in a delivery sprint; discovery work
//!   and split sprints never mismatch); [`cadence::mismatched`] lists a sprint's such items.
//!   Ask before committing one, show them in the capacity view; a close reports those it rolls.
//! - [`cadence::next_stage`] and [`cadence::default_name`]: what the next sprint is for and what
//!   it is called, counted over the board's sprints.
//! - [`dates::End`] reads a sprint's end (`2026-12-04`, `10d`, `2w`, the first day included);
//!   the command line and the board screen both read dates through [`dates`].
//! - [`closing::outlook`] is what a close would do (the next sprint, the mismatched items)
//!   before [`closing::close`] does it.

pub mod at_close;
pub mod cadence;
pub mod closing;
pub mod dates;
pub mod doc;
pub mod figures;
pub mod flow;
pub mod planning;
pub mod report;
pub mod retro;
pub mod standup;
mod standup_doc;
