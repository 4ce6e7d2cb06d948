//! A whole planning in the real binary, in a pseudo-terminal, as a facilitator does it: start a
//! sprint from the capacity view, commit items until the 70/30 split is on target, finish some
//! work, close the sprint, and see its trend; then the standup and the review from the command
//! line. Every wait is for something on screen, never a fixed sleep.

use crate::common::Sandbox;
use crate::common::pty::Pty;

const F2: &str = "\x1bOQ";
const ESC: &str = "\x1b";

/// Selects item `id` through the search, runs `key` on it, waits for `expect`, clears the filter.
fn on_item(pty: &mut Pty, id: u64, key: &str, expect: &str) {
    pty.keys(&["/"]);
    pty.send(&format!("#{id}"));
    pty.keys(&["\r", key]);
    pty.wait_for(expect);
    pty.keys(&[ESC]);
    pty.wait_for("filter cleared");
}

#[test]
fn a_facilitator_plans_a_sprint_to_the_seventy_thirty_split_and_closes_it() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 100, 30, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["c"]);
    pty.wait_for("n start a sprint");
    pty.keys(&["n"]);
    pty.wait_for("Start a sprint");
    pty.keys(&[F2]);
    pty.wait_for("started sprint \"Sprint 1\"");
    pty.keys(&[ESC]);
    for (id, load) in [(5, 5), (6, 8), (7, 10), (8, 13), (2, 16)] {
        on_item(&mut pty, id, "m", &format!("({load} of 40 points committed)"));
    }
    let top = pty.screen().lines().next().unwrap_or_default().to_owned();
    assert!(top.contains("Sprint 1: 16/40 pt"), "{top}");
    assert!(top.contains("stage two 31") && !top.contains('!'), "the split is on target: {top}");
    // Finish the refactoring (its definition of done is not ticked, so it asks first).
    pty.keys(&["/"]);
    pty.send("#8");
    pty.keys(&["\r", "L"]);
    pty.wait_for("Move #8 to Done?");
    pty.keys(&["y"]);
    pty.wait_for("#8 moved to Done");
    pty.keys(&[ESC, "c", "x"]);
    pty.wait_for("Close sprint \"Sprint 1\"");
    pty.wait_for("3 of 16 committed points done");
    pty.keys(&[F2]);
    pty.wait_for("closed sprint \"Sprint 1\"");
    // Back in the capacity view, which now shows the closed sprint's trend.
    let screen = pty.wait_for("Trends");
    assert!(screen.contains("last 1 closed sprint"), "{screen}");
    assert!(screen.contains("100% · target 30%"), "{screen}");
    assert!(screen.contains("Sprint 2 ·"), "the next sprint is open: {screen}");
    pty.keys(&[ESC, "q"]);
    assert!(pty.wait_exit(), "exits with success");
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(sprints[0]["figures"]["done"]["stage_two"], 3);
    assert_eq!(sprints[0]["figures"]["rolled_over"], serde_json::json!([2, 5, 6, 7]));
    assert_eq!(sprints[1]["committed"]["points"], 13, "rolled over to the next sprint");
    let review = s.run(&["report", "--markdown"]).ok().stdout;
    assert!(
        review.contains(
            "Debt items finished in the sprint's window, committed to it or not: 3 points paid back in 1 item:"
        ),
        "{review}"
    );
    assert!(
        review.contains(
            "## Stage two bought\n\n1 item of stage-two work committed to the sprint and done (3 points"
        ),
        "the table's stage two done, the same 3 points: {review}"
    );
    assert!(review.contains("- #8 Refactor the webhook client (3 pt"), "{review}");
}
