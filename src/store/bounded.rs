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

    /// The next line with its length and whether it ended, `None` at the end. The standard
    /// library's `read_until` finds the newline (a word at a time, not byte by byte: a
    /// 100,000-line journal is read this way).
    pub fn next_read(&mut self) -> io::Result<Option<LineRead>> {
        let mut line = Vec::new();
        let cap = u64::try_from(self.cap).unwrap_or(u64::MAX);
        let read = (&mut self.reader).take(cap.saturating_add(1)).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        let ended = line.last() == Some(&b'\n');
        if ended {
            line.pop();
        }
        let len = read as u64;
        if line.len() > self.cap {
            let (rest, newline) = self.skip_line()?;
            return Ok(Some(LineRead { line: Line::TooLong, len: len + rest, ended: newline }));
        }
        Ok(Some(LineRead { line: Line::Whole(line), len, ended }))
    }

    /// Reads past the rest of a line that is over the cap, keeping none of it: the bytes read
    /// (its newline included) and whether the newline came.
    fn skip_line(&mut self) -> io::Result<(u64, bool)> {
        let mut len = 0u64;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok((len, false));
            }
            let (take, newline) = match buf.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            self.reader.consume(take);
            len += take as u64;
            if newline {
                return Ok((len, true));
            }
        }
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
    fn each_line_read_says_its_length_and_whether_it_ended() {
        let mut reader = Lines::new(io::BufReader::with_capacity(2, &b"abc\nabcd\nabcdefg\nab"[..]), 3);
        let mut got = Vec::new();
        while let Some(read) = reader.next_read().expect("read") {
            got.push((read.line, read.len, read.ended));
        }
        let want = vec![
            (Line::Whole(b"abc".to_vec()), 4, true),
            (Line::TooLong, 5, true),
            (Line::TooLong, 8, true),
            (Line::Whole(b"ab".to_vec()), 2, false),
        ];
        assert_eq!(got, want, "a line at the cap is whole, one past it is not");
        let mut cut = Lines::new(&b"abcdef"[..], 3);
        let read = cut.next_read().expect("read").expect("a line");
        assert_eq!((read.line, read.len, read.ended), (Line::TooLong, 6, false));
        assert!(cut.next_read().expect("read").is_none());
    }

    #[test]
    fn a_capped_read_refuses_more_than_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).expect("read"), Some(b"abc".to_vec()));
        assert_eq!(read_capped(&b"abcd"[..], 3).expect("read"), None);
    }
}
