//! A board with two weeks of history made by the command line at pinned times, for the charts
//! screen and the review's web page (tests/it/charts.rs, tests/it/report_html.rs, the browser
//! test in tests/e2e/browser.rs).

use super::{Sandbox, run_at};

/// When the screen is looked at: day 7 of the second sprint.
pub const LOOKED: &str = "2026-11-20T12:00:00Z";

/// A sprint closed with stage two under its target, and a second one under way with a scope
/// step (items added and committed on its 3rd and 6th day); hostile titles among the items.
pub fn history() -> Sandbox {
    let s = Sandbox::new();
    let steps: &[(&str, &[&str])] = &[
        ("2026-11-02T09:00:00Z", &["init", "--name", "Shop <img src=x onerror=alert(1)>", "--empty"]),
        (
            "2026-11-02T09:01:00Z",
            &["sprint", "start", "Sprint 1", "--start", "2026-11-02", "--end", "2w", "--capacity", "20"],
        ),
        ("2026-11-02T09:05:00Z", &["add", "Checkout", "--estimate", "3"]),
        ("2026-11-02T09:05:00Z", &["add", "Saved carts", "--estimate", "3"]),
        ("2026-11-02T09:05:00Z", &["add", "Receipts <img src=x onerror=alert(1)>", "--estimate", "3"]),
        ("2026-11-02T09:05:00Z", &["add", "</svg><script>alert(2)</script>", "--estimate", "3"]),
        ("2026-11-02T09:06:00Z", &["add", "Flaky tests", "--stage", "2", "--estimate", "2"]),
        ("2026-11-02T09:07:00Z", &["add", "Spike: pricing", "--track", "discovery", "--estimate", "1"]),
        ("2026-11-02T09:10:00Z", &["commit", "1", "2", "3", "4", "5", "6"]),
        ("2026-11-03T10:00:00Z", &["move", "1", "doing"]),
        ("2026-11-04T10:00:00Z", &["move", "1", "done"]),
        ("2026-11-05T10:00:00Z", &["move", "2", "doing"]),
        ("2026-11-06T10:00:00Z", &["move", "6", "exploring"]),
        ("2026-11-09T10:00:00Z", &["move", "2", "done"]),
        ("2026-11-10T10:00:00Z", &["move", "5", "doing"]),
        ("2026-11-11T10:00:00Z", &["move", "5", "done"]),
        ("2026-11-12T10:00:00Z", &["move", "6", "concluded"]),
        ("2026-11-13T17:00:00Z", &["sprint", "close"]),
        ("2026-11-16T09:00:00Z", &["add", "Search", "--estimate", "5"]),
        ("2026-11-16T09:05:00Z", &["commit", "7"]),
        ("2026-11-17T10:00:00Z", &["move", "3", "doing"]),
        ("2026-11-18T10:00:00Z", &["move", "3", "done"]),
        ("2026-11-19T10:00:00Z", &["move", "7", "doing"]),
        ("2026-11-19T11:00:00Z", &["add", "Late scope", "--estimate", "2"]),
        ("2026-11-19T11:05:00Z", &["commit", "8"]),
        ("2026-11-20T10:00:00Z", &["move", "4", "doing"]),
    ];
    for (when, args) in steps {
        run_at(&s, when, args).ok();
    }
    s
}
