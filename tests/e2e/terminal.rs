//! The real binary in a pseudo-terminal, as different terminals and habits meet it: bracketed
//! paste (never keys), the mouse (SGR sequences), a user's config file, a C locale (pure ASCII
//! on the wire) and an 8-colour `TERM` (only the classic colour codes).

use crate::common;

use crate::common::Sandbox;
use crate::common::pty::Pty;

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

fn paste(text: &str) -> String {
    format!("{PASTE_START}{text}{PASTE_END}")
}

/// The 1-based column and row where `needle` starts on the screen.
fn position(pty: &Pty, needle: &str) -> (u16, u16) {
    let screen = pty.screen();
    let found = screen.lines().enumerate().find_map(|(row, line)| {
        line.find(needle).map(|byte| (line[..byte].chars().count() as u16 + 1, row as u16 + 1))
    });
    assert!(found.is_some(), "{needle:?} is not on the screen:\n{screen}");
    found.expect("on the screen")
}

#[test]
fn a_paste_on_the_board_becomes_items_and_never_runs_as_keys() {
    let s = Sandbox::new().with_starter();
    let before = s.text();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    // `t` would move #1 to the other track, `e` open it, `d` delete it, `q` quit.
    // Terminals send pasted line breaks as CR.
    pty.send(&paste("Fix the dashboard\r- Rate-limit the export\r\nqtde\r"));
    pty.wait_for("Add 3 pasted items");
    assert_eq!(s.text(), before, "nothing changed before the save");
    pty.keys(&["\x1bOQ"]);
    pty.wait_for("added 3 items: #11, #12, #13");
    let list = s.run(&["list", "--column", "ready", "--json"]).ok().json();
    let titles: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|i| i["title"].as_str()).collect();
    let at = titles.iter().position(|t| *t == "Fix the dashboard").expect("added");
    assert_eq!(titles[at..at + 3], ["Fix the dashboard", "Rate-limit the export", "qtde"], "{titles:?}");
    let one = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(one["track"], "delivery", "the paste did not run `t`");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
}

#[test]
fn a_paste_into_a_one_line_field_is_text_joined_by_spaces() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 100, 30, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["a"]);
    pty.wait_for("Add item");
    // Two lines into the title: the Kind field below must not change, nothing must save.
    pty.send(&paste("Two lines\nof title"));
    pty.wait_for("Two lines of title");
    assert!(pty.screen().contains("◀ feature ▶"), "the kind is untouched:\n{}", pty.screen());
    pty.keys(&["\r"]);
    pty.wait_for("added #11");
    assert_eq!(s.run(&["show", "11", "--json"]).ok().json()["title"], "Two lines of title");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
}

#[test]
fn the_mouse_selects_scrolls_and_opens_but_never_changes_the_board() {
    let s = Sandbox::new().with_starter();
    for n in 0..20 {
        s.run(&["add", &format!("Filler {n}"), "--column", "review"]).ok();
    }
    let before = s.text();
    let mut pty = Pty::spawn(&s.board, &[], 100, 30, &[]);
    pty.wait_for("Welcome");
    // A click on the spike in To explore selects it: the preview line shows its whole title.
    let (x, y) = position(&pty, "#2 ");
    pty.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    pty.wait_for("Can we stream exports instead of batching them?");
    // The wheel over Review's lane walks its cards.
    let (x, y) = position(&pty, "#11 ");
    pty.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    pty.wait_for("▶ F #11 Filler 0");
    for _ in 0..3 {
        pty.send(&format!("\x1b[<65;{x};{y}M"));
    }
    pty.wait_for("▶ F #14 Filler 3");
    // A double click opens the details.
    let (x, y) = position(&pty, "#14 ");
    pty.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    pty.wait_for("Edit #14");
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit());
    assert_eq!(s.text(), before, "clicks and the wheel changed nothing");
}

#[test]
fn a_config_keymap_shows_in_help_works_and_a_conflict_is_reported_with_its_place() {
    let s = Sandbox::new().with_starter();
    let config = s.dir.path().join("config.ron");
    std::fs::write(
        &config,
        "(\n  keymap: {\n    board: [\n      (\"n\", add),\n      (\"n\", quit),\n    ],\n  },\n)\n",
    )
    .expect("config");
    let config = config.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&s.board, &["--config", &config], 100, 30, &[]);
    pty.wait_for("line 5, column 7");
    assert!(pty.screen().contains("twice in board mode"), "{}", pty.screen());
    pty.keys(&["?"]);
    let help = pty.wait_for("Help: Board keys");
    let line = help.lines().find(|l| l.contains("add an item")).expect("the add line");
    assert!(line.contains("a  n"), "the user's key shows beside the default: {line}");
    pty.keys(&["\x1b", "n"]);
    pty.wait_for("Add item");
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit(), "q still quits: the conflicting binding was left out");
}

#[test]
fn in_a_c_locale_every_byte_on_the_wire_is_ascii() {
    let s = Sandbox::new().with_starter();
    s.run(&["add", "Café crème ☕ 日本語"]).ok();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[("LANG", "C")]);
    pty.wait_for("Welcome");
    pty.keys(&["l", "c", "\x1b", "?", "\x1b", "r", "\x1b", "e", "\x1b", "h", "L", "L", "L"]);
    pty.wait_for("Move #1 to Done?");
    pty.keys(&["n", "q"]);
    assert!(pty.wait_exit());
    let raw = pty.raw();
    let bad: Vec<u8> = raw.iter().copied().filter(|b| *b >= 0x80).collect();
    assert!(bad.is_empty(), "{} bytes above 0x7f, e.g. {:?}", bad.len(), &bad[..bad.len().min(12)]);
    assert!(String::from_utf8_lossy(&raw).contains("+-"), "ASCII borders");
}

#[test]
fn an_eight_colour_term_gets_only_the_classic_colour_codes() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 100, 30, &[("TERM", "xterm")]);
    pty.wait_for("Welcome");
    pty.keys(&["l", "c", "\x1b", "P", "?", "\x1b", "q"]);
    assert!(pty.wait_exit());
    let mut colours = 0;
    for params in common::pty::sgr_sequences(&pty.raw()) {
        for p in &params {
            assert!(!matches!(p, 38 | 48 | 58), "an extended colour code in {params:?}");
            colours += usize::from(matches!(p, 30..=37 | 40..=47 | 90..=97 | 100..=107));
        }
    }
    assert!(colours > 0, "the default theme still shows colour");
}
