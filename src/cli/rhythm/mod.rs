//! The team's rhythm on the command line: sprints (`sprint`, `commit`, `uncommit`), the
//! standup, the sprint review (`report`, with its evidence sections), the retrospective
//! (`retro`) and the journal (`log`).

pub(super) mod commit;
pub mod evidence_report;
pub(super) mod log;
pub(super) mod report;
mod report_json;
pub(super) mod retro;
pub(super) mod sprint;
pub(super) mod standup;
