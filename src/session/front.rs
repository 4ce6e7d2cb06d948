//! The board screen's side of its session: what the screen asks of the file (who writes, whether
//! it may, who changed a field, whether the board is saved) answered without touching the disk,
//! the changes noted since the last save was handed over, and the writer (`worker.rs`) that
//! saves, in place or on a thread of its own ([`Front::in_background`]). Changes coalesce into
//! the next save (`queue.rs`); the screen hands each job over with [`Front::pump`] (only what
//! changed since the last hand-over, `handed.rs`) and takes each result with
//! [`Front::finished`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use super::handed::{Changes, Handed};
use super::queue::{Kind, Queue};
use super::worker::{Done, Job, Report, Worker};
use super::{ChangeError, Filed, Filing, Findings, SaveState, Session, Writer};
use crate::domain::change::Edit;
use crate::domain::team::base::Base;
use crate::domain::team::merge::{Conflict, Stranded};
use crate::model::{Board, ItemId, Timestamp};
use crate::store::Store;
use crate::store::lock_holder::Holder;

/// Where the writer runs.
#[derive(Debug)]
enum Engine {
    /// Here, each job done when handed over.
    Here(Box<Worker>),
    /// On its own thread, taking jobs from this sender.
    Thread(Sender<Job>),
}

/// The board screen's session.
#[derive(Debug)]
pub struct Front {
    path: PathBuf,
    writer: Writer,
    state: SaveState,
    /// The first version of what the screen changed since it handed over the last save.
    base: Base,
    /// What merges found outside a save, to journal with the next.
    found: Findings,
    /// The writer's copy of the board is the screen's but for the changes noted since the last
    /// hand-over, so the next hand-over is those changes; else it is the whole board.
    in_step: bool,
    /// Who changed each field last, as the writer last told.
    recent: HashMap<(Option<ItemId>, String), String>,
    queue: Queue,
    engine: Engine,
    /// Saving stopped for this reason (the screen's changes could not be merged with the file).
    stopped: Option<String>,
}

impl Front {
    /// The session of a board screen on the board `board` read from `store`.
    pub fn new(store: Store, writer: Writer, board: &Board) -> Front {
        let session = Session::new(store, writer.clone());
        Front {
            path: session.path().to_path_buf(),
            state: session.state().clone(),
            writer,
            base: Base::default(),
            found: Findings::default(),
            in_step: true,
            recent: HashMap::new(),
            queue: Queue::default(),
            engine: Engine::Here(Box::new(Worker::new(session, board.clone()))),
            stopped: None,
        }
    }

    /// The writer in place, before it goes to its thread.
    fn here(&mut self) -> Option<&mut Worker> {
        match &mut self.engine {
            Engine::Here(worker) => Some(worker),
            Engine::Thread(_) => None,
        }
    }

    /// This session, writing under another author name (before [`Front::in_background`]).
    pub fn named(mut self, name: String) -> Front {
        self.writer = self.writer.named(name);
        self.hand_writer();
        self
    }

    /// This session as a viewer (before [`Front::in_background`]).
    pub fn read_only(mut self, reason: String) -> Front {
        self.writer = self.writer.read_only(reason.clone());
        self.state = SaveState::ReadOnly(reason);
        self.hand_writer();
        self
    }

    /// Gives the writer in place this session's name and rights.
    fn hand_writer(&mut self) {
        let writer = self.writer.clone();
        if let Some(worker) = self.here() {
            worker.session_mut().set_writer(writer);
        }
    }

    /// Makes every save wait `delay` first: the test hook of `worker.rs`, for a session still
    /// saving in place.
    pub fn delay_saves(&mut self, delay: std::time::Duration) {
        if let Some(worker) = self.here() {
            worker.delay(delay);
        }
    }

