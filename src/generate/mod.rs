//! Large, realistic boards for benchmarks and tests: both tracks, both stages, every column,
//! estimates, tags, assignees, descriptions, timeboxes, follow-ups, promotions and initiatives
//! with their phases; closed sprints with their figures and an open one; and an activity
//! journal of moves, adds and edits by the team. The same sizes and seed always give the same
//! result.

mod archive;

use chrono::{DateTime, Days, Duration, NaiveDate};
use serde_json::{Map, Value, json};

use crate::domain::change::{Edit, NewItem, ops};
use crate::domain::phases::initiatives;
use crate::domain::phases::initiatives::NewInitiative;
use crate::domain::team::activity::{Action, Entry};
use crate::domain::two_stage;
use crate::model::{
    Board, CheckEntry, Figures, Item, ItemId, Kind, Model, Phase, Rollover, Severity, Spent, Split, Sprint,
    Stage, Tally, Timestamp, Track,
};

pub use archive::archive;

/// A small, fast, deterministic pseudo-random sequence (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const VERBS: &[&str] =
    &["Export", "Import", "Refactor", "Cache", "Index", "Stream", "Validate", "Document", "Retry", "Migrate"];
const NOUNS: &[&str] = &[
    "the billing report",
    "user avatars",
    "search results",
    "webhook payloads",
    "the CSV writer",
    "audit logs",
    "team invites",
    "the login flow",
    "push notifications",
    "the pricing page",
];
const TAGS: &[&str] = &["api", "ui", "perf", "security", "billing", "mobile", "docs", "infra"];
const PEOPLE: &[&str] = &["alex", "sam", "kim", "ana", "ben", "lee"];

