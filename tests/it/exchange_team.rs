//! An import as a team lives with it (docs/guide/import-export.md): the config file's mapping
//! with `--map` over it, the one summary a watching board screen shows, and conflicts that name
//! who made the local change the import kept.

use crate::common::{Sandbox, journal, session};
use crate::exchange::{by_key, empty_board, fixture};
use twotrack::app::App;
use twotrack::domain::team::activity::Action;

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

/// Writes `text` to `name` beside the board; its path.
fn write(s: &Sandbox, name: &str, text: &str) -> String {
    let path = s.dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn the_config_files_mapping_applies_and_map_overrides_it_key_by_key() {
    let s = empty_board();
    let config = write(
        &s,
        "config.ron",
        "(\n  import: (\n    track: {\"ux-research\": \"discovery\"},\n    columns: {\"waiting for qa\": \"review\", \"parked\": \"ready\"},\n  ),\n)\n",
    );
    let csv = write(
        &s,
        "jira.csv",
        "Summary,Issue key,Status,Labels\nA,X-1,Waiting for QA,\nB,X-2,Parked,\nC,X-3,To Do,ux-research\n",
    );
    let map = write(&s, "map.ron", "(columns: {\"Parked\": \"doing\"})");
    s.run(&["--config", &config, "import", &csv, "--map", &map]).ok();
    let items = by_key(&s);
    assert_eq!(items["X-1"]["column"], "review", "from the config file");
    assert_eq!(items["X-2"]["column"], "doing", "--map over the config file");
    assert_eq!(items["X-3"]["track"], "discovery", "a label mapped by the config file");
    // A name the board does not have: one sentence with the config file's line and column.
    let before = s.read();
    let bad = write(&s, "bad.ron", "(\n  import: (\n    columns: {\"parked\": \"qa\"},\n  ),\n)\n");
    let csv = write(&s, "next.csv", "Summary,Issue key,Status\nD,X-4,Parked\n");
    let run = s.run(&["--config", &bad, "import", &csv]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "twotrack: config file {bad}: line 3, column 25: the board has no column `qa`; nothing was imported\n"
        )
    );
    assert_eq!(s.read(), before, "the board unchanged");
}

#[test]
fn a_watching_board_screen_shows_the_imports_one_summary() {
    let s = empty_board();
    let mut alice = session(&s, "alice");
    s.run(&["--user", "carol", "import", &fixture("github.json")]).ok();
    assert!(alice.file_changed(), "the screen catches up");
    assert_eq!(status(&alice), "carol: imported 3 from github.com/acme/shop: 3 new, 0 updated");
    let carol: Vec<_> = journal(&s).into_iter().filter(|e| e.author == "carol").collect();
    let actions: Vec<Action> = carol.iter().map(|e| e.action).collect();
    assert_eq!(actions, [Action::Note, Action::Added, Action::Added, Action::Added]);
    assert_eq!(carol[0].summary, "imported 3 from github.com/acme/shop: 3 new, 0 updated");
    // Changes saved after the import are told as they always are.
    s.run(&["--user", "carol", "edit", "1", "--estimate", "2"]).ok();
    assert!(alice.file_changed());
    assert!(status(&alice).starts_with("carol: #1 estimate"), "{}", status(&alice));
}

#[test]
fn an_import_conflict_names_who_made_the_local_change() {
    let s = empty_board();
    s.run(&["--user", "carol", "import", &fixture("github.json")]).ok();
    let id = by_key(&s)["gh:12"]["id"].to_string();
    s.run(&["--user", "alice", "edit", &id, "--title", "Our own words"]).ok();
    s.run(&["--user", "bob", "edit", &id, "--estimate", "3"]).ok();
    let mut watching = session(&s, "alice");
    let text = std::fs::read_to_string(fixture("github.json"))
        .expect("fixture")
        .replace("Checkout times out on slow networks", "Checkout times out (upstream)")
        .replace("\"estimate:5\"", "\"estimate:8\"");
    let next = write(&s, "next-week.json", &text);
    let lines = [
        format!(
            "  conflict #{id} title: kept alice's \"Our own words\" (local), gh:12 says \"Checkout times out (upstream)\"\n"
        ),
        format!("  conflict #{id} estimate: kept bob's \"3\" (local), gh:12 says \"8\"\n"),
    ];
    let dry = s.run(&["--user", "carol", "import", &next, "--dry-run"]).ok();
    let run = s.run(&["--user", "carol", "import", &next]).ok();
    for line in &lines {
        assert!(
            dry.stdout.contains(line.as_str()) && run.stdout.contains(line.as_str()),
            "{line}{}",
            run.stdout
        );
    }
    let firsts: Vec<Option<String>> =
        journal(&s).into_iter().filter(|e| e.action == Action::Conflict).map(|e| e.first).collect();
    assert_eq!(firsts, [Some("alice".to_owned()), Some("bob".to_owned())], "the journal names them too");
    assert!(watching.file_changed());
    assert_eq!(
        status(&watching),
        "carol: imported 3 from github.com/acme/shop: 0 new, 0 updated, 3 unchanged, 2 conflicts"
    );
}
