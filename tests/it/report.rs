//! `twotrack report` on a fixture board with four closed sprints (built with the command line
//! as a team would), pinned clock, Markdown golden files.

use crate::common;

use crate::common::{Sandbox, golden, twotrack};

const NOW: &str = "2026-11-23T09:00:00Z";

fn report(s: &Sandbox, args: &[&str]) -> common::Run {
    let mut cmd = twotrack();
    cmd.env("TWOTRACK_NOW", NOW).arg("--file").arg(&s.board).arg("report").args(args);
    common::Run::of(cmd.output().expect("run"))
}

fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    s
}

#[test]
fn the_last_closed_sprint_is_reviewed_with_the_trend_of_the_last_sprints() {
    let s = sandbox();
    let before = s.read();
    golden("report.md", &report(&s, &["--markdown"]).ok().stdout);
    assert_eq!(s.read(), before, "a report changes nothing");
}

#[test]
fn a_named_sprint_celebrates_its_repaid_debt_and_its_discovery_outcomes() {
    let s = sandbox();
    golden("report-sprint-13.md", &report(&s, &["--sprint", "Sprint 13", "--markdown"]).ok().stdout);
    let text = report(&s, &["--sprint", "Sprint 12"]).ok().stdout;
    assert!(text.contains("  ! stage two skipped twice: no refinement in the last two sprints"), "{text}");
    assert!(!report(&s, &["--sprint", "Sprint 13"]).ok().stdout.contains("skipped twice"));
}

#[test]
fn the_open_sprint_is_reported_as_of_now_and_unknown_sprints_are_one_sentence() {
    let s = sandbox();
    let text = report(&s, &["--sprint", "Sprint 15"]).ok().stdout;
    assert!(text.contains("Still open: figures as of 2026-11-23 09:00 UTC"), "{text}");
    let run = report(&s, &["--sprint", "Sprint 99"]);
    assert_eq!((run.code, run.stderr.trim()), (1, "twotrack: there is no sprint called \"Sprint 99\""));
    let empty = Sandbox::new().with_starter();
    let run = report(&empty, &[]);
    assert_eq!((run.code, run.stderr.trim()), (1, "twotrack: the board has no sprints yet; start one first"));
}

#[test]
fn the_review_carries_the_initiatives_and_the_acceptance_evidence_of_its_window() {
    let s = sandbox();
    let run = |args: &[&str]| {
        let mut cmd = twotrack();
        cmd.env("TWOTRACK_NOW", NOW).env("TWOTRACK_USER", "dana").arg("--file").arg(&s.board).args(args);
        common::Run::of(cmd.output().expect("run")).ok().stdout
    };
    let text = report(&s, &[]).ok().stdout;
    assert!(!text.contains("Initiatives"), "no initiatives on the board, no section: {text}");
    run(&["initiative", "add", "Gift cards", "--id", "gifts"]);
    let id = run(&["add", "Sell gift cards", "--stage", "1", "--initiative", "gifts"]);
    run(&["accept", id.trim(), "--by", "sign-off", "--note", "Dana signed"]);
    let text = report(&s, &["--sprint", "Sprint 15"]).ok().stdout;
    assert!(text.contains("\nInitiatives\n") && text.contains("Gift cards"), "{text}");
    assert!(text.contains("\nAcceptance evidence\n  1 item accepted: 1 by sign-off\n"), "{text}");
    assert!(text.contains("Dana signed"), "{text}");
    assert!(text.contains("\nTechnical debt\n"), "{text}");
    let closed = report(&s, &["--sprint", "Sprint 14"]).ok().stdout;
    assert!(closed.contains("\nAcceptance evidence\n  no items accepted\n"), "not in that window: {closed}");
    let markdown = report(&s, &["--sprint", "Sprint 15", "--markdown"]).ok().stdout;
    assert!(markdown.contains("\n## Initiatives\n") && markdown.contains("\n## Acceptance evidence\n"));
}
