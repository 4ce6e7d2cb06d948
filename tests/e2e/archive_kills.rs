//! Archiving and unarchiving killed at random moments (issue 28): the archive is written before
//! the board when archiving and after it when unarchiving, so a kill between the two leaves an
//! item in both files, which every reader counts once. After each kill every item is on the
//! board or in the archive, never both as far as anyone can see, and both files load.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use crate::common::{Sandbox, twotrack};
use twotrack::generate;
use twotrack::store::format::to_text;

struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn listed(s: &Sandbox, archived: bool) -> Vec<u64> {
    let mut args = vec!["list", "--json"];
    if archived {
        args.push("--archived");
    }
    let rows = s.run(&args).ok().json();
    rows.as_array().expect("rows").iter().filter_map(|r| r["id"].as_u64()).collect()
}

#[test]
fn archiving_killed_at_random_moments_loses_and_duplicates_nothing() {
    let s = Sandbox::new();
    let board = generate::board(1500, 23);
    let all: BTreeSet<u64> = board.items().iter().map(|it| it.id).collect();
    let done: Vec<u64> = board
        .items()
        .iter()
        .filter(|it| board.is_done_column(it.track, &it.column))
        .map(|it| it.id)
        .collect();
    s.write(to_text(&board).expect("text"));
    let mut rng = Lcg(5);
    let mut killed = 0;
    for run in 0..160 {
        let (live, archived) = (listed(&s, false), listed(&s, true));
        let live_set: BTreeSet<u64> = live.iter().copied().collect();
        assert!(archived.iter().all(|id| !live_set.contains(id)), "run {run}: an item listed in both");
        let union: BTreeSet<u64> = live.iter().chain(&archived).copied().collect();
        assert_eq!(union.len(), live.len() + archived.len(), "run {run}: duplicates");
        assert_eq!(union, all, "run {run}: every item on the board or in the archive");
        let (verb, pool): (&str, Vec<u64>) = if run % 2 == 0 || archived.is_empty() {
            ("archive", done.iter().copied().filter(|id| live_set.contains(id)).collect())
        } else {
            ("unarchive", archived)
        };
        let picked: Vec<String> = (0..5)
            .filter_map(|_| pool.get(rng.below(pool.len().max(1) as u64) as usize))
            .map(u64::to_string)
            .collect();
        let picked: BTreeSet<String> = picked.into_iter().collect();
        if picked.is_empty() {
            continue;
        }
        let mut child = twotrack()
            .arg("--file")
            .arg(&s.board)
            .arg(verb)
            .args(&picked)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        let _ = child.kill();
        if !child.wait().expect("reap").success() {
            killed += 1;
        }
    }
    assert!(killed > 20, "the kills hit runs in flight ({killed})");
    s.run(&["check"]).ok();
}
