//! Import and export at 10,000 items (issue 27's targets): reading 10,000 GitHub issues and
//! planning and applying their import into an empty board (< 1 s), planning the same import
//! again on the imported board, which changes nothing (< 1 s, an empty edit: nothing written),
//! and each export of a 10,000-item board (< 300 ms); then the whole `import` command, the
//! release binary with the file's save and journal, both ways. Run with `cargo bench --bench
//! exchange`.

use divan::Bencher;
use serde_json::json;
use twotrack::domain::exchange::export::Target;
use twotrack::domain::exchange::{Format, Mapping, plan};
use twotrack::generate;
use twotrack::model::Board;

const ISSUES: usize = 10_000;

fn main() {
    divan::main();
}

/// 10,000 issues as `gh issue list --json …` prints them, with labels, assignees and milestones.
fn issues() -> String {
    let labels = ["bug", "spike", "tech-debt", "estimate:3", "5pt", "payments", "ui"];
    let list: Vec<_> = (1..=ISSUES)
        .map(|n| {
            json!({
                "number": n,
                "title": format!("Issue number {n} about the checkout"),
                "body": "Steps to reproduce:\n1. open the cart\n2. pay",
                "labels": [{"name": labels[n % labels.len()]}, {"name": labels[(n / 7) % labels.len()]}],
                "assignees": [{"login": format!("dev{}", n % 9)}],
                "state": if n % 4 == 0 { "CLOSED" } else { "OPEN" },
                "milestone": {"title": format!("Sprint {}", n % 12)},
                "url": format!("https://github.com/acme/shop/issues/{n}"),
                "createdAt": "2026-11-02T09:15:00Z",
                "closedAt": null,
            })
        })
        .collect();
    serde_json::to_string(&list).expect("json")
}

fn imported(text: &str) -> Board {
    let mut board = Board::new("bench");
    let batch = Format::Github.read(text, "issues").expect("reads");
    let plan = plan(&board, &batch, &Mapping::default(), generate::epoch()).expect("plans");
    board.apply(plan.op.edit).expect("applies");
    board
}

#[divan::bench(sample_count = 10)]
fn import_10000_github_issues_into_an_empty_board(bencher: Bencher) {
    let text = issues();
    bencher.bench(|| imported(&text));
}

#[divan::bench(sample_count = 10)]
fn reimport_10000_unchanged(bencher: Bencher) {
    let text = issues();
    let board = imported(&text);
    bencher.bench(|| {
        let batch = Format::Github.read(&text, "issues").expect("reads");
        let plan = plan(&board, &batch, &Mapping::default(), generate::epoch()).expect("plans");
        assert!(plan.op.edit.is_noop(), "nothing to write");
    });
}

#[divan::bench(sample_count = 10, args = ["obsidian", "jira-csv", "github-json", "markdown", "csv"])]
fn export_10000_items(bencher: Bencher, format: &str) {
    let board = generate::board(ISSUES, 1);
    let target = Target::ALL.into_iter().find(|t| t.name() == format).expect("a format");
    bencher.bench(|| target.write(&board));
}

/// Runs the release binary on the board at `board` with a pinned clock; its standard output.
fn twotrack(board: &std::path::Path, args: &[&std::ffi::OsStr]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_twotrack"))
        .env_remove("TWOTRACK_FILE")
        .env("TWOTRACK_NOW", "2026-12-07T10:00:00Z")
        .arg("--file")
        .arg(board)
        .args(args)
        .output()
        .expect("run twotrack");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The whole command as people run it, the release binary: read the file, plan, save the board
/// (every new item read back before the file is replaced) and journal 10,000 new items.
#[divan::bench(sample_count = 5)]
fn command_import_10000_into_an_empty_board(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("issues.json");
    std::fs::write(&file, issues()).expect("write the issues");
    let boards = std::sync::atomic::AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            let n = boards.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let board = dir.path().join(format!("board{n}.ron"));
            twotrack(&board, &["init".as_ref(), "--empty".as_ref()]);
            board
        })
        .bench_values(|board| twotrack(&board, &["import".as_ref(), file.as_os_str()]));
}

/// The whole command again on the imported board: nothing changed, so nothing is written.
#[divan::bench(sample_count = 5)]
fn command_reimport_10000_unchanged(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("issues.json");
    std::fs::write(&file, issues()).expect("write the issues");
    let board = dir.path().join("board.ron");
    twotrack(&board, &["init".as_ref(), "--empty".as_ref()]);
    twotrack(&board, &["import".as_ref(), file.as_os_str()]);
    let written = std::fs::metadata(&board).and_then(|m| m.modified()).expect("the board's time");
    bencher.bench(|| {
        let out = twotrack(&board, &["import".as_ref(), file.as_os_str()]);
        assert!(out.starts_with("imported 10000 from github.com/acme/shop: 0 new, 0 updated"), "{out}");
    });
    let after = std::fs::metadata(&board).and_then(|m| m.modified()).expect("the board's time");
    assert_eq!(written, after, "the unchanged re-import wrote the board");
}