    /// Moves the writer to a thread of its own; what it does comes through `tell`, for the
    /// screen to hand to [`Front::finished`] and [`Front::waiting`].
    pub fn in_background(&mut self, tell: impl Fn(Report) + Send + Sync + 'static) -> std::io::Result<()> {
        // Until the thread runs, jobs go nowhere (a failed start fails every save, saying so).
        let (nowhere, _) = std::sync::mpsc::channel();
        match std::mem::replace(&mut self.engine, Engine::Thread(nowhere)) {
            Engine::Here(worker) => self.engine = Engine::Thread(worker.spawn(tell)?),
            thread => self.engine = thread,
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn author(&self) -> &str {
        self.writer.name()
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Why this session cannot change the board, if it cannot.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.writer.read_only_reason()
    }

    /// Notes what `edit` is about to change on `board` (before it is applied).
    pub fn note(&mut self, board: &Board, edit: &Edit, summary: &str) {
        self.base.note(board, edit, summary);
    }

    /// Conflicts found outside a save, to be journaled by the next one.
    pub fn note_conflicts(&mut self, conflicts: &[Conflict]) {
        self.found.conflicts.extend_from_slice(conflicts);
    }

    /// Items a merge on the screen left out of a column the other side deleted, to be
    /// journaled by the next save.
    pub fn note_stranded(&mut self, stranded: Vec<Stranded>) {
        self.found.stranded.extend(stranded);
    }

    /// Who changed field `field` of `item` last, as far as the journal read tells.
    pub fn who_changed(&self, item: Option<ItemId>, field: &str) -> Option<&str> {
        super::who_changed(&self.recent, item, field)
    }

    /// The changes made since the last save was handed over, measured from the board the
    /// screen had then.
    pub fn unsent(&self) -> &Base {
        &self.base
    }

    /// The changes not handed over yet were merged with `file`: measure them from it. The
    /// screen's board is that merge, which the writer does not have: the next save hands over
    /// the whole board.
    pub fn rebase(&mut self, file: &Board, renumbered: &[(ItemId, ItemId)]) {
        self.base.rebase(file, renumbered);
        self.in_step = false;
    }

    /// The screen took the board the writer handed back, with no change of its own since the
    /// last hand-over: the writer's copy is the screen's board again.
    pub fn took_writers_board(&mut self) {
        self.in_step = true;
    }

    /// Saving stops for `reason`: the changes stay on the screen (and go to a recovery copy).
    pub fn stop_saving(&mut self, reason: String) {
        self.state = SaveState::Unsaved(reason.clone());
        self.stopped = Some(reason);
    }

    /// The board changed: a save follows (now, or after the one in flight).
    pub fn changed(&mut self) {
        if self.read_only_reason().is_some() {
            return;
        }
        self.queue.changed();
        if self.state == SaveState::Saved {
            self.state = SaveState::Saving;
        }
    }

    /// Someone may have saved the file: read it with the next job. A save that failed is tried
    /// again then (it merges with the file).
    pub fn file_changed(&mut self) {
        self.queue.file_changed();
        if matches!(self.state, SaveState::Unsaved(_)) && self.stopped.is_none() {
            self.queue.changed();
        }
    }

    /// Tries a failed save again.
    pub fn retry(&mut self) {
        if matches!(self.state, SaveState::Unsaved(_)) && self.stopped.is_none() {
            self.queue.changed();
        }
    }

    /// Hands the next job to the writer if it is free and something waits (`board` is the
    /// board on screen). In place, the job is done at once and returned.
    pub fn pump(&mut self, board: &Board, now: Timestamp) -> Option<Box<Done>> {
        if self.stopped.is_some() {
            return None;
        }
        let job = match self.queue.take_next()? {
            Kind::Save => Job::Save {
                handed: self.hand_over(board),
                base: std::mem::take(&mut self.base),
                found: std::mem::take(&mut self.found),
                now,
            },
            Kind::CatchUp => Job::CatchUp { now },
        };
        match &mut self.engine {
            Engine::Here(worker) => Some(Box::new(worker.run(job))),
            Engine::Thread(jobs) => match jobs.send(job) {
                Ok(()) => None,
                Err(_) => Some(Box::new(Done {
                    kind: Kind::Save,
                    result: Err("the board's writer stopped".into()),
                    board: None,
                    recent: None,
                })),
            },
        }
    }

    /// The board on screen for the writer: what changed since the last hand-over, or the whole
    /// board when the writer's copy is not the screen's board as it was then.
    fn hand_over(&mut self, board: &Board) -> Handed {
        match std::mem::replace(&mut self.in_step, true) {
            true => Handed::Changes(Changes::of(board, self.base.ids())),
            false => Handed::Whole(Box::new(board.clone())),
        }
    }

    /// The save in flight waits for the lock.
    pub fn waiting(&mut self, holder: &Holder) {
        if self.queue.unsaved() && !matches!(self.state, SaveState::Unsaved(_)) {
            self.state = SaveState::Waiting(holder.to_string());
        }
    }

    /// Takes what the writer tells of a job done (the screen takes its board and words).
    pub fn finished(&mut self, done: &mut Done) {
        self.queue.done();
        if let Some(recent) = done.recent.take() {
            self.recent = recent;
        }
        if self.read_only_reason().is_some() {
            return;
        }
        self.state = match (&done.result, done.kind) {
            (Err(reason), Kind::Save) => SaveState::Unsaved(reason.clone()),
            (_, Kind::CatchUp) if matches!(self.state, SaveState::Unsaved(_)) => self.state.clone(),
            _ if self.queue.unsaved() => SaveState::Saving,
            _ => SaveState::Saved,
        };
    }

    /// Nothing in flight and nothing waiting: the file has every change that could be saved.
    pub fn settled(&self) -> bool {
        self.queue.idle() || self.stopped.is_some() && !self.queue.busy()
    }

    /// The screen's archive or unarchive, asked for once every change of this screen is on disk
    /// ([`Front::settled`]): filed as the command line files, under the lock on the board as
    /// the file has it then, so that nothing another writer saved meanwhile is written over.
    /// The board returned is the file's, for the screen to take; the writer reads the file
    /// again with its next job.
    pub fn file(&mut self, filing: Filing, now: Timestamp) -> Result<(Filed, Board), ChangeError> {
        let filed = Session::lock(&self.path, self.writer.clone())?.file(filing, now);
        self.file_changed();
        // The screen takes the file's board, which the writer reads only with its next job.
        self.in_step &= filed.is_err();
        filed
    }

    /// Whether the writer runs on its own thread.
    pub fn in_thread(&self) -> bool {
        matches!(self.engine, Engine::Thread(_))
    }
}
