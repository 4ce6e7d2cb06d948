//! The store under stress, through the real binary: writers killed at random moments, many
//! writers at once on a large board, and output that stays proportional to the board file.

use std::collections::BTreeSet;
use std::fs;
use std::process::Stdio;
use std::time::Duration;

use crate::common::{Sandbox, twotrack};
use twotrack::generate;
use twotrack::store::format::to_text;

/// A small deterministic generator, so a failure can be replayed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Everything in the board's directory besides the board, its backup and its lock.
fn strays(s: &Sandbox) -> Vec<String> {
    fs::read_dir(s.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !["board.ron", "board.ron.bak", "board.ron.lock", "board.ron.journal"].contains(&n.as_str())
        })
        .collect()
}

#[test]
fn writers_killed_at_random_moments_lose_nothing_confirmed_and_leave_little_behind() {
    let s = Sandbox::new();
    s.write(to_text(&generate::board(2000, 11)).expect("text"));
    let mut rng = Lcg(17);
    let mut confirmed = BTreeSet::new();
    let mut most_strays = 0;
    for run in 0..300 {
        let title = format!("crash run {run}");
        let mut child = twotrack()
            .arg("--file")
            .arg(&s.board)
            .args(["add", &title])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        let _ = child.kill();
        let status = child.wait().expect("reap");
        if status.success() {
            confirmed.insert(title);
        }
        most_strays = most_strays.max(strays(&s).len());
    }
    assert!(most_strays <= 3, "at most a handful of stray files at any time, saw {most_strays}");
    let run = s.run(&["check"]).ok();
    assert_eq!(run.stdout, "ok\n");
    let list = s.run(&["list", "--json"]).ok().json();
    let titles: BTreeSet<String> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["title"].as_str().map(str::to_owned))
        .collect();
    let lost: Vec<&String> = confirmed.difference(&titles).collect();
    assert!(lost.is_empty(), "confirmed adds lost: {lost:?}");
    // One more save removes what the last killed writers left.
    let log = s.dir.path().join("twotrack.log");
    let out = twotrack().arg("--file").arg(&s.board).arg("--log").arg(&log).args(["add", "after"]).output();
    assert!(out.expect("run").status.success());
    let _ = fs::remove_file(&log);
    assert!(strays(&s).is_empty(), "{:?}", strays(&s));
}

#[test]
fn a_save_removes_every_temporary_file_a_killed_writer_left() {
    let s = Sandbox::new().with_starter();
    for name in [".board.ron.new-a1b2c3.tmp", ".board.ron.bak-d4e5f6.tmp"] {
        fs::write(s.dir.path().join(name), "half a board").expect("write");
    }
    s.run(&["add", "x"]).ok();
    assert!(strays(&s).is_empty(), "{:?}", strays(&s));
}

#[test]
fn thirty_two_writers_adding_twenty_items_each_to_a_large_board_all_succeed() {
    let s = Sandbox::new();
    s.write(to_text(&generate::board(10_000, 3)).expect("text"));
    let writers: Vec<_> = (0..32)
        .map(|w| {
            let board = s.board.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for n in 0..20 {
                    let out = twotrack()
                        .arg("--file")
                        .arg(&board)
                        .args(["add", &format!("writer {w} item {n}")])
                        .output()
                        .expect("run");
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = writers.into_iter().flat_map(|w| w.join().expect("writer")).collect();
    assert!(failures.is_empty(), "{} adds failed, first: {:?}", failures.len(), failures.first());
    let list = s.run(&["list", "--json"]).ok().json();
    let items = list.as_array().expect("array");
    assert_eq!(items.len(), 10_000 + 32 * 20);
    let mut ids: Vec<u64> = items.iter().map(|i| i["id"].as_u64().expect("id")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), items.len(), "every item has its own id");
}

#[test]
fn list_json_stays_proportional_to_the_board_file_with_a_huge_definition_of_done() {
    let s = Sandbox::new();
    let mut board = generate::board(300, 5);
    let entries: Vec<String> = (0..10_000).map(|n| format!("Checked item number {n}")).collect();
    board.definition_of_done.stage_one = entries.clone();
    board.definition_of_done.stage_two = entries;
    s.write(to_text(&board).expect("text"));
    let file = fs::metadata(&s.board).expect("meta").len();
    for args in [&["list", "--json"][..], &["debt", "--json"]] {
        let out = twotrack().arg("--file").arg(&s.board).args(args).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let printed = out.stdout.len() as u64;
        assert!(printed <= 2 * file, "{args:?} printed {printed} bytes for a {file}-byte board");
    }
    let list = s.run(&["list", "--json"]).ok().json();
    assert_eq!(list[0]["done_when"]["total"], 10_000);
}