/// The time every generated item is created at.
pub fn epoch() -> Timestamp {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

/// A board with `count` items.
pub fn board(count: usize, seed: u64) -> Board {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // A second sequence for the evidence fields, so they leave the rest of the board as it was.
    let mut evidence = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
    let mut open_experiment = None;
    let mut board = Board::new(&format!("Generated board ({count} items)"));
    let now = epoch();
    let today = now.date_naive();
    let initiatives = add_initiatives(&mut board, count);
    for n in 0..count {
        let track = if rng.chance(25) { Track::Discovery } else { Track::Delivery };
        let columns: Vec<String> = board.track(track).columns.iter().map(|c| c.id.clone()).collect();
        let stage = if rng.chance(30) { Stage::Two } else { Stage::One };
        let kind = match (track, stage) {
            (Track::Discovery, _) => *rng.pick(&[Kind::Spike, Kind::Spike, Kind::Enabler]),
            (Track::Delivery, Stage::Two) => *rng.pick(&[Kind::Debt, Kind::Debt, Kind::Feature, Kind::Bug]),
            (Track::Delivery, Stage::One) => *rng.pick(&[Kind::Feature, Kind::Feature, Kind::Bug]),
        };
        let new = NewItem {
            title: format!("{} {} ({n})", rng.pick(VERBS), rng.pick(NOUNS)),
            track: Some(track),
            column: Some(rng.pick(&columns).clone()),
            stage: Some(stage),
            kind: Some(kind),
            estimate: rng.chance(85).then(|| *rng.pick(&[1, 2, 3, 5, 8, 13])),
            tags: (0..rng.below(3)).map(|_| (*rng.pick(TAGS)).to_owned()).collect(),
            assignee: rng.chance(70).then(|| (*rng.pick(PEOPLE)).to_owned()),
            description: if rng.chance(60) {
                format!("Why: customers asked for it.\nDone when: {} works end to end.", rng.pick(NOUNS))
            } else {
                String::new()
            },
            severity: (kind == Kind::Debt).then(|| *rng.pick(&Severity::ALL)),
            question: (track == Track::Discovery).then(|| format!("Can we {} faster?", rng.pick(NOUNS))),
            outcome: (track == Track::Discovery && rng.chance(80))
                .then(|| "A go/no-go with numbers".to_owned()),
            timebox: (track == Track::Discovery && rng.chance(85)).then(|| shifted(today, rng.below(30), 10)),
            criteria: None,
            // Left unset so the generated boards stay the ones the benchmarks were measured on.
            anticipated_debt: None,
            drag: None,
        };
        let Ok(op) = ops::add(&board, new, now) else { continue };
        let Edit::Add(mut item) = op.edit else { continue };
        // Link some items to earlier ones, as follow-ups and promotions do.
        if n > 10 && stage == Stage::Two && rng.chance(30) {
            item.follow_up_of = Some(1 + rng.below(n) as u64);
        } else if n > 10 && track == Track::Delivery && rng.chance(10) {
            item.promoted_from = Some(1 + rng.below(n) as u64);
        }
        if board.is_done_column(item.track, &item.column) {
            item.finished = Some(now);
        }
        add_evidence(&mut evidence, &mut item, &mut open_experiment);
        // Every third item belongs to an initiative (without drawing from the sequence, so the
        // rest of the board is as it always was).
        if n % 3 == 0 && !initiatives.is_empty() {
            item.initiative = Some(initiatives[(n / 3) % initiatives.len()].clone());
            item.phase = Some(Phase::ALL[(n / 7) % 3]);
        }
        // Tick some of the definition of done, as teams do while they work (without drawing from
        // the sequence, so the rest of the board is as it always was).
        if n % 5 < 2 {
            let entries = board.definition_of_done.for_stage(item.stage);
            let ticked = entries.iter().take(1 + n % entries.len().max(1));
            item.checklist = ticked.map(|text| CheckEntry { text: text.clone(), done: true }).collect();
        }
        let _ = board.apply(Edit::Add(item));
    }
    board
}

/// Entry criteria on discovery items, acceptance evidence on some accepted features, and pairs
/// of stage-one features as the variants of an experiment.
fn add_evidence(rng: &mut Rng, item: &mut Item, open_experiment: &mut Option<ItemId>) {
    if item.track == Track::Discovery {
        item.criteria = match rng.below(10) {
            0 => None,
            1 => Some(Vec::new()),
            _ => Some(vec![(*rng.pick(&crate::model::ENTRY_CRITERIA)).to_owned()]),
        };
        return;
    }
    if item.kind != Kind::Feature || item.stage != Stage::One {
        return;
    }
    if let Some(experiment) = open_experiment.take() {
        item.experiment = Some(experiment);
        item.variant = Some("B".to_owned());
    } else if rng.chance(4) {
        item.experiment = Some(item.id);
        item.variant = Some("A".to_owned());
        *open_experiment = Some(item.id);
    } else if rng.chance(20) {
        item.accepted = Some(item.created.date_naive());
        item.accepted_by = Some((*rng.pick(&two_stage::WAYS)).to_owned());
        item.acceptance_note = rng.chance(50).then(|| format!("{} agreed", rng.pick(PEOPLE)));
    }
}

/// One initiative per 250 items (at least one, at most ten), named after the nouns; their ids.
fn add_initiatives(board: &mut Board, count: usize) -> Vec<String> {
    NOUNS
        .iter()
        .take((count / 250).clamp(1, NOUNS.len()))
        .filter_map(|noun| {
            let id = crate::model::initiative::slug(noun);
            let new = NewInitiative {
                name: format!("Improve {noun}"),
                id: Some(id.clone()),
                ..NewInitiative::default()
            };
            board.apply(initiatives::create(board, new).ok()?.edit).ok()?;
            Some(id)
        })
        .collect()
}

/// Adds `closed` two-week sprints before [`epoch`] with varied figures, then an open sprint
/// holding about its capacity of open work.
pub fn sprints(board: &mut Board, closed: usize, seed: u64) {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let today = epoch().date_naive();
    let first = today.checked_sub_days(Days::new(14 * closed as u64)).unwrap_or(today);
    let sprint = |n: usize, figures: Option<Figures>| Sprint {
        name: format!("Sprint {}", n + 1),
        start: first.checked_add_days(Days::new(14 * n as u64)).unwrap_or(first),
        end: first.checked_add_days(Days::new(14 * n as u64 + 11)).unwrap_or(first),
        capacity: 40,
        model: Model::Split,
        stage: None,
        delivery_sprints: None,
        goal: None,
        figures,
    };
    for n in 0..closed {
        let points = |rng: &mut Rng, most: usize| rng.below(most) as u32;
        let (two, discovery, one) = (points(&mut rng, 15), points(&mut rng, 10), 10 + points(&mut rng, 20));
        let done = Split {
            total: two + discovery + one,
            discovery,
            delivery: two + one,
            stage_one: one + discovery,
            stage_two: two,
        };
        let mut committed = done;
        committed.total += 5;
        committed.delivery += 5;
        committed.stage_one += 5;
        let share = |part: u32| u8::try_from(part * 100 / done.total.max(1)).unwrap_or(100);
        let figures = Figures {
            closed: sprint(n, None).end.and_hms_opt(17, 0, 0).unwrap_or_default().and_utc(),
            target_discovery: board.capacity.discovery_share,
            target_stage_two: board.capacity.stage_two_share,
            committed,
            done,
            discovery_share: share(discovery),
            stage_two_share: share(two),
            debt_created: Tally { items: points(&mut rng, 5), points: points(&mut rng, 12) },
            debt_repaid: Tally { items: points(&mut rng, 4), points: two },
            open_debt: Tally { items: 20 + points(&mut rng, 10), points: 60 + points(&mut rng, 40) },
            spikes_concluded: points(&mut rng, 4),
            promoted: Vec::new(),
            dropped: Vec::new(),
            repaid: Vec::new(),
            rolled_over: vec![1 + rng.below(board.items().len()) as u64],
            rollover: Rollover::Next,
            to_backlog: Vec::new(),
            at_close: None,
            spent: Some(Spent {
                features: Tally { items: one / 3, points: one * 2 / 3 },
                bugs: Tally { items: one / 5, points: one - one * 2 / 3 },
                debt: Tally { items: two / 3, points: two },
                discovery: Tally { items: discovery / 3, points: discovery },
                other: Tally::default(),
            }),
        };
        board.sprints.push(sprint(n, Some(figures)));
    }
    // Open work committed to the open sprint until it holds about its capacity.
    let open = sprint(closed, None);
    let mut committed = 0;
    for item in board.items.iter_mut().filter(|it| it.column != "done" && it.column != "concluded") {
        if committed < open.capacity && rng.chance(10) {
            committed += item.estimate.unwrap_or(0);
            item.sprint = Some(open.name.clone());
        }
    }
    board.sprints.push(open);
}

/// A journal of `lines` entries by the team, in time order, the last one at [`epoch`]: moves
/// (a third of them finishing work), adds and edits of the board's items, a few a minute.
pub fn journal(board: &Board, lines: usize, seed: u64) -> Vec<Entry> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let items = board.items();
    let start = epoch() - Duration::minutes(lines as i64);
    (0..lines)
        .map(|n| {
            let item = &items[rng.below(items.len())];
            let time = start + Duration::minutes(n as i64 + 1);
            let columns = &board.track(item.track).columns;
            let to = &columns[rng.below(columns.len())];
            let mut changes = Map::new();
            let action = match rng.below(10) {
                0 => {
                    changes.insert("title".into(), json!([Value::Null, item.title]));
                    Action::Added
                }
                1 | 2 => {
                    changes.insert("description".into(), json!(["", "Notes from the refinement"]));
                    Action::Changed
                }
                _ => {
                    changes.insert("column".into(), json!([item.column, to.id]));
                    changes.insert("in_column_since".into(), json!([Value::Null, time]));
                    if to.done {
                        changes.insert("finished".into(), json!([Value::Null, time]));
                    }
                    Action::Changed
                }
            };
            Entry {
                time,
                author: (*rng.pick(PEOPLE)).to_owned(),
                session: String::new(),
                item: Some(item.id),
                action,
                changes,
                summary: format!("#{} changed", item.id),
                first: None,
                recovered: false,
            }
        })
        .collect()
}

