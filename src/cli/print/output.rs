//! Printing: everything a command writes goes through here once, escaped for the terminal (see
//! `crate::escape`), and a reader that went away (`twotrack list | head -2`) ends the command
//! quietly instead of with a panic.

use std::io::{self, Write};

use crate::escape;

/// The standard output was closed by its reader: the command ends quietly, with success.
#[derive(Debug, thiserror::Error)]
#[error("the reader of the output went away")]
pub struct OutputClosed;

/// Writes `text` to stdout, escaped.
pub fn print(text: &str) -> anyhow::Result<()> {
    write_to(&mut io::stdout().lock(), text)
}

/// Writes JSON text and a newline to stdout, its strings' control characters escaped the JSON way.
pub fn println_json(text: &str) -> anyhow::Result<()> {
    emit(&mut io::stdout().lock(), &format!("{}\n", escape::json(text)))
}

/// Writes a JSON array item by item through a buffer: the same text as the whole array
/// pretty-printed and escaped as [`println_json`] does, but a long list never holds its text,
/// or a JSON value per item, in memory (`list --json`: 1.2 GB at 100,000 items when the whole
/// document was built first).
pub fn println_json_seq<T: serde::Serialize>(rows: impl IntoIterator<Item = T>) -> anyhow::Result<()> {
    json_seq_to(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()), rows)
}

fn json_seq_to<T: serde::Serialize>(
    out: impl Write,
    rows: impl IntoIterator<Item = T>,
) -> anyhow::Result<()> {
    let formatter = SafePretty(serde_json::ser::PrettyFormatter::with_indent(b"  "));
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    closed_or(serde::Serializer::collect_seq(&mut serializer, rows).map_err(io::Error::from))?;
    emit(&mut serializer.into_inner(), "\n")
}

/// serde_json's pretty layout, with what [`escape::json`] escapes (DEL, C1 and bidi controls)
/// escaped inside strings as they are written: serde_json escapes the other controls itself, so
/// its strings are the only place they can be, and the rest of the text needs no second look.
struct SafePretty<'a>(serde_json::ser::PrettyFormatter<'a>);

impl serde_json::ser::Formatter for SafePretty<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        out.write_all(escape::json(fragment).as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_array(out)
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array(out)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array_value(out)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object(out)
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object(out)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object_value(out)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object_value(out)
    }
}

/// Writes text whose values were each escaped already (CSV: every cell escaped, the CRLF row ends
/// of RFC 4180 kept as they are).
pub fn print_escaped(text: &str) -> anyhow::Result<()> {
    emit(&mut io::stdout().lock(), text)
}

/// Writes `text` and a newline to stdout, escaped.
pub fn println(text: &str) -> anyhow::Result<()> {
    print(&format!("{text}\n"))
}

/// Writes one line to stderr, escaped (a closed stderr is ignored: there is nobody to tell).
pub fn eprintln(text: &str) {
    eprint(&format!("{text}\n"));
}

/// Writes `text` to stderr, escaped.
pub fn eprint(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(escape::for_terminal(text).as_bytes());
}

fn write_to(out: &mut impl Write, text: &str) -> anyhow::Result<()> {
    emit(out, &escape::for_terminal(text))
}

/// Writes text that is already safe.
fn emit(out: &mut impl Write, text: &str) -> anyhow::Result<()> {
    put(out, text)?;
    closed_or(out.flush())
}

/// Writes text that is already safe, without flushing.
fn put(out: &mut impl Write, text: &str) -> anyhow::Result<()> {
    closed_or(out.write_all(text.as_bytes()))
}

fn closed_or(result: io::Result<()>) -> anyhow::Result<()> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(OutputClosed.into()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write the output")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_reader_is_a_quiet_end_and_text_is_escaped() {
        let err = write_to(&mut Closed, "x").expect_err("closed");
        assert!(err.is::<OutputClosed>());
        let mut out = Vec::new();
        write_to(&mut out, "a\x1b[5mb\n").expect("written");
        assert_eq!(out, b"a\\x1b[5mb\n");
    }

    #[test]
    fn rows_streamed_read_as_the_whole_array_pretty_printed_and_escaped() {
        let odd = "a\nb\u{7f}c\u{85}d\u{202e}e\u{1b}f ünï 🚀";
        let row = serde_json::json!({"id": 1, "t": odd, "x": [1, {"y": null}], "e": [], "o": {}});
        // Keys are strings too.
        let keys = serde_json::json!({"k\u{202e}": {"\u{7f}": ["\u{2066}"]}});
        for rows in [vec![], vec![row.clone(); 3], vec![row, keys]] {
            let mut out = Vec::new();
            json_seq_to(&mut out, rows.iter()).expect("written");
            let whole = format!("{}\n", escape::json(&serde_json::to_string_pretty(&rows).expect("json")));
            assert_eq!(String::from_utf8(out).expect("utf-8"), whole);
        }
        let err = json_seq_to(Closed, [1, 2]).expect_err("closed");
        assert!(err.is::<OutputClosed>());
    }
}
