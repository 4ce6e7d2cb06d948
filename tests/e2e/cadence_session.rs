//! A planning in the real binary, in a pseudo-terminal, in presenter mode at 120x40: name the
//! board in the settings form, start a 2:1 cycle from the capacity view, commit a run of cards
//! with `v` and one mismatched item after the question, close early the same week with one item
//! sent to the backlog, and see the next sprint's kind, name and dates. Every wait is for
//! something on screen, never a fixed sleep.

use crate::common::Sandbox;
use crate::common::pty::Pty;

const F2: &str = "\x1bOQ";
const ESC: &str = "\x1b";
const TAB: &str = "\t";
const RIGHT: &str = "\x1b[C";
const CTRL_U: &str = "\x15";

/// Selects item `id` through the search, presses `keys` on it, waits for `expect`, clears the
/// filter.
fn on_item(pty: &mut Pty, id: u64, keys: &[&str], expect: &str) {
    pty.keys(&["/"]);
    pty.send(&format!("#{id}"));
    pty.keys(&["\r"]);
    pty.keys(keys);
    pty.wait_for(expect);
    pty.keys(&[ESC]);
    pty.wait_for("filter cleared");
}

#[test]
fn a_facilitator_starts_a_two_to_one_cycle_and_closes_early_item_by_item() {
    let s = Sandbox::new().with_starter();
    let monday = [("TWOTRACK_NOW", "2026-11-16T09:00:00Z")];
    let mut pty = Pty::spawn(&s.board, &[], 120, 40, &monday);
    pty.wait_for("Welcome");
    // The board's name: the settings form's first field.
    pty.keys(&["P", "c", "e"]);
    pty.wait_for("Board name");
    pty.keys(&[CTRL_U]);
    pty.send("Checkout team");
    pty.keys(&[F2]);
    pty.wait_for(" Checkout team │");
    pty.keys(&[ESC, "c"]);
    pty.wait_for("n start a sprint");
    pty.keys(&["n"]);
    pty.wait_for("Delivery sprints (cycle)");
    // Name, start, end, capacity; the model: the cycle; its N: two delivery sprints.
    pty.keys(&[TAB, TAB, TAB, TAB, RIGHT, TAB, CTRL_U, "2", F2]);
    pty.wait_for("started sprint \"Delivery 1\" (2026-11-16 to 2026-11-29, 14 days");
    pty.keys(&[ESC]);
    // A run of two cards, #1 and #5 in Ready: one key commits both, as one step.
    pty.keys(&["/"]);
    pty.send("#5");
    pty.keys(&["\r", ESC]);
    pty.wait_for("filter cleared");
    pty.keys(&["v", "k", "m"]);
    pty.wait_for("committed #1, #5 to sprint \"Delivery 1\"");
    // Stage-two work into a delivery sprint: asked first.
    on_item(&mut pty, 7, &["m", "y"], "committed #7 to sprint \"Delivery 1\"");
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "exits with success");
    assert_eq!(s.run(&["stats", "--json"]).ok().json()["board"], "Checkout team");

    // Friday of the first week: an early close.
    let friday = [("TWOTRACK_NOW", "2026-11-20T15:00:00Z")];
    let mut pty = Pty::spawn(&s.board, &[], 120, 40, &friday);
    pty.wait_for("Welcome");
    pty.keys(&["P", "c", "x"]);
    pty.wait_for("Close sprint \"Delivery 1\"");
    pty.wait_for("Closing now ends it early, on 2026-11-20; the next starts 2026-11-21.");
    pty.wait_for("#7 is stage two work in delivery sprint \"Delivery 2\": send it on anyway?");
    // #1 and #5 on, #7 back to the backlog.
    pty.keys(&[TAB, TAB, RIGHT]);
    pty.wait_for("backlog: Cover CSV escaping with tests");
    pty.keys(&[F2]);
    let screen = pty.wait_for("Delivery 2 · 2026-11-21 to 2026-12-04 · delivery sprint, 2:1 cycle");
    assert!(screen.contains("closed sprint \"Delivery 1\" on 2026-11-20"), "{screen}");
    pty.keys(&[ESC, "q"]);
    assert!(pty.wait_exit(), "exits with success");
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(sprints[0]["end"], "2026-11-20");
    assert_eq!(sprints[0]["figures"]["to_backlog"], serde_json::json!([7]));
    assert_eq!(
        (&sprints[1]["name"], &sprints[1]["kind"]),
        (&serde_json::json!("Delivery 2"), &serde_json::json!("delivery"))
    );
    assert_eq!(sprints[1]["committed"]["items"], 2, "#1 and #5 rolled on");
}
