//! Reading files a teammate can write without trusting their size: whole small files up to a
//! cap, and lines up to a cap each, in time linear in the bytes read and memory bounded by the
//! cap, however long a line is or whether it ever ends (docs/FORMAT.md, "Limits").

use std::io::{self, BufRead, Read};

/// The longest journal line read (a merge note's or an intent file's lines too): far more than
/// any change writes (a whole item with a long description is a few kilobytes), far less than
/// what would stall a reader. Longer lines are skipped and counted.
pub const LINE_CAP: usize = 1 << 20;

/// The largest draft, presence file or other small sidecar read whole.
pub const SMALL_CAP: u64 = 1 << 20;

/// What a capped line reader hands back for each line.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (without its newline) no longer than the cap.
    Whole(Vec<u8>),
    /// A line longer than the cap, read past and dropped.
    TooLong,
}

/// One line read, with where it ended.
#[derive(Debug, PartialEq, Eq)]
pub struct LineRead {
    pub line: Line,
    /// The bytes it took, its newline included.
    pub len: u64,
    /// Whether it ended with a newline (the last line of a file being written may not).
    pub ended: bool,
}

/// The lines of `reader`, each at most `cap` bytes; a last line without its newline counts as a
/// line. Bytes past the cap are read and dropped, so a 40 MB line costs one pass and `cap` bytes.
pub struct Lines<R> {
    reader: R,
    cap: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, cap: usize) -> Lines<R> {
        Lines { reader, cap }
    }

    /// The next line, `None` at the end.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        Ok(self.next_read()?.map(|read| read.line))
    }

    /// The next line with its length and whether it ended, `None` at the end.
    pub fn next_read(&mut self) -> io::Result<Option<LineRead>> {
        let mut line = Vec::new();
        let mut too_long = false;
        let mut any = false;
        let mut len = 0u64;
        let mut ended = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match buf.iter().position(|b| *b == b'\n') {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            if !too_long && line.len() + take <= self.cap {
                line.extend_from_slice(&buf[..take]);
            } else {
                too_long = true;
                line = Vec::new();
            }
            self.reader.consume(take + usize::from(done));
            len += (take + usize::from(done)) as u64;
            if done {
                ended = true;
                break;
            }
        }
        let line = match (any, too_long) {
            (false, _) => return Ok(None),
            (true, true) => Line::TooLong,
            (true, false) => Line::Whole(line),
        };
        Ok(Some(LineRead { line, len, ended }))
    }
}

/// The whole of `reader` if it holds at most `cap` bytes, `None` if it holds more (only `cap + 1`
/// bytes are ever read).
pub fn read_capped(reader: impl Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[u8], cap: usize) -> Vec<Line> {
        let mut reader = Lines::new(io::BufReader::with_capacity(4, text), cap);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().expect("read") {
            out.push(line);
        }
        out
    }

    #[test]
    fn lines_over_the_cap_are_dropped_and_the_next_ones_read() {
        let got = lines(b"ab\nabcdefgh\n\nabc", 3);
        let want = vec![
            Line::Whole(b"ab".to_vec()),
            Line::TooLong,
            Line::Whole(Vec::new()),
            Line::Whole(b"abc".to_vec()),
        ];
        assert_eq!(got, want);
        assert!(lines(b"", 3).is_empty());
        assert_eq!(lines(b"abcd", 3), vec![Line::TooLong]);
    }

    #[test]
    fn a_capped_read_refuses_more_than_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).expect("read"), Some(b"abc".to_vec()));
        assert_eq!(read_capped(&b"abcd"[..], 3).expect("read"), None);
    }
}
