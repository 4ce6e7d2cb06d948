//! Reading keymap text (`{ board: [("h", select_left), ...], help: [...] }`) into entries that
//! remember their line and column, so that a user's mistake is reported where it stands. The
//! keymap is read by this small scanner rather than by serde because RON values carry no
//! positions; the config file's own parser checks the rest of the file.

/// One `(key, action)` of a mode, as written, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub mode: String,
    pub key: String,
    pub action: String,
    pub line: usize,
    pub column: usize,
}

/// A problem at a place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    Text(String),
    Punct(char),
}

/// Tokens with their byte offsets; comments and whitespace are skipped.
fn tokens(text: &str) -> Result<Vec<(Token, usize)>, (usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
        } else if text[i..].starts_with("/*") {
            i = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + n + 4);
        } else if c == b'"' {
            let start = i;
            let mut value = String::new();
            let mut chars = text[i + 1..].char_indices();
            loop {
                match chars.next() {
                    None => return Err((start, "this string is never closed".into())),
                    Some((n, '"')) => {
                        i += n + 2;
                        break;
                    }
                    Some((_, '\\')) => match chars.next() {
                        Some((_, 'n')) => value.push('\n'),
                        Some((_, other)) => value.push(other),
                        None => return Err((start, "this string is never closed".into())),
                    },
                    Some((_, other)) => value.push(other),
                }
            }
            out.push((Token::Text(value), start));
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((Token::Ident(text[start..i].to_owned()), start));
        } else {
            let ch = text[i..].chars().next().unwrap_or('?');
            out.push((Token::Punct(ch), i));
            i += ch.len_utf8();
        }
    }
    Ok(out)
}

/// Line and column (from 1) of byte `offset` of `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the value of the field `name` (a `{ ... }` map) starts in RON text such as a config
/// file, skipping comments: the byte offset of its `{`.
pub fn find_map(text: &str, name: &str) -> Option<usize> {
    find_field(text, name).filter(|at| text[*at..].starts_with('{'))
}

/// Where the value of the field `name` starts in RON text, skipping comments: the byte offset
/// of its first token.
pub fn find_field(text: &str, name: &str) -> Option<usize> {
    let toks = tokens(text).ok()?;
    toks.windows(3).find_map(|w| match w {
        [(Token::Ident(n), _), (Token::Punct(':'), _), (_, at)] if n == name => Some(*at),
        _ => None,
    })
}

/// Reads the keymap that starts at byte `start` of `text` (at its `{`): the entries, or the
/// first place where it does not have the expected shape.
pub fn scan(text: &str, start: usize) -> Result<Vec<Entry>, Problem> {
    let problem = |offset: usize, message: String| {
        let (line, column) = position(text, offset);
        Problem { line, column, message }
    };
    let all = tokens(&text[start..]).map_err(|(at, m)| problem(start + at, m))?;
    let mut toks = all.iter().map(|(t, at)| (t, start + at)).peekable();
    let end = text.len();
    let expect = |want: char, next: Option<(&Token, usize)>| -> Result<usize, Problem> {
        match next {
            Some((Token::Punct(c), at)) if *c == want => Ok(at),
            Some((_, at)) => Err(problem(at, format!("expected `{want}` here"))),
            None => Err(problem(end, format!("expected `{want}` before the end"))),
        }
    };
    expect('{', toks.next())?;
    let mut entries = Vec::new();
    loop {
        let (mode, _) = match toks.next() {
            Some((Token::Punct('}'), _)) => return Ok(entries),
            Some((Token::Ident(mode), at)) => (mode.clone(), at),
            Some((_, at)) => return Err(problem(at, "expected a mode name such as `board`".into())),
            None => return Err(problem(end, "the keymap is never closed with `}`".into())),
        };
        expect(':', toks.next())?;
        expect('[', toks.next())?;
        loop {
            match toks.next() {
                Some((Token::Punct(']'), _)) => break,
                Some((Token::Punct('('), at)) => {
                    let key = match toks.next() {
                        Some((Token::Text(key), _)) => key.clone(),
                        Some((_, at)) => {
                            return Err(problem(at, "expected a key in quotes, such as \"h\"".into()));
                        }
                        None => return Err(problem(end, "the keymap ends inside a binding".into())),
                    };
                    expect(',', toks.next())?;
                    let action = match toks.next() {
                        Some((Token::Ident(action), _)) => action.clone(),
                        Some((_, at)) => {
                            return Err(problem(at, "expected an action name such as `select_left`".into()));
                        }
                        None => return Err(problem(end, "the keymap ends inside a binding".into())),
                    };
                    if matches!(toks.peek(), Some((Token::Punct(','), _))) {
                        toks.next();
                    }
                    expect(')', toks.next())?;
                    let (line, column) = position(text, at);
                    entries.push(Entry { mode: mode.clone(), key, action, line, column });
                }
                Some((_, at)) => return Err(problem(at, "expected `(\"key\", action)` or `]`".into())),
                None => return Err(problem(end, "a list of bindings is never closed with `]`".into())),
            }
            if matches!(toks.peek(), Some((Token::Punct(','), _))) {
                toks.next();
            }
        }
        if matches!(toks.peek(), Some((Token::Punct(','), _))) {
            toks.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_know_where_they_stand() {
        let text = "// a comment (\"x\", quit)\n{\n    board: [(\"h\", select_left), (\"q\", quit)],\n  help: [],\n}";
        let entries = scan(text, text.find('{').expect("brace")).expect("scans");
        assert_eq!(entries.len(), 2);
        assert_eq!((entries[0].mode.as_str(), entries[0].key.as_str()), ("board", "h"));
        assert_eq!((entries[0].line, entries[0].column), (3, 13));
        assert_eq!((entries[1].action.as_str(), entries[1].line, entries[1].column), ("quit", 3, 33));
    }

    #[test]
    fn shape_errors_have_a_place() {
        let text = "{\n  board: [(\"h\" select_left)],\n}";
        let err = scan(text, 0).expect_err("missing comma");
        assert_eq!((err.line, err.column), (2, 16), "{err}");
        assert!(scan("{ board: [(\"h\", quit)]", 0).is_err());
        assert!(scan("{ board: [(\"h, quit)] }", 0).is_err());
    }
}
