//! The review's debt in business terms: what open debt drags now (points per sprint, paid so
//! far, and money where a point has a value), or that nobody set a drag.

use super::Context;
use crate::domain::rhythm::doc::{Block, Section};
use crate::domain::two_stage::drag;

/// One line of its own, only where the board has open debt.
pub fn drag(c: &Context) -> Option<Section> {
    let drag = drag::drag(c.board, c.now);
    (drag.with + drag.without > 0)
        .then(|| Section::new("Debt in business terms").with(Block::Para(drag.line())))
}
