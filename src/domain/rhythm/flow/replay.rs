//! One pass over the activity journal (docs/guide/rhythm.md, "Charts"): every item's track,
//! column, stage, estimate and sprint replayed entry by entry, with running totals per column
//! and per sprint kept as it goes, a copy of those totals at the end of each day, and each
//! item's way from an in-progress column to done. Fed more entries as the journal grows, so a
//! key press never rereads it. Pure: the file is `store::journal`.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::step::{Field, Step};
use crate::domain::team::activity::Action;
use crate::model::{Board, ItemId, Stage, Timestamp, Track};

/// Where an item is and what it weighs, as far as the journal told.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    track: Track,
    column: String,
    stage: Stage,
    estimate: u32,
    sprint: Option<String>,
}

/// Scope and done points of one sprint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Points {
    pub scope: u32,
    pub done: u32,
}

/// The totals at the end of one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Items per track and column id.
    pub columns: BTreeMap<(Track, String), u32>,
    /// Points per sprint name (sprints nothing was ever committed to are absent).
    pub sprints: BTreeMap<String, Points>,
}

/// An item that entered a done column.
#[derive(Clone, Debug, PartialEq)]
pub struct Finish {
    pub when: Timestamp,
    pub track: Track,
    pub stage: Stage,
    /// Days from first entering an in-progress column (absent: it never did, as far as known).
    pub days: Option<f64>,
}

/// How the board's columns read: which are done, which is each track's first (the queue).
/// The replay is kept only while the board's columns stay these.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Columns(Vec<(Track, String, bool, bool)>);

impl Columns {
    fn of(board: &Board) -> Columns {
        let mut all = Vec::new();
        for track in Track::ALL {
            for (i, c) in board.track(track).columns.iter().enumerate() {
                all.push((track, c.id.clone(), c.done, i == 0));
            }
        }
        Columns(all)
    }

    fn find(&self, track: Track, column: &str) -> Option<&(Track, String, bool, bool)> {
        self.0.iter().find(|(t, id, _, _)| *t == track && id == column)
    }

    fn is_done(&self, s: &State) -> bool {
        self.find(s.track, &s.column).is_some_and(|c| c.2)
    }

    /// Neither the track's queue nor done (a column the board no longer has counts as neither).
    fn in_progress(&self, s: &State) -> bool {
        self.find(s.track, &s.column).is_some_and(|c| !c.2 && !c.3)
    }
}

/// The journal replayed up to a byte offset.
#[derive(Clone, Debug)]
pub struct Replay {
    columns: Columns,
    /// The journal's length when the last entries were fed (the cache's key).
    pub offset: u64,
    items: HashMap<ItemId, State>,
    started: HashMap<ItemId, Timestamp>,
    now: Totals,
    /// The day being replayed and the totals at the end of each day before it.
    day: Option<NaiveDate>,
    first: Option<NaiveDate>,
    pub(super) days: Vec<Totals>,
    pub(super) finishes: Vec<Finish>,
    /// Entries about items the journal never added (added before it began, or not this
    /// board's): left out, never guessed.
    pub unknown: u32,
    /// Entries stamped earlier than the day the journal had reached (a writer's clock behind):
    /// counted on that day.
    pub skewed: u32,
}

impl Replay {
    /// Nothing replayed yet, for `board`'s columns.
    pub fn new(board: &Board) -> Replay {
        Replay {
            columns: Columns::of(board),
            offset: 0,
            items: HashMap::new(),
            started: HashMap::new(),
            now: Totals::default(),
            day: None,
            first: None,
            days: Vec::new(),
            finishes: Vec::new(),
            unknown: 0,
            skewed: 0,
        }
    }

    /// Whether this replay still fits `board` and the journal, now `len` bytes long (a
    /// shorter journal was replaced; other columns read differently): else start anew.
    pub fn fits(&self, board: &Board, len: u64) -> bool {
        len >= self.offset && self.columns == Columns::of(board)
    }

