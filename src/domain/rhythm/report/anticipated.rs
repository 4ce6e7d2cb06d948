//! The review's "More debt than anticipated": stage-one items whose follow-ups logged in the
//! sprint's window exceed the debt the team expected them to leave (the standup flags the same
//! items, through `two_stage::anticipated::overruns`).

use super::Context;
use crate::domain::rhythm::doc::{Block, Section};
use crate::domain::two_stage::anticipated::overruns;
use crate::words::count;

/// `None` when no item with a follow-up logged in the window left more debt than anticipated.
pub fn more_debt_than_anticipated(c: &Context) -> Option<Section> {
    let flagged = overruns(c.board, c.from, c.to);
    if flagged.is_empty() {
        return None;
    }
    let head = format!(
        "{} left more debt than anticipated: follow-ups over the points expected, or two or more where none were",
        count(flagged.len() as u64, "item")
    );
    let lines = flagged.iter().map(|o| o.line()).collect();
    Some(Section::new("More debt than anticipated").with(Block::Warning(head)).list(lines))
}
