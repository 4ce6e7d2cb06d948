//! The presence sidecar: announcements round-trip, sessions that are gone are ignored and
//! removed, replaced files are never taken for dead, and the files get the board directory's
//! permissions.

use super::*;

fn said(name: &str, item: Option<ItemId>) -> Announcement {
    Announcement {
        name: name.into(),
        selected: Some(Selected { track: Track::Delivery, column: "ready".into(), stage: Stage::One, item }),
        ..Announcement::default()
    }
}

fn board_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("board.ron")
}

impl Sidecar {
    fn path_of(&self, session: &str) -> PathBuf {
        self.dir().join(self.name_of(session))
    }
}

fn me() -> Option<Owner> {
    Some(Owner { uid: users::current_uid(), login: users::name_of(users::current_uid()) })
}

#[test]
fn a_session_sees_the_others_but_not_itself_and_leaving_removes_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let alice = sidecar.join("a1", &said("alice", Some(1))).expect("alice joins");
    let mut bob = sidecar.join("b2", &said("bob", None)).expect("bob joins");
    let seen = sidecar.scan("a1");
    assert_eq!(seen, vec![Peer { session: "b2".into(), said: said("bob", None), owner: me() }]);
    let presenting = Announcement {
        presenting: true,
        view: Some(SharedView::Debt { row: 2, by_interest: false }),
        ..said("bob", Some(5))
    };
    bob.update(&presenting).expect("update");
    assert_eq!(sidecar.scan("a1")[0].said, presenting, "the update replaces the announcement");
    assert_eq!(sidecar.scan("b2")[0].said.name, "alice");
    drop(bob);
    assert!(sidecar.scan("a1").is_empty(), "bob left");
    assert_eq!(alice.session(), "a1");
    drop(alice);
    let left: Vec<_> = fs::read_dir(sidecar.dir()).expect("list").collect();
    assert!(left.is_empty(), "no files left behind: {left:?}");
}

#[test]
fn the_file_of_a_session_that_is_gone_is_ignored_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let _me = sidecar.join("me", &said("me", None)).expect("join");
    // What a killed session leaves: its file, with nobody holding the lock.
    let stale = sidecar.path_of("dead");
    fs::write(&stale, ron::to_string(&said("ghost", Some(3))).expect("ron")).expect("write");
    assert!(sidecar.scan("me").is_empty(), "the stale session is ignored");
    assert!(!stale.exists(), "and removed");
}

#[test]
fn a_file_replaced_while_it_is_read_is_not_taken_for_dead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let mut bob = sidecar.join("b", &said("bob", Some(1))).expect("join");
    // A reader opens bob's file just before bob replaces it; then bob's old file loses its lock.
    let mut old = File::open(sidecar.path_of("b")).expect("open");
    bob.update(&said("bob", Some(2))).expect("update");
    let dir = PresenceDir::open(sidecar.dir()).expect("open the directory");
    let name = sidecar.name_of("b");
    assert_eq!(judge(&dir, name.as_ref(), &mut old), None, "the old version tells nothing");
    assert!(sidecar.path_of("b").exists(), "bob's current file stays");
    assert_eq!(sidecar.scan("me")[0].said, said("bob", Some(2)));
}

#[test]
fn boards_sharing_a_directory_and_other_files_keep_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = Sidecar::of(&board_in(&dir));
    let two = Sidecar::of(&dir.path().join("other.ron"));
    let _a = one.join("a", &said("alice", None)).expect("join");
    let _b = two.join("b", &said("bob", None)).expect("join");
    fs::write(one.dir().join("notes.txt"), "hello").expect("write");
    fs::create_dir(one.dir().join("board.ron.x.presence")).expect("a directory that looks like a session");
    assert_eq!(one.scan("me").iter().map(|p| p.said.name.as_str()).collect::<Vec<_>>(), ["alice"]);
    assert_eq!(two.scan("me").iter().map(|p| p.said.name.as_str()).collect::<Vec<_>>(), ["bob"]);
    assert!(one.dir().join("notes.txt").exists(), "files that are not sessions are left alone");
}

#[test]
fn a_live_file_that_does_not_read_is_ignored_not_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let _me = sidecar.join("me", &said("me", None)).expect("join");
    let path = sidecar.path_of("future");
    fs::write(&path, "(name: 12, presenting: maybe)").expect("write");
    let holder = File::open(&path).expect("open");
    holder.try_lock().expect("lock: the session is alive");
    assert!(sidecar.scan("me").is_empty());
    assert!(path.exists(), "a live session's file is never removed");
}

#[test]
fn names_lose_control_characters_and_are_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let long = format!("ev\u{1b}[2Jil{}", "x".repeat(100));
    let _bad = sidecar.join("bad", &said(&long, None)).expect("join");
    let _blank = sidecar.join("blank", &said("\u{7}", None)).expect("join");
    let names: Vec<String> = sidecar.scan("me").into_iter().map(|p| p.said.name).collect();
    assert_eq!(names[0].chars().count(), MAX_NAME);
    assert!(names[0].starts_with("ev[2Jilxx"), "{names:?}");
    assert_eq!(names[1], "someone");
}

#[test]
fn unknown_fields_from_a_newer_version_are_ignored() {
    let text = r#"(name: "carol", presenting: true, colour: "red")"#;
    let said: Announcement = ron::from_str(text).expect("reads");
    assert_eq!((said.name.as_str(), said.presenting, said.selected), ("carol", true, None));
}

