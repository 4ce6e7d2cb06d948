//! Properties of evidence on any board: an experiment split and decided is undone exactly, the
//! register's interest agrees with the interest counted day by day, and every criterion is found
//! by its own name.

use crate::common::arb;
use proptest::prelude::*;
use twotrack::domain::dual_track::{criteria, variants};
use twotrack::domain::two_stage::{debt, interest};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn splitting_and_picking_undo_exactly(board in arb::board(12), pick in 0usize..12, winner in 0usize..5, n in 1usize..4) {
        let Some(item) = board.items().get(pick % board.items().len().max(1)).cloned() else {
            return Ok(());
        };
        let now = item.updated;
        let titles: Vec<String> = (0..n).map(|i| format!("variant {i}")).collect();
        let Ok(split) = variants::split(&board, item.id, &titles, now) else { return Ok(()) };
        let mut after = board.clone();
        let undo_split = after.apply(split.edit).expect("a split applies");
        let experiment = item.experiment.unwrap_or(item.id);
        let group: Vec<u64> = variants::group(&after, experiment).iter().map(|v| v.id).collect();
        prop_assert!(group.len() >= 2 && group.len() <= variants::MAX);
        let chosen = group[winner % group.len()];
        if let Ok(picked) = variants::pick(&after, chosen, now) {
            let before_pick = after.clone();
            let undo_pick = after.apply(picked.edit).expect("a pick applies");
            let decided = variants::group(&after, experiment);
            prop_assert!(decided.iter().all(|v| v.winner == Some(chosen)));
            prop_assert_eq!(decided.iter().filter(|v| !variants::is_lost(v)).count(), 1);
            after.apply(undo_pick).expect("undo the pick");
            prop_assert_eq!(after.items(), before_pick.items());
        }
        after.apply(undo_split).expect("undo the split");
        prop_assert_eq!(after.items(), board.items());
    }

    #[test]
    fn the_registers_interest_is_the_interest_open_today(board in arb::board(12), days in 0i64..400) {
        // Today is after everything the board records.
        let last = board.items().iter().flat_map(|it| [Some(it.created), it.finished]).flatten().max();
        let now = last.unwrap_or_default() + chrono::Duration::days(days);
        let register = debt::register(&board, now);
        prop_assert_eq!(register.total_interest, interest::total_on(&board, now.date_naive()));
        let sorted = register.clone().sorted(debt::Sort::Interest);
        let interests: Vec<u64> = sorted.open.iter().map(|it| sorted.interest(it)).collect();
        prop_assert!(interests.windows(2).all(|w| w[0] >= w[1]), "{:?}", interests);
        prop_assert_eq!(sorted.open.len(), register.open.len());
    }

    #[test]
    fn every_criterion_is_found_by_its_text_and_its_number(board in arb::board(1)) {
        let list = board.entry_criteria();
        for (n, text) in list.iter().enumerate() {
            if text.trim() != text || text.is_empty() {
                continue;
            }
            let found = criteria::resolve(&board, std::slice::from_ref(text)).expect("by text");
            prop_assert!(found.contains(text), "{:?} in {:?}", text, list);
            let number = (n + 1).to_string();
            if !list.contains(&number) && !list.iter().any(|c| criteria::slug(c) == number) {
                let by_number = criteria::resolve(&board, &[number]).expect("by number");
                prop_assert_eq!(by_number.len(), 1);
            }
        }
    }
}
