//! proptest strategies for boards and edits, built through the public API.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use twotrack::domain::change::initiative_edit::{InitiativeChange, InitiativeEdit};
use twotrack::domain::change::{Edit, ItemChange};
use twotrack::model::{
    Board, Boundary, CheckEntry, Criteria, Decimal, Decision, Initiative, InterestWeights, Item, ItemId,
    Kind, Measure, OpenItems, Phase, Place, Severity, Source, Stage, Status, Track, Verdict,
};

/// The initiatives a generated board may have (items pick one of them by index).
pub const INITIATIVES: [&str; 2] = ["checkout", "search-v2"];

/// Text a user might type, including quotes, backslashes, newlines and non-ASCII.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "\\PC{0,30}",
        Just("quote \" back\\slash\nnew line\ttab r#raw#".to_owned()),
        Just("ünïcødé 🚀 ✓".to_owned()),
    ]
}

pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..6_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..200_000)
        .prop_map(|d| NaiveDate::from_ymd_opt(1970, 1, 1).expect("date") + chrono::Days::new(d as u64))
}

pub fn track() -> impl Strategy<Value = Track> {
    prop_oneof![Just(Track::Discovery), Just(Track::Delivery)]
}

pub fn stage() -> impl Strategy<Value = Stage> {
    prop_oneof![Just(Stage::One), Just(Stage::Two)]
}

pub fn kind() -> impl Strategy<Value = Kind> {
    proptest::sample::select(Kind::ALL.to_vec())
}

pub fn severity() -> impl Strategy<Value = Severity> {
    proptest::sample::select(Severity::ALL.to_vec())
}

pub fn phase() -> impl Strategy<Value = Phase> {
    proptest::sample::select(Phase::ALL.to_vec())
}

/// Membership of one of [`INITIATIVES`] with a phase, or none.
pub fn membership() -> impl Strategy<Value = Option<(String, Phase)>> {
    option::of((0usize..INITIATIVES.len(), phase()).prop_map(|(i, p)| (INITIATIVES[i].to_owned(), p)))
}

pub fn decision() -> impl Strategy<Value = Decision> {
    let verdict = proptest::sample::select(Verdict::ALL.to_vec());
    let boundary = prop_oneof![Just(Boundary::One), Just(Boundary::Two)];
    let open = option::of(proptest::sample::select(OpenItems::ALL.to_vec()));
    (boundary, verdict, date(), text(), text(), text(), text(), open, vec(1u64..50, 0..3)).prop_map(
        |(boundary, decision, date, author, review, plan, communicated, open_items, items)| Decision {
            boundary,
            decision,
            date,
            author,
            review,
            plan,
            communicated,
            open_items,
            items,
        },
    )
}

/// An initiative with the given id and whatever else.
pub fn initiative(id: &'static str) -> impl Strategy<Value = Initiative> {
    let status = proptest::sample::select(Status::ALL.to_vec());
    (text(), text(), vec(text(), 0..2), vec(text(), 0..2), status, vec(decision(), 0..2)).prop_map(
        move |(name, description, mvp, polish, status, decisions)| Initiative {
            id: id.to_owned(),
            name,
            description,
            criteria: Criteria { mvp, enhancement: Vec::new(), polish },
            status,
            decisions,
        },
    )
}

/// A place on a board with the default columns.
pub fn place() -> impl Strategy<Value = Place> {
    (track(), 0usize..4, stage(), any::<i64>()).prop_map(|(track, col, stage, rank)| {
        let board = Board::new("x");
        let columns = &board.track(track).columns;
        Place { track, column: columns[col % columns.len()].id.clone(), stage, rank }
    })
}

/// A few measures with decimals as people type them (`-12`, `0.5`, `480`).
pub fn measures() -> impl Strategy<Value = Vec<Measure>> {
    let decimal = (any::<i32>(), option::of(0u32..1000))
        .prop_map(|(whole, fraction)| match fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole.to_string(),
        })
        .prop_map(|text| text.parse::<Decimal>().expect("an integer with an optional fraction is a decimal"));
    let measure = (text(), decimal.clone(), decimal, option::of(text()))
        .prop_map(|(name, before, after, unit)| Measure { name, before, after, unit });
    vec(measure, 0..3)
}