#[test]
fn the_directory_and_files_take_the_board_directorys_permissions() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).expect("chmod");
    let sidecar = Sidecar::of(&board_in(&dir));
    let _a = sidecar.join("a", &said("alice", None)).expect("join");
    let dir_mode = fs::metadata(sidecar.dir()).expect("meta").mode() & 0o7777;
    assert_eq!(dir_mode, 0o3770, "group-shared like the board's directory, and sticky");
    let file_mode = fs::metadata(sidecar.path_of("a")).expect("meta").mode() & 0o777;
    assert_eq!(file_mode, 0o640, "the group reads it, only its session writes it");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let open = Sidecar::of(&dir.path().join("open.ron"));
    let _b = open.join("b", &said("bob", None)).expect("join");
    assert_eq!(fs::metadata(open.path_of("b")).expect("meta").mode() & 0o777, 0o644);
}

#[test]
fn a_presence_path_that_is_not_a_directory_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(DIRECTORY), "").expect("a file in the way");
    let err = Sidecar::of(&board_in(&dir)).join("a", &said("alice", None)).expect_err("refused");
    assert!(format!("{err:#}").contains("is not a directory"), "{err:#}");
}

#[test]
fn session_ids_differ() {
    let ids: std::collections::HashSet<String> = (0..100).map(|_| session_id()).collect();
    assert_eq!(ids.len(), 100);
    assert!(ids.iter().all(|id| id.len() == 16 && !id.contains('.')));
}

#[test]
fn an_existing_presence_directory_of_ours_is_made_sticky() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    fs::create_dir(sidecar.dir()).expect("mkdir");
    fs::set_permissions(sidecar.dir(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let mut a = sidecar.join("a", &said("alice", None)).expect("join");
    assert_eq!(fs::metadata(sidecar.dir()).expect("meta").mode() & 0o7777, 0o1777);
    assert_eq!(a.take_warning(), None, "nothing to warn about: it was ours to fix");
}

#[test]
fn a_directory_swapped_for_a_link_is_never_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let mut alice = sidecar.join("a", &said("alice", None)).expect("join");
    // A teammate moves the directory away and puts a link to a directory of their choosing.
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("mkdir");
    fs::rename(sidecar.dir(), dir.path().join("moved")).expect("move away");
    std::os::unix::fs::symlink(&elsewhere, sidecar.dir()).expect("link");
    let err = alice.update(&said("alice", Some(1))).expect_err("refused");
    assert!(
        format!("{err:#}").contains("is a link; presence files are never written through one"),
        "{err:#}"
    );
    assert_eq!(fs::read_dir(&elsewhere).expect("list").count(), 0, "nothing written through the link");
    assert!(sidecar.scan("me").is_empty(), "nor read through it");
}

#[test]
fn a_directory_removed_or_replaced_is_made_again_and_the_session_moves_into_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sidecar = Sidecar::of(&board_in(&dir));
    let mut alice = sidecar.join("a", &said("alice", None)).expect("join");
    fs::rename(sidecar.dir(), dir.path().join("moved")).expect("move away");
    alice.update(&said("alice", Some(4))).expect("update");
    assert_eq!(sidecar.scan("me")[0].said, said("alice", Some(4)), "announced in the new directory");
    assert_eq!(
        fs::read_dir(dir.path().join("moved")).expect("list").count(),
        0,
        "the file left in the old directory is removed"
    );
    drop(alice);
    assert_eq!(fs::read_dir(sidecar.dir()).expect("list").count(), 0);
}

#[test]
fn a_peer_is_shown_under_its_owners_login_when_it_declares_another_name() {
    let owner = Some(Owner { uid: 1001, login: "mallory".into() });
    let peer = Peer { session: "m".into(), said: said("alice", None), owner };
    assert_eq!(peer.label(), "mallory (as alice)");
    assert!(peer.answers_to("alice") && peer.answers_to("mallory") && !peer.answers_to("bob"));
    let honest = Peer { owner: Some(Owner { uid: 1002, login: "alice".into() }), ..peer.clone() };
    assert_eq!(honest.label(), "alice");
    assert_eq!(Peer { owner: None, ..peer }.label(), "alice", "unknown owner: the declared name");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever a teammate writes into a presence file, reading it never panics, and what is
    /// read has a short name without control characters.
    #[test]
    fn arbitrary_presence_files_are_read_without_panic(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
        text in "\\(name: \"[^\"]{0,80}\"(, presenting: (true|false))?(, view: Some\\(standup\\(scroll: [0-9]{1,6}\\)\\))?\\)",
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let sidecar = Sidecar::of(&board_in(&dir));
        let _me = sidecar.join("me", &said("me", None)).expect("join");
        let mut holders = Vec::new();
        for (session, content) in [("raw", bytes.clone()), ("ron", text.into_bytes())] {
            let path = sidecar.path_of(session);
            fs::write(&path, content).expect("write");
            let holder = File::open(&path).expect("open");
            holder.try_lock().expect("lock: alive");
            holders.push(holder);
        }
        for peer in sidecar.scan("me") {
            proptest::prop_assert!(peer.said.name.chars().count() <= MAX_NAME);
            proptest::prop_assert!(!peer.said.name.contains(char::is_control));
        }
    }
}
