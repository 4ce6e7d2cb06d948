//! The two-stage and dual-track commands: `accept`, `variant` and `pick`, `criteria`, `measure`,
//! and the debt register.

pub(super) mod accept;
pub(super) mod criteria;
pub(super) mod debt;
pub(super) mod measure;
pub(super) mod variant;
