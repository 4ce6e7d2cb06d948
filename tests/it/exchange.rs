//! Import and export (docs/guide/import-export.md): each format's fixture (written from its
//! documentation, with the awkward cases) mapped as documented, re-imports that never duplicate
//! and never overwrite a local change silently, round trips, bad input refused with one sentence
//! and the board unchanged, and CSV cells a spreadsheet would run neutralised.

use serde_json::Value;

use crate::common::{Sandbox, github_issues, journal};
use twotrack::domain::team::activity::Action;

pub(crate) fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/exchange/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The board's items by their source key.
pub(crate) fn by_key(s: &Sandbox) -> std::collections::HashMap<String, Value> {
    let items = s.run(&["list", "--json"]).ok().json();
    let items = items.as_array().cloned().unwrap_or_default();
    items.into_iter().filter_map(|it| Some((it["source"]["key"].as_str()?.to_owned(), it))).collect()
}

pub(crate) fn empty_board() -> Sandbox {
    let s = Sandbox::new();
    s.run(&["init", "--empty"]).ok();
    s
}

#[test]
fn github_issues_map_labels_state_sub_issues_and_blocked_by() {
    let s = empty_board();
    let run = s.run(&["import", &fixture("github.json")]).ok();
    assert!(
        run.stdout.starts_with("imported 3 from github.com/acme/shop: 3 new, 0 updated\n"),
        "{}",
        run.stdout
    );
    let items = by_key(&s);
    let bug = &items["gh:12"];
    assert_eq!(
        (bug["kind"].as_str(), bug["estimate"].as_u64(), bug["column"].as_str()),
        (Some("bug"), Some(5), Some("ready"))
    );
    assert_eq!(
        (bug["tags"].clone(), bug["assignee"].as_str()),
        (serde_json::json!(["payments"]), Some("alice"))
    );
    assert_eq!(bug["source"]["fields"]["assignees"], "alice, bob", "nothing read is thrown away");
    assert_eq!(bug["source"]["url"], "https://github.com/acme/shop/issues/12");
    assert_eq!(
        (items["gh:13"]["track"].as_str(), items["gh:13"]["kind"].as_str()),
        (Some("discovery"), Some("spike"))
    );
    let debt = &items["gh:14"];
    assert_eq!(
        (debt["stage"].as_u64(), debt["kind"].as_str(), debt["column"].as_str()),
        (Some(2), Some("debt"), Some("done"))
    );
    let id = |key: &str| items[key]["id"].as_u64().expect("an id");
    let linked = |a: &str, b: &str| {
        items[a]["links"].as_array().is_some_and(|l| l.contains(&id(b).into()))
            || items[b]["links"].as_array().is_some_and(|l| l.contains(&id(a).into()))
    };
    assert!(linked("gh:14", "gh:12") && linked("gh:13", "gh:14"), "blocked-by and sub-issues are links");
    assert_eq!(
        s.run(&["list", "--json"]).ok().json().as_array().map(Vec::len),
        Some(3),
        "each link stored once"
    );
}

#[test]
fn jira_repeated_columns_markup_story_points_and_dates() {
    let s = empty_board();
    s.run(&["import", &fixture("jira.csv")]).ok();
    let items = by_key(&s);
    let login = &items["SHOP-101"];
    assert_eq!((login["column"].as_str(), login["estimate"].as_u64()), (Some("doing"), Some(5)));
    assert_eq!(login["tags"], serde_json::json!(["auth", "needs, review"]), "both Labels columns read");
    assert_eq!(login["source"]["fields"]["Sprint"], "Sprint 13, Sprint 14", "both Sprint columns kept");
    assert_eq!(login["source"]["fields"]["Created"], "2024-03-12 09:05", "Jira's date written as ISO");
    let text = login["description"].as_str().unwrap_or_default();
    assert!(text.contains("## Steps\n- open **login**\n```\nsso=true\n```"), "{text}");
    let spike = &items["SHOP-102"];
    assert_eq!((spike["track"].as_str(), spike["estimate"].as_u64()), (Some("discovery"), Some(2)));
    assert!(
        spike["description"].as_str().unwrap_or_default().contains("[the RFC](https://wiki.acme.test/rfc/7)")
    );
    let done = &items["SHOP-103"];
    assert_eq!((done["stage"].as_u64(), done["column"].as_str()), (Some(2), Some("done")));
    assert_eq!(done["tags"], serde_json::json!(["legacy"]));
}

