//! The top line keeps one wording and one precision whatever it holds (issue 29): no sprint, a
//! sprint open, over capacity, a split sprint's room, presenter mode, ASCII, at 80x24 and 120x40.
//! Percentages are whole, points read `N pt`, flags `! over` and `! off`, and `│` separates.

use crate::common::{NOW, Sandbox, app_at};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use twotrack::app::App;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

/// The first row as drawn at `width` x `height`.
fn top_line(app: &App, width: u16, height: u16, ascii: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut screen = Screen::new(Theme::standard());
    screen.ascii = ascii;
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..width).map(|x| buffer[(x, 0)].symbol()).collect::<String>().trim_end().to_owned()
}

/// The starter board in each state the line must read alike in.
fn states() -> Vec<(&'static str, Sandbox, bool)> {
    let plain = Sandbox::new().with_starter();
    let open = Sandbox::new().with_starter();
    open.run(&[
        "sprint",
        "start",
        "Sprint 1",
        "--end",
        "2w",
        "--capacity",
        "30",
        "--model",
        "stage",
        "--stage",
        "1",
    ])
    .ok();
    open.run(&["commit", "1", "5"]).ok();
    let over = Sandbox::new().with_starter();
    over.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "10"]).ok();
    over.run(&["commit", "1", "5", "6", "7", "8"]).ok();
    let presenting = Sandbox::new().with_starter();
    vec![
        ("no sprint", plain, false),
        ("sprint open", open, false),
        ("over capacity", over, false),
        ("presenter", presenting, true),
    ]
}

#[test]
fn the_top_line_reads_alike_in_every_state_and_size() {
    let mut lines = Vec::new();
    for (name, sandbox, presenter) in states() {
        let app = app_at(&sandbox, NOW);
        let app = if presenter { app.presenter() } else { app };
        for (width, height) in [(80, 24), (120, 40)] {
            for ascii in [false, true] {
                let line = top_line(&app, width, height, ascii);
                let vocabulary = line.replace('│', "|");
                assert!(
                    !vocabulary.contains("points")
                        && !vocabulary.contains("OFF")
                        && !vocabulary.contains("OVER"),
                    "{line}"
                );
                assert!(!vocabulary.contains('·') && !vocabulary.contains('?'), "one separator: {line}");
                let decimals = vocabulary
                    .split('%')
                    .any(|before| before.rsplit(' ').next().is_some_and(|n| n.contains('.')));
                assert!(!decimals, "whole percentages: {line}");
                assert!(
                    !vocabulary.contains("pt!")
                        && !vocabulary.split(' ').any(|w| w.ends_with("pt") && w.len() > 2),
                    "N pt: {line}"
                );
                let mode = if ascii { "ascii" } else { "utf-8" };
                let size = format!("{width}x{height}");
                lines.push(format!("{name:<13} {size:<6} {mode:<5} {line}"));
            }
        }
    }
    insta::assert_snapshot!(lines.join("\n"));
}
