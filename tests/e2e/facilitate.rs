//! A standup over SSH, for real: three instances of the binary in pseudo-terminals of different
//! sizes on one board (a presenter at 120x40, followers at 80x24 and 100x30). The followers'
//! selection and open view follow the presenter's, a follower's own key stops following, a
//! killed presenter leaves the followers working and its presence ignored, initials of others
//! show on the right cards, handing over moves the followers, and an idle follower writes
//! nothing.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::time::Duration;

use crate::common::pty::Pty;
use crate::common::{Sandbox, wait_until};

/// How the others show a session declared as `name`: after the login that owns its presence
/// file when the two differ (every session here runs as the same user).
fn shown(name: &str) -> String {
    use twotrack::store::users;
    let login = users::name_of(users::current_uid());
    if login == name { name.to_owned() } else { format!("{login} (as {name})") }
}

fn spawn(s: &Sandbox, user: &str, args: &[&str], cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(&s.board, args, cols, rows, &[("TWOTRACK_USER", user)]);
    pty.wait_for("#1 ");
    pty
}

/// The id of the card drawn selected (reversed) on screen, if any.
fn selected_card(pty: &Pty) -> Option<u64> {
    pty.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows).find_map(|row| {
            let reversed: String = (0..cols)
                .filter_map(|col| screen.cell(row, col))
                .filter(|cell| cell.inverse())
                .map(|cell| cell.contents().to_owned())
                .collect();
            let at = reversed.find('#')?;
            reversed[at + 1..].split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        })
    })
}

/// The screen row that shows card `#id`.
fn card_row(pty: &Pty, id: u64) -> String {
    let needle = format!("#{id} ");
    pty.screen().lines().find(|l| l.contains(&needle)).unwrap_or_default().to_owned()
}

fn follows(pty: &Pty, id: u64) -> bool {
    selected_card(pty) == Some(id)
}

/// Waits until no session writes anything for a moment.
fn quiet(ptys: &[&Pty]) {
    let mut last: Vec<usize> = ptys.iter().map(|p| p.written()).collect();
    wait_until("the sessions settle", || {
        std::thread::sleep(Duration::from_millis(300));
        let now: Vec<usize> = ptys.iter().map(|p| p.written()).collect();
        std::mem::replace(&mut last, now.clone()) == now
    });
}

#[test]
fn followers_keep_in_step_with_the_presenter_until_they_look_elsewhere() {
    let s = Sandbox::new().with_starter();
    let mut alice = spawn(&s, "alice", &["--presenter"], 120, 40);
    let mut bob = spawn(&s, "bob", &["--readonly", "--follow"], 80, 24);
    let carol = spawn(&s, "carol", &["--readonly", "--follow", "alice"], 100, 30);
    bob.wait_for(&format!("following {}", shown("alice")));
    carol.wait_for(&format!("following {}", shown("alice")));
    alice.wait_for("▶ presenting to 2");
    // The presenter selects #6: both followers select it, each at its own size.
    alice.send("l");
    wait_until("both followers select #6", || follows(&bob, 6) && follows(&carol, 6));
    // Everyone's initials are on the card the others have selected.
    wait_until("initials on #6", || {
        card_row(&bob, 6).contains("[AL CA]") && card_row(&alice, 6).contains("[BO CA]")
    });
    // The presenter's capacity view opens for the followers too, and closes.
    alice.send("c");
    bob.wait_for("Capacity: planned work");
    carol.wait_for("Capacity: planned work");
    alice.send("\x1b");
    wait_until("the view closes for the followers", || {
        !bob.screen().contains("Capacity: planned") && !carol.screen().contains("Capacity: planned")
    });
    // Nobody moves: a follower writes nothing at all.
    quiet(&[&alice, &bob, &carol]);
    let before = (bob.written(), carol.written());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!((bob.written(), carol.written()), before, "idle followers write 0 bytes");
    // Bob looks around on his own: he stops following and says how to resume.
    bob.send("j");
    bob.wait_for(&format!("stopped following {}; F follows again", shown("alice")));
    wait_until("bob selects #10 himself", || follows(&bob, 10));
    alice.send("h");
    wait_until("carol follows alice to #1", || follows(&carol, 1));
    wait_until("alice sees bob on #10", || card_row(&alice, 10).contains("[BO]"));
    assert!(follows(&bob, 10), "bob stays where he went");
    bob.send("F");
    wait_until("bob follows again", || follows(&bob, 1));
    bob.keys(&["q"]);
    assert!(bob.wait_exit());
    alice.wait_for("presenting to 1");
}

