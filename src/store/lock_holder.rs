//! Who holds a board's lock: the holder writes its process id and login name into the lock file
//! when it takes the lock and empties it when it lets go, so that a writer kept waiting can say
//! whom it waits for. The file is read with a size cap and its text trusted for nothing but
//! that message: a lock held by a program that writes nothing (`flock` from a shell), or by a
//! process that is gone, is "another process".

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::sidecar;
use super::users;

/// The most bytes of a lock file read: a process id, a login name and a newline fit well.
const READ_CAP: u64 = 256;

/// The most characters of a holder's name shown.
const NAME_CAP: usize = 32;

/// Who holds the lock, as far as the lock file tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holder {
    /// The holder's process id and login name, when the file names a live process.
    pub named: Option<(u32, String)>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.named {
            Some((pid, user)) => write!(f, "held by pid {pid}, user {user}"),
            None => write!(f, "held by another process"),
        }
    }
}

/// Reads who holds the lock of the board at `board`.
pub fn read(board: &Path) -> Holder {
    let Ok(Some(file)) = sidecar::open_to_read(board, "lock") else { return Holder::default() };
    let mut text = String::new();
    if file.take(READ_CAP).read_to_string(&mut text).is_err() {
        return Holder::default();
    }
    Holder { named: parse(&text).filter(|(pid, _)| alive(*pid)) }
}

/// `"<pid> <login>\n"`, the login cut to its safe characters.
fn parse(text: &str) -> Option<(u32, String)> {
    let mut words = text.split_whitespace();
    let pid = words.next()?.parse().ok()?;
    let user: String = words
        .next()?
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(NAME_CAP)
        .collect();
    (!user.is_empty()).then_some((pid, user))
}

/// Whether process `pid` exists, where `/proc` tells; assumed alive where it cannot.
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Writes this process into the lock file `locked` (the descriptor holding the lock) through a
/// second, writable descriptor of the same file; returns it, to empty the file on release.
/// Best effort: a lock file this user may not write (a teammate's) stays as it is, and a file
/// with a second name is never written.
pub fn claim(board: &Path, locked: &File) -> Option<File> {
    let path = sidecar::path_of(board, "lock");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&path)
        .ok()?;
    let (ours, theirs) = (file.metadata().ok()?, locked.metadata().ok()?);
    if (ours.dev(), ours.ino()) != (theirs.dev(), theirs.ino()) || ours.nlink() != 1 || !ours.is_file() {
        return None;
    }
    let line = format!("{} {}\n", std::process::id(), users::name_of(users::current_uid()));
    file.set_len(0).and_then(|()| file.write_all_at(line.as_bytes(), 0)).ok()?;
    Some(file)
}

/// Empties the lock file before the lock is let go (see [`claim`]).
pub fn release(file: &File) {
    let _ = file.set_len(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_is_named_by_its_line_and_anything_else_is_another_process() {
        assert_eq!(parse("42 ana\n"), Some((42, "ana".into())));
        assert_eq!(parse("42 a\u{1b}[2Jna\n"), Some((42, "a2Jna".into())));
        assert_eq!(parse(""), None);
        assert_eq!(parse("x ana"), None);
        assert_eq!(parse("42"), None);
        assert_eq!(Holder::default().to_string(), "held by another process");
        let me = Holder { named: Some((7, "bo".into())) };
        assert_eq!(me.to_string(), "held by pid 7, user bo");
    }

    #[test]
    fn the_holder_writes_itself_into_the_lock_file_and_empties_it_on_release() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let lock = super::super::BoardLock::acquire(&board).expect("lock");
        let held = read(&board);
        let (pid, _) = held.named.clone().expect("named");
        assert_eq!(pid, std::process::id());
        drop(lock);
        assert_eq!(std::fs::metadata(sidecar::path_of(&board, "lock")).expect("lock file").len(), 0);
        assert_eq!(read(&board), Holder::default());
    }
}
