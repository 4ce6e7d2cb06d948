//! Working out an import: records matched with items, and the plan's edit: new items at the bottom of their lanes with consecutive ids, changed fields
//! of matched items (a move stamps as every move does), links between items of the source, and
//! the source record kept on each imported item, all as one batch: one undo step.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::compare::{Verdict, own_item, same_source, source_of, verdict};
use super::error::ExchangeError;
use super::mapping::Mapping;
use super::plan::{Clash, FieldChange, Plan};
use super::record::{Batch, Record};
use super::wanted::{NAMES, View, Wanted, item_value};
use crate::domain::change::placement::{RANK_STEP, moved};
use crate::domain::change::{Edit, ItemChange, Op};
use crate::model::{Board, Item, ItemId, Place, Stage, Timestamp, Track};

/// Works out the import of `batch` into `board` under `mapping`, at `now`: records matched
/// by their source key (or, from twotrack's own exports, by id), `gone` the keys the file no
/// longer has.
pub fn plan(board: &Board, batch: &Batch, mapping: &Mapping, now: Timestamp) -> Result<Plan, ExchangeError> {
    let mut by_key: HashMap<&str, &Item> = HashMap::new();
    for item in board.items() {
        if let Some(source) =
            item.source.as_deref().filter(|s| s.system == batch.system && s.origin == batch.origin)
        {
            by_key.insert(source.key.as_str(), item);
        }
    }
    let mut seen: HashMap<&str, &Record> = HashMap::new();
    let mut matched = Vec::with_capacity(batch.records.len());
    for record in &batch.records {
        if let Some(first) = seen.insert(record.key.as_str(), record) {
            return Err(ExchangeError::record(
                record.at.clone(),
                format!("its key {} is also the key of {}: each item must come once", record.key, first.at),
            ));
        }
        let wanted = Wanted::of(record, mapping, board)?;
        let item = by_key.get(record.key.as_str()).copied().or_else(|| own_item(board, batch, record));
        matched.push(Matched { record, wanted, item });
    }
    let gone = by_key
        .iter()
        .filter(|(key, _)| !seen.contains_key(*key))
        .map(|(key, item)| (item.id, (*key).to_owned()))
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    build(board, batch, matched, gone, now)
}

/// A record, what it asks for, and the item it updates (`None`: a new item).
pub struct Matched<'a> {
    pub record: &'a Record,
    pub wanted: Wanted,
    pub item: Option<&'a Item>,
}

/// The plan of `matched` records, `gone` naming the items the file no longer has.
fn build(
    board: &Board,
    batch: &Batch,
    matched: Vec<Matched<'_>>,
    gone: Vec<(ItemId, String)>,
    now: Timestamp,
) -> Result<Plan, ExchangeError> {
    let mut ids: HashMap<&str, ItemId> = HashMap::new();
    let mut next = board.next_id;
    for m in &matched {
        let id = match m.item {
            Some(item) => item.id,
            None => {
                next += 1;
                next - 1
            }
        };
        ids.insert(m.record.key.as_str(), id);
    }
    if next >= crate::model::MAX_ID {
        return Err(ExchangeError::Board("the board has run out of item ids".into()));
    }
    let mut lanes = Lanes::of(board);
    let mut linked = Linked::of(board);
    let mut plan = Plan {
        system: batch.system,
        origin: batch.origin.clone(),
        read: matched.len(),
        created: Vec::new(),
        updated: Vec::new(),
        unchanged: 0,
        conflicts: Vec::new(),
        gone,
        op: Op { edit: Edit::Batch(Vec::new()), summary: String::new() },
    };
    let mut edits = Vec::new();
    for m in &matched {
        let id = ids[m.record.key.as_str()];
        let links = linked.resolve(id, &m.record.links, &ids);
        match m.item {
            None => {
                let item = new_item(board, batch, m, id, links, &mut lanes, now);
                plan.created.push((id, m.record.key.clone(), item.title.clone()));
                edits.push(Edit::Add(Box::new(item)));
            }
            Some(item) => edits.extend(update(board, batch, m, item, links, &mut lanes, &mut plan, now)),
        }
    }
    plan.op = Op { edit: Edit::Batch(edits), summary: String::new() };
    plan.op.summary = plan.summary();
    Ok(plan)
}

fn new_item(
    board: &Board,
    batch: &Batch,
    m: &Matched<'_>,
    id: ItemId,
    links: Vec<ItemId>,
    lanes: &mut Lanes,
    now: Timestamp,
) -> Item {
    let w = &m.wanted;
    let place = Place {
        track: w.track,
        column: w.column.clone(),
        stage: w.stage,
        rank: lanes.next(w.track, &w.column, w.stage),
    };
    let mut item = Item::new(id, w.title.clone(), place, w.kind, now);
    item.description = w.description.clone();
    item.estimate = w.estimate;
    item.assignee = w.assignee.clone();
    item.tags = w.tags.clone();
    item.sprint = w.sprint.clone();
    item.checklist = w.checklist.clone();
    item.links = links;
    if board.is_done_column(w.track, &w.column) {
        item.finished = Some(now);
    }
    item.source = Some(Box::new(source_of(batch, m.record, w)));
    item
}

