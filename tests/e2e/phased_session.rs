//! Phased delivery in the real binary in a pseudo-terminal, as a team lead uses it: create an
//! initiative, label items by phase, finish the MVP, see the boundary review due, record
//! "continue", and see the warning go.

use crate::common::Sandbox;
use crate::common::pty::Pty;

const F2: &str = "\x1bOQ";
const ESC: &str = "\x1b";

#[test]
fn a_team_lead_takes_an_initiative_through_its_first_boundary() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["i"]);
    pty.wait_for("No initiatives yet.");
    pty.keys(&["a"]);
    pty.wait_for("Add initiative");
    pty.send("Checkout");
    pty.keys(&[F2]);
    pty.wait_for("added initiative checkout");
    pty.keys(&[ESC]);
    pty.wait_for("? help");
    // #1 into the MVP (the phase the initiative is in), #5 into enhancement, #7 into polish.
    for (down, phase, expected) in [
        (None, None, "#1 is MVP of checkout"),
        (Some("j"), Some("e"), "#5 is enhancement of checkout"),
        (Some("j"), Some("p"), "#7 is polish of checkout"),
    ] {
        if let Some(key) = down {
            pty.keys(&[key]);
        }
        pty.keys(&["I"]);
        pty.wait_for("Initiative and phase of");
        if let Some(letter) = phase {
            pty.keys(&["\t", letter]);
        }
        pty.keys(&[F2]);
        pty.wait_for(expected);
    }
    // Finish the MVP: Ready → In progress → Review → Done (which asks about the unticked
    // definition of done first).
    pty.keys(&["k", "k", "L", "L", "L"]);
    pty.wait_for("Move #1 to Done?");
    pty.keys(&["y"]);
    pty.wait_for("checkout: boundary review due");
    pty.keys(&["i"]);
    let screen = pty.wait_for("! boundary review due: MVP → enhancement");
    assert!(screen.contains("active · enhancement"), "{screen}");
    // Record the decision: boundary 1 is offered, continue is the default; write the review.
    pty.keys(&["d"]);
    pty.wait_for("Phase boundary decision: Checkout");
    pty.keys(&["\t", "\t"]);
    pty.send("Card payment works end to end");
    pty.keys(&[F2]);
    let screen = pty.wait_for("decided: continue");
    assert!(!screen.contains("boundary review due"), "the warning is gone:\n{screen}");
    pty.keys(&["\r"]);
    pty.wait_for("Decisions, newest first");
    pty.wait_for("boundary 1 (MVP → enhancement): continue");
    pty.keys(&[ESC, ESC]);
    pty.wait_for("? help");
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "twotrack exits with success");
    let shown = s.run(&["initiative", "show", "checkout", "--json"]).ok().json();
    assert_eq!(shown["decisions"][0]["review"], "Card payment works end to end");
    assert_eq!(shown["decisions"][0]["decision"], "continue");
    assert_eq!(shown["warnings"].as_array().map(Vec::len), Some(0));
    assert_eq!(shown["items"], serde_json::json!({"mvp": [1], "enhancement": [5], "polish": [7]}));
}
