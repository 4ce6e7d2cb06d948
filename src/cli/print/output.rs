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

/// Writes a JSON array row by row through a buffer: the same text as the whole array
/// pretty-printed, but a long list never holds its whole text (or all its values) in memory.
pub fn println_json_rows(rows: impl Iterator<Item = serde_json::Value>) -> anyhow::Result<()> {
    json_rows_to(&mut io::BufWriter::with_capacity(1 << 16, io::stdout().lock()), rows)
}

fn json_rows_to(out: &mut impl Write, rows: impl Iterator<Item = serde_json::Value>) -> anyhow::Result<()> {
    let mut chunk = String::new();
    let mut first = true;
    for row in rows {
        chunk.clear();
        chunk.push_str(if first { "[\n" } else { ",\n" });
        // Strings keep their line breaks escaped, so every line break here is the layout's.
        for (i, line) in serde_json::to_string_pretty(&row)?.lines().enumerate() {
            if i > 0 {
                chunk.push('\n');
            }
            chunk.push_str("  ");
            chunk.push_str(line);
        }
        put(out, &escape::json(&chunk))?;
        first = false;
    }
    emit(out, if first { "[]\n" } else { "\n]\n" })
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
    fn rows_streamed_read_as_the_whole_array_pretty_printed() {
        for rows in [vec![], vec![serde_json::json!({"id": 1, "t": "a\nb", "x": [1, {"y": null}]}); 3]] {
            let mut out = Vec::new();
            json_rows_to(&mut out, rows.clone().into_iter()).expect("written");
            let whole = format!("{}\n", serde_json::to_string_pretty(&rows).expect("json"));
            assert_eq!(String::from_utf8(out).expect("utf-8"), whole);
        }
    }
}
