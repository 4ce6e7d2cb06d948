//! The journal line of an added item written straight from the item: its fields as `[null,
//! value]` through the item's own serde form, field by field, with no copy of the item as JSON
//! values in between. The line is the one [`item_entry`](super::activity::item_entry) makes (a
//! test holds them equal); an import of 10,000 issues journals 10,000 of them at once.

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

use super::activity::{self, Action, Entry, Stamp};
use crate::domain::change::fields::BOOKKEEPING;
use crate::model::{Board, Item};

/// An added item's fields, serialized as the journal's `changes`: each field `[null, value]`,
/// the bookkeeping fields left out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Added<'a>(pub &'a Item);

/// A journal line, as the save appends it: an entry, or an added item written from the item.
#[derive(Clone, Debug, PartialEq)]
pub enum Line<'a> {
    Entry(Entry),
    Added(Entry<Added<'a>>),
}

impl Line<'_> {
    /// The line's summary ("added #12 \"Checkout\" in Ready").
    pub fn summary(&self) -> &str {
        match self {
            Line::Entry(entry) => &entry.summary,
            Line::Added(entry) => &entry.summary,
        }
    }
}

impl From<Entry> for Line<'_> {
    fn from(entry: Entry) -> Self {
        Line::Entry(entry)
    }
}

impl Serialize for Line<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Line::Entry(entry) => entry.serialize(serializer),
            Line::Added(entry) => entry.serialize(serializer),
        }
    }
}

/// The line of `item`, added to `board` (which names its column), stamped with `stamp`.
pub fn line<'a>(board: &Board, item: &'a Item, stamp: &Stamp) -> Line<'a> {
    let summary = activity::summary(board, None, Some(item));
    Line::Added(stamp.entry(Some(item.id), Action::Added, Added(item), summary))
}

impl activity::Changes for Added<'_> {
    /// An item always has fields a person set (its title, track, column).
    fn is_empty(&self) -> bool {
        false
    }
}

impl Serialize for Added<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Pairs(serializer))
    }
}

/// A serializer that takes a struct and writes it as a map of `[null, value]` pairs.
struct Pairs<S>(S);

/// The struct's fields going into the map.
struct PairFields<M>(M);

fn only_a_struct<E: ser::Error>() -> E {
    E::custom("an added item's fields are written from a struct")
}

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $out:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$out, S::Error> {
            Err(only_a_struct())
        })*
    };
}

impl<S: Serializer> Serializer for Pairs<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = PairFields<S::SerializeMap>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_map(Some(len)).map(PairFields)
    }

    refuse! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(only_a_struct())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(only_a_struct())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(only_a_struct())
    }
}

impl<M: SerializeMap> SerializeStruct for PairFields<M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        if BOOKKEEPING.contains(&key) {
            return Ok(());
        }
        self.0.serialize_entry(key, &(None::<()>, value))
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;
    use crate::model::{Measure, Source};

    #[test]
    fn an_added_line_is_the_line_the_entry_makes() {
        let mut board = generate::board(300, 3);
        let mut item = board.items()[7].clone();
        item.id = board.next_id;
        item.title = "quote \" back\\slash\nnew\tline \u{7} ünï 🚀".into();
        item.measures = vec![Measure {
            name: "p95".into(),
            before: "480".parse().expect("a decimal"),
            after: "-0.25".parse().expect("a decimal"),
            unit: Some("ms".into()),
        }];
        item.source = Some(Box::new(Source {
            system: "github".into(),
            origin: "github.com/acme/shop".into(),
            key: "gh:1".into(),
            url: Some("https://github.com/acme/shop/issues/1".into()),
            fields: [("milestone".to_owned(), "Sprint \"1\"".to_owned())].into(),
            last: [("title".to_owned(), "\"x\"".to_owned())].into(),
        }));
        board.apply(crate::domain::change::Edit::Add(Box::new(item))).expect("add");
        let stamp = Stamp { author: "ana".into(), session: "s".into(), time: generate::epoch() };
        for item in board.items() {
            let entry = activity::item_entry(&board, None, Some(item), &stamp).expect("an entry");
            let direct = serde_json::to_string(&line(&board, item, &stamp)).expect("json");
            assert_eq!(direct, serde_json::to_string(&entry).expect("json"), "#{}", item.id);
            let back: Entry = serde_json::from_str(&direct).expect("reads back");
            assert_eq!(back, entry);
        }
    }
}