/// Where an imported item came from: a key, maybe a URL, fields read and values last imported.
pub fn source() -> impl Strategy<Value = Option<Box<Source>>> {
    let map = || vec((text(), text()), 0..3).prop_map(|pairs| pairs.into_iter().collect());
    option::of((text(), text(), text(), option::of(text()), map(), map()).prop_map(
        |(system, origin, key, url, fields, last)| {
            Box::new(Source { system, origin, key, url, fields, last })
        },
    ))
}

pub fn checklist() -> impl Strategy<Value = Vec<CheckEntry>> {
    vec((text(), any::<bool>()).prop_map(|(text, done)| CheckEntry { text, done }), 0..3)
}

pub fn item(id: ItemId) -> impl Strategy<Value = Item> {
    let fields = (
        text(),
        place(),
        kind(),
        option::of(any::<u32>()),
        vec(text(), 0..3),
        option::of(text()),
        text(),
        checklist(),
        vec(1u64..50, 0..3),
    );
    let more = (option::of(date()), option::of(text()), option::of(severity()), timestamp(), timestamp());
    let links = (option::of(1u64..50), option::of(date()), option::of(timestamp()));
    let discovery = (option::of(text()), option::of(text()), option::of(text()), option::of(1u64..50));
    let evidence = (
        option::of(text()),
        option::of(text()),
        option::of(vec(text(), 0..3)),
        option::of(1u64..50),
        option::of(text()),
        option::of(1u64..50),
    );
    let rhythm = (
        option::of(text()),
        option::of(text()),
        option::of(timestamp()),
        option::of(timestamp()),
        option::of(text()),
        option::of(0u32..40),
        measures(),
        option::of(any::<u32>()),
    );
    (fields, more, links, discovery, evidence, membership(), rhythm, source()).prop_map(
        move |(
            (title, place, kind, estimate, tags, assignee, description, checklist, links),
            (timebox, outcome, severity, created, updated),
            (follow_up_of, accepted, finished),
            (question, learned, drop_reason, promoted_from),
            (accepted_by, acceptance_note, criteria, experiment, variant, winner),
            membership,
            (sprint, blocked, blocked_since, in_column_since, forced, anticipated_debt, measures, drag),
            source,
        )| Item {
            id,
            title,
            track: place.track,
            column: place.column,
            stage: place.stage,
            rank: place.rank,
            kind,
            estimate,
            tags,
            assignee,
            description,
            checklist,
            // References as twotrack makes them: never to the item itself, chains only backwards.
            links: links.into_iter().filter(|l| *l != id).collect(),
            question,
            timebox,
            outcome,
            learned,
            drop_reason,
            promoted_from: promoted_from.filter(|p| *p < id),
            severity,
            follow_up_of: follow_up_of.filter(|f| *f < id),
            accepted,
            finished,
            accepted_by,
            acceptance_note,
            criteria,
            experiment,
            variant,
            winner,
            initiative: membership.as_ref().map(|(id, _)| id.clone()),
            phase: membership.map(|(_, phase)| phase),
            sprint,
            blocked,
            blocked_since,
            in_column_since,
            forced,
            anticipated_debt,
            measures,
            drag,
            source,
            created,
            updated,
        },
    )
}

/// Debt interest weights, any of them.
pub fn weights() -> impl Strategy<Value = InterestWeights> {
    (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>())
        .prop_map(|(low, medium, high, critical)| InterestWeights { low, medium, high, critical })
}

/// A board with the default columns and up to `max` items with distinct ids; half of the
/// boards have the [`INITIATIVES`] (and some items in them), the others none.
pub fn board(max: usize) -> impl Strategy<Value = Board> {
    let policy = (0u8..=100, 0u8..=100, option::of(vec(text(), 0..4)), option::of(weights()));
    let initiatives = option::of((initiative(INITIATIVES[0]), initiative(INITIATIVES[1])));
    (text(), any::<u32>(), policy, btree_set(1u64..200, 0..max), initiatives)
        .prop_flat_map(|(name, points, policy, ids, initiatives)| {
            let items: Vec<_> = ids.into_iter().map(item).collect();
            (Just((name, points, policy, initiatives)), items)
        })
        .prop_map(|((name, points, (discovery, stage_two, criteria, weights), initiatives), items)| {
            let mut board = Board::new(&name);
            board.capacity.points = points;
            board.capacity.discovery_share = discovery;
            board.capacity.stage_two_share = stage_two;
            board.entry_criteria = criteria;
            board.interest_weights = weights;
            let with_initiatives = initiatives.is_some();
            for initiative in initiatives.into_iter().flat_map(|(a, b)| [a, b]) {
                let add = Edit::Initiative(InitiativeEdit::Add(Box::new(initiative)));
                board.apply(add).expect("valid, distinct initiative ids");
            }
            for mut item in items {
                if !with_initiatives {
                    (item.initiative, item.phase) = (None, None);
                }
                board.apply(Edit::Add(Box::new(item))).expect("distinct ids on default columns");
            }
            board
        })
}

