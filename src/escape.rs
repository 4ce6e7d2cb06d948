//! Making text from a board safe to show on a terminal. Titles, tags, names and descriptions are
//! whatever someone typed or wrote into the file, so they may hold terminal escapes (`ESC ] 52`
//! writes the clipboard, `ESC ] 0` the window title) or bidi overrides that make a line read
//! differently from its bytes. Everything the command line prints goes through [`for_terminal`]
//! once, at the end; the board screen drops bidi controls with [`strip_bidi`] (its other control
//! characters never reach the terminal: ratatui skips them).

use std::borrow::Cow;
use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

/// The most zero-width characters (combining marks, joiners, variation selectors, tags) kept in a
/// row after a character: more than any real grapheme has (a subdivision flag has seven), so
/// only a pile of marks a teammate heaped on one letter is cut, and drawing it costs no more
/// than drawing the letter.
pub const MAX_MARKS: usize = 16;

/// Whether `c` takes no cell of its own and joins the character before it.
fn is_mark(c: char) -> bool {
    !c.is_control() && UnicodeWidthChar::width(c) == Some(0)
}

/// `text` with at most [`MAX_MARKS`] zero-width characters in a row (the rest of a pile of
/// combining marks dropped); text without such a pile, nearly all, comes back as it is.
pub fn cap_marks(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut run = 0;
    let Some(first) = text.char_indices().find(|&(_, c)| !kept(&mut run, c)).map(|(at, _)| at) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(first + 64);
    out.push_str(&text[..first]);
    out.extend(text[first..].chars().filter(|&c| kept(&mut run, c)));
    Cow::Owned(out)
}

/// Whether `c` is kept after `run` zero-width characters in a row (counted on).
fn kept(run: &mut usize, c: char) -> bool {
    *run = if is_mark(c) { *run + 1 } else { 0 };
    *run <= MAX_MARKS
}

/// Whether `c` is a control character the terminal would act on: C0 (but for newline and tab,
/// which printed text is made of), DEL and C1.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Whether `c` changes the direction text is shown in: the embeddings and overrides
/// U+202A–U+202E, the isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `text` with every control character (C0 but newline and tab, DEL, C1) and every bidi control
/// shown as a visible escape (`\x1b`, `\u{202e}`); text without any comes back as it is.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    capped(text, |text| escape_where(text, is_control))
}

/// Like [`for_terminal`], and newlines and tabs escaped too: for a value that must stay on its
/// line (a title in a one-line-per-item listing).
pub fn one_line(text: &str) -> Cow<'_, str> {
    capped(text, |text| escape_where(text, |c| c.is_control() || is_bidi_control(c)))
}

/// `escape` applied to `text` with its piles of marks cut ([`cap_marks`]).
fn capped<'t>(text: &'t str, escape: impl for<'a> Fn(&'a str) -> Cow<'a, str>) -> Cow<'t, str> {
    match cap_marks(text) {
        Cow::Borrowed(text) => escape(text),
        Cow::Owned(text) => Cow::Owned(escape(&text).into_owned()),
    }
}

