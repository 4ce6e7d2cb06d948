//! Dual-track delivery: discovery work concludes by promotion into delivery (with what was
//! learned) or by being dropped (with why); timeboxes, entry criteria, variants of an experiment,
//! and how discovery ended lately.

mod conclude;
pub mod criteria;
pub mod discovery_success;
pub mod timebox;
pub mod variants;

pub use self::conclude::{drop, linked, promote, promoted_into};
