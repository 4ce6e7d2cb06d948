//! Opening the charts screen: the flow figures as of now, from the journal replayed where the
//! last replay stopped (kept by the App, keyed by the journal's length), so opening the charts
//! again reads only what was written since (docs/guide/rhythm.md, "Charts").

use crate::app::App;
use crate::app::screens::Overlay;
use crate::app::screens::charts::Charts;
use crate::app::status::Status;
use crate::domain::rhythm::flow::{Flow, Replay, Step};
use crate::store::error::sentence;
use crate::store::journal::Journal;

impl App {
    pub(crate) fn open_charts(&mut self) {
        let flow = self.flow_now();
        self.overlays.push(Overlay::Charts(Box::new(Charts::new(flow))));
    }

    /// The flow figures as of now. A journal that cannot be read leaves the figures of what was
    /// read before, and says so.
    pub(crate) fn flow_now(&mut self) -> Flow {
        let journal = Journal::of(self.session.path());
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
