//! Who a session writes as, and whether it may write at all: fixed when the session is made and
//! the same for every change it makes, so the journal always names the author it was given.

use crate::domain::team::activity::Stamp;
use crate::model::Timestamp;
use crate::store::users;

/// The author of a session's changes, the id that tells its journal lines from those of the same
/// author's other sessions, and why it may not write, if it may not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    name: String,
    session: String,
    read_only: Option<String>,
}

impl Writer {
    /// A writer named `name`, with an id of its own for this process's session.
    pub fn new(name: String) -> Writer {
        Writer { name: users::capped(&name), session: users::session_id(), read_only: None }
    }

    /// This writer, refusing every change for `reason` (`--readonly`, or no write access).
    pub fn read_only(self, reason: String) -> Writer {
        Writer { read_only: Some(reason), ..self }
    }

    /// This writer under another author name (the same session).
    pub fn named(self, name: String) -> Writer {
        Writer { name: users::capped(&name), ..self }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Why this writer may not change the board, if it may not.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The stamp of a change made at `time`: who, in which session, when.
    pub fn stamp(&self, time: Timestamp) -> Stamp {
        Stamp { author: self.name.clone(), session: self.session.clone(), time }
    }

    /// Whether `session` (of a journal line) is this writer's own session.
    pub(super) fn is_own_session(&self, session: &str) -> bool {
        !session.is_empty() && session == self.session
    }
}
