//! The proposed ratio (docs/guide/rhythm.md, "The proposed ratio"): a stage-two target for the
//! next sprints from the debt level, and the decision that applies it.
//!
//! The rule: stage two should repay today's open debt within [`HORIZON`] sprints and also keep
//! up with the debt the team has been adding (its average net growth per sprint over the
//! sprints looked back on). Those points a sprint, against the points the team got done per
//! sprint (its velocity), give the share; it is rounded to the nearest [`STEP`] and kept
//! between [`FLOOR`] (stage two never stops) and [`CEILING`] (stage one never stops).

use crate::domain::change::{Edit, Op};
use crate::model::{Board, CapacityPolicy};

/// The sprints within which open debt should be repaid.
pub const HORIZON: u32 = 3;
/// The lowest and highest target proposed, and the step it is rounded to, in percent.
pub const FLOOR: u8 = 10;
pub const CEILING: u8 = 50;
pub const STEP: u8 = 5;

/// What the proposal is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DebtLevel {
    /// Open debt now, in points (its estimates).
    pub open_debt: u32,
    /// Points done per sprint, on average over the sprints looked back on.
    pub velocity: u32,
    /// Debt points created minus repaid per sprint, on average (negative: it shrank).
    pub growth: i64,
}

/// A stage-two target for the next sprints, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub level: DebtLevel,
    /// The board's stage-two target now, and the one proposed, in percent.
    pub current: u8,
    pub proposed: u8,
    /// The reason, in one sentence.
    pub reason: String,
}

/// The proposal for `level`, the board's target being `current`; `None` when nothing was done
/// in the sprints looked back on (no velocity to measure the debt against).
pub fn propose(level: DebtLevel, current: u8) -> Option<Proposal> {
    if level.velocity == 0 {
        return None;
    }
    let needed = f64::from(level.open_debt) / f64::from(HORIZON) + level.growth.max(0) as f64;
    let share = needed * 100.0 / f64::from(level.velocity);
    let rounded = (share / f64::from(STEP)).round() * f64::from(STEP);
    let proposed = rounded.clamp(f64::from(FLOOR), f64::from(CEILING)) as u8;
    let growth = match level.growth {
        g if g > 0 => format!(", growing {g} pt per sprint,"),
        g if g < 0 => format!(", shrinking {} pt per sprint,", g.unsigned_abs()),
        _ => String::new(),
    };
    let bound = match proposed {
        p if p == CEILING && share > f64::from(CEILING) => {
            format!(" (capped at {CEILING}% so stage one goes on)")
        }
        p if p == FLOOR && share < f64::from(FLOOR) => format!(" (kept at {FLOOR}% so stage two goes on)"),
        _ => String::new(),
    };
    let reason = format!(
        "Open debt of {} pt{growth} against {} pt done per sprint: repaying it within {HORIZON} sprints while keeping up takes about {:.0} pt a sprint, {proposed}% of the work{bound}.",
        level.open_debt, level.velocity, needed
    );
    Some(Proposal { level, current, proposed, reason })
}

/// The decision that makes the proposal the board's stage-two target (so the next sprint is
/// measured against it), journaled with its reason; `None` when it is the target already.
pub fn accept(board: &Board, proposal: &Proposal) -> Option<Op> {
    let now = board.capacity.stage_two_share;
    if now == proposal.proposed {
        return None;
    }
    let policy = CapacityPolicy { stage_two_share: proposal.proposed, ..board.capacity.clone() };
    let summary =
        format!("retro decision: stage-two target {now}% → {}%. {}", proposal.proposed, proposal.reason);
    Some(Op { edit: Edit::SetPolicy(policy), summary })
}
