//! Which views on top of the board a follower opens too: one row per overlay in each direction
//! (what the presenter has open → what it is called in the presence file → what the follower
//! opens). Views not listed here (help, forms, questions, search) stay the presenter's own.

use crate::app::forms::form::Purpose;
use crate::app::screens::Overlay;
use crate::app::screens::charts::{Chart, Charts};
use crate::app::screens::debt::Debt;
use crate::app::screens::initiatives::{InitiativeDetails, Initiatives};
use crate::app::screens::retro::Retro;
use crate::app::screens::standup::Standup;
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::flow::Flow;
use crate::domain::two_stage::debt::Sort;
use crate::model::Track;
use crate::store::presence::SharedView;

/// What a session shows others it has open: the topmost overlay that followers can open too.
pub fn on_top(overlays: &[Overlay]) -> Option<SharedView> {
    overlays.iter().rev().find_map(|overlay| match overlay {
        Overlay::Capacity => Some(SharedView::Capacity),
        Overlay::Debt(debt) => {
            Some(SharedView::Debt { row: debt.selected, by_interest: debt.sort == Sort::Interest })
        }
        Overlay::Discovery => Some(SharedView::Discovery),
        Overlay::Initiatives(list) => Some(SharedView::Initiatives { row: list.selected }),
        Overlay::InitiativeDetails(details) => Some(SharedView::Initiative { id: details.id.clone() }),
        Overlay::Standup(standup) => Some(SharedView::Standup { scroll: standup.scroll }),
        Overlay::Retro(retro) => Some(SharedView::Retro { scroll: retro.scroll }),
        Overlay::Charts(charts) => Some(SharedView::Charts {
            chart: charts.chart.index(),
            discovery: charts.track == Track::Discovery,
        }),
        // Editing an item or reading its details: the follower reads the same details.
        Overlay::Details => Some(SharedView::Details),
        Overlay::Form(form) if matches!(form.purpose, Purpose::EditItem(_)) => Some(SharedView::Details),
        _ => None,
    })
}

/// What a follower works out itself, from its own board and journal, for the view its presenter
/// has open (each asked only when that view is open).
pub trait FollowerReads {
    fn standup(&mut self) -> Doc;
    /// The retrospective of the last closed sprints (`None` where no sprint has closed).
    fn retro(&mut self) -> Option<Doc>;
    /// The charts' figures (`None`: still being worked out; they come when ready).
    fn flow(&mut self) -> Option<Flow>;
}

/// The overlay a follower opens for what its presenter has open (`None`: one it cannot show).
pub fn for_follower(view: SharedView, reads: &mut dyn FollowerReads) -> Option<Overlay> {
    Some(match view {
        SharedView::Charts { chart, discovery } => {
            let track = if discovery { Track::Discovery } else { Track::Delivery };
            let flow = reads.flow().map(Box::new);
            Overlay::Charts(Box::new(Charts { chart: Chart::at(chart), track, flow }))
        }
        SharedView::Capacity => Overlay::Capacity,
        SharedView::Debt { row, by_interest } => Overlay::Debt(Debt {
            selected: row,
            sort: if by_interest { Sort::Interest } else { Sort::Severity },
        }),
        SharedView::Details => Overlay::Details,
        SharedView::Discovery => Overlay::Discovery,
        SharedView::Initiatives { row } => Overlay::Initiatives(Initiatives { selected: row }),
        SharedView::Initiative { id } => Overlay::InitiativeDetails(InitiativeDetails { id, scroll: 0 }),
        SharedView::Standup { scroll } => {
            Overlay::Standup(Box::new(Standup { doc: reads.standup(), scroll }))
        }
        SharedView::Retro { scroll } => Overlay::Retro(Box::new(Retro { doc: reads.retro()?, scroll })),
    })
}

/// Whether an overlay was opened by following (and is replaced when the presenter's changes).
pub fn is_followed(overlay: &Overlay) -> bool {
    matches!(
        overlay,
        Overlay::Capacity
            | Overlay::Debt(_)
            | Overlay::Details
            | Overlay::Discovery
            | Overlay::Initiatives(_)
            | Overlay::InitiativeDetails(_)
            | Overlay::Standup(_)
            | Overlay::Retro(_)
            | Overlay::Charts(_)
    )
}
