//! The journal from the command line: 8 writers at once, 50 changes each, every change in the
//! board and exactly once in the journal; `log` and its filters.

use std::collections::HashMap;

use crate::common::{Sandbox, journal, twotrack};
use twotrack::domain::team::activity::Action;

#[test]
fn eight_concurrent_writers_each_change_is_in_the_board_and_once_in_the_journal() {
    const WRITERS: usize = 8;
    const CHANGES: usize = 50;
    let s = Sandbox::new().with_starter();
    std::thread::scope(|scope| {
        for w in 0..WRITERS {
            let board = &s.board;
            scope.spawn(move || {
                for n in 0..CHANGES {
                    let out = twotrack()
                        .arg("--file")
                        .arg(board)
                        .args(["--user", &format!("w{w}"), "add", &format!("w{w} change {n}")])
                        .output()
                        .expect("run twotrack");
                    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                }
            });
        }
    });
    let list = s.run(&["list", "--json"]).ok().json();
    let titles: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|i| i["title"].as_str()).collect();
    let mut added: HashMap<String, usize> = HashMap::new();
    for entry in journal(&s).into_iter().filter(|e| e.action == Action::Added) {
        let title = entry.change("title").and_then(|(_, to)| to.as_str()).expect("title").to_owned();
        assert_eq!(entry.author, title.split(' ').next().expect("writer"), "the right author");
        *added.entry(title).or_default() += 1;
    }
    for w in 0..WRITERS {
        for n in 0..CHANGES {
            let title = format!("w{w} change {n}");
            assert!(titles.contains(&title.as_str()), "{title} is on the board");
            assert_eq!(added.get(&title), Some(&1), "{title} is in the journal exactly once");
        }
    }
    assert_eq!(added.len(), WRITERS * CHANGES);
}

#[test]
fn log_prints_who_did_what_and_filters_by_time_and_item() {
    let s = Sandbox::new().with_starter();
    let at = |time: &str, args: &[&str]| {
        let out = twotrack()
            .env("TWOTRACK_NOW", time)
            .arg("--file")
            .arg(&s.board)
            .args(args)
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    at("2026-11-20T09:00:00Z", &["--user", "alice", "move", "5", "doing"]);
    at("2026-11-21T09:30:00Z", &["--user", "bob", "stage", "6", "2"]);
    std::fs::OpenOptions::new()
        .append(true)
        .open(s.board.with_extension("ron.journal"))
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"time\": \"2026-11-2"))
        .expect("cut the last line as a crash would");
    let log = s.run(&["log"]).ok().stdout;
    assert_eq!(
        log,
        "2026-11-20 09:00  alice  #5 moved to In progress\n2026-11-21 09:30  bob    #6 labelled stage two\n"
    );
    // TWOTRACK_NOW is 2026-11-21T10:00 in these tests.
    assert_eq!(
        s.run(&["log", "--since", "1h"]).ok().stdout,
        "2026-11-21 09:30  bob  #6 labelled stage two\n"
    );
    assert_eq!(s.run(&["log", "--since", "2026-11-21"]).ok().stdout.lines().count(), 1);
    let json = s.run(&["log", "--item", "5", "--json"]).ok().json();
    let entries = json.as_array().expect("array");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["author"], "alice");
    assert_eq!(entries[0]["changes"]["column"], serde_json::json!(["ready", "doing"]));
    assert_eq!(s.run(&["log", "--since", "soon"]).code, 2, "a usage error");
}