/// JSON text (as serde_json writes it) with every control and bidi character that serde_json
/// leaves as it is (DEL, C1, bidi) written as a JSON escape (`\u202e`): still the same JSON
/// value, and harmless on a terminal. Such characters only occur inside JSON strings.
pub fn json(text: &str) -> Cow<'_, str> {
    let Some(first) = first_control(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_control(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Where the first character [`is_control`] holds for starts. Eight bytes at a time while they
/// are plain ASCII (`list --json` writes a hundred megabytes, nearly all of it such), the rest
/// character by character.
fn first_control(text: &str) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(word) = bytes.get(at..at + 8) {
            let word = u64::from_ne_bytes(word.try_into().unwrap_or([0xff; 8]));
            // No byte of 0x7f or more (DEL, or the start of a character past ASCII), and none
            // below 0x20: eight characters that need nothing.
            let high = (word | word.wrapping_add(ONES)) & HIGH;
            let low = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
            if high == 0 && low == 0 {
                at += 8;
                continue;
            }
        }
        // This word (or the tail) byte by byte, a character past ASCII whole.
        let end = (at + 8).min(bytes.len());
        while at < end {
            let byte = bytes[at];
            if (0x20..0x7f).contains(&byte) || byte == b'\n' || byte == b'\t' {
                at += 1;
                continue;
            }
            let c = text.get(at..)?.chars().next()?;
            if is_control(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// `text` without bidi controls, for the board screen.
pub fn strip_bidi(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    let Some(first) = text.find(&escape) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if !escape(c) {
            out.push(c);
        } else if u32::from(c) <= 0xff {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a terminal must never receive from board text.
    fn dangerous(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
    }

    #[test]
    fn escapes_the_attacks_seen_in_the_wild() {
        let hostile = "a\x1b]0;pwned\x07b\x1b]52;c;Zm9v\x07c\x1b[5md\u{9b}31me\u{202e}fdp.exe\u{2066}\x7f";
        assert_eq!(
            for_terminal(hostile),
            "a\\x1b]0;pwned\\x07b\\x1b]52;c;Zm9v\\x07c\\x1b[5md\\x9b31me\\u{202e}fdp.exe\\u{2066}\\x7f"
        );
        assert_eq!(for_terminal("two\nlines\tand tab"), "two\nlines\tand tab");
        assert_eq!(one_line("two\nlines\r"), "two\\x0alines\\x0d");
        assert_eq!(strip_bidi("ab\u{202e}cd\u{2069}"), "abcd");
        assert!(matches!(for_terminal("plain ünï 🚀"), Cow::Borrowed(_)));
        let value = serde_json::json!({"title": "a\u{1b}b\u{9b}c\u{202e}d\u{7f}"});
        let text = json(&serde_json::to_string(&value).expect("json")).into_owned();
        assert_eq!(text, r#"{"title":"a\u001bb\u009bc\u202ed\u007f"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).expect("still JSON"), value);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn nothing_dangerous_survives(text in "\\PC*|[\\x00-\\x20\\x7f-\\u{a0}\\u{2000}-\\u{2070}a\\\\]*") {
            let out = for_terminal(&text);
            prop_assert!(!out.chars().any(dangerous), "{:?}", out);
            prop_assert!(!out.bytes().any(|b| b == 0x1b || b == 0x07));
            let line = one_line(&text);
            prop_assert!(!line.contains('\n') && !line.chars().any(dangerous));
            prop_assert!(!strip_bidi(&text).chars().any(is_bidi_control));
            // Text without anything to escape is left exactly as it is.
            if !text.chars().any(dangerous) {
                prop_assert_eq!(out.as_ref(), text.as_str());
            }
        }

        #[test]
        fn eight_bytes_at_a_time_finds_what_one_at_a_time_finds(
            text in "\\PC*|[ -~\n\t]{0,40}[\x00-\x20\x7e-\u{a0}\u{2000}-\u{2070}]?[ -~\n]{0,40}"
        ) {
            prop_assert_eq!(first_control(&text), text.find(is_control));
        }
    }

    #[test]
    fn a_pile_of_combining_marks_is_cut_and_real_graphemes_are_kept() {
        let pile = format!("e{}x", "\u{301}".repeat(20_000));
        let cut = cap_marks(&pile);
        assert_eq!(cut, format!("e{}x", "\u{301}".repeat(MAX_MARKS)));
        assert_eq!(one_line(&pile), cut, "and so does the command line's output");
        assert_eq!(for_terminal(&format!("{pile}\u{1b}")), format!("{cut}\\x1b"));
        // Accents, emoji families with their joiners, keycaps and subdivision flags stay whole.
        for whole in [
            "e\u{301}\u{302}",
            "👩\u{200d}👩\u{200d}👧",
            "1\u{fe0f}\u{20e3}",
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            "Ünïcödé",
            "plain",
        ] {
            assert!(matches!(cap_marks(whole), Cow::Borrowed(_)), "{whole}");
        }
    }
}
