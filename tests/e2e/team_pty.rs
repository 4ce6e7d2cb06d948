//! Several people on one board, as real instances in pseudo-terminals (and command-line writers
//! beside them): the same-item form race, undo after another user's move, simultaneous moves of
//! one item, and a form kept as a draft when the connection drops.

use crate::common;

use crate::common::pty::Pty;
use crate::common::{Sandbox, journal};
use twotrack::domain::team::activity::Action;

const F2: &str = "\x1bOQ";
const END: &str = "\x1b[F";
/// The status line's mark once every change of the screen is on disk.
const SAVED: &str = "✓ saved";

fn as_user(s: &Sandbox, user: &str) -> Pty {
    let pty = Pty::spawn(&s.board, &[], 160, 30, &[("TWOTRACK_USER", user)]);
    pty.wait_for("Welcome");
    pty
}

/// Waits until the screen shows one of `texts`; fails with the screen if it never does.
fn wait_any(pty: &Pty, texts: &[&str]) {
    let start = std::time::Instant::now();
    while !texts.iter().any(|t| pty.screen().contains(t)) {
        assert!(start.elapsed() < common::pty::PATIENCE, "never showed any of {texts:?}:\n{}", pty.screen());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn place_of_1(s: &Sandbox) -> (String, String) {
    let item = s.run(&["show", "1", "--json"]).ok().json();
    (
        item["track"].as_str().unwrap_or_default().to_owned(),
        item["column"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn three_instances_the_same_field_in_two_forms_both_values_survive_and_everyone_is_told() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob, carol) = (as_user(&s, "alice"), as_user(&s, "bob"), as_user(&s, "carol"));
    alice.keys(&["e"]);
    alice.wait_for("Edit #1");
    alice.keys(&[END]);
    alice.send(" (alice)");
    bob.keys(&["e"]);
    bob.wait_for("Edit #1");
    bob.keys(&[END]);
    bob.send(" (bob)");
    bob.keys(&[F2]);
    bob.wait_for("edited #1");
    carol.wait_for("bob: #1 title set to");
    alice.keys(&[F2]);
    alice.wait_for("#1 title: bob changed it first; yours not applied, R applies it");
    bob.wait_for("alice: #1 title not applied (you were first)");
    carol.wait_for("alice: #1 title not applied (bob was first)");
    let title = s.run(&["show", "1", "--json"]).ok().json()["title"].as_str().unwrap_or_default().to_owned();
    assert!(title.ends_with(" (bob)"), "the first value is in the file: {title}");
    let conflict = journal(&s).into_iter().find(|e| e.action == Action::Conflict).expect("conflict entry");
    let lost = conflict.change("title").and_then(|(_, lost)| lost.as_str()).unwrap_or_default().to_owned();
    assert!(lost.ends_with(" (alice)"), "the other value is in the journal: {lost}");
    let log = s.run(&["log", "--item", "1"]).ok().stdout;
    assert!(log.contains("alice") && log.contains("! #1 title: kept"), "{log}");
}

#[test]
fn undo_after_another_users_move_is_refused() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (as_user(&s, "alice"), as_user(&s, "bob"));
    alice.keys(&["L"]);
    alice.wait_for("#1 moved to In progress");
    bob.wait_for("alice: #1 moved to In progress");
    // Bob looks (any key) before he moves it on.
    bob.keys(&["\x1b", "L"]);
    bob.wait_for("#1 moved to Review");
    alice.wait_for("bob: #1 moved to Review");
    alice.keys(&["u"]);
    alice.wait_for("#1 was moved to Review by bob since; not undone");
    assert_eq!(place_of_1(&s), ("delivery".into(), "review".into()));
}

#[test]
fn simultaneous_moves_of_one_item_one_wins_the_other_is_told_never_a_third_state() {
    let s = Sandbox::new().with_starter();
    let original = s.text();
    let second_title = "Can we stream exports instead of batching them?";
    let (mut alice, mut bob) = (as_user(&s, "alice"), as_user(&s, "bob"));
    let mut wins = [0, 0];
    for round in 0..50 {
        // A fresh start each round: #1 back in Ready, and a marker both screens must show.
        let marker = format!("round {round}");
        let tmp = s.dir.path().join("reset.tmp");
        std::fs::write(&tmp, original.replace(second_title, &marker)).expect("write");
        std::fs::rename(&tmp, &s.board).expect("reset");
        let conflicts_before = journal(&s).iter().filter(|e| e.action == Action::Conflict).count();
        alice.wait_for(&format!("title set to \"{marker}\""));
        bob.wait_for(&format!("title set to \"{marker}\""));
        // Both have seen the reset (a key that shows it: zoom in and out again).
        alice.send("zz");
        bob.send("zz");
        alice.wait_for("showing both tracks");
        bob.wait_for("showing both tracks");
        // Both at once: Alice moves #1 right, Bob moves it to the other track.
        alice.send("L");
        bob.send("t");
        // Each is told what became of their key: done, not applied (the other was first), or
        // refused because the item had just moved under it.
        // (A move applied may already be followed by the other's "not applied (you were first)".)
        let mine = "not applied (you were first)";
        let alices_outcomes =
            ["#1 moved to In progress", mine, "#1 column: bob changed it first", "#1 was just moved"];
        wait_any(&alice, &alices_outcomes);
        let bobs_outcomes = [
            "#1 moved to the discovery track",
            mine,
            "#1 column: alice changed it first",
            "#1 was just moved",
        ];
        wait_any(&bob, &bobs_outcomes);
        // Saving runs behind the key: the file is read once both screens say their change is
        // on disk (a screen that shows "saved" has it in the file).
        alice.wait_for(SAVED);
        bob.wait_for(SAVED);
        let settled = place_of_1(&s);
        let alices = ("delivery".to_owned(), "doing".to_owned());
        let bobs = ("discovery".to_owned(), "explore".to_owned());
        assert!(settled == alices || settled == bobs, "round {round}: never a third state: {settled:?}");
        wins[usize::from(settled != alices)] += 1;
        // The one whose move is not in the file was told so.
        let (loser, winner_name) = if settled == alices { (&bob, "alice") } else { (&alice, "bob") };
        let told = [
            format!("#1 column: {winner_name} changed it first"),
            "#1 was just moved".to_owned(),
            format!("{winner_name}: #1 moved"),
        ];
        wait_any(loser, &told.iter().map(String::as_str).collect::<Vec<_>>());
        // A loser whose save met the winner's move journaled the conflict: the winner is told
        // before going on (so that news cannot arrive over the winner's next message).
        let conflicts = journal(&s).iter().filter(|e| e.action == Action::Conflict).count();
        if conflicts > conflicts_before {
            let (winner, loser_name) = if settled == alices { (&alice, "bob") } else { (&bob, "alice") };
            winner.wait_for(&format!("{loser_name}: #1 column not applied (you were first)"));
        }
        // Bob's item entered the discovery track without an entry criterion: he is asked why,
        // and answers "later".
        if settled == bobs {
            bob.wait_for("discovery work?");
            bob.send("\x1b");
            bob.wait_for("does not say why it is discovery work");
        }
        // Nothing of this round is still on its way to the file when the next one resets it.
        alice.wait_for(SAVED);
        bob.wait_for(SAVED);
    }
    eprintln!("Alice's move won {} rounds, Bob's {}", wins[0], wins[1]);
}

#[test]
fn a_dropped_connection_with_an_open_form_keeps_a_draft_that_the_next_start_offers() {
    let s = Sandbox::new().with_starter();
    let mut alice = as_user(&s, "alice");
    alice.keys(&["e"]);
    alice.wait_for("Edit #1");
    alice.keys(&[END]);
    alice.send(" half-typed");
    alice.wait_for("half-typed");
    let pid = alice.pid().expect("pid");
    let status =
        std::process::Command::new("sh").args(["-c", &format!("kill -HUP {pid}")]).status().expect("sh");
    assert!(status.success());
    alice.wait_exit();
    assert!(!s.text().contains("half-typed"), "nothing is saved by the draft");
    let mut again = as_user(&s, "alice");
    again.wait_for("your form \"Edit #1\" of");
    again.keys(&["N"]);
    again.wait_for("half-typed");
    again.keys(&[F2]);
    again.wait_for("edited #1");
    assert!(s.text().contains("half-typed"), "saved once the user chose to");
}

#[test]
fn a_change_by_another_real_user_is_named_after_that_user() {
    // Root ignores permissions; another user is real only when the tests run as root.
    if std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m)).unwrap_or(1) != 0 {
        return;
    }
    let s = Sandbox::new().with_starter();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(s.dir.path(), std::fs::Permissions::from_mode(0o2777)).expect("shared dir");
    for name in ["board.ron", "board.ron.lock", "board.ron.journal"] {
        let path = s.dir.path().join(name);
        std::fs::OpenOptions::new().create(true).append(true).open(&path).expect("touch");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    }
    let watcher = Pty::spawn(&s.board, &[], 160, 30, &[]);
    watcher.wait_for("Welcome");
    let run = common::Run::of(
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_twotrack"))
            .arg("--file")
            .arg(&s.board)
            .args(["move", "5", "doing"])
            .env("TWOTRACK_NOW", common::NOW)
            .env_remove("TWOTRACK_USER")
            .output()
            .expect("setpriv"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nobody = std::process::Command::new("id").args(["-nu", "65534"]).output().expect("id");
    let name = String::from_utf8_lossy(&nobody.stdout).trim().to_owned();
    watcher.wait_for(&format!("{name}: #5 moved to In progress"));
    assert!(journal(&s).iter().any(|e| e.author == name), "journaled under the login name");
}