#[test]
fn linear_formula_guard_and_comma_separated_labels() {
    let s = empty_board();
    s.run(&["import", &fixture("linear.csv")]).ok();
    let items = by_key(&s);
    let first = &items["ENG-42"];
    assert_eq!(first["title"], "=SUM(A1:A3) shows in reports", "Linear's leading ' is removed");
    assert_eq!(
        (first["kind"].as_str(), first["tags"].clone()),
        (Some("bug"), serde_json::json!(["reports"]))
    );
    assert_eq!(first["estimate"].as_u64(), Some(3), "the Estimate column wins over a label");
    assert_eq!(items["ENG-43"]["track"], "discovery");
    assert_eq!(
        (items["ENG-44"]["column"].as_str(), items["ENG-44"]["stage"].as_u64()),
        (Some("done"), Some(2))
    );
}

#[test]
fn trello_lists_checklists_members_and_closed_cards() {
    let s = empty_board();
    s.run(&["import", &fixture("trello.json")]).ok();
    let items = by_key(&s);
    let card = &items["trello:1"];
    assert_eq!(
        (card["column"].as_str(), card["assignee"].as_str(), card["kind"].as_str()),
        (Some("doing"), Some("frank"), Some("bug"))
    );
    let checklist: Vec<(&str, bool)> = card["checklist"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| Some((e["text"].as_str()?, e["done"].as_bool()?)))
        .collect();
    assert_eq!(checklist, [("Reproduce", true), ("Test in Safari", false)], "in Trello's order");
    for key in ["trello:2", "trello:3"] {
        assert_eq!(items[key]["column"], "done", "{key}: an archived card, or one of an archived list");
        assert_eq!(items[key]["source"]["fields"]["archived"], "yes");
    }
}

#[test]
fn obsidian_lanes_complete_archive_settings_and_line_breaks() {
    let s = empty_board();
    let run = s.run(&["import", &fixture("obsidian.md")]).ok();
    assert!(
        run.stdout.starts_with("imported 7 from obsidian: 7 new"),
        "the settings block is no card: {}",
        run.stdout
    );
    let items = by_key(&s);
    let spike = &items["Spike the search index"];
    assert_eq!(
        (spike["track"].as_str(), spike["description"].as_str()),
        (Some("discovery"), Some("Which engine?"))
    );
    assert_eq!(spike["checklist"].as_array().map(Vec::len), Some(2));
    assert_eq!(items["Write the onboarding guide"]["source"]["fields"]["due"], "2024-05-01");
    assert!(items.contains_key("Same title") && items.contains_key("Same title (2)"), "two cards, two items");
    assert_eq!(items["Fix flaky test"]["column"], "doing");
    assert_eq!(items["Set up CI"]["column"], "done", "**Complete** lane");
    assert_eq!(items["Old card from last year"]["column"], "done", "the archive after ***");
}

#[test]
fn importing_again_never_duplicates_and_unchanged_writes_nothing() {
    let s = empty_board();
    for name in ["github.json", "jira.csv", "linear.csv", "trello.json", "obsidian.md"] {
        s.run(&["import", &fixture(name)]).ok();
    }
    let board = s.read();
    let entries = journal(&s).len();
    for name in ["github.json", "jira.csv", "linear.csv", "trello.json", "obsidian.md"] {
        let run = s.run(&["import", &fixture(name)]).ok();
        assert!(run.stdout.contains(": 0 new, 0 updated,"), "{name}: {}", run.stdout);
    }
    assert_eq!(s.read(), board, "nothing written");
    assert_eq!(journal(&s).len(), entries, "nothing journaled");
}

