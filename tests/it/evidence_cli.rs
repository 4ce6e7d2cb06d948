//! Evidence from the command line: variants and the winner, acceptance on evidence, entry
//! criteria on add and later, the debt register by interest; bad input is one sentence and
//! changes nothing.

use crate::common::{Sandbox, run_at};
use serde_json::json;

/// Runs a command that must fail and checks that it said `message` and left the file alone.
fn refused(s: &Sandbox, args: &[&str], message: &str) {
    let before = s.read();
    let run = s.run(args);
    assert_eq!((run.code, run.stderr.trim()), (1, format!("twotrack: {message}").as_str()), "{args:?}");
    assert_eq!(s.read(), before, "{args:?} changed the file");
}

#[test]
fn variants_are_split_and_the_winner_picked() {
    let s = Sandbox::new().with_starter();
    assert_eq!(s.run(&["variant", "5", "Streamed export", "Zipped export"]).ok().stdout, "11\n12\n");
    let b = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(
        json!([b["experiment"], b["variant"], b["variants"], b["winner"], b["column"]]),
        json!([5, "B", [5, 11, 12], null, "ready"])
    );
    assert_eq!(s.run(&["show", "5", "--json"]).ok().json()["variant"], "A");
    assert!(
        s.run(&["show", "12"])
            .ok()
            .stdout
            .contains("experiment: #5, variant C of 3 (open): A #5, B #11, C #12")
    );
    assert_eq!(
        s.run(&["pick", "#12"]).ok().stdout,
        "C #12 won experiment #5; lost: A #5, B #11; it has no open follow-ups\n"
    );
    let lost = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!(json!([lost["column"], lost["lost"], lost["finished"]]), json!(["done", true, null]));
    let won = s.run(&["show", "12", "--json"]).ok().json();
    assert_eq!(
        json!([won["winner"], won["accepted"], won["accepted_by"], won["acceptance_note"]]),
        json!([12, "2026-11-21", "ab-test", "won experiment #5 against A #5, B #11"])
    );
    // The archive is not planned work.
    let stats = s.run(&["stats", "--json"]).ok().json();
    assert_eq!(stats["planned"]["total"], 18, "the starter's 23 points less #5's 5");
}

#[test]
fn bad_variant_requests_are_one_sentence_and_change_nothing() {
    let s = Sandbox::new().with_starter();
    refused(
        &s,
        &["variant", "5"],
        "an experiment needs at least two variants, so #5 needs at least one more",
    );
    refused(&s, &["variant", "7", "x"], "variants are made of stage-one items, and #7 is stage two");
    refused(&s, &["pick", "1"], "#1 is not a variant of an experiment; split an item into variants first");
    refused(
        &s,
        &["variant", "5", "b", "c", "d", "e", "f"],
        "an experiment has at most 5 variants, and #5 would make 6",
    );
    refused(&s, &["pick", "99"], "item #99 does not exist");
    s.run(&["variant", "5", "b"]).ok();
    s.run(&["pick", "5"]).ok();
    refused(&s, &["pick", "11"], "experiment #5 is decided already: #5 won");
}

#[test]
fn acceptance_records_how_and_what_backs_it() {
    let s = Sandbox::new().with_starter();
    assert_eq!(
        s.run(&["accept", "1", "--by", "A/B test", "--note", "conversion +4%"]).ok().stdout,
        "#1 accepted on 2026-11-21 by ab-test; it has no open follow-ups\n"
    );
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(
        (item["accepted_by"].clone(), item["acceptance_note"].clone()),
        (json!("ab-test"), json!("conversion +4%"))
    );
    s.run(&["accept", "5", "--by", "the support team tried it for a week"]).ok();
    assert_eq!(
        s.run(&["show", "5", "--json"]).ok().json()["accepted_by"],
        "the support team tried it for a week"
    );
    let shown = s.run(&["show", "1"]).ok().stdout;
    assert!(shown.contains("accepted: 2026-11-21 by ab-test\n  evidence: conversion +4%"), "{shown}");
    // Without evidence, accept works as before.
    s.run(&["accept", "6"]).ok();
    assert_eq!(s.run(&["show", "6", "--json"]).ok().json()["accepted_by"], json!(null));
}

#[test]
fn entry_criteria_on_add_and_later_and_a_warning_when_none_is_said() {
    let s = Sandbox::new().with_starter();
    let run = s
        .run(&["add", "Try a vector index", "--track", "discovery", "--criteria", "2", "new-technology"])
        .ok();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("11\n", ""));
    assert_eq!(
        s.run(&["show", "11", "--json"]).ok().json()["criteria"],
        json!(["High-risk change", "New technology"])
    );
    let run = s.run(&["add", "Pricing", "--track", "discovery"]).ok();
    assert_eq!(run.stdout, "12\n", "added all the same");
    assert!(run.stderr.contains("warning: #12 is discovery work that does not say why"), "{}", run.stderr);
    assert!(run.stderr.contains("`twotrack criteria 12 none`"), "{}", run.stderr);
    assert_eq!(
        s.run(&["criteria", "12", "none"]).ok().stdout,
        "#12: no entry criterion applies (recorded)\n"
    );
    assert_eq!(s.run(&["show", "12", "--json"]).ok().json()["criteria"], json!([]));
    refused(
        &s,
        &["add", "x", "--track", "discovery", "--criteria", "risky"],
        "there is no entry criterion `risky` (the criteria are technical-uncertainty, high-risk-change, \
         new-technology, unclear-requirements, or none)",
    );
    refused(
        &s,
        &["add", "x", "--criteria", "2"],
        "entry criteria are for discovery items, and #13 is in the delivery track",
    );
    refused(
        &s,
        &["criteria", "1", "2"],
        "entry criteria are for discovery items, and #1 is in the delivery track",
    );
    refused(
        &s,
        &["criteria", "3", "none", "2"],
        "`none` says that no entry criterion applies, so it cannot be given with others",
    );
}

#[test]
fn the_debt_register_by_interest_on_the_command_line() {
    let s = Sandbox::new().with_starter();
    run_at(
        &s,
        "2026-10-11",
        &["add", "Flaky retries", "--kind", "debt", "--stage", "2", "--severity", "low"],
    )
    .ok();
    let text = run_at(&s, "2026-12-01", &["debt", "--sort", "interest"]).ok().stdout;
    assert!(text.contains("interest 121, up 84 in 14 days (severity weight x days open"), "{text}");
    assert!(text.contains("open debt, the most interest first:"), "{text}");
    let first = text.lines().skip_while(|l| !l.starts_with("severity")).nth(1).expect("a row");
    assert!(first.starts_with("low          #11     ?   51d       51"), "{text}");
    let json = run_at(&s, "2026-12-01", &["debt", "--json"]).ok().json();
    assert_eq!(json["sort"], "severity");
    assert_eq!(json["summary"], "4 debt items, 0 critical, oldest 51 days; interest 121, up 84 in 14 days");
    assert_eq!(json["open"][0]["age_days"], 10);
    assert_eq!(json["open"][0]["interest"], 40);
    assert_eq!(s.run(&["debt", "--sort", "cost"]).code, 2, "a usage error");
}
