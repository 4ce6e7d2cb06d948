//! JSON read loosely and without a copy where it can be: a field read as text or a number
//! that holds another kind of value reads as absent (as `Value::as_str` and `Value::as_u64`
//! read it), and an element of a list that is not an object is told apart rather than refused,
//! so that a reader names the record that is wrong. Text without escapes is borrowed from the
//! file.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Text, when the value is a string.
#[derive(Debug, Default)]
pub struct Text<'a>(pub Option<Cow<'a, str>>);

impl Text<'_> {
    /// The text, empty when absent.
    pub fn or_empty(&self) -> &str {
        self.0.as_deref().unwrap_or_default()
    }
}

/// A whole number, when the value is one and not negative.
#[derive(Debug, Default)]
pub struct Number(pub Option<u64>);

/// `true` or `false`, when the value is one.
#[derive(Debug, Default)]
pub struct Flag(pub Option<bool>);

/// An element of a list: an object read as `T`, or something else.
#[derive(Debug, Default)]
pub enum Object<T> {
    Is(T),
    #[default]
    Not,
}

impl<T> Object<T> {
    pub fn get(&self) -> Option<&T> {
        match self {
            Object::Is(t) => Some(t),
            Object::Not => None,
        }
    }
}

/// The objects of a list, `[…]` or GraphQL's `{"nodes": […]}`, each read as `T`; anything else
/// (and any element that is not an object) is left out.
#[derive(Debug)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

/// What a value turned out to be, for the types above.
enum Scalar<'a, T> {
    Text(Cow<'a, str>),
    Number(u64),
    Flag(bool),
    Object(T),
    Other,
}

/// Reads any value; an object becomes a `T` when `T` is given, and is skipped otherwise.
struct Any<T>(PhantomData<T>);

/// A type read from an object, or not read at all (the object is skipped).
trait FromObject<'de>: Sized {
    fn from_object<M: MapAccess<'de>>(map: M) -> Result<Option<Self>, M::Error>;
}

/// Skips an object.
impl<'de> FromObject<'de> for () {
    fn from_object<M: MapAccess<'de>>(mut map: M) -> Result<Option<()>, M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// Reads an object as `T`.
struct Read<T>(T);

impl<'de, T: Deserialize<'de>> FromObject<'de> for Read<T> {
    fn from_object<M: MapAccess<'de>>(map: M) -> Result<Option<Self>, M::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|t| Some(Read(t)))
    }
}

impl<'de, T: FromObject<'de>> Visitor<'de> for Any<T> {
    type Value = Scalar<'de, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Flag(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(u64::try_from(v).map_or(Scalar::Other, Scalar::Number))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(v))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        Ok(T::from_object(map)?.map_or(Scalar::Other, Scalar::Object))
    }
}

fn any<'de, D: Deserializer<'de>, T: FromObject<'de>>(d: D) -> Result<Scalar<'de, T>, D::Error> {
    d.deserialize_any(Any(PhantomData))
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Text(match any::<D, ()>(d)? {
            Scalar::Text(text) => Some(text),
            _ => None,
        }))
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Number(match any::<D, ()>(d)? {
            Scalar::Number(n) => Some(n),
            _ => None,
        }))
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Flag(match any::<D, ()>(d)? {
            Scalar::Flag(b) => Some(b),
            _ => None,
        }))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match any::<D, Read<T>>(d)? {
            Scalar::Object(Read(t)) => Object::Is(t),
            _ => Object::Not,
        })
    }
}

/// Reads a list of objects; at the top (`nodes`: true), also an object whose `nodes` is one.
struct Objects<T> {
    nodes: bool,
    of: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(element) = seq.next_element::<Object<T>>()? {
            if let Object::Is(t) = element {
                out.push(t);
            }
        }
        Ok(List(out))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<List<T>, M::Error> {
        let mut out = List::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "nodes" if self.nodes => out = map.next_value::<Nodes<T>>()?.0,
                _ => _ = map.next_value::<IgnoredAny>()?,
            }
        }
        Ok(out)
    }

    fn visit_bool<E>(self, _: bool) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_i64<E>(self, _: i64) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_u64<E>(self, _: u64) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_str<E>(self, _: &str) -> Result<List<T>, E> {
        Ok(List::default())
    }

    fn visit_unit<E>(self) -> Result<List<T>, E> {
        Ok(List::default())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Objects { nodes: true, of: PhantomData })
    }
}

/// The `nodes` of a GraphQL list: its objects when it is a list (a `nodes` inside is not).
struct Nodes<T>(List<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nodes<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Objects { nodes: false, of: PhantomData }).map(Nodes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, serde::Deserialize)]
    #[serde(default)]
    struct Probe<'a> {
        #[serde(borrow)]
        text: Text<'a>,
        number: Number,
        flag: Flag,
    }

    #[test]
    fn a_value_of_another_kind_reads_as_absent_and_plain_text_is_borrowed() {
        let list: Vec<Object<Probe>> = serde_json::from_str(
            r#"[{"text": "plain", "number": 12, "flag": true, "other": [1, {"a": 2}]},
                {"text": "a\nb", "number": -1, "flag": "yes"},
                {"text": 5, "number": 1.5, "flag": null}, 7, "x", [1], null]"#,
        )
        .expect("reads");
        let Object::Is(first) = &list[0] else { unreachable!("an object") };
        assert!(matches!(first.text.0, Some(Cow::Borrowed("plain"))));
        assert_eq!((first.number.0, first.flag.0), (Some(12), Some(true)));
        let Object::Is(second) = &list[1] else { unreachable!("an object") };
        assert_eq!(second.text.or_empty(), "a\nb");
        assert_eq!((second.number.0, second.flag.0), (None, None));
        let Object::Is(third) = &list[2] else { unreachable!("an object") };
        assert_eq!((third.text.0.is_none(), third.number.0, third.flag.0), (true, None, None));
        assert!(list[3..].iter().all(|e| matches!(e, Object::Not)));
    }

    #[derive(Debug, Default, serde::Deserialize)]
    #[serde(default)]
    struct Named<'a> {
        #[serde(borrow)]
        name: Text<'a>,
    }

    #[test]
    fn a_list_of_objects_is_a_list_or_graphql_nodes_and_nothing_else() {
        let names = |json: &str| -> Vec<String> {
            let list: List<Named> = serde_json::from_str(json).expect("reads");
            list.0.iter().map(|n| n.name.or_empty().to_owned()).collect()
        };
        assert_eq!(names(r#"[{"name": "bug", "color": "red"}, 5, {"name": 3}, {"x": 1}]"#), ["bug", "", ""]);
        assert_eq!(names(r#"{"nodes": [{"name": "a"}], "totalCount": 1}"#), ["a"]);
        for nothing in [r#"{"nodes": {"nodes": [{"name": "a"}]}}"#, r#"{"name": "a"}"#, "7", "null", r#""a""#]
        {
            assert!(names(nothing).is_empty(), "{nothing}");
        }
    }
}
