//! Where debt is accumulating fastest: debt created minus debt repaid within a span of time, by
//! area (each tag, each initiative, each parent feature a follow-up was logged for), worst first.

use std::collections::BTreeMap;

use crate::domain::dual_track::variants;
use crate::model::{Board, Item, Kind, Tally, Timestamp};

/// What an area is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AreaKind {
    Tag,
    Initiative,
    /// The stage-one item the debt was logged as a follow-up of.
    Feature,
}

impl AreaKind {
    pub fn name(self) -> &'static str {
        match self {
            AreaKind::Tag => "tag",
            AreaKind::Initiative => "initiative",
            AreaKind::Feature => "feature",
        }
    }
}

/// The debt of one area within the span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    pub kind: AreaKind,
    /// `#checkout` for a tag, the initiative's id, `#11 Checkout v2` for a feature.
    pub name: String,
    pub created: Tally,
    pub repaid: Tally,
}

impl Area {
    /// Points created minus points repaid: how much the area's debt grew.
    pub fn net(&self) -> i64 {
        i64::from(self.created.points) - i64::from(self.repaid.points)
    }

    /// Items created minus items repaid (the tie-break, and the measure when nothing is estimated).
    pub fn net_items(&self) -> i64 {
        i64::from(self.created.items) - i64::from(self.repaid.items)
    }
}

/// The areas whose debt moved between `from` and `to`, worst first: the most points of net
/// growth, then the most items, then by kind and name so the order is stable.
pub fn areas(board: &Board, from: Timestamp, to: Timestamp) -> Vec<Area> {
    let within = |time: Option<Timestamp>| time.is_some_and(|t| t >= from && t <= to);
    let mut by_area: BTreeMap<(AreaKind, String), Area> = BTreeMap::new();
    for item in board.items().iter().filter(|it| it.kind == Kind::Debt) {
        let created = within(Some(item.created));
        let repaid = board.is_done_column(item.track, &item.column)
            && !variants::is_lost(item)
            && within(item.finished);
        if !created && !repaid {
            continue;
        }
        for (kind, name) in names(board, item) {
            let area = by_area.entry((kind, name.clone())).or_insert_with(|| Area {
                kind,
                name,
                created: Tally::default(),
                repaid: Tally::default(),
            });
            if created {
                area.created.add(item);
            }
            if repaid {
                area.repaid.add(item);
            }
        }
    }
    let mut list: Vec<Area> = by_area.into_values().collect();
    list.sort_by(|a, b| {
        (b.net(), b.net_items())
            .cmp(&(a.net(), a.net_items()))
            .then((a.kind, &a.name).cmp(&(b.kind, &b.name)))
    });
    list
}

/// The areas a debt item belongs to.
fn names(board: &Board, item: &Item) -> Vec<(AreaKind, String)> {
    let mut out: Vec<(AreaKind, String)> =
        item.tags.iter().map(|t| (AreaKind::Tag, format!("#{t}"))).collect();
    out.extend(item.initiative.iter().map(|i| (AreaKind::Initiative, i.clone())));
    if let Some(parent) = item.follow_up_of {
        let title = board.item(parent).map(|p| format!(" {}", p.title)).unwrap_or_default();
        out.push((AreaKind::Feature, format!("#{parent}{title}")));
    }
    out
}
