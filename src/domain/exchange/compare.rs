//! One matched item against its record: which fields to take from the source, which clash
//! with a change made here since the last import, and the source record the item keeps.

use serde_json::Value;

use super::record::{Batch, Record};
use super::wanted::{NAMES, View, Wanted};
use crate::model::{Board, Item, Source};

/// This board's own item a record names by id (twotrack's exports carry the id): only when the
/// record is from this board (the same creation stamp, or the board's name in an Obsidian file)
/// and the item came from no other source.
pub fn own_item<'b>(board: &'b Board, batch: &Batch, record: &Record) -> Option<&'b Item> {
    let item = board.item(record.id?)?;
    let ours = match &record.exact {
        Some(exact) => exact.created == Some(item.created),
        None => batch.board.as_deref() == Some(board.name.as_str()),
    };
    (ours && item.source.is_none()).then_some(item)
}

/// The source record an import keeps on an item: the record's key, page and unmapped fields,
/// and the mapped values as set now (the base of the next import's comparison).
pub fn source_of(batch: &Batch, record: &Record, wanted: &Wanted) -> Source {
    Source {
        system: batch.system.to_owned(),
        origin: batch.origin.clone(),
        key: record.key.clone(),
        url: record.url.clone(),
        fields: record.fields.clone(),
        last: NAMES.iter().map(|name| ((*name).to_owned(), wanted.view().text(name))).collect(),
    }
}

/// Whether `kept` is the source record [`source_of`] makes of `record` (`wanted`, its mapped
/// fields), told without making it: a re-import of unchanged records copies nothing.
pub fn same_source(kept: &Source, batch: &Batch, record: &Record, wanted: &View<'_>) -> bool {
    kept.system == batch.system
        && kept.origin == batch.origin
        && kept.key == record.key
        && kept.url == record.url
        && kept.fields == record.fields
        && kept.last.len() == NAMES.len()
        && NAMES.iter().all(|name| kept.last.get(*name).is_some_and(|text| wanted.is_text(name, text)))
}

/// How one field of an item compares: `None` when nothing is to be done.
pub enum Verdict {
    /// The source changed it and this board did not: take the source's value.
    Take(Value),
    /// Both changed it: keep this board's value, report the source's.
    Clash(Value, Value),
}

/// Compares field `name` of `item` (`local`, its fields) with the record's value (`wanted`)
/// and the last import's.
pub fn verdict(item: &Item, local: &View<'_>, wanted: &View<'_>, name: &'static str) -> Option<Verdict> {
    if local.same(wanted, name) {
        return None;
    }
    let (incoming, local) = (wanted.value(name), local.value(name));
    let Some(source) = item.source.as_deref() else { return Some(Verdict::Take(incoming)) };
    let base: Option<Value> = source.last.get(name).and_then(|text| serde_json::from_str(text).ok());
    match base {
        Some(base) if base == incoming => None,
        Some(base) if base != local => Some(Verdict::Clash(local, incoming)),
        _ => Some(Verdict::Take(incoming)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::Mapping;

    #[test]
    fn the_source_record_is_told_the_same_without_being_made() {
        let board = Board::new("t");
        let record = Record {
            key: "gh:1".into(),
            url: Some("https://github.com/a/b/issues/1".into()),
            title: "Pay \"now\"".into(),
            labels: vec!["bug".into(), "3pt".into()],
            fields: [("milestone".to_owned(), "Sprint 1".to_owned())].into(),
            ..Record::default()
        };
        let batch = Batch { system: "github", origin: "github.com/a/b".into(), ..Batch::default() };
        let wanted = Wanted::of(&record, &Mapping::default(), &board).expect("maps");
        let made = source_of(&batch, &record, &wanted);
        assert!(same_source(&made, &batch, &record, &wanted.view()));
        for change in [
            |s: &mut Source| s.url = None,
            |s: &mut Source| _ = s.fields.insert("author".into(), "ana".into()),
            |s: &mut Source| _ = s.last.insert("title".into(), "\"Pay\"".into()),
            |s: &mut Source| _ = s.last.remove("checklist"),
            |s: &mut Source| s.origin = "github.com/a/c".into(),
        ] {
            let mut other = made.clone();
            change(&mut other);
            assert!(!same_source(&other, &batch, &record, &wanted.view()), "{other:?}");
        }
    }
}
