//! The standup: since the last standup (the facilitator's mark, else the start of the previous
//! working day), per person what they moved, finished and added, read from the activity journal;
//! and from the board, what is blocked, overdue spikes, what has not moved for days, and what is
//! in progress by person; each person's lines split into delivery (stage one), refinement (stage
//! two) and spikes (discovery); the debt logged and repaid since the mark (the sprint figures'
//! definition, `figures::DebtFlow`); and the items that left more debt than anticipated. Pure:
//! the journal's entries come in as a list.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveTime, Weekday};
use serde_json::Value;

use crate::domain::dual_track::timebox;
use crate::domain::dual_track::timebox::Standing;
use crate::domain::query::age;
use crate::domain::rhythm::figures::{DebtFlow, window_start};
use crate::domain::team::activity::{Action, Entry};
use crate::domain::two_stage::anticipated::{Overrun, overruns};
use crate::model::{Board, Item, ItemId, Stage, Timestamp, Track};

/// Where the standup starts counting, and why there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub time: Timestamp,
    pub why: String,
}

impl Since {
    /// The board's standup mark, else the start (UTC) of the previous working day.
    pub fn default_for(board: &Board, now: Timestamp) -> Since {
        match board.standup.mark.filter(|mark| *mark <= now) {
            Some(time) => Since { time, why: "the last standup".into() },
            None => {
                Since { time: previous_working_day(now), why: "the start of the previous working day".into() }
            }
        }
    }
}

/// The start of the working day before `now`'s (Friday's on a Monday or at the weekend).
pub fn previous_working_day(now: Timestamp) -> Timestamp {
    let back = match now.weekday() {
        Weekday::Mon => 3,
        Weekday::Sun => 2,
        _ => 1,
    };
    let day = now.date_naive().checked_sub_days(Days::new(back)).unwrap_or(now.date_naive());
    day.and_time(NaiveTime::MIN).and_utc()
}

/// Which work an item is, for the split of a person's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Work {
    /// Delivery, stage one: features shipped fast.
    Delivery,
    /// Delivery, stage two: debt repaid, refinement.
    Refinement,
    /// Discovery.
    Spikes,
}

impl Work {
    /// In the order a person's lines are told.
    pub const ALL: [Work; 3] = [Work::Delivery, Work::Refinement, Work::Spikes];

    pub fn of(item: &Item) -> Work {
        match (item.track, item.stage) {
            (Track::Discovery, _) => Work::Spikes,
            (Track::Delivery, Stage::One) => Work::Delivery,
            (Track::Delivery, Stage::Two) => Work::Refinement,
        }
    }

    /// "delivery" as the JSON and the headings name it.
    pub fn name(self) -> &'static str {
        match self {
            Work::Delivery => "delivery",
            Work::Refinement => "refinement",
            Work::Spikes => "spikes",
        }
    }
}

/// An item as the standup names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    pub id: ItemId,
    pub title: String,
    /// Its work now; `None` when it is no longer on the board.
    pub work: Option<Work>,
}

/// An item someone finished, with what happened to it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    pub item: ItemRef,
    /// "finished", "dropped", "promoted" or "accepted".
    pub outcome: &'static str,
    /// What goes with it: "(why)", "into #61, #62", "by sign-off"; empty for "finished".
    pub detail: String,
}

impl Finished {
    /// "dropped #5 Can we cache prices? (no demand)".
    pub fn line(&self) -> String {
        let detail = if self.detail.is_empty() { String::new() } else { format!(" {}", self.detail) };
        format!("{} #{} {}{detail}", self.outcome, self.item.id, self.item.title)
    }
}

/// A move from one column to another (first from, last to, when moved several times).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub item: ItemRef,
    pub from: String,
    pub to: String,
}

/// What one person did since the mark.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub moved: Vec<Moved>,
    pub finished: Vec<Finished>,
    pub added: Vec<ItemRef>,
}

/// An open item called out, with its assignee, a number of days and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Callout {
    pub item: ItemRef,
    pub who: Option<String>,
    pub days: i64,
    /// The column's name, the reason it is blocked, or nothing.
    pub note: String,
    pub blocked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standup {
    pub board: String,
    pub since: Since,
    pub now: Timestamp,
    /// "Sprint 14: day 6 of 12, 18 of 28 committed points done".
    pub sprint: Option<String>,
    /// The open sprint's goal, when it has one.
    pub goal: Option<String>,
    pub people: Vec<Person>,
    pub blocked: Vec<Callout>,
    pub overdue: Vec<Callout>,
    pub stale_days: u32,
    pub stale: Vec<Callout>,
    /// In progress (started, not done) by person, nobody last.
    pub in_progress: Vec<(Option<String>, Vec<Callout>)>,
    /// Debt logged and repaid since the mark.
    pub debt: DebtFlow,
    /// Items with more debt than anticipated, among those with a follow-up logged since
    /// `overruns_from`.
    pub overruns: Vec<Overrun>,
    /// The open sprint's window start, else the mark: a flag stays up for the whole sprint.
    pub overruns_from: Timestamp,
}

