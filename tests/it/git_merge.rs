//! The board in git, with the real `git` (skipped, saying so, where git is not installed): two
//! clones of one repository work offline, commit and pull; twotrack's merge driver merges the
//! board and its journal with every change of both sides, ids unique, links right, and the one
//! real conflict kept as ours and reported.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Run, twotrack};
use twotrack::domain::change::{Edit, ItemChange, ops};
use twotrack::domain::team::activity::{Action, Entry};
use twotrack::model::{Board, ItemId, Timestamp, Track};
use twotrack::store::journal::Journal;
use twotrack::store::{BoardLock, Store, merge_note};

fn git_missing() -> bool {
    let missing = Command::new("git").arg("--version").output().is_err();
    if missing {
        eprintln!("skipped: git is not installed, so the git merge driver cannot be tried");
    }
    missing
}

/// `2026-11-21` at `hour`:`minute` UTC.
fn at(hour: u32, minute: u32) -> Timestamp {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("time")
        .and_utc()
}

/// A remote repository and a home directory with no git settings of the user's.
struct World {
    dir: tempfile::TempDir,
}

/// One clone: a person's working copy with the board at `board.ron`.
struct Clone {
    dir: PathBuf,
    home: PathBuf,
    name: &'static str,
}

impl World {
    /// A remote holding a starter board set up for twotrack's merge drivers.
    fn new() -> World {
        let world = World { dir: tempfile::tempdir().expect("tempdir") };
        std::fs::create_dir(world.home()).expect("home");
        git_in(&world.home(), world.dir.path(), &["init", "-q", "--bare", "-b", "main", "origin.git"]).ok();
        let setup = world.clone_as("setup");
        setup.twotrack(at(9, 0), &["init"]).ok();
        setup.twotrack(at(9, 0), &["git-setup"]).ok();
        setup.journal(&[entry(at(9, 0), "setup")]);
        setup.git(&["add", "-A"]).ok();
        setup.git(&["commit", "-q", "-m", "A board"]).ok();
        setup.git(&["push", "-q", "origin", "main"]).ok();
        world
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// A clone of the remote by `name`, with the drivers set up (git config is per clone).
    fn clone_as(&self, name: &'static str) -> Clone {
        git_in(&self.home(), self.dir.path(), &["clone", "-q", "origin.git", name]).ok();
        let clone = Clone { dir: self.dir.path().join(name), home: self.home(), name };
        if clone.dir.join(".gitattributes").exists() {
            clone.twotrack(at(9, 0), &["git-setup"]).ok();
        }
        clone
    }
}

fn git_in(home: &Path, dir: &Path, args: &[&str]) -> Run {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "someone")
        .env("GIT_AUTHOR_EMAIL", "someone@example.com")
        .env("GIT_COMMITTER_NAME", "someone")
        .env("GIT_COMMITTER_EMAIL", "someone@example.com")
        .env("TWOTRACK_USER", "merger")
        .env("TWOTRACK_NOW", at(12, 0).to_rfc3339())
        .output()
        .expect("run git");
    Run::of(out)
}

fn entry(time: Timestamp, author: &str) -> Entry {
    Entry {
        time,
        author: author.into(),
        session: String::new(),
        item: None,
        action: Action::Settings,
        changes: serde_json::Map::new(),
        summary: format!("{author} at {}", time.format("%H:%M")),
        first: None,
        recovered: false,
    }
}

impl Clone {
    fn board_path(&self) -> PathBuf {
        self.dir.join("board.ron")
    }

    fn git(&self, args: &[&str]) -> Run {
        git_in(&self.home, &self.dir, args)
    }

    /// `twotrack --file board.ron args...` in this clone at time `now`.
    fn twotrack(&self, now: Timestamp, args: &[&str]) -> Run {
        let mut cmd = twotrack();
        cmd.current_dir(&self.dir).env("TWOTRACK_NOW", now.to_rfc3339()).env("TWOTRACK_USER", self.name);
        Run::of(cmd.arg("--file").arg("board.ron").args(args).output().expect("run twotrack"))
    }

