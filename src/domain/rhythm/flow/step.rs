//! A journal line as the charts' replay reads it: the time, the item, the action and the `to`
//! side of the five fields the flow follows. The rest of the line (titles, descriptions,
//! summaries, authors, every `from`) is skipped by the JSON reader without being built, so a
//! 100,000-line journal is read without a tree of values per line.

use std::fmt;

use serde::de::value::{Error as ValueError, StrDeserializer, U64Deserializer};
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, de};

use crate::domain::team::activity::{Action, Entry};
use crate::model::{ItemId, Timestamp};

/// A journal line as the replay reads it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Step {
    #[serde(deserialize_with = "time")]
    pub(super) time: Timestamp,
    #[serde(default)]
    pub(super) item: Option<ItemId>,
    pub(super) action: Action,
    #[serde(default)]
    pub(super) changes: Changes,
}

impl Step {
    /// When the line was written.
    pub fn time(&self) -> Timestamp {
        self.time
    }
}

/// A line's time: the journal's own form (`2026-11-02T09:05:00Z`, to the second, UTC) read
/// directly, for a tenth of what chrono's RFC 3339 reader costs; any other form through it.
fn time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
    deserializer.deserialize_str(TimeVisitor)
}

/// Reads a time from the line's own text, without copying it.
struct TimeVisitor;

impl Visitor<'_> for TimeVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
        match to_the_second(text) {
            Some(time) => Ok(time),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, else `None`.
fn to_the_second(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let marks = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'Z')];
    if b.len() != 20 || marks.iter().any(|(at, mark)| b[*at] != *mark) {
        return None;
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?;
    Some(date.and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?.and_utc())
}

/// The `to` of the fields the flow follows, where the line changed them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub(super) struct Changes {
    track: Option<Pair>,
    column: Option<Pair>,
    stage: Option<Pair>,
    estimate: Option<Pair>,
    sprint: Option<Pair>,
}

/// The five fields, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Track,
    Column,
    Stage,
    Estimate,
    Sprint,
}

impl Field {
    pub(super) const ALL: [Field; 5] =
        [Field::Track, Field::Column, Field::Stage, Field::Estimate, Field::Sprint];
}

impl Changes {
    /// The `to` of `field`, if the line changed it (as a `[from, to]` pair).
    pub(super) fn to(&self, field: Field) -> Option<&To> {
        let pair = match field {
            Field::Track => &self.track,
            Field::Column => &self.column,
            Field::Stage => &self.stage,
            Field::Estimate => &self.estimate,
            Field::Sprint => &self.sprint,
        };
        pair.as_ref()?.0.as_ref()
    }
}

/// A `[from, to]` pair read for its `to` (`None`: not a pair of two values).
#[derive(Clone, Debug, PartialEq)]
struct Pair(Option<To>);

/// A `to` value, as far as the flow reads it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum To {
    Text(String),
    Number(u64),
    /// `null`: the field was cleared.
    Null,
    /// Anything else (a negative or fractional number, a list, a map, a boolean).
    Other,
}

