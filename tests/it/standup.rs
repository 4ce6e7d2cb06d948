//! `twotrack standup` against a fixture board and journal on a pinned clock (Monday morning, so
//! "since the previous working day" reaches back to Friday), with a Markdown golden file.

use crate::common;

use crate::common::{Sandbox, golden, twotrack};

/// A Monday, 09:30.
const MONDAY: &str = "2026-11-23T09:30:00Z";

fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/standup.ron", &s.board).expect("board");
    std::fs::copy("tests/fixtures/standup.ron.journal", s.dir.path().join("board.ron.journal"))
        .expect("journal");
    s
}

fn standup(s: &Sandbox, args: &[&str]) -> common::Run {
    let mut cmd = twotrack();
    cmd.env("TWOTRACK_NOW", MONDAY).arg("--file").arg(&s.board).arg("standup").args(args);
    common::Run::of(cmd.output().expect("run"))
}

#[test]
fn standup_markdown_matches_the_golden_file() {
    let s = sandbox();
    let before = (s.read(), std::fs::read(s.dir.path().join("board.ron.journal")).expect("journal"));
    let run = standup(&s, &["--markdown"]).ok();
    golden("standup.md", &run.stdout);
    let after = (s.read(), std::fs::read(s.dir.path().join("board.ron.journal")).expect("journal"));
    assert_eq!(before, after, "a standup changes no file");
    let files = std::fs::read_dir(s.dir.path()).expect("dir").count();
    assert_eq!(files, 2, "and creates none (no lock, no backup)");
}

#[test]
fn plain_text_since_a_given_time_names_people_moves_and_ages() {
    let s = sandbox();
    let text = standup(&s, &["--since", "2026-11-16"]).ok().stdout;
    for line in [
        "Since Mon 2026-11-16 00:00 UTC (--since 2026-11-16), as of Mon 2026-11-23 09:30 UTC",
        "Sprint 14 (split): day 8 of 12, 5 of 26 committed points done",
        "  kim\n    - moved #5 Can we cache prices?: To explore → Exploring",
        "    - moved #3 Receipts by e-mail: Ready → In progress",
        "    - finished #2 Saved carts",
        "    - added #8 Try a new font (deleted)",
        "    - #3 Receipts by e-mail — @ana, 3d: waiting for the mail provider's API key",
        "    - #4 Refactor the cart totals — @ben, 9d in In progress",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let later = standup(&s, &["--since", "2h", "--stale-days", "7"]).ok().stdout;
    assert!(later.contains("nothing was moved, finished or added since then"), "{later}");
    assert!(later.contains("Not moved for 7 days or more (1)"), "{later}");
}

#[test]
fn a_standup_without_a_journal_still_shows_the_board_and_bad_input_is_one_sentence() {
    let s = sandbox();
    std::fs::remove_file(s.dir.path().join("board.ron.journal")).expect("remove journal");
    let text = standup(&s, &[]).ok().stdout;
    assert!(text.contains("nothing was moved") && text.contains("Blocked (1)"), "{text}");
    let run = standup(&s, &["--since", "last week"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim(),
        "twotrack: `last week` is not a time: give a date (2026-11-20), a time (2026-11-20 14:00, or 09:30 \
         for today), or a length back from now (2h, 1d, 1w)"
    );
    let missing = Sandbox::new();
    let run = standup(&missing, &[]);
    assert_eq!(run.code, 1, "no board: an error, and nothing is created");
    assert!(!missing.board.exists());
}