    /// A change the command line has no command for, made as the board screen would.
    fn edit(&self, change: impl FnOnce(&Board) -> Edit) {
        let (mut store, mut board) = Store::load(&self.board_path()).expect("load");
        let edit = change(&board);
        board.apply(edit).expect("apply");
        store.save(&board).expect("save");
    }

    /// Lines a session would have appended to the board's journal.
    fn journal(&self, entries: &[Entry]) {
        let lock = BoardLock::acquire(&self.board_path()).expect("lock");
        Journal::of(&self.board_path()).append(entries, &lock).expect("journal");
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]).ok();
        self.git(&["commit", "-q", "-m", message]).ok();
    }

    fn board(&self) -> Board {
        Store::load(&self.board_path()).expect("the merged board loads").1
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.board_path()).expect("board text")
    }
}

/// The one item titled `title`, which must be on the board exactly once.
fn titled(board: &Board, title: &str) -> ItemId {
    let found: Vec<ItemId> = board.items().iter().filter(|it| it.title == title).map(|it| it.id).collect();
    assert_eq!(found.len(), 1, "exactly one `{title}` on the board: {found:?}");
    found[0]
}

fn retitle(id: ItemId, title: &str, now: Timestamp) -> impl FnOnce(&Board) -> Edit {
    let title = title.to_owned();
    move |board| {
        let change = ItemChange { title: Some(title), ..Default::default() };
        ops::update(board, id, change, now).expect("update").edit
    }
}

/// Alice's offline work: a new item with a follow-up of its own, a follow-up of #5 and its
/// acceptance, a move, a relabel, a title, a link and a WIP limit.
fn alices_work(alice: &Clone) {
    let t = at(10, 0);
    assert_eq!(alice.twotrack(t, &["add", "Alice: stream the export"]).ok().stdout.trim(), "11");
    alice.twotrack(t, &["followup", "11", "Alice: stream in chunks"]).ok();
    alice.twotrack(t, &["followup", "5", "Alice: escape quotes in CSV"]).ok();
    alice.twotrack(t, &["accept", "5"]).ok();
    alice.twotrack(t, &["move", "6", "review"]).ok();
    alice.twotrack(t, &["stage", "10", "1"]).ok();
    alice.edit(retitle(3, "Prototype the onboarding checklist, with videos", t));
    alice.edit(|board| {
        let change = ItemChange { links: Some(vec![2]), ..Default::default() };
        ops::update(board, 11, change, t).expect("link").edit
    });
    alice.edit(|_| Edit::SetWipLimit { track: Track::Delivery, column: Some(2), limit: Some(2) });
    alice.journal(&[entry(at(10, 0), "alice"), entry(at(10, 30), "alice")]);
    alice.commit("Alice's work");
}

/// Bob's offline work: a new item (under the same id as Alice's) with a follow-up, a move of
/// another item, a relabel, another field of Alice's retitled item, the capacity.
fn bobs_work(bob: &Clone) {
    // Before his journal markers below, so each side's journal is in time order.
    let t = at(10, 5);
    assert_eq!(bob.twotrack(t, &["add", "Bob: audit log"]).ok().stdout.trim(), "11");
    bob.twotrack(t, &["followup", "11", "Bob: audit log retention"]).ok();
    bob.twotrack(t, &["move", "8", "done"]).ok();
    bob.twotrack(t, &["stage", "7", "1"]).ok();
    bob.edit(|board| {
        let change = ItemChange { estimate: Some(Some(8)), ..Default::default() };
        ops::update(board, 3, change, t).expect("estimate").edit
    });
    bob.edit(|board| {
        let mut policy = board.capacity.clone();
        policy.points = 55;
        Edit::SetPolicy(policy)
    });
    bob.journal(&[entry(at(10, 15), "bob"), entry(at(10, 45), "bob")]);
    bob.commit("Bob's work");
}

