//! An item as `list --json`, `show --json` and `debt --json` print it (docs/guide/command-line.md):
//! a struct that borrows from the board and serializes field by field in the documented order,
//! so a long list is written item by item without building a JSON value per item.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::domain::dual_track::discovery_success::Timing;
use crate::domain::dual_track::{discovery_success, timebox, variants};
use crate::domain::query::age;
use crate::domain::query::backlinks::Backlinks;
use crate::domain::two_stage;
use crate::domain::two_stage::interest;
use crate::model::{Board, InterestWeights, Item, ItemId, Kind, Measure, Timestamp};
use crate::store::item_text::{date_text, timestamp_text};

/// What output about many items computes once per board.
pub struct Listing<'b> {
    pub links: Backlinks,
    pub progress: two_stage::Progress<'b>,
    weights: InterestWeights,
}

impl<'b> Listing<'b> {
    pub fn of(board: &'b Board) -> Listing<'b> {
        Listing {
            links: Backlinks::of(board),
            progress: two_stage::Progress::of(board),
            weights: board.interest_weights(),
        }
    }
}

/// One item's fields, in the order they are printed.
#[derive(Serialize)]
pub struct ItemJson<'a> {
    id: ItemId,
    title: &'a str,
    track: &'static str,
    stage: u8,
    column: &'a str,
    kind: &'static str,
    estimate: Option<u32>,
    tags: &'a [String],
    assignee: &'a Option<String>,
    column_name: Option<&'a str>,
    description: &'a str,
    links: &'a [ItemId],
    question: &'a Option<String>,
    outcome: &'a Option<String>,
    #[serde(serialize_with = "maybe_date")]
    timebox: Option<NaiveDate>,
    overdue: bool,
    learned: &'a Option<String>,
    drop_reason: &'a Option<String>,
    promoted_from: Option<ItemId>,
    promoted_into: &'a [ItemId],
    severity: Option<&'static str>,
    follow_up_of: Option<ItemId>,
    follow_ups: &'a [ItemId],
    #[serde(serialize_with = "maybe_date")]
    accepted: Option<NaiveDate>,
    checklist: Vec<Check<'a>>,
    done_when: Ticked,
    #[serde(serialize_with = "maybe_time")]
    finished: Option<Timestamp>,
    initiative: &'a Option<String>,
    phase: Option<&'static str>,
    sprint: &'a Option<String>,
    blocked: bool,
    blocked_reason: &'a Option<String>,
    #[serde(serialize_with = "maybe_time")]
    blocked_since: Option<Timestamp>,
    forced: &'a Option<String>,
    anticipated_debt: Option<u32>,
    measures: Measures<'a>,
    drag: Option<u32>,
    #[serde(serialize_with = "time")]
    in_column_since: Timestamp,
    days_in_column: i64,
    #[serde(serialize_with = "time")]
    created: Timestamp,
    #[serde(serialize_with = "time")]
    updated: Timestamp,
    // The evidence: how it was accepted, why it is discovery work and how that ended, its
    // experiment, and for open debt its age and interest.
    accepted_by: &'a Option<String>,
    acceptance_note: &'a Option<String>,
    criteria: &'a Option<Vec<String>>,
    decision: Option<Decision>,
    experiment: Option<ItemId>,
    variant: &'a Option<String>,
    variants: &'a [ItemId],
    winner: Option<ItemId>,
    lost: bool,
    age_days: Option<i64>,
    interest: Option<u64>,
    source: &'a Option<Box<crate::model::Source>>,
}

#[derive(Serialize)]
struct Check<'a> {
    text: &'a str,
    done: bool,
}

#[derive(Serialize)]
struct Ticked {
    ticked: usize,
    total: usize,
}

#[derive(Serialize)]
struct Decision {
    result: &'static str,
    #[serde(serialize_with = "time")]
    decided: Timestamp,
    on_time: Option<bool>,
    days_late: i64,
    days_to_decision: i64,
}

// Times and dates as chrono writes them, by the board file's writer (a test holds the two to
// the same text): chrono's own went through the formatting machinery character by character.
fn time<S: Serializer>(time: &Timestamp, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(&timestamp_text(*time))
}

