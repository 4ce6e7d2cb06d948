//! Two-stage delivery: stage-one items log stage-two follow-ups and are accepted with evidence;
//! each stage has its definition of done; the debt register and what open debt costs (interest,
//! drag).

pub mod anticipated;
pub mod debt;
pub mod drag;
pub mod interest;
pub mod measures;
mod workflow;

pub(crate) use self::workflow::acceptance;
pub use self::workflow::{
    Evidence, Progress, WAYS, accept, accept_forced, checklist, follow_up, follow_ups, set_policy, unticked,
    with_ticks,
};
