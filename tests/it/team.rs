//! Two people on one board, in-process: forms that write only what was changed, conflicts that
//! keep both values (one in the file, one in the journal) and tell both people, undo that never
//! reverts someone else, and "who changed what" named from the journal.

use crate::common::{Sandbox, journal, press, session, type_text};
use twotrack::app::App;
use twotrack::domain::team::activity::Action;
use twotrack::store::Store;

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

fn saved(s: &Sandbox) -> twotrack::model::Board {
    Store::load(&s.board).expect("load").1
}

#[test]
fn an_older_form_writes_only_the_fields_changed_in_it() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    // Alice opens #1 and changes only the estimate; meanwhile Bob saves a new title.
    press(&mut alice, "e Tab Tab");
    type_text(&mut alice, "8");
    press(&mut bob, "e End");
    type_text(&mut bob, " (bob)");
    press(&mut bob, "F2");
    assert!(alice.file_changed(), "Alice's session follows Bob's save");
    assert!(status(&alice).contains("bob: #1 title set to"), "{}", status(&alice));
    press(&mut alice, "F2");
    let item = saved(&s).item(1).expect("1").clone();
    assert!(item.title.ends_with(" (bob)"), "Bob's title survives: {}", item.title);
    assert_eq!(item.estimate, Some(18), "Alice's estimate (typed after the 1 there) is applied");
    assert!(!status(&alice).contains("not applied"), "{}", status(&alice));
}

#[test]
fn the_same_field_in_two_forms_keeps_the_first_value_and_journals_the_other() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut alice, "e End");
    type_text(&mut alice, " (alice)");
    press(&mut bob, "e End");
    type_text(&mut bob, " (bob)");
    press(&mut bob, "F2");
    // Alice saves without having seen Bob's save: the save merges.
    press(&mut alice, "F2");
    let title = saved(&s).item(1).expect("1").title.clone();
    assert!(title.ends_with(" (bob)"), "first writer wins: {title}");
    let told = status(&alice);
    assert!(told.contains("#1 title: bob changed it first; yours not applied, R applies it"), "{told}");
    let conflict = journal(&s).into_iter().find(|e| e.action == Action::Conflict).expect("a conflict entry");
    assert_eq!(conflict.author, "alice");
    assert_eq!(conflict.first.as_deref(), Some("bob"));
    let (kept, lost) = conflict.change("title").expect("title");
    assert!(kept.as_str().is_some_and(|t| t.ends_with("(bob)")));
    assert!(lost.as_str().is_some_and(|t| t.ends_with("(alice)")), "Alice's value is in the journal");
    // Bob is told too.
    assert!(bob.file_changed());
    assert!(status(&bob).contains("alice: #1 title not applied (you were first)"), "{}", status(&bob));
    // R applies Alice's value after all, as a change of its own.
    press(&mut alice, "R");
    assert!(saved(&s).item(1).expect("1").title.ends_with(" (alice)"));
    assert!(status(&alice).starts_with("applied yours: #1 title"), "{}", status(&alice));
}

#[test]
fn a_form_over_a_field_changed_since_it_opened_is_a_conflict_too() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut alice, "e Tab Tab");
    type_text(&mut alice, "5");
    press(&mut bob, "e Tab Tab");
    type_text(&mut bob, "3");
    press(&mut bob, "F2");
    alice.file_changed();
    press(&mut alice, "F2");
    assert_eq!(saved(&s).item(1).expect("1").estimate, Some(13), "Bob's estimate stays");
    assert!(status(&alice).contains("#1 estimate: bob changed it first"), "{}", status(&alice));
}

#[test]
fn undo_never_reverts_someone_elses_move() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut alice, "L");
    bob.file_changed();
    // Bob looks (any key) before he moves it on.
    press(&mut bob, "Esc L");
    assert!(alice.file_changed());
    press(&mut alice, "u");
    assert_eq!(
        status(&alice),
        "#1 was moved to Review by bob since; not undone — u goes on with the step before"
    );
    assert_eq!(saved(&s).item(1).expect("1").column, "review", "Bob's move stays");
    // Alice's own earlier work is still hers to undo: nothing else is on her stack.
    press(&mut alice, "u");
    assert_eq!(status(&alice), "nothing to undo");
}

#[test]
fn undo_of_ones_own_change_next_to_someone_elses_works() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "L");
    s.run(&["--user", "bob", "move", "5", "doing"]).ok();
    alice.file_changed();
    press(&mut alice, "u");
    let board = saved(&s);
    assert_eq!(board.item(1).expect("1").column, "ready", "Alice's move is undone");
    assert_eq!(board.item(5).expect("5").column, "doing", "Bob's move stays");
}

#[test]
fn two_moves_of_one_item_at_once_one_wins_and_the_other_is_told() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut alice, "L");
    // Bob moves #1 to the other track before his session saw Alice's move.
    press(&mut bob, "t");
    let item = saved(&s).item(1).expect("1").clone();
    assert_eq!((item.track.name(), item.column.as_str()), ("delivery", "doing"), "never a third place");
    assert!(
        status(&bob).contains("#1 column: alice changed it first; yours not applied"),
        "{}",
        status(&bob)
    );
    assert_eq!(bob.board().item(1).expect("1").column, "doing", "Bob's screen shows the file");
}

