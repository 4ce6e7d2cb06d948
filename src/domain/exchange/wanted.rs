//! What a record asks of its item once mapped: the values of the twotrack fields an import
//! sets, compared field by field with the item and with what the last import set.

use serde::{Serialize, Serializer};
use serde_json::Value;

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

    /// The fields, borrowed.
    pub fn view(&self) -> View<'_> {
        View {
            title: &self.title,
            description: &self.description,
            track: self.track,
            column: &self.column,
            stage: self.stage,
            kind: self.kind,
            estimate: self.estimate,
            assignee: self.assignee.as_deref(),
            tags: &self.tags,
            sprint: self.sprint.as_deref(),
            checklist: &self.checklist,
        }
    }
}

/// The fields an import sets, borrowed from a [`Wanted`] or from an item: compared without
/// copying them, and written as JSON without building JSON values first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub track: Track,
    pub column: &'a str,
    pub stage: Stage,
    pub kind: Kind,
    pub estimate: Option<u32>,
    pub assignee: Option<&'a str>,
    pub tags: &'a [String],
    pub sprint: Option<&'a str>,
    pub checklist: &'a [CheckEntry],
}

/// One field of a [`View`], serialized as its JSON value.
enum Field<'a> {
    Text(&'a str),
    Place(Track, &'a str),
    Number(Option<u32>),
    Optional(Option<&'a str>),
    List(&'a [String]),
    Checklist(&'a [CheckEntry]),
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Text(text) => text.serialize(serializer),
            Field::Place(track, column) => format!("{}/{column}", track.name()).serialize(serializer),
            Field::Number(number) => number.serialize(serializer),
            Field::Optional(text) => text.serialize(serializer),
            Field::List(list) => list.serialize(serializer),
            Field::Checklist(list) => list.serialize(serializer),
        }
    }
}

impl<'a> View<'a> {
    /// The fields of `item`.
    pub fn of(item: &'a Item) -> View<'a> {
        View {
            title: &item.title,
            description: &item.description,
            track: item.track,
            column: &item.column,
            stage: item.stage,
            kind: item.kind,
            estimate: item.estimate,
            assignee: item.assignee.as_deref(),
            tags: &item.tags,
            sprint: item.sprint.as_deref(),
            checklist: &item.checklist,
        }
    }

    fn field(&self, name: &str) -> Field<'a> {
        match name {
            "title" => Field::Text(self.title),
            "description" => Field::Text(self.description),
            "column" => Field::Place(self.track, self.column),
            "stage" => Field::Number(Some(u32::from(self.stage.number()))),
            "kind" => Field::Text(self.kind.name()),
            "estimate" => Field::Number(self.estimate),
            "assignee" => Field::Optional(self.assignee),
            "tags" => Field::List(self.tags),
            "sprint" => Field::Optional(self.sprint),
            _ => Field::Checklist(self.checklist),
        }
    }

    /// Whether field `name` holds the same in both (as their JSON values would say).
    pub fn same(&self, other: &View<'_>, name: &str) -> bool {
        match name {
            "title" => self.title == other.title,
            "description" => self.description == other.description,
            "column" => (self.track, self.column) == (other.track, other.column),
            "stage" => self.stage == other.stage,
            "kind" => self.kind == other.kind,
            "estimate" => self.estimate == other.estimate,
            "assignee" => self.assignee == other.assignee,
            "tags" => self.tags == other.tags,
            "sprint" => self.sprint == other.sprint,
            _ => self.checklist == other.checklist,
        }
    }

    /// The value of field `name` (one of [`NAMES`]) as JSON.
    pub fn value(&self, name: &str) -> Value {
        // These values always serialize (strings, numbers and lists of them).
        serde_json::to_value(self.field(name)).unwrap_or(Value::Null)
    }

    /// [`View::value`] as JSON text, as the source record keeps it.
    pub fn text(&self, name: &str) -> String {
        serde_json::to_string(&self.field(name)).unwrap_or_default()
    }

    /// Whether `text` is [`View::text`] of field `name`, told without making that text.
    pub fn is_text(&self, name: &str, text: &str) -> bool {
        /// Compares what is written with `text`, byte by byte, and stops writing at a difference.
        struct Against<'t>(&'t [u8]);
        impl std::io::Write for Against<'_> {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                match self.0.strip_prefix(bytes) {
                    Some(rest) => {
                        self.0 = rest;
                        Ok(bytes.len())
                    }
                    None => Err(std::io::ErrorKind::InvalidData.into()),
                }
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut against = Against(text.as_bytes());
        serde_json::to_writer(&mut against, &self.field(name)).is_ok() && against.0.is_empty()
    }
}

/// Field `name` of an item as JSON, as [`View::value`] gives a record's.
pub fn item_value(item: &Item, name: &str) -> Value {
    View::of(item).value(name)
}

/// `kind:bug` or `kind/bug` (as twotrack's Obsidian export writes kinds).
fn kind_label(label: &str) -> Option<Kind> {
    label.strip_prefix("kind:").or_else(|| label.strip_prefix("kind/"))?.parse().ok()
}

/// Text on one line, spaces collapsed, control characters gone; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    // Most titles are clean already: one pass to tell, one copy.
    let odd = |c: char| c.is_control() || is_bidi(c) || (c.is_whitespace() && c != ' ');
    if !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(odd)
    {
        return Some(text.to_owned());
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn a_view_compares_and_writes_each_field_as_its_json_value_says() {
        let board = generate::board(200, 5);
        let mut odd = board.items()[3].clone();
        odd.title = "quote \" back\\slash\nnew\tline ünï 🚀".into();
        odd.checklist = vec![CheckEntry { text: "a \"b\"".into(), done: true }];
        odd.tags = vec!["x".into(), "y, z".into()];
        let items: Vec<&Item> = board.items().iter().chain([&odd]).collect();
        for pair in items.windows(2) {
            let (a, b) = (View::of(pair[0]), View::of(pair[1]));
            for name in NAMES {
                assert_eq!(a.same(&b, name), a.value(name) == b.value(name), "{name}");
                assert!(a.same(&a, name));
                assert_eq!(a.text(name), a.value(name).to_string(), "{name}");
                assert!(a.is_text(name, &a.text(name)), "{name}");
                assert_eq!(a.is_text(name, &b.text(name)), a.text(name) == b.text(name), "{name}");
                assert!(!a.is_text(name, &format!("{} ", a.text(name))), "{name}");
                let back: Value = serde_json::from_str(&a.text(name)).expect("JSON");
                assert_eq!(back, a.value(name));
            }
        }
        assert_eq!(View::of(&odd).value("checklist"), serde_json::json!([{"text": "a \"b\"", "done": true}]));
        assert_eq!(View::of(&odd).value("stage"), serde_json::json!(odd.stage.number()));
    }
}
