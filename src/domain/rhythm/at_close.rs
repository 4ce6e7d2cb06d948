//! The one definition of which items a sprint's review names, and what it says of them: done
//! work committed to the sprint, work finished in the sprint's window without being committed
//! (features, bugs, debt and other stage-two work), and the unfinished committed work. Built
//! from the board as it is for an open sprint, and recorded at the close (`Figures::at_close`)
//! so a closed sprint's review never reads today's board for them.

use crate::model::{AtClose, Board, InitiativeAtClose, Item, ItemAtClose, Kind, Sprint, Stage, Timestamp};

/// The review's items and the initiatives' state, for `sprint` over the window `from`..=`to`.
pub fn record(board: &Board, sprint: &Sprint, from: Timestamp, to: Timestamp) -> AtClose {
    let within = |time: Option<Timestamp>| time.is_some_and(|t| t >= from && t <= to);
    let items = board
        .items()
        .iter()
        .filter_map(|item| {
            let done = board.is_done_column(item.track, &item.column);
            let committed = sprint.holds(item);
            let outside = !committed && done && within(item.finished) && named_outside(item);
            (committed || outside).then(|| of_item(board, item, committed, done))
        })
        .collect();
    let initiatives = board
        .initiatives()
        .iter()
        .map(|initiative| {
            let mine = board.items().iter().filter(|it| it.initiative.as_deref() == Some(&initiative.id));
            let (mut done, mut items) = (0u32, 0u32);
            for item in mine {
                items = items.saturating_add(1);
                done = done.saturating_add(u32::from(board.is_done_column(item.track, &item.column)));
            }
            InitiativeAtClose {
                id: initiative.id.clone(),
                name: initiative.name.clone(),
                status: initiative.status,
                done,
                items,
            }
        })
        .collect();
    AtClose { items, initiatives }
}

/// Work finished outside the commitment that the review still names: what ships (features,
/// bugs) and what stage two buys (debt, any stage-two work).
fn named_outside(item: &Item) -> bool {
    matches!(item.kind, Kind::Feature | Kind::Bug | Kind::Debt) || item.stage == Stage::Two
}

fn of_item(board: &Board, item: &Item, committed: bool, done: bool) -> ItemAtClose {
    let initiative = item
        .initiative
        .as_deref()
        .map(|id| board.initiative(id).map_or_else(|| id.to_owned(), |it| it.name.clone()));
    ItemAtClose {
        id: item.id,
        title: item.title.clone(),
        kind: item.kind,
        track: item.track,
        stage: item.stage,
        committed,
        done,
        estimate: item.estimate,
        severity: item.severity,
        accepted_by: item.accepted_by.clone(),
        acceptance_note: item.acceptance_note.clone(),
        initiative,
        measures: item.measures.clone(),
    }
}
