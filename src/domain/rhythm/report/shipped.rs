//! The review's first two sections: what shipped (stage-one features and bugs done, with their
//! acceptance evidence and initiative) and what stage two bought (stage-two work done, with the
//! improvement each item measured), both from the items recorded at the close (or, for an open
//! sprint, as the board has them now: `domain/rhythm/at_close.rs` says which items).

use super::Context;
use crate::domain::rhythm::doc::{Block, Section};
use crate::model::ItemAtClose;
use crate::words::count;

/// Said in place of a list when the close did not record the items (an earlier release).
pub const NOT_RECORDED: &str = "Not recorded when this sprint closed (it was closed by an earlier \
     release of twotrack): its figures below were, the titles, evidence and measures of its items were not.";

/// Features and bugs done in the sprint: titles, acceptance evidence, initiative.
pub fn shipped(c: &Context) -> Option<Section> {
    let section = Section::new("Shipped");
    let (committed, outside, points) = match picked(c, ItemAtClose::shipped) {
        Some(picked) => picked,
        None => return Some(section.with(Block::Para(NOT_RECORDED.into()))),
    };
    let head = match committed.len() {
        0 => "No feature or bug committed to the sprint was done.".to_owned(),
        n => format!(
            "{n} {} committed to the sprint and done ({}):",
            if n == 1 { "feature or bug" } else { "features and bugs" },
            count(u64::from(points), "point")
        ),
    };
    let line = |it: &&ItemAtClose| {
        let mut line = format!("{} ({}, {})", it.label(), it.kind.name(), points_of(it));
        match (&it.accepted_by, &it.acceptance_note) {
            (Some(by), Some(note)) => line.push_str(&format!(" · accepted by {by}: {note}")),
            (Some(by), None) => line.push_str(&format!(" · accepted by {by}")),
            (None, Some(note)) => line.push_str(&format!(" · accepted: {note}")),
            (None, None) => line.push_str(" · no acceptance evidence recorded"),
        }
        if let Some(initiative) = &it.initiative {
            line.push_str(&format!(" · initiative {initiative}"));
        }
        line
    };
    let section = section.with(Block::Para(head)).list(committed.iter().map(line).collect());
    Some(also(section, &outside, line))
}

/// Stage-two work done in the sprint, each item with the improvement it measured.
pub fn bought(c: &Context) -> Option<Section> {
    let section = Section::new("Stage two bought");
    let (committed, outside, points) = match picked(c, ItemAtClose::bought) {
        Some(picked) => picked,
        None => return Some(section.with(Block::Para(NOT_RECORDED.into()))),
    };
    let head = match committed.len() {
        0 => "No stage-two work committed to the sprint was done.".to_owned(),
        n => format!(
            "{} of stage-two work committed to the sprint and done ({}: the table's stage two done):",
            count(n as u64, "item"),
            count(u64::from(points), "point")
        ),
    };
    let line = |it: &&ItemAtClose| {
        let what = format!("{} ({}, {})", it.label(), it.kind.name(), points_of(it));
        match it.measures.is_empty() {
            true => format!("{what}: no measure recorded"),
            false => {
                let measures: Vec<String> = it.measures.iter().map(ToString::to_string).collect();
                format!("{what}: {}", measures.join("; "))
            }
        }
    };
    let section = section.with(Block::Para(head)).list(committed.iter().map(line).collect());
    let measured = committed.iter().chain(&outside).filter(|it| !it.measures.is_empty()).count();
    let section = also(section, &outside, line);
    Some(match measured {
        0 => section,
        n => section.with(Block::Para(format!(
            "{} measurably better: worth a round of applause.",
            count(n as u64, "thing")
        ))),
    })
}

/// The recorded items `pick` chooses: those committed to the sprint, those finished in its
/// window outside it, and the committed ones' points; `None` when the close recorded none.
type Picked<'c> = (Vec<&'c ItemAtClose>, Vec<&'c ItemAtClose>, u32);

fn picked<'c>(c: &'c Context, pick: fn(&ItemAtClose) -> bool) -> Option<Picked<'c>> {
    let at_close = c.figures.at_close.as_ref()?;
    let (committed, outside): (Vec<_>, Vec<_>) =
        at_close.items.iter().filter(|it| pick(it)).partition(|it| it.committed);
    let points = committed.iter().map(|it| it.estimate.unwrap_or(0)).fold(0u32, u32::saturating_add);
    Some((committed, outside, points))
}

/// The work finished in the window without being committed, under its own words.
fn also(section: Section, outside: &[&ItemAtClose], line: impl Fn(&&ItemAtClose) -> String) -> Section {
    match outside.is_empty() {
        true => section,
        false => section
            .with(Block::Para("Also finished in the sprint's window without being committed to it:".into()))
            .list(outside.iter().map(line).collect()),
    }
}

fn points_of(item: &ItemAtClose) -> String {
    item.estimate.map_or_else(|| "unestimated".to_owned(), |points| format!("{points} pt"))
}
