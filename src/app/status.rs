//! The one-line message of the status bar: what just happened, or what went wrong.

/// How much a message matters (the screen shows it with a symbol, not colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub level: Level,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Status {
        Status { text: text.into(), level: Level::Info }
    }

    pub fn warning(text: impl Into<String>) -> Status {
        Status { text: text.into(), level: Level::Warning }
    }

    pub fn error(text: impl Into<String>) -> Status {
        Status { text: text.into(), level: Level::Error }
    }

    /// What a read-only session says when asked to change something: `what` happened instead.
    pub fn read_only(what: &str, reason: &str) -> Status {
        Status::warning(format!("read-only session, {what}: {reason}"))
    }
}
