//! Re-imports as properties: whatever is edited here and at the source between two imports,
//! no source key ever has two items, and a field changed on both sides keeps this board's value
//! while the plan reports the source's (docs/guide/import-export.md, "Running it again").

use proptest::prelude::*;
use twotrack::domain::change::{Edit, ItemChange};
use twotrack::domain::exchange::{Batch, Mapping, Record, plan};
use twotrack::model::Board;

use crate::common::now;

fn batch(titles: &[(u8, String)]) -> Batch {
    let records = titles
        .iter()
        .map(|(key, title)| Record {
            key: format!("gh:{key}"),
            at: format!("issue {key}"),
            title: title.clone(),
            ..Record::default()
        })
        .collect();
    Batch { system: "github", origin: "github.com/a/b".into(), records, board: None }
}

fn import(board: &mut Board, batch: &Batch) -> twotrack::domain::exchange::Plan {
    let plan = plan(board, batch, &Mapping::default(), now()).expect("plans");
    board.apply(plan.op.edit.clone()).expect("applies");
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn reimports_never_duplicate_nor_overwrite_silently(
        first in proptest::collection::btree_map(0u8..12, "[a-z]{1,6}", 1..8),
        second in proptest::collection::btree_map(0u8..12, "[a-z]{1,6}", 1..8),
        local in proptest::collection::vec((0usize..8, "[A-Z]{1,6}"), 0..4),
    ) {
        let mut board = Board::new("t");
        import(&mut board, &batch(&first.clone().into_iter().collect::<Vec<_>>()));
        for (n, title) in &local {
            let ids: Vec<u64> = board.items().iter().map(|it| it.id).collect();
            let id = ids[n % ids.len()];
            let change = ItemChange { title: Some(title.clone()), ..ItemChange::default() };
            board.apply(Edit::Change { id, change: Box::new(change), at: now() }).expect("edit");
        }
        let before = board.clone();
        let plan = import(&mut board, &batch(&second.clone().into_iter().collect::<Vec<_>>()));
        let mut keys: Vec<&str> = board.items().iter().filter_map(|it| Some(it.source.as_deref()?.key.as_str())).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        prop_assert_eq!(keys.len(), count, "no key twice");
        prop_assert_eq!(count, first.keys().chain(second.keys()).collect::<std::collections::BTreeSet<_>>().len());
        for old in before.items() {
            let key = &old.source.as_deref().expect("imported").key;
            let number: u8 = key.trim_start_matches("gh:").parse().expect("a number");
            let new = board.item(old.id).expect("never deleted");
            let changed_here = first.get(&number) != Some(&old.title);
            match second.get(&number) {
                Some(theirs) if changed_here && theirs != first.get(&number).expect("imported first") && theirs != &old.title => {
                    prop_assert_eq!(&new.title, &old.title, "local wins");
                    prop_assert!(plan.conflicts.iter().any(|c| c.id == old.id && c.source == serde_json::json!(theirs)), "and the source's value is reported");
                }
                Some(theirs) if !changed_here => prop_assert_eq!(&new.title, theirs),
                _ => prop_assert!(new.title == old.title || second.get(&number) == Some(&new.title)),
            }
        }
    }
}
