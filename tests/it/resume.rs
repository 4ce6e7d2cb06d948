//! Across a restart, for the same user on the same board: the undo history (which still never
//! reverts what someone changed in the meantime) and the selection, through the user's own state
//! file; a state file that cannot be read is ignored with one sentence.

use crate::common::{Sandbox, press, session};
use twotrack::app::App;
use twotrack::model::Track;
use twotrack::store::Store;
use twotrack::store::user_state::UserState;

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

fn selected(app: &App) -> Option<u64> {
    app.selected_item().map(|it| it.id)
}

/// The state file of `user` on the sandbox's board, in a state directory of the sandbox's own.
fn state_of(s: &Sandbox, user: &str) -> UserState {
    let dir = s.dir.path().join("state");
    std::fs::create_dir_all(&dir).expect("state dir");
    UserState::in_dir(&dir, &s.board, user)
}

/// Ends `app` as the terminal loop does (its state kept) and starts the same user again.
fn restart(s: &Sandbox, app: App, user: &str) -> App {
    state_of(s, user).write(&app.remembered()).expect("keep");
    drop(app);
    restart_from_file(s, user)
}

#[test]
fn a_delete_is_undone_after_a_restart_and_redone() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "d");
    assert!(alice.board().item(1).is_none());
    let mut alice = restart(&s, alice, "alice");
    press(&mut alice, "u");
    assert!(status(&alice).starts_with("undid: deleted #1"), "{}", status(&alice));
    assert!(Store::load(&s.board).expect("load").1.item(1).is_some(), "saved");
    assert_eq!(selected(&alice), Some(1));
    let mut alice = restart(&s, alice, "alice");
    press(&mut alice, "U");
    assert!(alice.board().item(1).is_none(), "redo survives a restart too");
}

#[test]
fn an_undo_after_a_restart_never_reverts_what_someone_changed_meanwhile() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "L");
    assert_eq!(alice.board().item(1).expect("1").column, "doing");
    let alice_state = alice.remembered();
    drop(alice);
    s.run(&["--user", "bob", "move", "1", "review"]).ok();
    state_of(&s, "alice").write(&alice_state).expect("keep");
    let mut alice = session(&s, "alice");
    alice.resume(state_of(&s, "alice").read().expect("read").expect("kept"));
    press(&mut alice, "u");
    assert_eq!(
        status(&alice),
        "#1 was moved to Review by someone else since; not undone — u goes on with the step before"
    );
    assert_eq!(
        Store::load(&s.board).expect("load").1.item(1).expect("1").column,
        "review",
        "Bob's move stays"
    );
    press(&mut alice, "u");
    assert_eq!(status(&alice), "nothing to undo");
}

#[test]
fn each_user_has_their_own_history() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "d");
    let _ = restart(&s, alice, "alice");
    let mut bob = restart(&s, session(&s, "bob"), "bob");
    press(&mut bob, "u");
    assert_eq!(status(&bob), "nothing to undo");
}

#[test]
fn the_selection_and_the_zoom_come_back_after_a_restart() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "l j");
    let (item, track) = (selected(&alice), alice.selected_track());
    assert!(item.is_some() && item != Some(1), "moved away from the first card: {item:?}");
    press(&mut alice, "z");
    assert!(alice.zoomed());
    let alice = restart(&s, alice, "alice");
    assert_eq!((selected(&alice), alice.selected_track(), alice.zoomed()), (item, track, true));
}

#[test]
fn a_selected_item_deleted_meanwhile_leaves_the_selection_in_its_column() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "j");
    let gone = selected(&alice).expect("a second card in Ready");
    assert_ne!(gone, 1);
    let column = alice.board().item(gone).expect("item").column.clone();
    let kept = alice.remembered();
    drop(alice);
    s.run(&["--user", "bob", "delete", &gone.to_string()]).ok();
    state_of(&s, "alice").write(&kept).expect("keep");
    let mut alice = session(&s, "alice");
    alice.resume(state_of(&s, "alice").read().expect("read").expect("kept"));
    assert_eq!(alice.selected_track(), Track::Delivery);
    let now = alice.selected_item().expect("a card of the same column");
    assert_eq!(now.column, column, "the first card of the same column");
}

#[test]
fn an_unreadable_state_file_is_ignored_with_one_sentence() {
    let s = Sandbox::new().with_starter();
    let state = state_of(&s, "alice");
    std::fs::write(state.path(), "twotrack-user-state 1\n(board: \"").expect("plant");
    let alice = restart_from_file(&s, "alice");
    let said = status(&alice);
    assert!(said.starts_with("your undo history and last selection on this board were not read: "), "{said}");
    assert!(!said.contains('\n'));
    assert_eq!(selected(&alice), Some(1), "the board starts as usual");
    std::fs::write(state.path(), "twotrack-user-state 2\n(anything)").expect("plant");
    let alice = restart_from_file(&s, "alice");
    assert!(status(&alice).ends_with("it was written by a newer twotrack (format 2)"));
}

/// A new session of `user` resuming from whatever the state file holds.
fn restart_from_file(s: &Sandbox, user: &str) -> App {
    let mut app = session(s, user);
    match state_of(s, user).read() {
        Ok(Some(remembered)) => app.resume(remembered),
        Ok(None) => {}
        Err(err) => app.resume_failed(&err),
    }
    app
}