#[test]
fn a_killed_presenter_leaves_the_followers_working_and_is_forgotten() {
    let s = Sandbox::new().with_starter();
    let alice = spawn(&s, "alice", &["--presenter"], 120, 40);
    let mut bob = spawn(&s, "bob", &["--readonly", "--follow"], 80, 24);
    let carol = spawn(&s, "carol", &["--readonly", "--follow"], 100, 30);
    bob.wait_for(&format!("following {}", shown("alice")));
    carol.wait_for(&format!("following {}", shown("alice")));
    let presence = s.dir.path().join(".twotrack-presence");
    assert_eq!(fs::read_dir(&presence).expect("presence directory").count(), 3);
    let pid = alice.pid().expect("pid");
    let status =
        std::process::Command::new("sh").args(["-c", &format!("kill -KILL {pid}")]).status().expect("sh");
    assert!(status.success());
    bob.wait_for(&format!("{} left the board", shown("alice")));
    carol.wait_for(&format!("{} left the board", shown("alice")));
    let screen = bob.wait_for("waiting for a presenter");
    let (listed, presenting) = (format!("{} ·", shown("alice")), format!("▶{}", shown("alice")));
    assert!(!screen.contains(&listed) && !screen.contains(&presenting), "alice is not listed:\n{screen}");
    wait_until("the stale presence file is removed", || {
        fs::read_dir(&presence).map_or(0, Iterator::count) == 2
    });
    // Bob goes on working.
    bob.send("l");
    wait_until("bob's key works", || follows(&bob, 6));
    bob.wait_for("stopped following the presenter; F follows again");
    bob.keys(&["q"]);
    assert!(bob.wait_exit());
}

#[test]
fn handing_over_moves_the_followers_to_the_new_presenter() {
    let s = Sandbox::new().with_starter();
    let mut alice = spawn(&s, "alice", &["--presenter"], 120, 40);
    // A hand-over is taken only by a session that follows the one handing over.
    let mut bob = spawn(&s, "bob", &["--follow"], 100, 30);
    let carol = spawn(&s, "carol", &["--readonly", "--follow"], 80, 24);
    carol.wait_for(&format!("following {}", shown("alice")));
    bob.wait_for(&format!("following {}", shown("alice")));
    alice.wait_for("bob");
    alice.send("T");
    alice.wait_for("Hand presenting over to");
    alice.send("\r");
    bob.wait_for(&format!("{} handed presenting to you", shown("alice")));
    carol.wait_for(&format!("following {}", shown("bob")));
    alice.wait_for(&format!("following {}", shown("bob")));
    bob.send("G");
    // G: the last card of the lane (#5, below #1 in Ready).
    wait_until("carol and alice follow bob to #5", || follows(&carol, 5) && follows(&alice, 5));
}

/// Root ignores permissions, so this runs the second session as `nobody` when root.
fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

#[test]
fn a_session_that_cannot_announce_itself_works_and_says_it_is_not_visible() {
    let s = Sandbox::new().with_starter();
    fs::set_permissions(s.dir.path(), fs::Permissions::from_mode(0o755)).expect("a directory others read");
    let alice = spawn(&s, "alice", &["--presenter"], 100, 30);
    let wrapper: &[&str] = if running_as_root() {
        &["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    } else {
        // Nobody may create files here now, not even alice's next session.
        &[]
    };
    fs::set_permissions(s.dir.path(), fs::Permissions::from_mode(0o555)).expect("read-only directory");
    let viewer = Pty::spawn_as(wrapper, &s.board, &["--follow"], 100, 30, &[("TWOTRACK_USER", "dana")]);
    let screen = viewer.wait_for("not visible to others");
    assert!(screen.contains("READ-ONLY"), "{screen}");
    viewer.wait_for(&format!("following {}", shown("alice")));
    assert!(!alice.screen().contains("dana"), "alice cannot see dana");
    fs::set_permissions(s.dir.path(), fs::Permissions::from_mode(0o755)).expect("restore");
}

#[test]
fn quitting_or_a_hang_up_takes_the_session_off_the_board() {
    let s = Sandbox::new().with_starter();
    let alice = spawn(&s, "alice", &[], 100, 30);
    let mut bob = spawn(&s, "bob", &[], 80, 24);
    let mut carol = spawn(&s, "carol", &[], 80, 24);
    alice.wait_for(&format!("{}, {}", shown("bob"), shown("carol")));
    let presence = s.dir.path().join(".twotrack-presence");
    let sessions = || fs::read_dir(&presence).map_or(0, Iterator::count);
    assert_eq!(sessions(), 3);
    bob.keys(&["q"]);
    assert!(bob.wait_exit());
    assert_eq!(sessions(), 2, "bob's file went with him");
    alice.wait_for("carol");
    let pid = carol.pid().expect("pid");
    let status =
        std::process::Command::new("sh").args(["-c", &format!("kill -HUP {pid}")]).status().expect("sh");
    assert!(status.success());
    carol.wait_exit();
    assert_eq!(sessions(), 1, "a dropped connection leaves no file behind");
    wait_until("alice is alone", || !alice.screen().contains("carol"));
}
