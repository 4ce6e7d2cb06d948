//! `restore` and `trash` (docs/guide/command-line.md): a deleted item comes back from the journal
//! with its fields, column, rank and links, and a restore that cannot happen changes nothing.

use crate::common::{Sandbox, run_at};

const WHEN: &str = "2026-11-21T10:00:00Z";

#[test]
fn a_deleted_item_comes_back_whole_with_the_links_others_had() {
    let s = Sandbox::new().with_starter();
    run_at(&s, WHEN, &["edit", "6", "--assignee", "ruth", "--estimate", "8"]).ok();
    let before = run_at(&s, WHEN, &["show", "6", "--json"]).ok().json();
    run_at(&s, WHEN, &["delete", "6"]).ok();
    assert!(run_at(&s, WHEN, &["trash"]).ok().stdout.starts_with("#6 \"Retry failed webhooks"));
    let trash = run_at(&s, WHEN, &["trash", "--json"]).ok().json();
    assert_eq!((trash[0]["id"].as_u64(), trash[0]["by"].is_string()), (Some(6), true));
    let restored = run_at(&s, "2026-11-22T09:00:00Z", &["restore", "6"]).ok();
    assert_eq!(restored.stdout.trim(), "restored #6 \"Retry failed webhooks\"");
    let after = run_at(&s, "2026-11-22T09:00:00Z", &["show", "6", "--json"]).ok().json();
    for key in ["title", "column", "track", "stage", "assignee", "estimate", "links", "created"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    assert_eq!(run_at(&s, WHEN, &["trash"]).ok().stdout.trim(), "nothing deleted to restore");
    assert_eq!(run_at(&s, WHEN, &["check"]).ok().stdout.trim(), "ok");
}

#[test]
fn a_restore_that_cannot_happen_is_one_sentence_and_changes_nothing() {
    let s = Sandbox::new().with_starter();
    let board = s.read();
    for (id, says) in [("99", "was never deleted"), ("1", "was never deleted")] {
        let run = run_at(&s, WHEN, &["restore", id]);
        assert_eq!(run.code, 1, "{id}: {run:?}");
        assert!(run.stderr.contains(says) && run.stderr.lines().count() == 1, "{id}: {}", run.stderr);
    }
    assert_eq!(s.read(), board, "the board is unchanged");
    run_at(&s, WHEN, &["delete", "6"]).ok();
    run_at(&s, WHEN, &["restore", "6"]).ok();
    let again = run_at(&s, WHEN, &["restore", "6"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("#6 is on the board now"), "{}", again.stderr);
}