    /// The first day the journal tells of.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.first
    }

    /// The totals at the end of `date` (before the journal began: none), `today` being the
    /// last day there is.
    pub fn totals(&self, date: NaiveDate) -> Option<&Totals> {
        let first = self.first?;
        let index = usize::try_from((date - first).num_days()).ok()?;
        Some(self.days.get(index).unwrap_or(&self.now))
    }

    /// Replays one journal line (the caller sets [`Replay::offset`] after the last).
    pub fn step(&mut self, entry: &Step) {
        let Some(id) = entry.item else { return };
        self.advance(entry.time.date_naive());
        let before = self.items.get(&id).cloned();
        let after = match (entry.action, &before) {
            (Action::Added, _) => match read_whole(entry) {
                Some(state) => Some(state),
                None => {
                    self.unknown += 1;
                    return;
                }
            },
            (Action::Deleted, Some(_)) => None,
            (Action::Changed, Some(state)) => Some(changed(state, entry)),
            (Action::Changed | Action::Deleted, None) => {
                self.unknown += 1;
                return;
            }
            // An archived item is still done work: the flow keeps counting it where it was.
            (
                Action::Settings | Action::Conflict | Action::Note | Action::Archived | Action::Unarchived,
                _,
            ) => {
                return;
            }
        };
        if let Some(old) = &before {
            self.count(old, false);
        }
        match &after {
            Some(new) => {
                self.count(new, true);
                self.moved(id, before.as_ref(), new, entry.time);
                self.items.insert(id, new.clone());
            }
            None => {
                self.items.remove(&id);
                self.started.remove(&id);
            }
        }
    }

    /// Moves the replay on to `date`, keeping the totals of every whole day passed.
    fn advance(&mut self, date: NaiveDate) {
        let Some(day) = self.day else {
            self.day = Some(date);
            self.first = Some(date);
            return;
        };
        if date < day {
            self.skewed += 1;
            return;
        }
        for _ in 0..(date - day).num_days() {
            self.days.push(self.now.clone());
        }
        self.day = Some(date);
    }

    fn count(&mut self, s: &State, add: bool) {
        let step = |n: &mut u32, by: u32| *n = if add { n.saturating_add(by) } else { n.saturating_sub(by) };
        step(self.now.columns.entry((s.track, s.column.clone())).or_default(), 1);
        if let Some(sprint) = &s.sprint {
            let done = self.columns.is_done(s);
            let points = self.now.sprints.entry(sprint.clone()).or_default();
            step(&mut points.scope, s.estimate);
            if done {
                step(&mut points.done, s.estimate);
            }
        }
    }

    /// An item's first step into progress starts its clock; its step into done stops it.
    fn moved(&mut self, id: ItemId, before: Option<&State>, new: &State, when: Timestamp) {
        if self.columns.in_progress(new) {
            self.started.entry(id).or_insert(when);
        }
        let was_done = before.is_some_and(|b| self.columns.is_done(b));
        if self.columns.is_done(new) && !was_done {
            let days = self.started.remove(&id).map(|start| (when - start).num_seconds() as f64 / 86_400.0);
            // A start stamped after the finish (clocks apart) gives no time rather than a negative one.
            let days = days.filter(|d| *d >= 0.0);
            self.finishes.push(Finish { when, track: new.track, stage: new.stage, days });
        }
    }
}

/// An added item's fields (`[null, value]` each).
fn read_whole(entry: &Step) -> Option<State> {
    let to = |field: Field| entry.changes.to(field);
    let track = to(Field::Track)?.label()?;
    let column = to(Field::Column)?.text()?.to_owned();
    let stage = to(Field::Stage).and_then(|v| v.label()).unwrap_or(Stage::One);
    let estimate = to(Field::Estimate).map_or(0, |v| v.points());
    let sprint = to(Field::Sprint).and_then(|v| v.text()).map(str::to_owned);
    Some(State { track, column, stage, estimate, sprint })
}

/// `state` with the fields `entry` changed.
fn changed(state: &State, entry: &Step) -> State {
    let mut s = state.clone();
    for (field, to) in Field::ALL.into_iter().filter_map(|f| Some((f, entry.changes.to(f)?))) {
        match field {
            Field::Track => s.track = to.label().unwrap_or(s.track),
            Field::Column => s.column = to.text().map_or(s.column, str::to_owned),
            Field::Stage => s.stage = to.label().unwrap_or(s.stage),
            Field::Estimate => s.estimate = to.points(),
            Field::Sprint => s.sprint = to.text().map(str::to_owned),
        }
    }
    s
}
