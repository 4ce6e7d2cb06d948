//! Import and export at 10,000 items (issue 27's targets): reading 10,000 GitHub issues and
//! planning and applying their import into an empty board (< 1 s), planning the same import
//! again on the imported board, which changes nothing (< 1 s, an empty edit: nothing written),
//! and each export of a 10,000-item board (< 300 ms). Run with `cargo bench --bench exchange`.

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
