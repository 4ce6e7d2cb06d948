//! The printed forms of phased delivery on a board with a decided initiative and an empty one.

use super::*;
use crate::domain::change::{NewItem, ops};
use crate::domain::phases::fixture::{apply, now};
use crate::domain::phases::initiatives;
use crate::domain::phases::initiatives::{DecisionInput, NewInitiative};
use crate::model::{Boundary, Criteria, Verdict};

/// `checkout` (MVP done, one enhancement item under way, a `continue` at boundary 1) and an
/// empty, paused `search`.
fn board() -> Board {
    let mut board = Board::new("report");
    let criteria = Criteria { mvp: vec!["Pay by *card*".into()], ..Criteria::default() };
    let new = NewInitiative { name: "Checkout".into(), criteria, ..NewInitiative::default() };
    apply(&mut board, |b| initiatives::create(b, new));
    let new =
        NewInitiative { name: "Search | v2".into(), id: Some("search".into()), ..NewInitiative::default() };
    apply(&mut board, |b| initiatives::create(b, new));
    let change = crate::domain::change::initiative_edit::InitiativeChange {
        status: Some(crate::model::Status::Paused),
        ..Default::default()
    };
    apply(&mut board, |b| initiatives::edit(b, "search", change));
    for (title, phase, estimate, column) in [
        ("Pay", Phase::Mvp, 3, "done"),
        ("Saved cards", Phase::Enhancement, 5, "doing"),
        ("Copy", Phase::Polish, 2, "ready"),
    ] {
        let new = NewItem {
            title: title.into(),
            estimate: Some(estimate),
            column: Some(column.into()),
            ..NewItem::default()
        };
        apply(&mut board, |b| initiatives::add_to(b, ops::add(b, new, now())?, "checkout", Some(phase)));
    }
    let input = DecisionInput {
        boundary: Boundary::One,
        verdict: Verdict::Continue,
        review: "Worked: card payments.\nDidn't: address lookup".into(),
        plan: "Saved cards".into(),
        communicated: "sales".into(),
        open_items: None,
    };
    apply(&mut board, |b| initiatives::decide(b, "checkout", input, "alex", now()));
    board
}

#[test]
fn the_report_section_in_text() {
    let board = board();
    assert_eq!(
        report_section(&board, Style::Text),
        "Initiatives

checkout — Checkout (active)
  phase:       enhancement
  progress:    30% (3/10 pt done)
  MVP:         3/3 pt done, 0 open items, 30% of the work
  enhancement: 0/5 pt done, 1 open item (1 under way), 50% of the work
  polish:      0/2 pt done, 1 open item, 20% of the work
  success criteria:
    - MVP: Pay by *card*
  decisions, newest first:
    - 2026-11-21 alex · boundary 1 (MVP → enhancement): continue
      review: Worked: card payments. Didn't: address lookup
      plan: Saved cards
      communicated: sales

search — Search | v2 (paused)
  phase:       MVP (no work yet)
  progress:    0% (0/0 items done)
  MVP:         0/0 items done, 0 open items, 0% of the work
  enhancement: 0/0 items done, 0 open items, 0% of the work
  polish:      0/0 items done, 0 open items, 0% of the work
"
    );
}

#[test]
fn the_report_section_in_markdown_escapes_what_would_format() {
    let board = board();
    let md = report_section(&board, Style::Markdown);
    assert!(
        md.starts_with("## Initiatives\n\n### checkout — Checkout (active)\n\n- **phase:** enhancement\n"),
        "{md}"
    );
    assert!(md.contains("\n**success criteria**\n\n- MVP: Pay by \\*card\\*\n"), "{md}");
    assert!(
        md.contains("- 2026-11-21 alex · boundary 1 (MVP → enhancement): continue\n  review: Worked"),
        "{md}"
    );
    assert!(md.contains("### search — Search \\| v2 (paused)"), "{md}");
    let empty = report_section(&Board::new("none"), Style::Markdown);
    assert_eq!(empty, "## Initiatives\n\nNone on this board.\n");
}

#[test]
fn warnings_are_listed_with_a_mark_and_items_on_request() {
    let mut board = board();
    // The MVP item is reopened while the polish item is under way.
    apply(&mut board, |b| ops::move_to_column(b, 1, "review", now()));
    apply(&mut board, |b| ops::move_to_column(b, 3, "doing", now()));
    let checkout = board.initiative("checkout").expect("checkout");
    let progress = Progress::of(&board, checkout);
    let text = describe(&board, checkout, &progress, Style::Text, true);
    assert!(text.contains("  warnings:\n    ! polish before core"), "{text}");
    assert!(
        text.contains(
            "  items:\n    - MVP #1 [Review] Pay 3 pt\n    - enhancement #2 [In progress] Saved cards 5 pt\n"
        ),
        "{text}"
    );
    let md = describe(&board, checkout, &progress, Style::Markdown, false);
    assert!(md.contains("- **!** polish before core"), "{md}");
}

#[test]
fn the_table_has_a_line_per_initiative() {
    let board = board();
    let table = list(&Progress::all(&board));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("ID        STATUS    PHASE"), "{table}");
    assert!(lines[1].starts_with("checkout  active    enhancement   30%  3/3 pt"), "{table}");
    assert!(lines[2].ends_with("-         Search | v2"), "{table}");
    assert_eq!(list(&[]), "no initiatives on this board (initiative add NAME creates one)\n");
}