#[test]
fn a_field_changed_on_both_sides_keeps_the_local_value_and_journals_the_source() {
    let s = empty_board();
    s.run(&["import", &fixture("github.json")]).ok();
    let id = by_key(&s)["gh:12"]["id"].to_string();
    s.run(&["edit", &id, "--title", "Our own words"]).ok();
    let text = std::fs::read_to_string(fixture("github.json"))
        .expect("fixture")
        .replace("Checkout times out on slow networks", "Checkout times out (upstream)")
        .replace("\"estimate:5\"", "\"estimate:8\"")
        .replace("\"number\": 14,", "\"number\": 15,");
    let remote = s.dir.path().join("next-week.json");
    std::fs::write(&remote, text).expect("write");
    let dry = s.run(&["import", remote.to_str().unwrap_or_default(), "--dry-run"]).ok();
    let before = s.read();
    let run = s.run(&["import", remote.to_str().unwrap_or_default()]).ok();
    assert_eq!(
        format!("{}dry run: nothing was changed\n", run.stdout),
        dry.stdout,
        "the dry run prints the same plan"
    );
    assert!(
        run.stdout.starts_with(
            "imported 3 from github.com/acme/shop: 1 new, 2 updated, 1 conflict, 1 gone from the source\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("estimate \"5\" → \"8\""));
    assert!(run.stdout.contains("links \"3\" → \"3, 4\""), "the new sub-issue linked to its parent");
    assert_ne!(s.read(), before);
    let items = by_key(&s);
    assert_eq!(
        (items["gh:12"]["title"].as_str(), items["gh:12"]["estimate"].as_u64()),
        (Some("Our own words"), Some(8))
    );
    assert!(items.contains_key("gh:14"), "gone from the source: reported, not deleted");
    let entries = journal(&s);
    let note = entries.iter().find(|e| e.action == Action::Note).expect("the summary is journaled");
    assert!(note.summary.starts_with("imported 3 from github.com/acme/shop"));
    let conflict = entries.iter().find(|e| e.action == Action::Conflict).expect("the conflict is journaled");
    assert_eq!(
        conflict.change("title").map(|(kept, lost)| (kept.clone(), lost.clone())),
        Some(("Our own words".into(), "Checkout times out (upstream)".into()))
    );
}

#[test]
fn dry_run_writes_nothing_not_even_a_new_board() {
    let s = Sandbox::new();
    let run = s.run(&["import", &fixture("jira.csv"), "--dry-run"]).ok();
    assert!(run.stdout.contains("3 new"));
    assert!(std::fs::read_dir(s.dir.path()).expect("dir").next().is_none(), "no file created");
}

#[test]
fn bad_input_is_one_sentence_naming_the_record_and_the_board_is_unchanged() {
    let s = empty_board();
    s.run(&["import", &fixture("github.json")]).ok();
    let before = s.read();
    let dir = s.dir.path();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path.to_string_lossy().into_owned()
    };
    let full = std::fs::read_to_string(fixture("github.json")).expect("fixture");
    let truncated = write("cut.json", &full[..700]);
    let quote = write("quote.csv", "Summary,Issue key,Status\nA,X-1,\"To Do\nB,X-2,Done\n");
    let status = write("status.csv", "Summary,Issue key,Status\nA,X-1,Done\nB,X-2,Waiting for QA\n");
    let github = fixture("github.json");
    let map = write("map.ron", "(\n  columns: {\n    \"waiting for qa\": \"qa\",\n  },\n)\n");
    let cases: [(Vec<&str>, &str); 5] = [
        (vec![&truncated], "cut.json: it is not GitHub issues JSON: line 13, column 1"),
        (vec![&quote], "quote.csv: the row at line 2: a quote opens a cell and is never closed"),
        (vec![&status], "status.csv: row 3 (X-2): the status \"Waiting for QA\" has no column on this board"),
        (vec![&status, "--map", &map], "map.ron: line 3, column 23: the board has no column `qa`"),
        (vec![&github, "--from", "jira"], "github.json: it is not a Jira CSV export"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["import"];
        all.extend(args);
        let run = s.run(&all);
        assert_eq!(run.code, 1, "{expected}");
        assert!(run.stderr.contains(expected) && run.stderr.lines().count() == 1, "{}", run.stderr);
        assert_eq!(s.read(), before, "{expected}: the board is unchanged");
    }
}

