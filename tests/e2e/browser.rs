//! `report --html` in a real browser: headless Chromium (Debian's `chromium`, which `.ci/run`
//! installs) prints the DOM of a generated review, takes a screenshot (kept as an artifact in
//! `target/test-artifacts/`) and prints it to PDF. The charts' SVG must be there and sized, the
//! hostile titles must be text nodes, nothing may be fetched, and the print must fit A4 pages.
//! Without Chromium the test says why it skipped, except in CI (`CI=true`), where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::history::{LOOKED, history};
use crate::common::run_at;

const CHARTS: [&str; 5] =
    ["chart-burn-up", "chart-velocity", "chart-flow-discovery", "chart-flow-delivery", "chart-cycle"];

/// Chromium's path, or why the test cannot run here.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].into_iter().find_map(|name| {
        let out = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output().ok()?;
        let path = String::from_utf8(out.stdout).ok()?.trim().to_owned();
        (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium is missing in CI: .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("skipped: no chromium here (apt-get install chromium to run the browser test)");
    }
    found
}

/// Runs Chromium headless, offline-minded, with a profile of its own, on `page` with `args`.
fn browse(chromium: &Path, profile: &Path, page: &Path, args: &[String]) -> std::process::Output {
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium")
}

#[test]
fn the_review_page_opens_in_chromium_with_its_charts_and_prints_on_a4() {
    let Some(chromium) = chromium() else { return };
    let s = history();
    let page = s.dir.path().join("review.html");
    let page_arg = page.to_str().expect("utf-8 path").to_owned();
    run_at(&s, LOOKED, &["report", "--html", "--sprint", "Sprint 2", "-o", &page_arg]).ok();
    let profile = s.dir.path().join("chromium-profile");

    let dom = browse(&chromium, &profile, &page, &["--dump-dom".into()]);
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    for id in CHARTS {
        let at = dom.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("{id} in the DOM: {dom}"));
        let svg = &dom[at..][..dom[at..].find("</svg>").expect("an svg")];
        assert!(svg.contains("<svg class=\"plot\""), "{id}: {svg}");
        assert!(svg.contains("width=\"640\" height=\"300\""), "{id} is sized: {svg}");
        assert!(svg.contains("<title ") && svg.contains("<desc "), "{id}");
    }
    // The hostile titles are text: the parser made no element of them.
    assert!(dom.contains("#3 Receipts &lt;img src=x onerror=alert(1)&gt;"), "{dom}");
    assert!(dom.contains("#4 &lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), "{dom}");
    let lower = dom.to_lowercase();
    for element in ["<img", "<script", "<iframe", "<link"] {
        assert!(!lower.contains(element), "no {element} element in the DOM");
    }
    let file = std::fs::read_to_string(&page).expect("page").to_lowercase();
    assert!(!file.contains("http:") && !file.contains("https:") && !file.contains("url("), "no address");

    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts directory");
    let shot = artifacts.join("review.png");
    let args = [format!("--screenshot={}", shot.display()), "--window-size=1000,3200".into()];
    let run = browse(&chromium, &profile, &page, &args);
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let phone = artifacts.join("review-phone.png");
    browse(
        &chromium,
        &profile,
        &page,
        &[format!("--screenshot={}", phone.display()), "--window-size=390,2400".into()],
    );

    let pdf = artifacts.join("review.pdf");
    let run = browse(&chromium, &profile, &page, &[format!("--print-to-pdf={}", pdf.display())]);
    let bytes = std::fs::read(&pdf).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&run.stderr)));
    let pages = pages(&bytes);
    assert!((1..=PAGES).contains(&pages), "a typical review prints on at most {PAGES} A4 pages: {pages}");
    assert!(a4(&bytes), "the pages are A4 (595 x 842 points)");
}

/// The pages a typical review prints on.
const PAGES: usize = 2;

/// The page objects of a PDF (`/Type /Page`, not `/Pages`).
fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| w.starts_with(needle) && w[needle.len()] != b's').count()
}

/// Whether every media box of the PDF is A4 portrait (595 x 842 points, rounded).
fn a4(pdf: &[u8]) -> bool {
    let text = String::from_utf8_lossy(pdf);
    let boxes: Vec<(f64, f64)> = text
        .split("/MediaBox [0 0 ")
        .skip(1)
        .filter_map(|rest| {
            let mut numbers = rest.split([' ', ']']).filter_map(|n| n.parse::<f64>().ok());
            Some((numbers.next()?, numbers.next()?))
        })
        .collect();
    !boxes.is_empty() && boxes.iter().all(|(w, h)| (w.round(), h.round()) == (595.0, 842.0))
}