#[test]
fn one_reload_covering_two_writers_names_both() {
    let s = Sandbox::new().with_starter();
    let mut carol = session(&s, "carol");
    s.run(&["--user", "alice", "move", "5", "doing"]).ok();
    s.run(&["--user", "bob", "stage", "6", "2"]).ok();
    assert!(carol.file_changed());
    let told = status(&carol);
    assert!(told.contains("alice: #5 moved to In progress"), "{told}");
    assert!(told.contains("bob: #6 labelled stage two"), "{told}");
}

#[test]
fn a_form_open_when_the_session_is_stopped_is_kept_as_a_draft_and_reopened_next_time() {
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "e End");
    type_text(&mut alice, " typed before the line dropped");
    let before = s.read();
    alice.stop();
    assert!(alice.should_quit());
    assert!(alice.exit_note().is_some_and(|n| n.contains("kept as a draft")), "{:?}", alice.exit_note());
    assert_eq!(s.read(), before, "nothing saved is changed by the draft");
    // Bob has no draft; Alice's next session offers hers.
    let mut bob = session(&s, "bob");
    bob.offer_draft();
    assert!(!status(&bob).contains("draft"));
    let mut again = session(&s, "alice");
    again.offer_draft();
    assert!(status(&again).contains("your form \"Edit #1\" of") && status(&again).contains("N reopens it"));
    press(&mut again, "N");
    press(&mut again, "F2");
    assert!(saved(&s).item(1).expect("1").title.ends_with(" typed before the line dropped"));
    let mut third = session(&s, "alice");
    third.offer_draft();
    assert!(!status(&third).contains("draft"), "a reopened draft is gone");
}

#[test]
fn the_draft_notice_shares_the_line_with_a_presenter_and_esc_asks_before_discarding() {
    use twotrack::store::presence::{Announcement, Peer};
    let s = Sandbox::new().with_starter();
    let mut alice = session(&s, "alice");
    press(&mut alice, "e End");
    type_text(&mut alice, " kept for later");
    alice.stop();
    let mut again = session(&s, "alice");
    again.offer_draft();
    // Wide enough for the notice to leave the hints' line alone.
    let hints = crate::common::screen(&again, 250, 30);
    assert!(hints.lines().last().is_some_and(|l| l.contains("N draft")), "N in the hints:\n{hints}");
    // Bob starts presenting: his notice joins the draft's instead of replacing it.
    let bob = Announcement { name: "bob".into(), presenting: true, ..Default::default() };
    again.peers_changed(vec![Peer { session: "b".into(), said: bob, owner: None }]);
    let said = status(&again);
    assert!(said.contains("N reopens it") && said.contains("bob is presenting"), "{said}");
    press(&mut again, "N");
    assert!(!crate::common::screen(&again, 250, 30).contains("N draft"), "no hint once reopened");
    // The first Esc asks; the form and its text stay.
    press(&mut again, "Esc");
    assert!(status(&again).contains("close it again to discard it"), "{}", status(&again));
    press(&mut again, "F2");
    assert!(saved(&s).item(1).expect("1").title.ends_with(" kept for later"));
}

#[test]
fn a_settings_form_writes_only_what_was_changed_in_it() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut alice, "c e Tab");
    type_text(&mut alice, "1");
    press(&mut bob, "c e Tab Tab Tab End Backspace Backspace");
    type_text(&mut bob, "25");
    press(&mut bob, "F2");
    alice.file_changed();
    press(&mut alice, "F2");
    let board = saved(&s);
    assert_eq!(board.capacity.points, 401, "Alice's capacity (typed after the 40 there)");
    assert_eq!(board.capacity.stage_two_share, 25, "Bob's target is not written back");
    // Both change the capacity: the first stays, the other is told and journaled.
    press(&mut bob, "Esc");
    bob.file_changed();
    press(&mut alice, "e Tab");
    type_text(&mut alice, "2");
    press(&mut bob, "c e Tab");
    type_text(&mut bob, "3");
    press(&mut bob, "F2");
    alice.file_changed();
    press(&mut alice, "F2");
    assert_eq!(saved(&s).capacity.points, 4013);
    assert!(status(&alice).contains("bob changed it first; yours not applied"), "{}", status(&alice));
    assert!(journal(&s).iter().any(|e| e.action == Action::Conflict && e.author == "alice"));
}

#[test]
fn a_move_key_pressed_just_after_someone_moved_the_item_is_refused_once() {
    let s = Sandbox::new().with_starter();
    let (mut alice, mut bob) = (session(&s, "alice"), session(&s, "bob"));
    press(&mut bob, "t");
    assert!(alice.file_changed());
    press(&mut alice, "L");
    assert_eq!(
        status(&alice),
        "#1 was just moved to To explore (discovery track) by bob; nothing done — L again acts there"
    );
    assert_eq!(saved(&s).item(1).expect("1").column, "explore", "not pulled anywhere");
    press(&mut alice, "L");
    assert_eq!(saved(&s).item(1).expect("1").column, "exploring", "again: acts where it is now");
}

#[test]
fn a_session_starts_at_the_end_of_the_journal_and_reads_only_what_is_new() {
    let s = Sandbox::new().with_starter();
    for n in 0..20 {
        s.run(&["--user", "old", "add", &format!("before the session {n}")]).ok();
    }
    let mut carol = session(&s, "carol");
    assert!(!carol.file_changed(), "nothing new: the old lines are not read");
    s.run(&["--user", "dave", "move", "5", "review"]).ok();
    assert!(carol.file_changed());
    assert_eq!(status(&carol), "dave: #5 moved to Review", "only the new line");
}