/// Every change of both sides on `board`, ids unique (the loader checks) and references right.
fn assert_both_sides_present(board: &Board) {
    let get = |id: ItemId| board.item(id).expect("item");
    let alices = titled(board, "Alice: stream the export");
    let bobs = titled(board, "Bob: audit log");
    assert_ne!(alices, bobs);
    assert_eq!(get(titled(board, "Alice: stream in chunks")).follow_up_of, Some(alices));
    assert_eq!(get(titled(board, "Bob: audit log retention")).follow_up_of, Some(bobs));
    assert_eq!(get(alices).links, [2], "Alice's link still points at #2");
    let escape = get(titled(board, "Alice: escape quotes in CSV"));
    assert_eq!(escape.follow_up_of, Some(5));
    assert!(get(5).accepted.is_some(), "the acceptance is kept");
    assert_eq!(get(6).column, "review");
    assert_eq!(get(8).column, "done");
    assert_eq!((get(10).stage.number(), get(7).stage.number()), (1, 1), "both relabels");
    let three = get(3);
    assert_eq!(three.title, "Prototype the onboarding checklist, with videos");
    assert_eq!(three.estimate, Some(8), "both fields of one item");
    assert_eq!(board.delivery.columns[2].wip_limit, Some(2));
    assert_eq!(board.capacity.points, 55);
    let top = board.items().iter().map(|it| it.id).max().unwrap_or(0);
    assert!(board.next_id > top);
}

/// The summaries of the hand-written marker lines ("alice at 10:00"), in journal order; the
/// entries the commands themselves journaled are checked to be in time order too.
fn authors_in_order(clone: &Clone) -> Vec<String> {
    let entries = Journal::of(&clone.board_path()).entries(None, None).expect("journal");
    assert!(entries.windows(2).all(|w| w[0].time <= w[1].time), "the journal is in time order");
    entries.into_iter().map(|e| e.summary).filter(|s| s.contains(" at ")).collect()
}