/// `today` moved by `offset - back` days.
fn shifted(today: NaiveDate, offset: usize, back: usize) -> NaiveDate {
    let days = offset as i64 - back as i64;
    if days >= 0 {
        today.checked_add_days(Days::new(days as u64)).unwrap_or(today)
    } else {
        today.checked_sub_days(Days::new((-days) as u64)).unwrap_or(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format;

    #[test]
    fn generated_boards_are_valid_varied_and_repeatable() {
        let board = board(500, 7);
        assert_eq!(board.items().len(), 500);
        let text = format::to_text(&board).expect("saves");
        assert_eq!(format::from_bytes(std::path::Path::new("g.ron"), text.as_bytes()).expect("loads"), board);
        assert_eq!(super::board(500, 7), board, "same seed, same board");
        for track in Track::ALL {
            for column in &board.track(track).columns {
                for stage in Stage::ALL {
                    let n =
                        board.items().iter().filter(|i| i.column == column.id && i.stage == stage).count();
                    assert!(n > 0, "{} {stage:?} is empty", column.id);
                }
            }
        }
        assert!(board.items().iter().any(|i| i.follow_up_of.is_some()));
        assert!(board.items().iter().any(|i| i.promoted_from.is_some()));
        assert!(board.items().iter().any(|i| i.timebox.is_some()));
        assert!(board.items().iter().any(|i| i.criteria.as_ref().is_some_and(|c| !c.is_empty())));
        assert!(board.items().iter().any(|i| i.accepted_by.is_some()));
        assert!(board.items().iter().any(|i| i.variant.as_deref() == Some("B")));
        assert_eq!(board.initiatives().len(), 2);
        for phase in Phase::ALL {
            assert!(board.items().iter().any(|i| i.phase == Some(phase) && i.initiative.is_some()));
        }
    }

    #[test]
    fn generated_sprints_and_journals_are_valid_and_in_time_order() {
        let mut board = board(300, 3);
        sprints(&mut board, 12, 3);
        assert_eq!(board.closed_sprints().count(), 12);
        let open = board.current_sprint().expect("an open sprint").name.clone();
        assert!(board.items().iter().any(|it| it.sprint.as_deref() == Some(open.as_str())));
        let text = format::to_text(&board).expect("saves");
        assert_eq!(format::from_bytes(std::path::Path::new("g.ron"), text.as_bytes()).expect("loads"), board);
        let entries = journal(&board, 500, 3);
        assert_eq!(entries.len(), 500);
        assert!(entries.windows(2).all(|w| w[0].time < w[1].time));
        assert_eq!(entries.last().map(|e| e.time), Some(epoch()));
        assert!(entries.iter().any(|e| e.change("finished").is_some()));
    }
}
