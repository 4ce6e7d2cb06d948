//! The command palette (docs/guide/board-and-keys.md, "Command palette"): `:` or `Ctrl-p`, a few
//! letters of an action's description, the keys listed beside each, Enter runs the chosen one on
//! the selection as its key would.

use twotrack::app::input::keymap::Mode;

use crate::common::{app_on_starter, press, screen, type_text};

/// The palette's rows (inside its box, from the column of its top-left corner) at 80x24.
fn rows(app: &twotrack::app::App) -> Vec<String> {
    let shown = screen(app, 80, 24);
    let lines: Vec<Vec<char>> = shown.lines().map(|l| l.trim_matches('"').chars().collect()).collect();
    let top = lines.iter().position(|l| l.iter().collect::<String>().contains("Run:")).expect("open");
    let left = lines[top].iter().position(|c| *c == '┌').expect("the palette's corner");
    lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) == Some(&'│'))
        .map(|l| l[left + 1..].iter().collect::<String>().trim_end_matches(['│', ' ']).to_owned())
        .collect()
}

#[test]
fn colon_acc_enter_opens_the_acceptance_of_the_selected_item() {
    // Through the key's own path: the same item, the same form as `A` opens.
    let (_k, mut keyed) = app_on_starter();
    press(&mut keyed, "A");
    let by_key = screen(&keyed, 80, 24);
    let (_s, mut app) = app_on_starter();
    press(&mut app, ":");
    assert_eq!(app.mode(), Mode::Palette);
    type_text(&mut app, "acc");
    let listed = rows(&app);
    assert!(listed[0].starts_with("▶ A ") && listed[0].contains("accept this stage-one item"), "{listed:?}");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(screen(&app, 80, 24), by_key);
}

#[test]
fn arrows_choose_another_row_and_esc_closes_without_running_anything() {
    let (_s, mut app) = app_on_starter();
    let before = screen(&app, 80, 24);
    press(&mut app, ":");
    type_text(&mut app, "help");
    press(&mut app, "Down Up");
    assert!(rows(&app)[0].starts_with("▶ ?"), "{:?}", rows(&app));
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(screen(&app, 80, 24), before);
}

#[test]
fn nothing_matching_says_so_and_enter_runs_nothing() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, ":");
    type_text(&mut app, "zqxj");
    assert!(screen(&app, 80, 24).contains("no action matches \"zqxj\""));
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Palette);
}

#[test]
fn palette_80x24() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, ":");
    type_text(&mut app, "sta");
    insta::assert_snapshot!(screen(&app, 80, 24));
}
