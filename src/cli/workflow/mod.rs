//! The two-stage and dual-track commands: `accept`, `variant` and `pick`, `criteria`, and the
//! debt register.

pub(super) mod accept;
pub(super) mod criteria;
pub(super) mod debt;
pub(super) mod variant;
