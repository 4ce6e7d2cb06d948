//! Phased delivery: initiatives shipped in phases (MVP, enhancement, polish) with a decision at
//! each boundary, and how far each has got.

#[cfg(test)]
pub(crate) mod fixture;
pub mod initiatives;
pub mod progress;
