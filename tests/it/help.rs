//! Help you can read and search (docs/guide/board-and-keys.md, "Help"): sections with headings,
//! keys that page, and a filter typed after `/` that keeps the lines containing it.

use twotrack::app::input::keymap::Mode;

use crate::common::{app_on_starter, press, screen, type_text};

#[test]
fn help_pages_to_the_end_and_back_to_the_top() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    let top = screen(&app, 80, 24);
    assert!(top.contains("Board keys") && top.contains("more lines"), "{top}");
    // The first frame tells help how tall a page is.
    press(&mut app, "PageDown");
    let paged = screen(&app, 80, 24);
    assert_ne!(paged, top, "a page down moves");
    press(&mut app, "Space Space Space Space Space Space Space Space Space Space Space Space");
    let end = screen(&app, 80, 24);
    assert!(end.contains(" end "), "Space pages to the end:\n{end}");
    press(&mut app, "g");
    assert_eq!(screen(&app, 80, 24), top, "g goes back to the top");
    press(&mut app, "G");
    let end_again = screen(&app, 80, 24);
    assert!(end_again.contains(" end "), "{end_again}");
    press(&mut app, "k");
    let up = screen(&app, 80, 24);
    assert!(!up.contains(" end "), "one line up from the end is no longer the end:\n{up}");
    press(&mut app, "Home PageUp");
    assert_eq!(screen(&app, 80, 24), top);
}

#[test]
fn help_filters_as_you_type_and_esc_clears_the_filter() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "? /");
    assert_eq!(app.mode(), Mode::HelpFilter);
    type_text(&mut app, "acc");
    let filtered = screen(&app, 80, 24);
    assert!(filtered.contains("accept this stage-one item"), "{filtered}");
    assert!(!filtered.contains("select the previous column"), "{filtered}");
    assert!(
        filtered.contains("/acc") && filtered.contains(" of "),
        "the title counts what shows:\n{filtered}"
    );
    // Letters bound in help (`j`, `q`, `g`) go into the filter while it is typed.
    type_text(&mut app, "qj");
    assert!(screen(&app, 80, 24).contains("nothing in help contains \"accqj\""));
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Help, "Esc clears the filter and help stays");
    let all = screen(&app, 80, 24);
    assert!(all.contains("select the previous column"), "{all}");
    press(&mut app, "/");
    type_text(&mut app, "undo");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Help, "Enter keeps the filter");
    assert!(screen(&app, 80, 24).contains("undo"));
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn help_on_a_wide_screen_has_two_columns_and_sections() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    let wide = screen(&app, 200, 50);
    assert!(wide.contains("Visual selection keys") && wide.contains("Form keys"), "{wide}");
    // Two columns: some row holds two bindings' descriptions side by side.
    insta::assert_snapshot!("help_200x50", wide);
}