#[test]
fn fifty_thousand_rows_with_one_bad_row_at_the_end_change_nothing() {
    let s = empty_board();
    let before = s.read();
    let mut csv = String::from("Summary,Issue key,Status\n");
    for n in 1..=50_000 {
        csv.push_str(&format!("Row {n},X-{n},To Do\n"));
    }
    csv.push_str("The last one,X-50001,Waiting for QA\n");
    let path = s.dir.path().join("big.csv");
    std::fs::write(&path, csv).expect("write");
    let run = s.run(&["import", path.to_str().unwrap_or_default()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("big.csv: row 50002 (X-50001): the status \"Waiting for QA\" has no column"));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(s.read(), before, "all or nothing");
}

#[test]
fn control_characters_and_bidi_overrides_leave_titles() {
    let s = empty_board();
    let path = s.dir.path().join("odd.json");
    let body = "x".repeat(10 * 1024 * 1024);
    let issue = serde_json::json!([{"number": 1, "title": "Pay\u{202e}gnp.exe\u{7}\tnow", "body": body, "url": "https://github.com/a/b/issues/1", "state": "OPEN"}]);
    std::fs::write(&path, issue.to_string()).expect("write");
    s.run(&["import", path.to_str().unwrap_or_default()]).ok();
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(item["title"], "Pay gnp.exe now");
    assert_eq!(
        item["description"].as_str().map(str::len),
        Some(10 * 1024 * 1024),
        "a 10 MB description kept whole"
    );
}

#[test]
fn exports_round_trip_through_import_with_nothing_changed() {
    let s = Sandbox::new().with_starter();
    s.run(&["edit", "1", "--title", "=HYPERLINK(\"http://evil.test\")"]).ok();
    s.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "30"]).ok();
    s.run(&["commit", "2", "3"]).ok();
    s.run(&["edit", "4", "--assignee", "Alice Smith"]).ok();
    let before = s.read();
    let vault = s.dir.path().join("vault.md");
    s.run(&["export", "obsidian", "-o", vault.to_str().unwrap_or_default()]).ok();
    let markdown = std::fs::read_to_string(&vault).expect("the vault file");
    assert_eq!(markdown.matches(" [sprint:: Sprint 1]").count(), 2, "{markdown}");
    assert!(markdown.contains(" [assignee:: Alice Smith]"), "{markdown}");
    let run = s.run(&["import", vault.to_str().unwrap_or_default()]).ok();
    assert!(run.stdout.contains(": 0 new, 0 updated, 10 unchanged"), "{}", run.stdout);
    assert_eq!(s.read(), before, "export → import: the same board, sprints and assignees included");
    // Moved out of the sprint in Obsidian, the item leaves it on the board.
    let edited = markdown.replacen(" [sprint:: Sprint 1]", "", 1);
    std::fs::write(&vault, edited).expect("write");
    let run = s.run(&["import", vault.to_str().unwrap_or_default()]).ok();
    assert!(run.stdout.contains(": 0 new, 1 updated, 9 unchanged"), "{}", run.stdout);
    assert!(run.stdout.contains("sprint \"Sprint 1\" → \"nothing\""), "{}", run.stdout);
    let in_sprint = |s: &Sandbox| {
        let items = s.run(&["list", "--json"]).ok().json();
        items.as_array().map_or(0, |all| all.iter().filter(|it| it["sprint"] == "Sprint 1").count())
    };
    assert_eq!(in_sprint(&s), 1);
    std::fs::write(&vault, markdown).expect("write");
    s.run(&["import", vault.to_str().unwrap_or_default()]).ok();
    assert_eq!(in_sprint(&s), 2, "and back in it");
    let refused = s.run(&["export", "obsidian", "-o", vault.to_str().unwrap_or_default()]);
    assert_eq!((refused.code, refused.stderr.contains("already exists")), (1, true));
    // Another board fed by this one's JSON: import → export → import changes nothing.
    let json = s.dir.path().join("items.json");
    std::fs::write(&json, s.run(&["list", "--json"]).ok().stdout).expect("write");
    let other = empty_board();
    other.run(&["import", json.to_str().unwrap_or_default()]).ok();
    let copied = other.read();
    assert!(
        other
            .run(&["import", json.to_str().unwrap_or_default()])
            .ok()
            .stdout
            .contains("0 new, 0 updated, 10 unchanged")
    );
    assert_eq!(other.read(), copied);
    let theirs: Vec<Value> =
        other.run(&["list", "--json"]).ok().json().as_array().cloned().unwrap_or_default();
    assert_eq!(theirs.len(), 10);
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let s = Sandbox::new().with_starter();
    for (id, title) in
        [("1", "=1+2"), ("2", "+cmd"), ("3", "-2"), ("4", "@SUM(A1)"), ("5", "\tTab"), ("6", "\rCR")]
    {
        s.run(&["edit", id, &format!("--title={title}")]).ok();
    }
    for args in [vec!["export", "csv"], vec!["export", "jira-csv"], vec!["list", "--format", "csv"]] {
        let out = s.run(&args).ok().stdout;
        for bad in [",=1+2", ",+cmd", ",-2,", ",@SUM", ",\tTab", ",\"\rCR"] {
            assert!(!out.contains(bad), "{args:?} left {bad:?} as is:\n{out}");
        }
        assert!(out.contains(",'=1+2,") && out.contains(",'@SUM(A1),"), "{args:?}:\n{out}");
    }
}

