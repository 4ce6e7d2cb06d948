//! Debt in business terms (docs/guide/two-stage.md, "Debt in business terms"): the drag a debt
//! item puts on the team (points per sprint, as the team estimates it), the interest paid so far
//! (its drag for every sprint it has been open), and both as money where the board sets a value
//! per point. Where nobody set a drag nothing is invented: the totals say how many have none.

use chrono::Duration;

use crate::domain::change::{Edit, ItemChange, Op, OpError, ops};
use crate::model::{Board, Item, ItemId, Kind, PointValue, Timestamp};

/// A drag or a value per point that cannot be set, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DragError {
    #[error("drag is points per sprint, a whole number from 0 up, not `{0}`")]
    BadDrag(String),
    #[error("drag is what a debt item costs the team, and #{id} is a {kind}")]
    NotDebt { id: ItemId, kind: Kind },
    #[error("a value per point is a whole amount from 0 up, not `{0}`")]
    BadAmount(String),
    #[error("a value per point needs its currency too (for example `policy point-value 800 €`)")]
    NoCurrency,
    #[error(transparent)]
    Op(#[from] OpError),
}

/// Reads a drag as typed: a whole number of points, or `none` to clear it.
pub fn parse(text: &str) -> Result<Option<u32>, DragError> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    text.parse::<u32>().map(Some).map_err(|_| DragError::BadDrag(text.to_owned()))
}

/// The change that sets (or clears) the drag of debt item `id`.
pub fn set(board: &Board, id: ItemId, drag: Option<u32>, now: Timestamp) -> Result<Op, DragError> {
    check(board, id, drag)?;
    Ok(ops::update(board, id, ItemChange { drag: Some(drag), ..ItemChange::default() }, now)?)
}

/// Whether item `id` may carry `drag`: only debt has one (clearing is always allowed).
pub fn check(board: &Board, id: ItemId, drag: Option<u32>) -> Result<(), DragError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    match item.kind != Kind::Debt && drag.is_some() {
        true => Err(DragError::NotDebt { id, kind: item.kind }),
        false => Ok(()),
    }
}

/// Reads `policy point-value AMOUNT CURRENCY`: both are needed.
pub fn point_value(amount: &str, currency: Option<&str>) -> Result<PointValue, DragError> {
    let amount = amount.trim().replace(',', "");
    let amount = amount.parse::<u32>().map_err(|_| DragError::BadAmount(amount.clone()))?;
    let currency = currency.map(str::trim).filter(|c| !c.is_empty()).ok_or(DragError::NoCurrency)?;
    Ok(PointValue { amount, currency: currency.to_owned() })
}

/// The change that makes a point worth `value` (`None`: no value, points only).
pub fn set_point_value(board: &Board, value: Option<PointValue>) -> Op {
    let summary = match (&board.point_value, &value) {
        (_, Some(new)) => format!("a point is now worth {}", new.of(1)),
        (Some(_), None) => "the value per point is cleared".to_owned(),
        (None, None) => "no value per point was set".to_owned(),
    };
    Op { edit: Edit::SetPointValue(value), summary }
}

/// How long a sprint is when the board has none to say: two weeks.
const DEFAULT_SPRINT_DAYS: i64 = 14;

/// What open debt drags: the sum of the drags set, the interest those items have paid so far,
/// and how many open debt items carry no drag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drag {
    /// Points per sprint, summed over the open debt items that have a drag.
    pub per_sprint: u64,
    /// Points paid so far: each item's drag times the whole sprints it has been open.
    pub paid: u64,
    /// Open debt items with a drag, and without one.
    pub with: usize,
    pub without: usize,
    /// The board's value per point, to say it as money.
    pub value: Option<PointValue>,
}

/// The drag of open debt at `now`. A sprint lasts as long as the board's latest sprint (else
/// two weeks); interest counts only the whole sprints an item has been open.
pub fn drag(board: &Board, now: Timestamp) -> Drag {
    let days = board.sprints.last().map_or(DEFAULT_SPRINT_DAYS, |s| (s.end - s.start).num_days() + 1).max(1);
    let sprint = Duration::days(days);
    let mut out = Drag { value: board.point_value.clone(), ..Drag::default() };
    let open = board
        .items()
        .iter()
        .filter(|it| it.kind == Kind::Debt && !board.is_done_column(it.track, &it.column));
    for item in open {
        match item.drag {
            Some(points) => {
                out.with += 1;
                out.per_sprint = out.per_sprint.saturating_add(u64::from(points));
                out.paid = out
                    .paid
                    .saturating_add(u64::from(points).saturating_mul(sprints_open(item, now, sprint)));
            }
            None => out.without += 1,
        }
    }
    out
}

fn sprints_open(item: &Item, now: Timestamp, sprint: Duration) -> u64 {
    let open = now - item.created;
    u64::try_from(open.num_seconds() / sprint.num_seconds().max(1)).unwrap_or(0)
}

impl Drag {
    /// One line for the register, the review and the retrospective: "Drag: ≈ 6 pt per sprint
    /// (≈ €4,800) from 2 debt items; paid so far ≈ 18 pt (≈ €14,400). 1 debt item has no drag set."
    pub fn line(&self) -> String {
        let money =
            |points: u64| self.value.as_ref().map(|v| format!(" (≈ {})", v.of(points))).unwrap_or_default();
        let unset = match self.without {
            0 => String::new(),
            1 => " 1 open debt item has no drag set.".to_owned(),
            n => format!(" {n} open debt items have no drag set."),
        };
        if self.with == 0 {
            return match self.without {
                0 => "Drag: no open debt.".to_owned(),
                1 => {
                    "Drag: not known: the open debt item has no drag set (edit ID --drag POINTS).".to_owned()
                }
                n => format!(
                    "Drag: not known: none of the {n} open debt items has a drag set (edit ID --drag POINTS)."
                ),
            };
        }
        let items =
            if self.with == 1 { "1 debt item".to_owned() } else { format!("{} debt items", self.with) };
        format!(
            "Drag: ≈ {} pt per sprint{} from {items}; paid so far ≈ {} pt{}.{unset}",
            self.per_sprint,
            money(self.per_sprint),
            self.paid,
            money(self.paid)
        )
    }
}

#[cfg(test)]
#[path = "drag_tests.rs"]
mod tests;
