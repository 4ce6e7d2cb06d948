//! The report's evidence sections on a hand-built board with a pinned clock, in both styles.

use super::*;
use crate::domain::change::{NewItem, Op, ops};
use crate::domain::two_stage::Evidence;
use crate::domain::{dual_track, two_stage};
use crate::model::{Kind, Severity, Stage, Track};
use chrono::DateTime;

fn at(day: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{day}T10:00:00Z")).expect("time").to_utc()
}

fn apply<E: std::fmt::Debug>(board: &mut Board, op: impl FnOnce(&Board) -> Result<Op, E>) {
    let op = op(board).expect("op");
    board.apply(op.edit).expect("apply");
}

/// A spike promoted on time; two features accepted, one by A/B test with a note; a critical and
/// a low debt item logged in November.
fn board() -> Board {
    let mut board = Board::new("t");
    let spike = NewItem {
        title: "Which queue?".into(),
        track: Some(Track::Discovery),
        outcome: Some("a pick".into()),
        timebox: Some(at("2026-11-08").date_naive()),
        ..NewItem::default()
    };
    apply(&mut board, |b| ops::add(b, spike, at("2026-11-01")));
    let into = ["Adopt the queue".to_owned()];
    apply(&mut board, |b| dual_track::promote(b, 1, "it scales", &into, Stage::One, at("2026-11-05")));
    apply(&mut board, |b| {
        ops::add(b, NewItem { title: "Checkout | v2".into(), ..NewItem::default() }, at("2026-11-02"))
    });
    let ab = Evidence::new(Some("ab-test"), Some("conversion +4%"));
    apply(&mut board, |b| two_stage::accept(b, 3, ab, at("2026-11-10")));
    apply(&mut board, |b| two_stage::accept(b, 2, Evidence::default(), at("2026-11-12")));
    for (title, severity, day) in
        [("SQL in views", Severity::Critical, "2026-11-11"), ("Old logs", Severity::Low, "2026-11-01")]
    {
        let new = NewItem {
            title: title.into(),
            kind: Some(Kind::Debt),
            severity: Some(severity),
            stage: Some(Stage::Two),
            ..NewItem::default()
        };
        apply(&mut board, |b| ops::add(b, new, at(day)));
    }
    board
}

#[test]
fn the_sections_in_plain_text() {
    let now = at("2026-11-21");
    let text = sections(&board(), Period::last_days(now, 30), now, Style::Text);
    assert_eq!(
        text,
        "Discovery outcomes
  1 discovery item concluded: 1 on time, 0 late, 0 without a timebox (100% on time)
  1 promoted into delivery, 0 dropped, 0 concluded otherwise
  median 4 days from start to decision; 0 open now, 0 overdue, 0 open-ended
    #1  Which queue?  promoted  on time  4d

Acceptance evidence
  2 items accepted: 1 by ab-test, 1 without recorded evidence
    #2  Adopt the queue  2026-11-12  -  
    #3  Checkout | v2  2026-11-10  ab-test  conversion +4%

Technical debt
  2 debt items, 1 critical, oldest 20 days; interest 100, up 94 in 14 days
  interest is days open × a weight per severity (low 1, medium 2, high 4, critical 8): debt compounds while it waits
    #4  SQL in views  critical  10d  interest 80
    #5  Old logs  low  20d  interest 20
"
    );
}

#[test]
fn the_sections_in_markdown_keep_tables_whole() {
    let now = at("2026-11-21");
    let markdown = sections(&board(), Period::last_days(now, 30), now, Style::Markdown);
    assert!(markdown.starts_with("## Discovery outcomes\n\n- 1 discovery item concluded"), "{markdown}");
    assert!(
        markdown.contains("\n| item | title | accepted | by | note |\n|---|---|---|---|---|\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| #3 | Checkout \\| v2 | 2026-11-10 | ab-test | conversion +4% |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("## Technical debt\n\n- 2 debt items, 1 critical, oldest 20 days; interest 100"),
        "{markdown}"
    );
}

#[test]
fn a_quiet_period_says_so() {
    let now = at("2027-06-01");
    let board = Board::new("t");
    let text = sections(&board, Period::last_days(now, 14), now, Style::Text);
    assert!(text.contains("0 discovery items concluded"), "{text}");
    assert!(text.contains("no decisions yet"), "{text}");
    assert!(text.contains("no items accepted"), "{text}");
    assert!(text.contains("no open debt items"), "{text}");
}
