//! Opening the charts screen: the flow figures as of now, from the journal replayed where the
//! last replay stopped (kept by the App, keyed by the journal's length), so opening the charts
//! again reads only what was written since (docs/guide/rhythm.md, "Charts"). The first replay
//! of the whole journal runs on a thread of its own from the moment the board screen opens
//! ([`App::replay_in_background`]); `C` pressed before it is over opens the screen at once,
//! saying the charts are being worked out, and they appear when the replay reports back
//! ([`App::replay_finished`]). No key waits for the journal.

use std::thread::JoinHandle;

use crate::app::App;
use crate::app::screens::Overlay;
use crate::app::screens::charts::Charts;
use crate::app::status::Status;
use crate::domain::rhythm::flow::{Flow, Replay, Step};
use crate::store::error::JournalError;
use crate::store::error::sentence;
use crate::store::journal::Journal;

/// The whole journal being replayed on its own thread.
pub(crate) type Replaying = JoinHandle<Result<Replay, JournalError>>;

impl App {
    /// Starts replaying the whole journal on a thread of its own (the terminal does this when
    /// the board screen opens). `done` is called on that thread once the replay is over; the
    /// terminal's loop then calls [`App::replay_finished`].
    pub fn replay_in_background(&mut self, done: impl FnOnce() + Send + 'static) {
        if self.replay.is_some() || self.replaying.is_some() {
            return;
        }
        let journal = Journal::of(self.session.path());
        let mut replay = Replay::new(&self.board);
        let job = std::thread::Builder::new().name("charts-replay".into()).spawn(move || {
            // Told however the thread ends, a panic included: a waiting screen never waits on.
            let _tell = Tell(Some(done));
            replay.offset = journal.each_since(0, |step: Step| replay.step(&step))?;
            Ok(replay)
        });
        match job {
            Ok(job) => self.replaying = Some(job),
            Err(e) => tracing::warn!(error = %e, "no thread for the charts' replay; it runs when they open"),
        }
    }

    /// Whether the background replay is over (or none runs): `C` then waits for nothing.
    pub fn replay_ready(&self) -> bool {
        self.replaying.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// The background replay reported that it is over: the charts screens waiting for it (this
    /// session's, a follower's) get their figures. Returns whether the screen changed.
    pub fn replay_finished(&mut self) -> bool {
        self.take_replay();
        let waiting = |o: &Overlay| matches!(o, Overlay::Charts(c) if c.flow.is_none());
        if !self.overlays.iter().any(waiting) {
            return false;
        }
        let flow = Box::new(self.flow_now());
        for overlay in &mut self.overlays {
            if let Overlay::Charts(charts) = overlay
                && charts.flow.is_none()
            {
                charts.flow = Some(flow.clone());
            }
        }
        true
    }

    pub(crate) fn open_charts(&mut self) {
        let flow = self.flow_ready();
        self.overlays.push(Overlay::Charts(Box::new(Charts::new(flow))));
    }

    /// The flow figures as of now, or `None` while the background replay is still under way
    /// (the charts then say so until [`App::replay_finished`]).
    pub(crate) fn flow_ready(&mut self) -> Option<Flow> {
        self.replay_ready().then(|| self.flow_now())
    }

    /// Keeps the background replay's result, once it is over (waiting for it otherwise).
    fn take_replay(&mut self) {
        match self.replaying.take().map(JoinHandle::join) {
            Some(Ok(Ok(replay))) => self.replay = Some(replay),
            Some(Ok(Err(err))) => {
                tracing::warn!(error = %sentence(&err), "the charts' replay failed; read again")
            }
            Some(Err(_)) => tracing::warn!("the charts' replay stopped; read again"),
            None => {}
        }
    }

    /// The flow figures as of now. A journal that cannot be read leaves the figures of what was
    /// read before, and says so.
    fn flow_now(&mut self) -> Flow {
        self.take_replay();
        let journal = Journal::of(self.session.path());
        let mut replay = match self.replay.take() {
            Some(replay) if replay.fits(&self.board, journal.end()) => replay,
            _ => Replay::new(&self.board),
        };
        let read = journal.each_since(replay.offset, |step: Step| replay.step(&step));
        let flow = Flow::of(&self.board, &replay, self.now.date_naive());
        match read {
            Ok(offset) => {
                replay.offset = offset;
                self.replay = Some(replay);
            }
            // Part of what was read may be in the replay: the next opening starts anew.
            Err(err) => {
                self.status =
                    Some(Status::warning(format!("{}; the charts show what could be read", sentence(&err))));
            }
        }
        flow
    }
}

/// Calls its function when dropped: at the end of the replay's thread, however it ends.
struct Tell<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for Tell<F> {
    fn drop(&mut self) {
        if let Some(tell) = self.0.take() {
            tell();
        }
    }
}
