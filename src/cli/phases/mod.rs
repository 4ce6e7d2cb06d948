//! Phased delivery on the command line: `initiative`, `phase` and `decide`, and how initiatives
//! are printed.

pub(super) mod initiative;
pub mod initiative_out;
