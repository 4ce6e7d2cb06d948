//! How another tool's labels and statuses become twotrack's track, stage, kind, estimate,
//! column and tags: documented defaults (docs/guide/import-export.md, "The mapping"), added to
//! or overridden by a RON table (`--map FILE`), checked against the board before anything is read.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::ExchangeError;
use crate::model::{Board, Kind, Stage, Track};

/// The mapping in force: every key lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    pub track: BTreeMap<String, Track>,
    pub stage: BTreeMap<String, Stage>,
    pub kind: BTreeMap<String, Kind>,
    /// A status, list or lane (lower-cased) → a column's id on the board.
    pub columns: BTreeMap<String, String>,
    /// GitHub milestones as sprints.
    pub milestone_as_sprint: bool,
}

/// The `--map` file as written: names as text, checked with their positions.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Table {
    track: BTreeMap<String, String>,
    stage: BTreeMap<String, u8>,
    kind: BTreeMap<String, String>,
    columns: BTreeMap<String, String>,
    milestone_as_sprint: Option<bool>,
}

const TRACKS: [(&str, Track); 6] = [
    ("spike", Track::Discovery),
    ("discovery", Track::Discovery),
    ("research", Track::Discovery),
    ("experiment", Track::Discovery),
    ("investigation", Track::Discovery),
    ("delivery", Track::Delivery),
];
const STAGES: [(&str, Stage); 7] = [
    ("tech-debt", Stage::Two),
    ("tech debt", Stage::Two),
    ("refactor", Stage::Two),
    ("refactoring", Stage::Two),
    ("stage-two", Stage::Two),
    ("stage two", Stage::Two),
    ("stage-one", Stage::One),
];
const KINDS: [(&str, Kind); 11] = [
    ("bug", Kind::Bug),
    ("defect", Kind::Bug),
    ("feature", Kind::Feature),
    ("enhancement", Kind::Feature),
    ("story", Kind::Feature),
    ("enabler", Kind::Enabler),
    ("task", Kind::Enabler),
    ("chore", Kind::Enabler),
    ("debt", Kind::Debt),
    ("tech-debt", Kind::Debt),
    ("spike", Kind::Spike),
];
/// Statuses every tool uses, to the default board's columns (a board's own column names and
/// ids match too, ignoring case).
const COLUMNS: [(&str, &str); 14] = [
    ("open", "ready"),
    ("to do", "ready"),
    ("todo", "ready"),
    ("selected for development", "ready"),
    ("backlog", "ready"),
    ("triage", "ready"),
    ("in progress", "doing"),
    ("started", "doing"),
    ("in review", "review"),
    ("code review", "review"),
    ("done", "done"),
    ("closed", "done"),
    ("resolved", "done"),
    ("canceled", "done"),
];

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            track: own(&TRACKS),
            stage: own(&STAGES),
            kind: own(&KINDS),
            columns: COLUMNS.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
            milestone_as_sprint: false,
        }
    }
}

impl Mapping {
    /// The defaults with `text` (a `--map` file) laid over them, every name checked: a track,
    /// stage or kind that does not exist, or a column the board does not have, is refused with
    /// its line and column.
    pub fn with_table(text: &str, board: &Board) -> Result<Mapping, ExchangeError> {
        let table: Table = ron::from_str(text).map_err(|e| ExchangeError::Mapping {
            line: e.span.start.line,
            column: e.span.start.col,
            why: e.code.to_string().replace(" in `Table`", ""),
        })?;
        let mut mapping = Mapping::default();
        let at = |value: &str, why: String| {
            let (line, column) = position(text, value);
            ExchangeError::Mapping { line, column, why }
        };
        for (label, track) in table.track {
            let track = track
                .parse()
                .map_err(|_| at(&track, format!("`{track}` is not a track (discovery or delivery)")))?;
            mapping.track.insert(label.to_lowercase(), track);
        }
        for (label, stage) in table.stage {
            let stage =
                Stage::try_from(stage).map_err(|_| at(&label, format!("stage {stage} is not 1 or 2")))?;
            mapping.stage.insert(label.to_lowercase(), stage);
        }
        for (label, kind) in table.kind {
            let kind = kind.parse().map_err(|_| at(&kind, format!("`{kind}` is not a kind of item")))?;
            mapping.kind.insert(label.to_lowercase(), kind);
        }
        for (status, column) in table.columns {
            let Some((_, _, found)) = board.find_column(&column) else {
                return Err(at(&column, format!("the board has no column `{column}`")));
            };
            mapping.columns.insert(status.to_lowercase(), found.id.clone());
        }
        mapping.milestone_as_sprint = table.milestone_as_sprint.unwrap_or(false);
        Ok(mapping)
    }
}

/// Pairs of names and values as a map with owned keys.
fn own<T: Copy>(pairs: &[(&str, T)]) -> BTreeMap<String, T> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

/// Line and column (from 1) of the first `"value"` in `text`.
fn position(text: &str, value: &str) -> (usize, usize) {
    let quoted = format!("\"{value}\"");
    let offset = text.find(&quoted).unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Points named by a label: `estimate:5`, `estimate/5`, `sp:5`, `5pt`, `5pts`, `5 points`.
pub fn estimate_label(label: &str) -> Option<u32> {
    let lower = label.trim().to_lowercase();
    let number = ["estimate:", "estimate/", "sp:", "points:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .or_else(|| ["points", "point", "pts", "pt"].iter().find_map(|s| lower.strip_suffix(s)))?;
    number.trim().parse().ok()
}