/// The standup of `board` as of `now`, with the journal's `entries` since `since`.
pub fn build(board: &Board, entries: &[Entry], since: Since, now: Timestamp) -> Standup {
    let stale_days = board.standup.stale_days();
    let in_progress: Vec<&Item> = board.items().iter().filter(|it| started(board, it)).collect();
    let mut blocked: Vec<Callout> = board
        .items()
        .iter()
        .filter(|it| !board.is_done_column(it.track, &it.column))
        .filter_map(|it| {
            let days = it.blocked_since.map_or(0, |t| (now - t).num_days().max(0));
            it.blocked.as_ref().map(|reason| callout(board, it, days, reason.clone()))
        })
        .collect();
    blocked.sort_by_key(|c| (std::cmp::Reverse(c.days), c.item.id));
    let overdue = board
        .items()
        .iter()
        .filter_map(|it| match timebox::standing(board, it, now.date_naive()) {
            Some(Standing::Overdue(days)) => Some(callout(board, it, days, column(board, it))),
            _ => None,
        })
        .collect();
    let mut stale: Vec<Callout> = in_progress
        .iter()
        .map(|it| (it, age::days_in_column(it, now)))
        .filter(|(_, days)| *days >= i64::from(stale_days))
        .map(|(it, days)| callout(board, it, days, column(board, it)))
        .collect();
    stale.sort_by_key(|c| (std::cmp::Reverse(c.days), c.item.id));
    let overruns_from =
        board.current_sprint().map_or(since.time, |sprint| window_start(board, sprint).min(since.time));
    Standup {
        debt: DebtFlow::of(board, since.time, now),
        overruns: overruns(board, overruns_from, now),
        overruns_from,
        board: board.name.clone(),
        people: people(board, entries, &since),
        since,
        now,
        sprint: sprint_line(board, now),
        goal: board.current_sprint().and_then(|s| s.goal.clone()),
        blocked,
        overdue,
        stale_days,
        stale,
        in_progress: by_person(board, &in_progress, now),
    }
}

fn callout(board: &Board, item: &Item, days: i64, note: String) -> Callout {
    Callout {
        item: item_ref(board, item.id, None),
        who: item.assignee.clone(),
        days,
        note,
        blocked: item.blocked.is_some(),
    }
}

fn column(board: &Board, item: &Item) -> String {
    board.column(item.track, &item.column).map_or_else(|| item.column.clone(), |c| c.name.clone())
}

/// The items in progress grouped by assignee (by name, nobody last), the oldest first.
fn by_person(board: &Board, items: &[&Item], now: Timestamp) -> Vec<(Option<String>, Vec<Callout>)> {
    let mut people: Vec<(Option<String>, Vec<Callout>)> = Vec::new();
    for item in items {
        let entry = callout(board, item, age::days_in_column(item, now), column(board, item));
        match people.iter_mut().find(|(who, _)| *who == item.assignee) {
            Some((_, list)) => list.push(entry),
            None => people.push((item.assignee.clone(), vec![entry])),
        }
    }
    people.sort_by(|a, b| (a.0.is_none(), &a.0).cmp(&(b.0.is_none(), &b.0)));
    for (_, list) in &mut people {
        list.sort_by_key(|c| (std::cmp::Reverse(c.days), c.item.id));
    }
    people
}

/// Work has started on the item: it left its track's first column and is not done.
fn started(board: &Board, item: &Item) -> bool {
    let columns = &board.track(item.track).columns;
    let first = columns.first().is_some_and(|c| c.id == item.column);
    !first && !board.is_done_column(item.track, &item.column)
}

fn sprint_line(board: &Board, now: Timestamp) -> Option<String> {
    let sprint = board.current_sprint()?;
    let length = (sprint.end - sprint.start).num_days() + 1;
    let day = (now.date_naive() - sprint.start).num_days() + 1;
    let (mut committed, mut done) = (0u32, 0u32);
    for item in board.items().iter().filter(|it| sprint.holds(it)) {
        let points = item.estimate.unwrap_or(0);
        committed = committed.saturating_add(points);
        if board.is_done_column(item.track, &item.column) {
            done = done.saturating_add(points);
        }
    }
    let when = match day {
        d if d > length => format!("{} days past its end", d - length),
        d if d < 1 => format!("starts {}", sprint.start),
        d => format!("day {d} of {length}"),
    };
    Some(format!(
        "{} ({}): {when}, {done} of {committed} committed points done",
        sprint.name,
        sprint.model_label()
    ))
}

