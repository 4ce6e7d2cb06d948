//! Measures on an item: the improvement the work made, before and after (the review's "Stage
//! two bought"). Set or replaced by name, removed by name; each one edit, undone like any.

use crate::domain::change::{Edit, ItemChange, Op, OpError};
use crate::model::{Board, Decimal, ItemId, Measure, Timestamp};

/// Why a measure could not be set or removed; the board is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MeasureError {
    #[error(transparent)]
    Op(#[from] OpError),
    #[error("a measure needs a name (what was measured, such as \"p95 checkout latency\")")]
    EmptyName,
    #[error("the {which} value of a measure must be a number: {why}")]
    NotANumber { which: &'static str, why: String },
    #[error(
        "write a measure as NAME BEFORE → AFTER [UNIT], like `p95 latency 480 → 210 ms`; `{0}` is not one"
    )]
    Shape(String),
    #[error("#{id} has no measure called `{name}` (it has {known})")]
    NoSuchMeasure { id: ItemId, name: String, known: String },
}

/// What `measure ID NAME BEFORE AFTER [UNIT]` was given, as typed.
pub struct Typed<'a> {
    pub name: &'a str,
    pub before: &'a str,
    pub after: &'a str,
    pub unit: Option<&'a str>,
}

impl Typed<'_> {
    /// The measure, or why these words are not one.
    pub fn measure(&self) -> Result<Measure, MeasureError> {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(MeasureError::EmptyName);
        }
        let number = |which, text: &str| {
            text.parse::<Decimal>().map_err(|why| MeasureError::NotANumber { which, why })
        };
        let unit = self.unit.map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned);
        Ok(Measure {
            name,
            before: number("before", self.before)?,
            after: number("after", self.after)?,
            unit,
        })
    }
}

/// Reads a measure as the item form and the details show it: `NAME BEFORE → AFTER [UNIT]`
/// (`->` for the arrow too), the name being every word before the last one ahead of the arrow.
pub fn parse_line(line: &str) -> Result<Measure, MeasureError> {
    let shape = || MeasureError::Shape(line.trim().to_owned());
    let (left, right) = line.split_once('→').or_else(|| line.split_once("->")).ok_or_else(shape)?;
    let (name, before) = left.trim().rsplit_once(char::is_whitespace).ok_or_else(shape)?;
    let mut right = right.split_whitespace();
    let after = right.next().ok_or_else(shape)?;
    let unit = right.collect::<Vec<_>>().join(" ");
    Typed { name, before, after, unit: Some(&unit) }.measure()
}

/// The measures written one per line (blank lines skipped), or the first line that is not one.
pub fn parse_lines(text: &str) -> Result<Vec<Measure>, MeasureError> {
    text.lines().filter(|l| !l.trim().is_empty()).map(parse_line).collect()
}

/// Sets the measure on the item, replacing one of the same name (in any case) where it was.
pub fn set(board: &Board, id: ItemId, measure: Measure, now: Timestamp) -> Result<Op, MeasureError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let mut measures = item.measures.clone();
    let summary = format!("#{id} measured: {measure}");
    match measures.iter_mut().find(|m| m.name.eq_ignore_ascii_case(&measure.name)) {
        Some(slot) => *slot = measure,
        None => measures.push(measure),
    }
    Ok(change(id, measures, summary, now))
}

/// Removes the item's measure called `name` (in any case).
pub fn remove(board: &Board, id: ItemId, name: &str, now: Timestamp) -> Result<Op, MeasureError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(at) = item.measures.iter().position(|m| m.name.eq_ignore_ascii_case(&name)) else {
        let known: Vec<String> = item.measures.iter().map(|m| format!("`{}`", m.name)).collect();
        let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
        return Err(MeasureError::NoSuchMeasure { id, name, known });
    };
    let mut measures = item.measures.clone();
    let gone = measures.remove(at);
    Ok(change(id, measures, format!("#{id} measure removed: {gone}"), now))
}

fn change(id: ItemId, measures: Vec<Measure>, summary: String, now: Timestamp) -> Op {
    let change = ItemChange { measures: Some(measures), ..ItemChange::default() };
    Op { edit: Edit::Change { id, change: Box::new(change), at: now }, summary }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{NewItem, ops};

    fn typed<'a>(name: &'a str, before: &'a str, after: &'a str, unit: Option<&'a str>) -> Typed<'a> {
        Typed { name, before, after, unit }
    }

    #[test]
    fn set_replaces_by_name_remove_takes_it_away_and_undo_restores() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        let mut board = Board::new("t");
        let add = ops::add(&board, NewItem { title: "Cache pages".into(), ..NewItem::default() }, now)
            .expect("an item");
        board.apply(add.edit).expect("added");
        let p95 = typed("p95  latency", "480", "210", Some("ms")).measure().expect("a measure");
        assert_eq!(p95.to_string(), "p95 latency 480 → 210 ms");
        board.apply(set(&board, 1, p95, now).expect("set").edit).expect("applied");
        let again = typed("P95 latency", "480", "190.5", Some("ms")).measure().expect("a measure");
        let undo = board.apply(set(&board, 1, again, now).expect("set").edit).expect("applied");
        let shown: Vec<String> =
            board.item(1).expect("item").measures.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["P95 latency 480 → 190.5 ms"], "replaced in place, not added");
        board.apply(undo).expect("undone");
        assert_eq!(board.item(1).expect("item").measures[0].after.as_str(), "210");
        assert!(matches!(remove(&board, 1, "coverage", now), Err(MeasureError::NoSuchMeasure { .. })));
        board.apply(remove(&board, 1, "p95 latency", now).expect("removed").edit).expect("applied");
        assert!(board.item(1).expect("item").measures.is_empty());
    }

    #[test]
    fn a_line_reads_back_what_a_measure_shows() {
        for shown in ["p95 checkout latency 480 → 210 ms", "coverage 41 → 68 %", "flaky tests 12 → 0"] {
            assert_eq!(parse_line(shown).expect("a measure").to_string(), shown);
        }
        let ascii = parse_line("  build time  9.5 -> 4 min ").expect("a measure");
        assert_eq!(ascii.to_string(), "build time 9.5 → 4 min");
        let two = parse_lines("a 1 → 2\n\n b 3 → 4 s\n").expect("two measures");
        assert_eq!(two.len(), 2);
        assert!(matches!(parse_line("latency 480 210"), Err(MeasureError::Shape(_))));
        assert!(matches!(parse_line("480 → 210"), Err(MeasureError::Shape(_))));
        assert!(matches!(parse_line("latency 480 →"), Err(MeasureError::Shape(_))));
        assert!(matches!(parse_line("latency fast → 2"), Err(MeasureError::NotANumber { .. })));
    }

    #[test]
    fn words_are_refused_with_the_value_named() {
        let err = typed("p95", "fast", "210", None).measure().map(|_| ()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the before value of a measure must be a number: `fast` is not a number (write it like 480, -3 or 0.95)"
        );
        assert_eq!(typed(" ", "1", "2", None).measure(), Err(MeasureError::EmptyName));
        assert!(matches!(
            typed("p95", "1", "2x", None).measure(),
            Err(MeasureError::NotANumber { which: "after", .. })
        ));
    }
}
