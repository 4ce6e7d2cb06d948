//! The review's forced Done: items made done (or touched) in the sprint's window past unticked
//! entries of an enforced definition of done, each with the reason the team gave and what is
//! still unticked, so the room sees what the definition was set aside for.

use super::Context;
use crate::domain::rhythm::doc::{Block, Section};
use crate::model::Item;
use crate::words::count;

/// `None` when nothing was forced in the window.
pub fn forced_done(c: &Context) -> Option<Section> {
    let (from, to) = (c.from, c.to);
    // Forcing stamps `updated` (a re-acceptance keeps its first date, so that alone would miss
    // it); an item forced earlier and touched again in the window is listed again: it is still
    // done past its definition.
    let in_window = |item: &&Item| {
        let at = |t: Option<crate::model::Timestamp>| t.is_some_and(|t| t >= from && t <= to);
        let accepted = item.accepted.is_some_and(|day| day >= from.date_naive() && day <= to.date_naive());
        item.forced.is_some() && (at(item.finished) || accepted || at(Some(item.updated)))
    };
    let forced: Vec<&Item> = c.board.items().iter().filter(in_window).collect();
    if forced.is_empty() {
        return None;
    }
    let lines = forced
        .iter()
        .map(|item| {
            let reason = item.forced.as_deref().unwrap_or_default();
            let unticked = c.board.definition_of_done.unticked(item);
            let still = match unticked.is_empty() {
                true => "everything is ticked since".to_owned(),
                false => format!("unticked: {}", unticked.join("; ")),
            };
            format!("#{} {} ({}): {reason} ({still})", item.id, item.title, item.stage.label())
        })
        .collect();
    let head = format!(
        "{} made done past the definition of done, with the reason given:",
        count(forced.len() as u64, "item")
    );
    Some(Section::new("Forced done").with(Block::Warning(head)).list(lines))
}