fn maybe_time<S: Serializer>(time: &Option<Timestamp>, out: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => out.serialize_some(&timestamp_text(*time)),
        None => out.serialize_none(),
    }
}

fn maybe_date<S: Serializer>(date: &Option<NaiveDate>, out: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => out.serialize_some(&date_text(*date)),
        None => out.serialize_none(),
    }
}

/// Measures as JSON: numbers stay the decimal text they were typed as (exact), with the unit.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Measures<'a>(#[serde(serialize_with = "measures")] pub &'a [Measure]);

fn measures<S: Serializer>(list: &&[Measure], out: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct One<'a> {
        name: &'a str,
        before: &'a str,
        after: &'a str,
        unit: &'a Option<String>,
    }
    out.collect_seq(list.iter().map(|m| One {
        name: &m.name,
        before: m.before.as_str(),
        after: m.after.as_str(),
        unit: &m.unit,
    }))
}

/// An item as `list --json` and `show --json` print it; `overdue` is as of `now`.
pub fn item<'a>(board: &'a Board, listing: &'a Listing, item: &'a Item, now: Timestamp) -> ItemJson<'a> {
    let links = &listing.links;
    let (ticked, total) = listing.progress.of_item(item);
    let today = now.date_naive();
    let promoted_into = links.promoted_into(item.id);
    let open_debt = item.kind == Kind::Debt && !board.is_done_column(item.track, &item.column);
    ItemJson {
        id: item.id,
        title: &item.title,
        track: item.track.name(),
        stage: item.stage.number(),
        column: &item.column,
        kind: item.kind.name(),
        estimate: item.estimate,
        tags: &item.tags,
        assignee: &item.assignee,
        column_name: board.column(item.track, &item.column).map(|c| c.name.as_str()),
        description: &item.description,
        links: &item.links,
        question: &item.question,
        outcome: &item.outcome,
        timebox: item.timebox,
        overdue: timebox::overdue(board, item, today),
        learned: &item.learned,
        drop_reason: &item.drop_reason,
        promoted_from: item.promoted_from,
        promoted_into,
        severity: item.severity.map(|s| s.name()),
        follow_up_of: item.follow_up_of,
        follow_ups: links.follow_ups(item.id),
        accepted: item.accepted,
        checklist: item.checklist.iter().map(|e| Check { text: &e.text, done: e.done }).collect(),
        done_when: Ticked { ticked, total },
        finished: item.finished,
        initiative: &item.initiative,
        phase: item.phase.map(|p| p.name()),
        sprint: &item.sprint,
        blocked: item.blocked.is_some(),
        blocked_reason: &item.blocked,
        blocked_since: item.blocked_since,
        forced: &item.forced,
        anticipated_debt: item.anticipated_debt,
        measures: Measures(&item.measures),
        drag: item.drag,
        in_column_since: item.entered_column(),
        days_in_column: age::days_in_column(item, now),
        created: item.created,
        updated: item.updated,
        accepted_by: &item.accepted_by,
        acceptance_note: &item.acceptance_note,
        criteria: &item.criteria,
        decision: discovery_success::outcome(board, item, !promoted_into.is_empty()).map(|o| Decision {
            result: o.decision.name(),
            decided: o.decided,
            on_time: match o.timing {
                Timing::OnTime => Some(true),
                Timing::Late(_) => Some(false),
                Timing::NoTimebox => None,
            },
            days_late: match o.timing {
                Timing::Late(days) => days,
                Timing::OnTime | Timing::NoTimebox => 0,
            },
            days_to_decision: o.days,
        }),
        experiment: item.experiment,
        variant: &item.variant,
        variants: item.experiment.map_or(&[][..], |e| links.variants(e)),
        winner: item.winner,
        lost: variants::is_lost(item),
        age_days: open_debt.then(|| interest::age_days(item, today)),
        interest: open_debt.then(|| interest::interest(&listing.weights, item, today)),
        source: &item.source,
    }
}
