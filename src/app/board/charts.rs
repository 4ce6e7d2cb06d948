//! Opening the charts screen: the flow figures as of now, from the journal replayed where the
//! last replay stopped (kept by the App, keyed by the journal's length), so opening the charts
//! again reads only what was written since (docs/guide/rhythm.md, "Charts"). The first replay
//! of the whole journal runs on a thread of its own from the moment the board screen opens
//! ([`App::replay_in_background`]), so `C` finds it done instead of reading 100,000 lines.

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
    /// the board screen opens); the charts take the result when they first open, waiting for
    /// the rest of it if `C` comes sooner.
    pub fn replay_in_background(&mut self) {
        if self.replay.is_some() || self.replaying.is_some() {
            return;
        }
        let journal = Journal::of(self.session.path());
        let mut replay = Replay::new(&self.board);
        let job = std::thread::Builder::new().name("charts-replay".into()).spawn(move || {
            let (entries, offset) = journal.read_since_as::<Step>(0)?;
            replay.feed(&entries, offset);
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

    pub(crate) fn open_charts(&mut self) {
        let flow = self.flow_now();
        self.overlays.push(Overlay::Charts(Box::new(Charts::new(flow))));
    }

    /// The flow figures as of now. A journal that cannot be read leaves the figures of what was
    /// read before, and says so.
    pub(crate) fn flow_now(&mut self) -> Flow {
        let journal = Journal::of(self.session.path());
        match self.replaying.take().map(JoinHandle::join) {
            Some(Ok(Ok(replay))) => self.replay = Some(replay),
            Some(Ok(Err(err))) => {
                tracing::warn!(error = %sentence(&err), "the charts' replay failed; read again")
            }
            Some(Err(_)) => tracing::warn!("the charts' replay stopped; read again"),
            None => {}
        }
        let mut replay = match self.replay.take() {
            Some(replay) if replay.fits(&self.board, journal.end()) => replay,
            _ => Replay::new(&self.board),
        };
        match journal.read_since_as::<Step>(replay.offset) {
            Ok((entries, offset)) => replay.feed(&entries, offset),
            Err(err) => {
                self.status = Some(Status::warning(format!(
                    "{}; the charts show what was read before",
                    sentence(&err)
                )));
            }
        }
        let flow = Flow::of(&self.board, &replay, self.now.date_naive());
        self.replay = Some(replay);
        flow
    }
}