/// Some fields of an item to change, with a valid place.
pub fn change() -> impl Strategy<Value = ItemChange> {
    (
        option::of(place()),
        option::of(text()),
        option::of(kind()),
        option::of(option::of(any::<u32>())),
        option::of(vec(text(), 0..3)),
        option::of(option::of(text())),
        option::of(text()),
        option::of(checklist()),
        option::of(option::of(date())),
        option::of(option::of(severity())),
        (
            option::of(option::of(vec(text(), 0..3))),
            option::of(option::of(1u64..50)),
            option::of(membership()),
        ),
        (
            option::of(option::of(text())),
            option::of(option::of(text())),
            option::of(option::of(timestamp())),
            option::of(option::of(text())),
            option::of(option::of(0u32..40)),
            option::of(measures()),
            option::of(option::of(any::<u32>())),
            option::of(source()),
        ),
    )
        .prop_map(
            |(
                place,
                title,
                kind,
                estimate,
                tags,
                assignee,
                description,
                checklist,
                timebox,
                severity,
                (criteria, winner, member),
                (sprint, blocked, in_column_since, forced, anticipated_debt, measures, drag, source),
            )| {
                ItemChange {
                    place,
                    title,
                    kind,
                    estimate,
                    tags,
                    assignee,
                    description,
                    checklist,
                    timebox,
                    severity,
                    criteria,
                    winner,
                    initiative: member.as_ref().map(|m| m.as_ref().map(|(id, _)| id.clone())),
                    phase: member.map(|m| m.map(|(_, phase)| phase)),
                    sprint,
                    blocked,
                    in_column_since,
                    forced,
                    anticipated_debt,
                    measures,
                    drag,
                    source,
                    ..ItemChange::default()
                }
            },
        )
}

/// An edit of the initiatives: a status change, a decision recorded or taken back, or one
/// added or removed (which may fail on a board without them, or with items in them).
fn initiative_edit() -> impl Strategy<Value = Edit> {
    let id = proptest::sample::select(INITIATIVES.to_vec()).prop_map(str::to_owned);
    let status = proptest::sample::select(Status::ALL.to_vec());
    prop_oneof![
        (id.clone(), status).prop_map(|(id, status)| InitiativeEdit::Change {
            id,
            change: Box::new(InitiativeChange { status: Some(status), ..InitiativeChange::default() }),
        }),
        (id.clone(), decision()).prop_map(|(id, d)| InitiativeEdit::Record { id, decision: Box::new(d) }),
        (id.clone(), decision()).prop_map(|(id, d)| InitiativeEdit::Unrecord { id, decision: Box::new(d) }),
        id.clone().prop_map(InitiativeEdit::Remove),
        initiative("fresh").prop_map(|it| InitiativeEdit::Add(Box::new(it))),
    ]
    .prop_map(Edit::Initiative)
}

/// A board and an edit that applies to it.
pub fn board_and_edit() -> impl Strategy<Value = (Board, Edit)> {
    board(12).prop_flat_map(|board| {
        let ids: Vec<ItemId> = board.items().iter().map(|it| it.id).collect();
        let next = board.next_id;
        let edit = edit_for(ids, next);
        (Just(board), edit)
    })
}

fn edit_for(ids: Vec<ItemId>, next: ItemId) -> BoxedStrategy<Edit> {
    let add = item(next).prop_map(|it| Edit::Add(Box::new(it))).boxed();
    if ids.is_empty() {
        return add;
    }
    let pick = proptest::sample::select(ids);
    let remove = pick.clone().prop_map(Edit::Remove);
    let change = (pick, change(), timestamp()).prop_map(|(id, change, at)| Edit::Change {
        id,
        change: Box::new(change),
        at,
    });
    let single = prop_oneof![3 => add, 3 => remove, 3 => change, 2 => initiative_edit()].boxed();
    prop_oneof![
        3 => single.clone(),
        1 => vec(single, 0..3).prop_map(|edits| {
            // Only the first edit of a batch is known to apply; the rest may fail, which must
            // roll the whole batch back.
            Edit::Batch(edits)
        }),
    ]
    .boxed()
}