/// The edit of one matched item (none when nothing differs), with its fields in the plan.
#[allow(clippy::too_many_arguments)]
fn update(
    board: &Board,
    batch: &Batch,
    m: &Matched<'_>,
    item: &Item,
    links: Vec<ItemId>,
    lanes: &mut Lanes,
    plan: &mut Plan,
    now: Timestamp,
) -> Option<Edit> {
    let mut taken = Vec::new();
    let (local, wanted) = (View::of(item), m.wanted.view());
    for name in NAMES {
        match verdict(item, &local, &wanted, name) {
            None => {}
            Some(Verdict::Take(to)) => taken.push(FieldChange { name, from: item_value(item, name), to }),
            Some(Verdict::Clash(local, source)) => plan.conflicts.push(Clash {
                id: item.id,
                key: m.record.key.clone(),
                field: name,
                local,
                source,
            }),
        }
    }
    let mut change = change_of(board, item, &m.wanted, &taken, lanes, now);
    if !links.is_empty() {
        let mut all = item.links.clone();
        all.extend(links);
        taken.push(FieldChange {
            name: "links",
            from: Value::from(item.links.clone()),
            to: Value::from(all.clone()),
        });
        change.links = Some(all);
    }
    // This board's own items (matched by id) get no source record: a round trip leaves them as they were.
    if let Some(kept) = item.source.as_deref()
        && !same_source(kept, batch, m.record, &wanted)
    {
        change.source = Some(Some(Box::new(source_of(batch, m.record, &m.wanted))));
    }
    if taken.is_empty() {
        plan.unchanged += 1;
    } else {
        plan.updated.push((item.id, m.record.key.clone(), taken));
    }
    (!change.is_empty()).then(|| Edit::Change { id: item.id, change: Box::new(change), at: now })
}

/// The item change that takes the fields `taken`.
fn change_of(
    board: &Board,
    item: &Item,
    w: &Wanted,
    taken: &[FieldChange],
    lanes: &mut Lanes,
    now: Timestamp,
) -> ItemChange {
    let takes = |name: &str| taken.iter().any(|t| t.name == name);
    let mut change = ItemChange::default();
    if takes("column") || takes("stage") {
        let (track, column) =
            if takes("column") { (w.track, w.column.clone()) } else { (item.track, item.column.clone()) };
        let stage = if takes("stage") { w.stage } else { item.stage };
        let place = Place { rank: lanes.next(track, &column, stage), track, column, stage };
        if let Edit::Change { change: moved, .. } = moved(board, item, place, now) {
            change = *moved;
        }
    }
    change.title = takes("title").then(|| w.title.clone());
    change.description = takes("description").then(|| w.description.clone());
    change.kind = takes("kind").then_some(w.kind);
    change.estimate = takes("estimate").then_some(w.estimate);
    change.assignee = takes("assignee").then(|| w.assignee.clone());
    change.tags = takes("tags").then(|| w.tags.clone());
    change.sprint = takes("sprint").then(|| w.sprint.clone());
    change.checklist = takes("checklist").then(|| w.checklist.clone());
    change
}

/// The next rank at the bottom of each lane, as items are put there one after another.
struct Lanes(HashMap<(Track, String, Stage), i64>);

impl Lanes {
    fn of(board: &Board) -> Lanes {
        let mut max = HashMap::new();
        for it in board.items() {
            let rank = max.entry((it.track, it.column.clone(), it.stage)).or_insert(it.rank);
            *rank = (*rank).max(it.rank);
        }
        Lanes(max)
    }

    fn next(&mut self, track: Track, column: &str, stage: Stage) -> i64 {
        let rank = self.0.entry((track, column.to_owned(), stage)).or_insert(0);
        *rank = rank.saturating_add(RANK_STEP);
        *rank
    }
}

/// Links already on the board (either way round), so a link is stored once, on one side.
struct Linked(HashSet<(ItemId, ItemId)>);

impl Linked {
    fn of(board: &Board) -> Linked {
        Linked(board.items().iter().flat_map(|it| it.links.iter().map(move |l| pair(it.id, *l))).collect())
    }

    /// The ids of `keys` that `id` is not linked with yet (keys of other sources are left out).
    fn resolve(&mut self, id: ItemId, keys: &[String], ids: &HashMap<&str, ItemId>) -> Vec<ItemId> {
        let mut out = Vec::new();
        for other in keys.iter().filter_map(|k| ids.get(k.as_str()).copied()) {
            if other != id && self.0.insert(pair(id, other)) {
                out.push(other);
            }
        }
        out
    }
}

fn pair(a: ItemId, b: ItemId) -> (ItemId, ItemId) {
    (a.min(b), a.max(b))
}