#[test]
fn a_source_key_is_found_by_the_search() {
    let s = empty_board();
    s.run(&["import", &fixture("github.json")]).ok();
    let text = s.run(&["show", "1"]).ok().stdout;
    assert!(
        text.contains("source:   gh:12 (github.com/acme/shop) https://github.com/acme/shop/issues/12"),
        "{text}"
    );
}

#[test]
fn a_large_import_is_one_journal_group_and_its_unchanged_rerun_writes_no_file() {
    let s = empty_board();
    // More issues than a save encodes and reads back on one core.
    let file = s.dir.path().join("issues.json");
    std::fs::write(&file, github_issues("acme/shop", 300)).expect("write");
    let file = file.to_str().unwrap_or_default();
    let run = s.run(&["import", file]).ok();
    assert!(
        run.stdout.starts_with("imported 300 from github.com/acme/shop: 300 new, 0 updated\n"),
        "{}",
        run.stdout
    );
    let entries = journal(&s);
    assert_eq!(entries.len(), 301, "the summary and one line per item");
    assert_eq!(entries[0].action, Action::Note);
    assert!(
        entries.iter().all(|e| (e.time, &e.session) == (entries[0].time, &entries[0].session)),
        "one group"
    );
    let items = by_key(&s);
    for entry in &entries[1..] {
        assert_eq!(entry.action, Action::Added);
        let key = entry.change("source").and_then(|(_, to)| to["key"].as_str()).expect("the source");
        assert_eq!(entry.item, items[key]["id"].as_u64(), "{key}");
        assert!(entry.change("title").is_some() && entry.change("created").is_none());
    }
    let beside = |suffix: &str| s.dir.path().join(format!("board.ron{suffix}"));
    assert!(!beside(".intent").exists(), "the intent file is gone");
    let files = || {
        ["", ".journal", ".bak", ".intent"].map(|suffix| {
            let path = beside(suffix);
            (std::fs::read(&path).ok(), std::fs::metadata(&path).and_then(|m| m.modified()).ok())
        })
    };
    let before = files();
    let again = s.run(&["import", file]).ok();
    assert!(
        again.stdout.starts_with("imported 300 from github.com/acme/shop: 0 new, 0 updated, 300 unchanged"),
        "{}",
        again.stdout
    );
    assert!(
        files() == before,
        "the unchanged import wrote no file: not the board, its backup, the journal or an intent"
    );
    // The journal's lines serve `log` and `restore` of an imported item.
    let id = items["gh:7"]["id"].to_string();
    let log = s.run(&["log", "--item", &id]).ok().stdout;
    assert!(log.contains(&format!("added #{id} \"Issue \"7\" about the checkout\" in")), "{log}");
    s.run(&["delete", &id]).ok();
    s.run(&["restore", &id]).ok();
    let back = s.run(&["show", &id, "--json"]).ok().json();
    for key in ["title", "column", "track", "stage", "kind", "estimate", "assignee", "source"] {
        assert_eq!(back[key], items["gh:7"][key], "{key}");
    }
}
