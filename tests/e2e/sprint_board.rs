//! The sprint on the board in the real binary, in presenter mode at 120x40 as a facilitator
//! shares it: a visual run committed with one key, every committed card marked, one undo step
//! for the run, and `m` on a committed card changing nothing. Every wait is for something on
//! screen, never a fixed sleep.

use crate::common::Sandbox;
use crate::common::pty::Pty;

#[test]
fn a_facilitator_commits_a_visual_run_in_presenter_mode_and_undoes_it_in_one_step() {
    let s = Sandbox::new().with_starter();
    s.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "30"]).ok();
    let mut pty = Pty::spawn(&s.board, &[], 120, 40, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["P"]);
    pty.wait_for("presenter mode on");
    // The welcome card, #5 and #7 are the Ready column, top to bottom.
    pty.keys(&["v", "j", "j"]);
    pty.wait_for("3 selected (#1, #5, #7)");
    let screen = pty.screen();
    assert_eq!(screen.matches('▸').count(), 3, "the run is marked in text:\n{screen}");
    pty.keys(&["m"]);
    let screen = pty.wait_for("committed #1, #5, #7 to sprint \"Sprint 1\" (8 of 30 points committed)");
    for id in [1, 5, 7] {
        assert!(
            screen.contains(&format!("●F #{id} ")) || screen.contains(&format!("●D #{id} ")),
            "#{id}:\n{screen}"
        );
    }
    assert!(!screen.contains('▸'), "the selection ended:\n{screen}");
    pty.keys(&["m"]);
    pty.wait_for("#1 is already in sprint \"Sprint 1\"; X takes it out");
    pty.keys(&["u"]);
    let screen = pty.wait_for("undid: committed #1, #5, #7");
    assert!(!screen.contains("●F #1 ") && !screen.contains("●F #5 "), "one undo, the whole run:\n{screen}");
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "exits with success");
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(sprints[0]["committed"]["points"], 0, "saved as undone");
}