/// The item's title on the board, else as the journal last knew it, marked deleted.
fn item_ref(board: &Board, id: ItemId, entry: Option<&Entry>) -> ItemRef {
    if let Some(item) = board.item(id) {
        return ItemRef { id, title: item.title.clone(), work: Some(Work::of(item)) };
    }
    let known = entry
        .and_then(|e| e.change("title"))
        .and_then(|(from, to)| [to, from].into_iter().find_map(|v| v.as_str().map(str::to_owned)));
    let title = known.map_or_else(|| "(deleted)".into(), |title| format!("{title} (deleted)"));
    ItemRef { id, title, work: None }
}

/// What became of a finished item, in words: a dropped spike says why, a promoted one into what,
/// an accepted item by what evidence; anything else was "finished".
fn finished_as(board: &Board, promoted: &HashMap<ItemId, Vec<ItemId>>, item: ItemRef) -> Finished {
    let told = |outcome, detail| Finished { item: item.clone(), outcome, detail };
    let Some(on_board) = board.item(item.id) else { return told("finished", String::new()) };
    if let Some(why) = &on_board.drop_reason {
        return told("dropped", format!("({why})"));
    }
    if let Some(into) = promoted.get(&item.id) {
        return told("promoted", format!("into {}", crate::words::id_list(into)));
    }
    if on_board.learned.is_some() {
        return told("promoted", String::new());
    }
    match (&on_board.accepted_by, &on_board.acceptance_note) {
        (Some(by), Some(note)) => told("accepted", format!("by {by} ({note})")),
        (Some(by), None) => told("accepted", format!("by {by}")),
        (None, _) => told("finished", String::new()),
    }
}

/// A column id from the journal as its name on the board.
fn column_name(board: &Board, value: &Value) -> Option<String> {
    let id = value.as_str()?;
    Some(board.find_column(id).map_or_else(|| id.to_owned(), |(_, _, c)| c.name.clone()))
}

/// Per person (by name), what the journal says they moved, finished and added since `since`.
fn people(board: &Board, entries: &[Entry], since: &Since) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    // Where each person's line about an item is: (person, item) → index in `moved`, and the
    // items already told as finished or added, so each is told once.
    let mut moved_at: HashMap<(usize, ItemId), usize> = HashMap::new();
    let mut told: HashSet<(usize, ItemId, Told)> = HashSet::new();
    let mut promoted: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for item in board.items() {
        if let Some(from) = item.promoted_from {
            promoted.entry(from).or_default().push(item.id);
        }
    }
    for entry in entries.iter().filter(|e| e.time >= since.time) {
        let Some(id) = entry.item else { continue };
        let at = match people.iter().position(|p| p.name == entry.author) {
            Some(at) => at,
            None => {
                people.push(Person { name: entry.author.clone(), ..Person::default() });
                people.len() - 1
            }
        };
        let person = &mut people[at];
        let finished = entry.change("finished").is_some_and(|(from, to)| from.is_null() && !to.is_null());
        match entry.action {
            Action::Added if told.insert((at, id, Told::Added)) => {
                person.added.push(item_ref(board, id, Some(entry)));
            }
            Action::Changed => {
                if finished && told.insert((at, id, Told::Finished)) {
                    person.finished.push(finished_as(board, &promoted, item_ref(board, id, Some(entry))));
                }
                if let Some((from, to)) = entry.change("column") {
                    let to = column_name(board, to).unwrap_or_default();
                    match moved_at.get(&(at, id)) {
                        Some(&index) => person.moved[index].to = to,
                        None => {
                            moved_at.insert((at, id), person.moved.len());
                            let from = column_name(board, from).unwrap_or_default();
                            person.moved.push(Moved { item: item_ref(board, id, Some(entry)), from, to });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (at, person) in people.iter_mut().enumerate() {
        // A move into done is told as finished; a move there and back is no move.
        person.moved.retain(|m| {
            m.from != m.to && !(told.contains(&(at, m.item.id, Told::Finished)) && is_done_name(board, &m.to))
        });
    }
    people.retain(|p| !(p.moved.is_empty() && p.finished.is_empty() && p.added.is_empty()));
    people.sort_by(|a, b| a.name.cmp(&b.name));
    people
}

/// What a person's line about an item tells (each once).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Told {
    Added,
    Finished,
}

fn is_done_name(board: &Board, name: &str) -> bool {
    crate::model::Track::ALL.iter().any(|t| board.track(*t).columns.iter().any(|c| c.done && c.name == name))
}

#[cfg(test)]
#[path = "standup_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "standup_split_tests.rs"]
mod split_tests;
