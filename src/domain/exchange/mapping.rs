//! How another tool's labels and statuses become twotrack's track, stage, kind, estimate,
//! column and tags: documented defaults (docs/guide/import-export.md, "The mapping"), added to
//! or overridden by RON tables (the config file's `import`, then `--map FILE`), each checked
//! against the board before anything is read.

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

/// A mapping table as written (a `--map` file, the config file's `import`): names as text,
/// checked against the board with their positions by [`Mapping::over`].
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Table {
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

impl Table {
    /// A `--map` file's table; a value that is not a table's is refused with its line and column.
    pub fn parse(text: &str) -> Result<Table, ExchangeError> {
        let options =
            ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        options.from_str(text).map_err(|e| ExchangeError::Mapping {
            line: e.span.start.line,
            column: e.span.start.col,
            why: e.code.to_string().replace(" in `Table`", ""),
        })
    }
}

impl Mapping {
    /// This mapping with `table` laid over it, every name checked: a track, stage or kind that
    /// does not exist, or a column the board does not have, is refused with its line and column
    /// in `text`, where the table was written from byte `start` on.
    pub fn over(
        mut self,
        table: &Table,
        text: &str,
        start: usize,
        board: &Board,
    ) -> Result<Mapping, ExchangeError> {
        let at = |value: &str, why: String| {
            let (line, column) = position(text, start, value);
            ExchangeError::Mapping { line, column, why }
        };
        for (label, track) in &table.track {
            let track = track
                .parse()
                .map_err(|_| at(track, format!("`{track}` is not a track (discovery or delivery)")))?;
            self.track.insert(label.to_lowercase(), track);
        }
        for (label, stage) in &table.stage {
            let stage =
                Stage::try_from(*stage).map_err(|_| at(label, format!("stage {stage} is not 1 or 2")))?;
            self.stage.insert(label.to_lowercase(), stage);
        }
        for (label, kind) in &table.kind {
            let kind = kind.parse().map_err(|_| at(kind, format!("`{kind}` is not a kind of item")))?;
            self.kind.insert(label.to_lowercase(), kind);
        }
        for (status, column) in &table.columns {
            let Some((_, _, found)) = board.find_column(column) else {
                return Err(at(column, format!("the board has no column `{column}`")));
            };
            self.columns.insert(status.to_lowercase(), found.id.clone());
        }
        if let Some(milestones) = table.milestone_as_sprint {
            self.milestone_as_sprint = milestones;
        }
        Ok(self)
    }
}

/// Pairs of names and values as a map with owned keys.
fn own<T: Copy>(pairs: &[(&str, T)]) -> BTreeMap<String, T> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

/// Line and column (from 1) of the first `"value"` in `text` from byte `start` on.
fn position(text: &str, start: usize, value: &str) -> (usize, usize) {
    let quoted = format!("\"{value}\"");
    let start = if text.is_char_boundary(start) { start } else { 0 };
    let offset = text[start..].find(&quoted).map_or(start, |at| start + at);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> Board {
        Board::new("t")
    }

    #[test]
    fn the_guides_table_is_read_and_laid_over_the_defaults() {
        let text = "(\n    track: {\"ux-research\": \"discovery\"},\n    stage: {\"cleanup\": 2},\n    kind: {\"Incident\": \"bug\"},\n    columns: {\"waiting for qa\": \"review\", \"blocked\": \"doing\"},\n    milestone_as_sprint: true,\n)\n";
        let table = Table::parse(text).expect("the guide's example reads");
        let mapping = Mapping::default().over(&table, text, 0, &board()).expect("valid");
        assert_eq!(mapping.track["ux-research"], Track::Discovery);
        assert_eq!((mapping.stage["cleanup"], mapping.kind["incident"]), (Stage::Two, Kind::Bug));
        assert_eq!(mapping.columns["waiting for qa"], "review");
        assert_eq!(mapping.columns["open"], "ready", "the defaults stay");
        assert!(mapping.milestone_as_sprint);
    }

    #[test]
    fn a_later_table_overrides_an_earlier_one_key_by_key() {
        let first = "(columns: {\"qa\": \"review\", \"parked\": \"ready\"}, milestone_as_sprint: true)";
        let second = "(columns: {\"QA\": \"doing\"})";
        let board = board();
        let mapping = Mapping::default()
            .over(&Table::parse(first).expect("reads"), first, 0, &board)
            .and_then(|m| m.over(&Table::parse(second).expect("reads"), second, 0, &board))
            .expect("valid");
        assert_eq!((mapping.columns["qa"].as_str(), mapping.columns["parked"].as_str()), ("doing", "ready"));
        assert!(mapping.milestone_as_sprint, "a table that does not say keeps the earlier word");
    }

    #[test]
    fn a_bad_name_is_located_from_where_the_table_starts() {
        let text = "(\n  columns: {\"x\": \"qa\"},\n  import: (\n    columns: {\"y\": \"qa\"},\n  ),\n)";
        let start = text.find("import").expect("there");
        let table = Table { columns: [("y".to_owned(), "qa".to_owned())].into(), ..Table::default() };
        let err = Mapping::default().over(&table, text, start, &board()).expect_err("no column qa");
        assert_eq!(err.to_string(), "line 4, column 20: the board has no column `qa`");
        let err = Table::parse("(\n  stage: {\"x\": \"two\"},\n)").expect_err("not a number");
        assert!(err.to_string().starts_with("line 2, column"), "{err}");
    }
}
