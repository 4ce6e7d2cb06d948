//! The default keymap: it parses, has no conflicts, and binds every key docs/guide/board-and-keys.md lists under "Keys".

use super::*;
use crossterm::event::KeyEvent;

fn key(text: &str) -> KeyEvent {
    let binding: KeyBinding = text.parse().expect("key parses");
    KeyEvent::new(binding.code, binding.modifiers)
}

#[test]
fn the_default_keymap_binds_every_key_of_the_spec() {
    let keymap = Keymap::default_keymap();
    let spec = [
        ("h", Action::SelectLeft),
        ("Left", Action::SelectLeft),
        ("l", Action::SelectRight),
        ("Right", Action::SelectRight),
        ("j", Action::SelectDown),
        ("Down", Action::SelectDown),
        ("k", Action::SelectUp),
        ("Up", Action::SelectUp),
        ("Tab", Action::OtherLane),
        ("g", Action::SelectFirst),
        ("G", Action::SelectLast),
        ("H", Action::MoveLeft),
        ("L", Action::MoveRight),
        ("J", Action::MoveDown),
        ("K", Action::MoveUp),
        ("1", Action::StageOne),
        ("2", Action::StageTwo),
        ("s", Action::ToggleStage),
        ("t", Action::OtherTrack),
        ("a", Action::Add),
        ("e", Action::Edit),
        ("Enter", Action::Edit),
        ("d", Action::Delete),
        ("u", Action::Undo),
        ("U", Action::Redo),
        ("z", Action::Zoom),
        ("/", Action::Search),
        ("?", Action::Help),
        ("q", Action::Quit),
        ("Esc", Action::Close),
    ];
    for (k, action) in spec {
        assert_eq!(keymap.resolve(Mode::Board, key(k)), Some(action), "key {k}");
    }
}

#[test]
fn workflow_keys_are_bound_to_their_workflows() {
    let keymap = Keymap::default_keymap();
    for (k, action) in [
        ("f", Some(Action::FollowUp)),
        ("A", Some(Action::Accept)),
        ("p", Some(Action::Promote)),
        ("x", Some(Action::Drop)),
    ] {
        assert_eq!(keymap.resolve(Mode::Board, key(k)), action, "key {k} is reserved for its workflow");
    }
}

#[test]
fn a_key_bound_twice_in_one_mode_is_refused() {
    let err = Keymap::parse(r#"{ board: [("h", select_left), ("h", quit)] }"#).expect_err("conflict");
    assert!(err.contains("bound twice"), "{err}");
}

#[test]
fn keys_parse_and_print() {
    for (text, shown) in [
        ("h", "h"),
        ("H", "H"),
        ("Left", "←"),
        ("Shift-Tab", "Shift-Tab"),
        ("Ctrl-s", "Ctrl-s"),
        ("F2", "F2"),
        ("Space", "Space"),
    ] {
        let binding: KeyBinding = text.parse().expect("parses");
        assert_eq!(binding.to_string(), shown);
    }
    assert!("Hyper-x".parse::<KeyBinding>().is_err());
    assert!("ab".parse::<KeyBinding>().is_err());
}

#[test]
fn shifted_letters_match_without_the_shift_flag() {
    let keymap = Keymap::default_keymap();
    let shifted = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
    assert_eq!(keymap.resolve(Mode::Board, shifted), Some(Action::MoveLeft));
}

#[test]
fn a_user_keymap_overrides_defaults_and_hints_follow() {
    let mut keymap = Keymap::default_keymap();
    let user = Keymap::parse(r#"{ board: [("x", quit)] }"#).expect("user keymap");
    keymap.merge(&user);
    assert_eq!(keymap.resolve(Mode::Board, key("x")), Some(Action::Quit));
    assert_eq!(keymap.short_keys(Mode::Board, &[Action::Quit]).as_deref(), Some("q"));
    assert!(keymap.keys_for(Mode::Board, Action::Quit).contains(&"x".parse().expect("key")));
}

#[test]
fn every_mode_can_be_left_and_has_help_entries() {
    let keymap = Keymap::default_keymap();
    for mode in Mode::ALL {
        assert!(!keymap.keys_for(mode, Action::Close).is_empty(), "{mode:?} has a way out");
        assert!(!keymap.bindings(mode).is_empty());
    }
}
