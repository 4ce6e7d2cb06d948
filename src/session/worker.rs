//! The board screen's writer: the [`Session`] that saves, with its own copy of the screen's
//! board, doing one job at a time. On a thread of its own ([`Worker::spawn`]) the screen never waits
//! for the disk nor for the lock; run in place ([`Worker::run`]) it is the same save, done at
//! once (the in-process tests).
//!
//! A save gets the board as the screen had it (what changed since the last hand-over, applied
//! to the writer's copy, `handed.rs`) and the changes noted since the last save was handed
//! over; the session merges with the file if someone else saved (their values win where both
//! changed a field), saves atomically under the lock, journals. The screen gets back what
//! happened and, when the file's board is not the one it handed over, that board to take.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use super::handed::Handed;
use super::queue::Kind;
use super::{Findings, Merged, OnWait, Session};
use crate::domain::team::base::Base;
use crate::model::{Board, ItemId, Timestamp};
use crate::store::lock_holder::Holder;

/// The test hook (debug builds only): every save waits this many milliseconds before it
/// starts, so tests can press keys while a save is under way (docs/ARCHITECTURE.md).
pub const DELAY_VARIABLE: &str = "TWOTRACK_TEST_SAVE_DELAY_MS";

/// A job for the writer.
#[derive(Debug)]
pub enum Job {
    /// Save the board `handed` over, which has the changes of `base` (and journal what merges
    /// `found` meanwhile).
    Save { handed: Handed, base: Base, found: Findings, now: Timestamp },
    /// Read the file again if someone else saved it.
    CatchUp { now: Timestamp },
}

/// What the writer tells the screen.
#[derive(Debug)]
pub enum Report {
    /// The save in flight waits for the lock, held by this process.
    Waiting(Holder),
    /// The job is done.
    Done(Box<Done>),
}

/// A job done.
#[derive(Debug)]
pub struct Done {
    pub kind: Kind,
    /// What others did and what became of this session's changes, or why nothing was saved
    /// (the changes stay with the writer and go with the next save).
    pub result: Result<Option<Merged>, String>,
    /// The board the file has now when it is not the one handed over: for the screen to take.
    pub board: Option<Board>,
    /// Who changed which field last, as far as the journal read tells.
    pub recent: Option<HashMap<(Option<ItemId>, String), String>>,
}

/// The session that saves, and the board as the screen has it as far as the writer knows.
#[derive(Debug)]
pub struct Worker {
    session: Session,
    /// The screen's board as the writer knows it: as the screen had it at the last hand-over,
    /// then saved (the file's, merged with it if someone else saved), or as the file has it
    /// after a catch-up; the screen takes the board when it is not the one handed over. The
    /// next hand-over brings it up to the screen's board.
    board: Board,
    /// How long each save waits before it starts (the test hook, [`DELAY_VARIABLE`]).
    delay: Duration,
}

impl Worker {
    /// The writer of `session`, whose file holds `board`, the board on screen.
    pub fn new(session: Session, board: Board) -> Worker {
        Worker { session, board, delay: test_delay() }
    }

    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// Makes every save wait `delay` first (the test hook).
    pub fn delay(&mut self, delay: Duration) {
        self.delay = delay;
    }

    /// Does one job.
    pub fn run(&mut self, job: Job) -> Done {
        match job {
            Job::Save { handed, base, found, now } => self.save(handed, base, found, now),
            Job::CatchUp { now } => {
                let result = self.session.catch_up(&mut self.board, now);
                self.done(Kind::CatchUp, result)
            }
        }
    }

    fn save(&mut self, handed: Handed, base: Base, found: Findings, now: Timestamp) -> Done {
        if !self.delay.is_zero() {
            std::thread::sleep(self.delay);
        }
        handed.into_board(&mut self.board);
        self.session.take_over(base, found);
        let reloads = self.session.reloads();
        // Saved, the board is the file's (merged with it if someone else saved); not saved, it
        // stays the screen's, whose changes the session keeps for the next save. A save that
        // failed after reading the file again leaves it merged with the file: the screen takes
        // it, so that the next save does not write over the other writer.
        let result = self.session.save(&mut self.board, now);
        let mut done = self.done(Kind::Save, result);
        if done.result.is_err() && self.session.reloads() != reloads {
            done.board = Some(self.board.clone());
        }
        done
    }

    fn done(&self, kind: Kind, result: Result<Option<Merged>, super::SyncError>) -> Done {
        let replaced = matches!(&result, Ok(Some(merged)) if merged.replaced);
        let heard = matches!(&result, Ok(Some(_)));
        Done {
            kind,
            board: replaced.then(|| self.board.clone()),
            recent: heard.then(|| self.session.recent.clone()),
            result: result.map_err(|e| e.to_string()),
        }
    }

    /// Runs the writer on a thread of its own: jobs go in through the sender returned, and
    /// what happens comes out through `tell` (from that thread). The lock is waited for as long
    /// as it takes; the thread ends when the sender is dropped.
    pub fn spawn(
        mut self: Box<Self>,
        tell: impl Fn(Report) + Send + Sync + 'static,
    ) -> std::io::Result<Sender<Job>> {
        let tell = Arc::new(tell);
        let waits = Arc::clone(&tell);
        self.session.tell_lock_waits(OnWait(Box::new(move |holder| waits(Report::Waiting(holder)))));
        let (jobs, inbox) = mpsc::channel();
        std::thread::Builder::new().name("board-writer".into()).spawn(move || {
            for job in inbox {
                tell(Report::Done(Box::new(self.run(job))));
            }
        })?;
        Ok(jobs)
    }
}

/// The save delay of the test hook: from [`DELAY_VARIABLE`] in debug builds, none in release.
fn test_delay() -> Duration {
    if cfg!(debug_assertions) {
        let ms = std::env::var(DELAY_VARIABLE).ok().and_then(|v| v.parse().ok()).unwrap_or(0);
        Duration::from_millis(ms)
    } else {
        Duration::ZERO
    }
}
