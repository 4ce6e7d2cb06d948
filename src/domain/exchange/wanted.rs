//! What a record asks of its item once mapped: the values of the twotrack fields an import
//! sets, compared field by field with the item and with what the last import set.

use serde_json::{Value, json};

use super::error::ExchangeError;
use super::mapping::{Mapping, estimate_label};
use super::record::Record;
use crate::model::{Board, CheckEntry, Item, Kind, Stage, Track};

/// The fields an import sets, mapped from one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub title: String,
    pub description: String,
    pub track: Track,
    pub column: String,
    pub stage: Stage,
    pub kind: Kind,
    pub estimate: Option<u32>,
    pub assignee: Option<String>,
    pub tags: Vec<String>,
    pub sprint: Option<String>,
    pub checklist: Vec<CheckEntry>,
}

/// The names of the fields an import sets, in the order plans list them; `column` stands for
/// the track and the column together (a move).
pub const NAMES: [&str; 10] = [
    "title",
    "description",
    "column",
    "stage",
    "kind",
    "estimate",
    "assignee",
    "tags",
    "sprint",
    "checklist",
];

impl Wanted {
    /// The record mapped: labels to track, stage, kind, estimate and tags; status to column.
    pub fn of(record: &Record, mapping: &Mapping, board: &Board) -> Result<Wanted, ExchangeError> {
        let mut track = None;
        let mut stage = None;
        let mut kind = None;
        let mut estimate = record.estimate;
        let mut assignee = record.assignee.clone();
        let mut tags = Vec::new();
        for label in &record.labels {
            let lower = label.trim().to_lowercase();
            let mapped_kind = mapping.kind.get(&lower).copied().or_else(|| kind_label(&lower));
            let hits = [
                mapping.track.get(&lower).map(|t| track.get_or_insert(*t)).is_some(),
                mapping.stage.get(&lower).map(|s| stage.get_or_insert(*s)).is_some(),
                mapped_kind.map(|k| kind.get_or_insert(k)).is_some(),
            ];
            if let Some(name) = lower.strip_prefix("assignee/") {
                assignee =
                    assignee.or_else(|| Some(label.trim()[label.trim().len() - name.len()..].to_owned()));
            } else if let Some(points) = estimate_label(&lower) {
                estimate = estimate.or(Some(points));
            } else if !hits.contains(&true) && !tags.contains(label) {
                tags.push(label.trim().to_owned());
            }
        }
        let (track, stage, kind, column) = match &record.exact {
            Some(exact) => {
                // twotrack's own tags and estimate are exact: no label means anything else.
                (tags, estimate) = (record.labels.clone(), record.estimate);
                (
                    exact.track,
                    exact.stage,
                    exact.kind,
                    exact_column(board, record, exact.track, &exact.column)?,
                )
            }
            None => {
                let track = track.unwrap_or(Track::Delivery);
                let kind =
                    kind.unwrap_or(if track == Track::Discovery { Kind::Spike } else { Kind::Feature });
                (track, stage.unwrap_or(Stage::One), kind, column_of(record, mapping, board, track)?)
            }
        };
        Ok(Wanted {
            title: clean(&record.title).unwrap_or_else(|| record.key.clone()),
            description: record.description.clone(),
            track,
            column,
            stage,
            kind,
            estimate,
            assignee: assignee.as_deref().and_then(clean),
            tags,
            // Only a sprint the board has: an item is never committed to a sprint that is not there.
            sprint: record
                .sprint
                .clone()
                .or_else(|| record.milestone.clone().filter(|_| mapping.milestone_as_sprint))
                .filter(|s| board.sprint(s).is_some()),
            checklist: record.checklist.clone(),
        })
    }

    /// The value of field `name` (one of [`NAMES`]) as JSON, for comparing and reporting.
    pub fn value(&self, name: &str) -> Value {
        match name {
            "title" => json!(self.title),
            "description" => json!(self.description),
            "column" => json!(format!("{}/{}", self.track.name(), self.column)),
            "stage" => json!(self.stage.number()),
            "kind" => json!(self.kind.name()),
            "estimate" => json!(self.estimate),
            "assignee" => json!(self.assignee),
            "tags" => json!(self.tags),
            "sprint" => json!(self.sprint),
            _ => json!(
                self.checklist.iter().map(|e| json!({"text": e.text, "done": e.done})).collect::<Vec<_>>()
            ),
        }
    }
}

/// The same field of an item, as [`Wanted::value`] gives it.
pub fn item_value(item: &Item, name: &str) -> Value {
    let wanted = Wanted {
        title: item.title.clone(),
        description: item.description.clone(),
        track: item.track,
        column: item.column.clone(),
        stage: item.stage,
        kind: item.kind,
        estimate: item.estimate,
        assignee: item.assignee.clone(),
        tags: item.tags.clone(),
        sprint: item.sprint.clone(),
        checklist: item.checklist.clone(),
    };
    wanted.value(name)
}

/// `kind:bug` or `kind/bug` (as twotrack's Obsidian export writes kinds).
fn kind_label(label: &str) -> Option<Kind> {
    label.strip_prefix("kind:").or_else(|| label.strip_prefix("kind/"))?.parse().ok()
}

/// Text on one line, spaces collapsed, control characters gone; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    let text: String = text.chars().map(|c| if c.is_control() || is_bidi(c) { ' ' } else { c }).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Bidirectional overrides and isolates, which can make a title read as something else.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The column of twotrack's own export, which must exist in its track on this board.
fn exact_column(board: &Board, record: &Record, track: Track, column: &str) -> Result<String, ExchangeError> {
    match board.column(track, column) {
        Some(c) => Ok(c.id.clone()),
        None => Err(unknown(record, column)),
    }
}

fn unknown(record: &Record, status: &str) -> ExchangeError {
    let status = clean(status).unwrap_or_default();
    ExchangeError::UnknownStatus { at: record.at.clone(), lower: status.to_lowercase(), status }
}

/// The column of `track` for the record: done when it is closed; else its status through the
/// mapping or by the board's own column names; the first column when it has no status.
fn column_of(
    record: &Record,
    mapping: &Mapping,
    board: &Board,
    track: Track,
) -> Result<String, ExchangeError> {
    let columns = &board.track(track).columns;
    let first = || columns.first().map(|c| c.id.clone()).unwrap_or_default();
    if record.closed {
        return Ok(columns.iter().find(|c| c.done).map_or_else(first, |c| c.id.clone()));
    }
    let Some(status) = record.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(first());
    };
    let lower = status.to_lowercase();
    let named = |name: &str| {
        columns.iter().find(|c| c.id.eq_ignore_ascii_case(name) || c.name.eq_ignore_ascii_case(name))
    };
    if let Some(column) = named(status) {
        return Ok(column.id.clone());
    }
    let Some(target) = mapping.columns.get(&lower) else { return Err(unknown(record, status)) };
    if let Some(column) = named(target) {
        return Ok(column.id.clone());
    }
    // A column of the other track: the one at the same place in this track.
    let (_, index, found) = board.find_column(target).ok_or_else(|| unknown(record, status))?;
    let same = if found.done {
        columns.iter().find(|c| c.done)
    } else {
        columns.iter().filter(|c| !c.done).nth(index)
    };
    Ok(same.or(columns.last()).map_or_else(first, |c| c.id.clone()))
}