#[test]
fn two_clones_pull_each_others_work_and_the_board_merges_itself() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let alice = world.clone_as("alice");
    let bob = world.clone_as("bob");
    alices_work(&alice);
    alice.git(&["push", "-q", "origin", "main"]).ok();
    bobs_work(&bob);
    let pull = bob.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert_eq!(pull.code, 0, "a clean merge: {}", pull.stderr);
    assert!(!bob.text().contains("<<<<<<<"), "no conflict markers");
    bob.twotrack(at(12, 0), &["check"]).ok();
    let merged = bob.board();
    assert_both_sides_present(&merged);
    // Bob's pull merged Alice's side in: her new items moved, and git says so.
    assert_eq!(titled(&merged, "Bob: audit log"), 11);
    assert_eq!(titled(&merged, "Alice: stream the export"), 14);
    assert!(
        pull.stderr.contains("#11 \"Alice: stream the export\" from their side is now #14"),
        "{}",
        pull.stderr
    );
    // The text is exactly what a save writes.
    assert_eq!(bob.text(), twotrack::store::format::to_text(&merged).expect("text"));
    assert_eq!(
        authors_in_order(&bob),
        ["setup at 09:00", "alice at 10:00", "bob at 10:15", "alice at 10:30", "bob at 10:45"],
        "both journals, in time order"
    );
    let note = merge_note::read(&bob.board_path()).expect("note");
    assert!(note.iter().all(|e| e.action == Action::Changed && e.author == "merger"), "{note:?}");
    assert_eq!(
        note.len(),
        2,
        "#11 and #12 renumbered (Alice's #13 took no id of Bob's), noted for the screen"
    );
    bob.git(&["push", "-q", "origin", "main"]).ok();

    // Alice kept working on "her #11" before pulling Bob's merge: her change follows the item.
    alice.edit(retitle(11, "Alice: stream the export, gzip", at(12, 30)));
    alice.commit("Alice again");
    let pull = alice.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert_eq!(pull.code, 0, "{}", pull.stderr);
    let board = alice.board();
    assert_eq!(board.item(11).expect("11").title, "Bob: audit log", "Bob's item is not overwritten");
    assert_eq!(board.item(14).expect("14").title, "Alice: stream the export, gzip");
    assert_eq!(board.items().len(), merged.items().len(), "nothing twice");
    assert!(pull.stderr.contains("on our side is now #14"), "{}", pull.stderr);
    alice.git(&["push", "-q", "origin", "main"]).ok();
    bob.git(&["pull", "-q", "--no-rebase", "origin", "main"]).ok();
    assert_eq!(bob.text(), alice.text(), "both clones hold the same board");
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_ours_and_reports_theirs() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let alice = world.clone_as("alice");
    let bob = world.clone_as("bob");
    alice.edit(retitle(2, "Stream exports (Alice)", at(10, 0)));
    alice.twotrack(at(10, 0), &["move", "1", "doing"]).ok();
    alice.commit("Alice");
    alice.git(&["push", "-q", "origin", "main"]).ok();
    bob.edit(retitle(2, "Stream exports (Bob)", at(11, 0)));
    bob.twotrack(at(11, 0), &["move", "5", "doing"]).ok();
    bob.commit("Bob");
    let pull = bob.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert_ne!(pull.code, 0, "git stops so that the conflict is seen");
    assert!(
        pull.stderr.contains(
            "#2 \"Stream exports (Bob)\" title: kept \"Stream exports (Bob)\" (ours), not applied \"Stream exports \
             (Alice)\" (theirs)"
        ),
        "{}",
        pull.stderr
    );
    assert!(pull.stderr.contains("merged with 1 conflict"), "{}", pull.stderr);
    // The file is a whole, valid board with every change that did not conflict.
    assert!(!bob.text().contains("<<<<<<<"));
    bob.twotrack(at(12, 0), &["check"]).ok();
    let board = bob.board();
    assert_eq!(board.item(2).expect("2").title, "Stream exports (Bob)");
    assert_eq!(
        (board.item(1).expect("1").column.as_str(), board.item(5).expect("5").column.as_str()),
        ("doing", "doing")
    );
    let note = merge_note::read(&bob.board_path()).expect("note");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].action, Action::Conflict);
    assert_eq!(note[0].change("title").map(|(_, lost)| lost.clone()), Some("Stream exports (Alice)".into()));
    // Committing the merge is all that is left.
    bob.git(&["add", "board.ron"]).ok();
    bob.git(&["commit", "-q", "--no-edit"]).ok();
    assert_eq!(bob.git(&["status", "--porcelain"]).ok().stdout, "", "the note and the lock are ignored");
}

#[test]
fn a_pull_with_rebase_replays_local_commits_onto_renumbered_items() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let alice = world.clone_as("alice");
    let bob = world.clone_as("bob");
    alice.twotrack(at(10, 0), &["add", "Alice: stream the export"]).ok();
    alice.commit("Alice");
    alice.git(&["push", "-q", "origin", "main"]).ok();
    bob.twotrack(at(11, 0), &["add", "Bob: audit log"]).ok();
    bob.commit("Bob adds");
    bob.twotrack(at(11, 5), &["move", "11", "doing"]).ok();
    bob.edit(retitle(11, "Bob: audit log, signed", at(11, 10)));
    bob.commit("Bob moves and renames his item");
    let pull = bob.git(&["pull", "--rebase", "origin", "main"]);
    assert_eq!(pull.code, 0, "{}", pull.stderr);
    let board = bob.board();
    assert_eq!(board.item(11).expect("11").title, "Alice: stream the export", "the pushed item keeps its id");
    let bobs = board.item(titled(&board, "Bob: audit log, signed")).expect("Bob's");
    assert_eq!((bobs.id, bobs.column.as_str()), (12, "doing"), "both of Bob's commits land on his item");
    assert_eq!(board.items().len(), 12);
}

