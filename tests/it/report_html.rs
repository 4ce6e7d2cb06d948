//! `report --html` and `retro --html` on the charts' fixture board (two weeks of history made by
//! the command line at pinned times, hostile titles among the items): the golden page, every
//! piece of board text escaped (in the page and in plotters' SVG), `-o` with and without
//! `--force`, symbolic links refused, and bad input that says what is missing.

use crate::common::history::{LOOKED, history};
use crate::common::{Run, Sandbox, golden, run_at};

fn html(s: &Sandbox, args: &[&str]) -> Run {
    let mut all = vec!["report", "--html"];
    all.extend_from_slice(args);
    run_at(s, LOOKED, &all)
}

/// What the page holds that a browser would run or fetch.
fn active(page: &str) -> Vec<&'static str> {
    let lower = page.to_lowercase();
    ["<script", "<img", "http:", "https:", "<link", "<iframe", "url("]
        .into_iter()
        .filter(|bad| lower.contains(bad))
        .collect()
}

#[test]
fn the_open_sprints_page_matches_the_golden_file_and_changes_nothing() {
    let s = history();
    let before = s.read();
    let page = html(&s, &["--sprint", "Sprint 2"]).ok().stdout;
    golden("report.html", &page);
    assert_eq!(s.read(), before, "a report changes nothing");
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"), "{page}");
    assert!(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    assert!(page.contains("@media print") && page.contains("size: A4"), "print CSS inline");
    for id in
        ["chart-burn-up", "chart-velocity", "chart-flow-delivery", "chart-flow-discovery", "chart-cycle"]
    {
        let at = page.find(&format!("<section class=\"chart\" id=\"{id}\">")).expect(id);
        let figure = &page[at..];
        let figure = &figure[..figure.find("</section>").expect("closed")];
        assert!(figure.contains(&format!("<title id=\"{id}-title\">")), "{id}: a title");
        assert!(figure.contains(&format!("<desc id=\"{id}-desc\">")), "{id}: a description");
        assert!(figure.contains("<table>"), "{id}: the numbers beside it");
    }
    for section in ["Shipped", "Stage two bought", "The sprint in figures", "Trend over", "Debt repaid"] {
        assert!(page.contains(&format!("<h2>{section}")), "{section}");
    }
    assert!(page.contains("ideal (dashed)") && page.contains("stage two (filled)"), "series named in words");
    assert_eq!(active(&page), Vec::<&str>::new());
}

#[test]
fn hostile_titles_and_sprint_names_are_text_in_the_page_and_in_the_svg() {
    let s = Sandbox::new();
    let hostile = "</svg><script>alert(3)</script>";
    run_at(&s, "2026-11-20T09:00:00Z", &["init", "--name", "Shop <img src=x onerror=alert(1)>", "--empty"])
        .ok();
    run_at(&s, "2026-11-21T09:00:00Z", &["sprint", "start", hostile, "--start", "2026-11-21", "--end", "1w"])
        .ok();
    run_at(&s, "2026-11-21T09:01:00Z", &["add", "</svg><script>alert(2)</script>", "--estimate", "3"]).ok();
    run_at(&s, "2026-11-21T09:05:00Z", &["commit", "1"]).ok();
    run_at(&s, "2026-11-22T10:00:00Z", &["move", "1", "done"]).ok();
    run_at(&s, "2026-11-22T17:00:00Z", &["sprint", "close"]).ok();
    let page = run_at(&s, "2026-11-23T09:00:00Z", &["report", "--html"]).ok().stdout;
    assert_eq!(active(&page), Vec::<&str>::new(), "nothing runs, nothing is fetched");
    assert!(
        page.contains("Sprint review: &lt;/svg&gt;&lt;script&gt;alert(3)&lt;/script&gt; (Shop &lt;img"),
        "{page}"
    );
    assert!(page.contains("&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), "the item's title: {page}");
    // Plotters writes the sprint's name under its bar (cut to fit), escaped by its SVG backend.
    let velocity = &page[page.find("id=\"chart-velocity\"").expect("velocity")..];
    let svg = &velocity[..velocity.find("</section>").expect("the chart's section")];
    assert!(svg.contains(">\n&lt;/svg&gt;&lt;scri…\n</text>"), "{svg}");
    let retro = run_at(&s, "2026-11-23T09:00:00Z", &["retro", "--html"]).ok().stdout;
    assert_eq!(active(&retro), Vec::<&str>::new());
    assert!(retro.contains("<h1>Retrospective") && retro.contains("id=\"chart-velocity\""), "{retro}");
}

#[test]
fn o_writes_the_same_page_never_over_a_file_without_force_nor_through_a_link() {
    let s = history();
    let out = s.dir.path().join("review.html");
    let out_arg = out.to_str().expect("utf-8 path");
    let printed = html(&s, &["--sprint", "Sprint 2"]).ok().stdout;
    let run = html(&s, &["--sprint", "Sprint 2", "-o", out_arg]).ok();
    assert!(run.stdout.starts_with(&format!("wrote {out_arg} (")), "{}", run.stdout);
    assert_eq!(std::fs::read_to_string(&out).expect("written"), printed);
    let again = html(&s, &["-o", out_arg]);
    assert_eq!(
        (again.code, again.stderr.trim()),
        (
            1,
            format!("twotrack: {out_arg} already exists; nothing was written (--force replaces it)").as_str()
        )
    );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), printed);
    html(&s, &["-o", out_arg, "--force"]).ok();
    assert_ne!(std::fs::read_to_string(&out).expect("replaced"), printed, "the last closed sprint's page");

    let victim = s.dir.path().join("notes.txt");
    std::fs::write(&victim, "mine").expect("write");
    let link = s.dir.path().join("planted.html");
    std::os::unix::fs::symlink(&victim, &link).expect("link");
    let link_arg = link.to_str().expect("utf-8 path");
    for args in [vec!["-o", link_arg], vec!["-o", link_arg, "--force"]] {
        let run = html(&s, &args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains("is a symbolic link; nothing was written"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(&victim).expect("untouched"), "mine");
    let retro = run_at(&s, LOOKED, &["retro", "--html", "-o", link_arg, "--force"]);
    assert_eq!(retro.code, 1, "{}", retro.stderr);
    assert_eq!(run_at(&s, LOOKED, &["report", "-o", out_arg]).code, 2, "-o needs --html");
}

#[test]
fn without_history_or_closed_sprints_the_page_says_what_is_missing() {
    let empty = Sandbox::new().with_starter();
    let run = html(&empty, &[]);
    assert_eq!((run.code, run.stderr.trim()), (1, "twotrack: the board has no sprints yet; start one first"));

    // A one-day sprint, no sprint closed yet, the journal gone: velocity says so, the others
    // are missing and the page says why.
    let s = Sandbox::new();
    run_at(&s, "2026-11-02T09:00:00Z", &["init", "--empty"]).ok();
    run_at(&s, "2026-11-02T09:01:00Z", &["sprint", "start", "Day", "--start", "2026-11-20", "--end", "1d"])
        .ok();
    run_at(&s, "2026-11-20T09:02:00Z", &["add", "One thing", "--estimate", "2"]).ok();
    run_at(&s, "2026-11-20T09:03:00Z", &["commit", "1"]).ok();
    let page = html(&s, &[]).ok().stdout;
    assert!(page.contains("No closed sprint yet."), "{page}");
    assert!(page.contains("id=\"chart-burn-up\""), "one day is still a burn-up: {page}");
    std::fs::remove_file(s.dir.path().join("board.ron.journal")).expect("journal");
    let page = html(&s, &[]).ok().stdout;
    assert!(page.contains("The journal has no history yet"), "{page}");
    assert!(!page.contains("id=\"chart-burn-up\"") && !page.contains("id=\"chart-cycle\""), "{page}");
    let retro = run_at(&s, LOOKED, &["retro", "--html"]);
    assert_eq!(retro.code, 1, "no closed sprint to look back on: {}", retro.stderr);
}

#[test]
fn another_boards_journal_and_a_clock_behind_are_told_never_invented() {
    let s = history();
    let other = history();
    run_at(&other, "2026-11-19T09:00:00Z", &["add", "Theirs", "--estimate", "8"]).ok();
    run_at(&other, "2026-11-19T09:01:00Z", &["move", "9", "doing"]).ok();
    // The other board's move of its item 9 appended to our journal, which never added a 9.
    let theirs = std::fs::read_to_string(other.dir.path().join("board.ron.journal")).expect("journal");
    let moved = |l: &&str| l.contains("\"item\":9,\"action\":\"changed\"");
    let tail: String = theirs.lines().filter(moved).map(|l| format!("{l}\n")).collect();
    assert!(!tail.is_empty(), "{theirs}");
    let ours = s.dir.path().join("board.ron.journal");
    let mut journal = std::fs::read_to_string(&ours).expect("journal");
    journal.push_str(&tail);
    std::fs::write(&ours, journal).expect("write");
    run_at(&s, "2026-11-10T08:00:00Z", &["move", "8", "doing"]).ok();
    let page = html(&s, &["--sprint", "Sprint 2"]).ok().stdout;
    assert!(page.contains("about items the journal never added"), "{page}");
    assert!(page.contains("stamped before the day the journal had reached"), "{page}");
    assert_eq!(active(&page), Vec::<&str>::new());
}