impl To {
    pub(super) fn text(&self) -> Option<&str> {
        match self {
            To::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The value as one of the board's labels, written as the file writes it (a track by its
    /// name, a stage by its number).
    pub(super) fn label<T: DeserializeOwned>(&self) -> Option<T> {
        match self {
            To::Text(text) => T::deserialize(StrDeserializer::<ValueError>::new(text)).ok(),
            To::Number(n) => T::deserialize(U64Deserializer::<ValueError>::new(*n)).ok(),
            To::Null | To::Other => None,
        }
    }

    /// An estimate as points (none, or not a number a board holds: 0).
    pub(super) fn points(&self) -> u32 {
        match self {
            To::Number(n) => u32::try_from(*n).unwrap_or(0),
            _ => 0,
        }
    }
}

impl<'de> Deserialize<'de> for Pair {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Pair, D::Error> {
        deserializer.deserialize_any(PairVisitor)
    }
}

struct PairVisitor;

impl<'de> Visitor<'de> for PairVisitor {
    type Value = Pair;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a [from, to] pair")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Pair, A::Error> {
        let from = seq.next_element::<IgnoredAny>()?;
        let to = seq.next_element::<To>()?;
        let mut more = false;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            more = true;
        }
        Ok(Pair(from.and(to).filter(|_| !more)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Pair, A::Error> {
        IgnoredAny.visit_map(map).map(|_| Pair(None))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Pair, E> {
        Ok(Pair(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Pair, E> {
        Ok(Pair(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Pair, E> {
        Ok(Pair(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Pair, E> {
        Ok(Pair(None))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Pair, E> {
        Ok(Pair(None))
    }
}

impl<'de> Deserialize<'de> for To {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<To, D::Error> {
        deserializer.deserialize_any(ToVisitor)
    }
}

struct ToVisitor;

impl<'de> Visitor<'de> for ToVisitor {
    type Value = To;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field's value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<To, E> {
        Ok(To::Text(text.to_owned()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<To, E> {
        Ok(To::Number(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<To, E> {
        Ok(u64::try_from(n).map_or(To::Other, To::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<To, E> {
        Ok(To::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<To, E> {
        Ok(To::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<To, E> {
        Ok(To::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<To, E> {
        Ok(To::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<To, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| To::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<To, A::Error> {
        IgnoredAny.visit_map(map).map(|_| To::Other)
    }
}

impl From<&Entry> for Step {
    /// The line the replay would read from `entry` as written to the journal.
    fn from(entry: &Entry) -> Step {
        let pair = |name: &str| entry.changes.get(name).map(|v| Pair::deserialize(v).unwrap_or(Pair(None)));
        let changes = Changes {
            track: pair("track"),
            column: pair("column"),
            stage: pair("stage"),
            estimate: pair("estimate"),
            sprint: pair("sprint"),
        };
        Step { time: entry.time, item: entry.item, action: entry.action, changes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_to_the_second_reads_as_chrono_reads_it_and_other_forms_go_through_chrono() {
        for text in ["2026-11-02T09:05:00Z", "2028-02-29T23:59:59Z", "1999-12-31T00:00:00Z"] {
            let chrono: Timestamp = text.parse().expect("a time");
            assert_eq!(to_the_second(text), Some(chrono), "{text}");
        }
        for text in [
            "2026-02-30T09:05:00Z",
            "2026-11-02T24:00:00Z",
            "2026-11-02T09:05:00+01:00",
            "2026-11-0xT09:05:00Z",
        ] {
            assert_eq!(to_the_second(text), None, "{text}");
        }
        let line = |time: &str| format!(r#"{{"time":"{time}","action":"note","summary":"s"}}"#);
        let read = |time: &str| serde_json::from_str::<Step>(&line(time)).map(|s| s.time).ok();
        let chrono = |text: &str| text.parse::<Timestamp>().ok();
        assert_eq!(read("2026-11-02T09:05:00.250+01:00"), chrono("2026-11-02T09:05:00.250+01:00"));
        assert_eq!(read("2026-11-02T09:05:00Z"), chrono("2026-11-02T09:05:00Z"));
        assert_eq!(read("yesterday"), None, "a line without a time is not read");
    }

    #[test]
    fn only_a_pair_of_two_values_has_a_to() {
        let changes = |json: &str| serde_json::from_str::<Changes>(json).expect("changes");
        assert_eq!(changes(r#"{"column":["a","b"]}"#).to(Field::Column), Some(&To::Text("b".into())));
        assert_eq!(changes(r#"{"estimate":[null,3]}"#).to(Field::Estimate).map(To::points), Some(3));
        assert_eq!(changes(r#"{"estimate":[3,-1]}"#).to(Field::Estimate), Some(&To::Other));
        assert_eq!(changes(r#"{"sprint":["S1",null]}"#).to(Field::Sprint), Some(&To::Null));
        for odd in [
            r#"{"column":["a"]}"#,
            r#"{"column":["a","b","c"]}"#,
            r#"{"column":"b"}"#,
            r#"{"column":{"to":"b"}}"#,
        ] {
            assert_eq!(changes(odd).to(Field::Column), None, "{odd}");
        }
        let stage = changes(r#"{"stage":["one",{"x":[1,2]}],"track":[null,"discovery"]}"#);
        assert_eq!(stage.to(Field::Stage), Some(&To::Other));
        assert_eq!(stage.to(Field::Track).and_then(To::label), Some(crate::model::Track::Discovery));
        let two = changes(r#"{"stage":[1,2]}"#).to(Field::Stage).and_then(To::label);
        assert_eq!(two, Some(crate::model::Stage::Two), "a stage is written as its number");
        assert_eq!(
            changes(r#"{"stage":[1,3]}"#).to(Field::Stage).and_then(To::label::<crate::model::Stage>),
            None
        );
    }
}
