//! An A/B experiment in the real binary in a pseudo-terminal: a feature split into two variants,
//! the winner picked, the loser archived as lost, the winner's follow-up next.

use crate::common::Sandbox;
use crate::common::pty::Pty;

const F2: &str = "\x1bOQ";

#[test]
fn split_into_two_variants_pick_the_winner_and_see_the_loser_archived() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    // #5 "Export the board to CSV", the second card of Ready, becomes variant A.
    pty.keys(&["j", "V"]);
    pty.wait_for("Split #5 into variants");
    pty.send("Zipped CSV export");
    pty.keys(&[F2]);
    pty.wait_for("#5 split into variants A #5, B #11");
    pty.wait_for("[B]");
    // B logs its stage-two follow-up, then wins.
    pty.keys(&["j", "f"]);
    pty.wait_for("Follow-up of #11");
    pty.send("Tests for zipping");
    pty.keys(&[F2]);
    pty.wait_for("added #12 as a stage-two follow-up of #11");
    pty.keys(&["W"]);
    let screen = pty.wait_for("B #11 won experiment #5");
    let rows: Vec<&str> = screen.lines().collect();
    let row = |needle: &str| rows.iter().position(|l| l.contains(needle));
    assert!(rows.iter().any(|l| l.contains("#11") && l.contains("[B]✓")), "the winner is marked:\n{screen}");
    assert!(row("#5 ").is_none(), "the loser left Ready:\n{screen}");
    // The winner's follow-up is next: on top of Ready's stage-two lane, above the starter's #7.
    let (follow_up, older) = (row("#12").expect("#12 on screen"), row("#7 ").expect("#7 on screen"));
    assert!(follow_up < older, "the follow-up is on top:\n{screen}");
    // The loser is archived in Done with a lost mark.
    pty.keys(&["l", "l", "l"]);
    pty.wait_for("[A]✗");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    let loser = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!((loser["column"].as_str(), loser["lost"].as_bool()), (Some("done"), Some(true)));
    let winner = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(winner["accepted_by"].as_str(), Some("ab-test"));
}