#[test]
fn git_setup_is_idempotent_and_says_what_it_did() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let alice = world.clone_as("alice");
    let attributes = std::fs::read_to_string(alice.dir.join(".gitattributes")).expect("attributes");
    assert_eq!(
        attributes,
        "board.ron merge=twotrack\nboard.ron.journal merge=twotrack-journal\nboard.ron.archive.ron merge=twotrack\n"
    );
    let ignored = std::fs::read_to_string(alice.dir.join(".gitignore")).expect("ignore");
    assert_eq!(
        ignored,
        "board.ron.lock
board.ron.bak
board.ron.conflicts
board.ron.recovered-*
board.ron.draft-*
\
         board.ron.intent
board.ron.bak-*
board.ron.archive.ron.bak
"
    );
    let again = alice.twotrack(at(9, 0), &["git-setup"]).ok();
    assert!(!again.stdout.contains("added") && !again.stdout.contains("set to"), "{}", again.stdout);
    assert!(
        again.stdout.contains(".gitattributes: already there: board.ron merge=twotrack"),
        "{}",
        again.stdout
    );
    assert_eq!(std::fs::read_to_string(alice.dir.join(".gitattributes")).expect("attributes"), attributes);
    let driver = alice.git(&["config", "--get", "merge.twotrack.driver"]).ok().stdout;
    assert!(driver.ends_with(" merge-file %O %A %B --board %P\n"), "{driver}");
    // A board in a subdirectory is named by its path in the repository.
    std::fs::create_dir(alice.dir.join("plans")).expect("dir");
    let run = alice.twotrack(at(9, 0), &["git-setup", "--board", "plans/team board.ron"]).ok();
    assert!(run.stdout.contains("added: \"plans/team board.ron\" merge=twotrack"), "{}", run.stdout);
    assert!(run.stdout.contains("note: there is no board at plans/team board.ron yet"), "{}", run.stdout);
    let check =
        alice.git(&["check-attr", "merge", "--", "plans/team board.ron", "plans/team board.ron.journal"]);
    assert_eq!(
        check.ok().stdout,
        "plans/team board.ron: merge: twotrack\nplans/team board.ron.journal: merge: twotrack-journal\n"
    );
}

#[test]
fn git_setup_outside_a_repository_says_so() {
    if git_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = twotrack();
    let out =
        cmd.current_dir(dir.path()).env("GIT_CEILING_DIRECTORIES", dir.path()).args(["git-setup"]).output();
    let run = Run::of(out.expect("run"));
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not a git repository"), "{}", run.stderr);
}

#[test]
fn two_clones_that_archived_different_items_merge_both_archives() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let alice = world.clone_as("alice");
    let bob = world.clone_as("bob");
    alice.twotrack(at(10, 0), &["archive", "9"]).ok();
    alice.commit("Alice archives #9");
    alice.git(&["push", "-q", "origin", "main"]).ok();
    bob.twotrack(at(10, 5), &["archive", "4"]).ok();
    bob.twotrack(at(10, 6), &["move", "6", "review"]).ok();
    bob.commit("Bob archives #4");
    let pull = bob.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert_eq!(pull.code, 0, "a clean merge: {}", pull.stderr);
    let board = bob.board();
    assert!(board.item(9).is_none() && board.item(4).is_none(), "both archived items left the board");
    assert_eq!(board.item(6).expect("6").column, "review");
    let listed = bob.twotrack(at(11, 0), &["list", "--archived", "--json"]).ok().json();
    let ids: Vec<u64> = listed.as_array().expect("rows").iter().filter_map(|r| r["id"].as_u64()).collect();
    assert_eq!(ids, [4, 9]);
    let archive = std::fs::read_to_string(bob.dir.join("board.ron.archive.ron")).expect("archive");
    assert!(!archive.contains("<<<<<<<"), "merged as boards, not as text");
    bob.twotrack(at(11, 0), &["check"]).ok();
    bob.twotrack(at(11, 0), &["unarchive", "9"]).ok();
    assert_eq!(bob.board().item(9).expect("9").column, "done");
}
