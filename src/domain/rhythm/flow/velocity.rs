//! Velocity by stage per closed sprint and the stage-two share against its target, read from
//! the figures each sprint recorded at its close (`model::Figures`), the one definition the
//! review and the retrospective read; on target is `capacity::on_target`, the one rule.

use chrono::NaiveDate;

use crate::domain::capacity;
use crate::model::Board;

/// One closed sprint's done points and shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Velocity {
    pub sprint: String,
    pub stage_one: u32,
    pub stage_two: u32,
    /// Discovery points (of either stage) among them.
    pub discovery: u32,
    pub committed: u32,
    pub stage_two_share: u8,
    pub target_stage_two: u8,
    pub on_target: bool,
}

impl Velocity {
    pub fn done(&self) -> u32 {
        self.stage_one.saturating_add(self.stage_two)
    }
}

/// The last `last` sprints closed by the end of `until`, oldest first.
pub fn velocity(board: &Board, last: usize, until: NaiveDate) -> Vec<Velocity> {
    let mut closed: Vec<_> = board.closed_sprints().filter(|(_, f)| f.closed.date_naive() <= until).collect();
    closed.sort_by_key(|(s, f)| (s.start, f.closed));
    let skip = closed.len().saturating_sub(last);
    closed
        .into_iter()
        .skip(skip)
        .map(|(sprint, f)| Velocity {
            sprint: sprint.name.clone(),
            stage_one: f.done.stage_one,
            stage_two: f.done.stage_two,
            discovery: f.done.discovery,
            committed: f.committed.total,
            stage_two_share: f.stage_two_share,
            target_stage_two: f.target_stage_two,
            on_target: capacity::on_target(f64::from(f.stage_two_share), f.target_stage_two),
        })
        .collect()
}
