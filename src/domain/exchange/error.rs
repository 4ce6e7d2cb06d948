//! Why a file could not be imported or a board exported: each names the record it is about.

/// What went wrong, naming the record (line, row or index) where there is one; the command
/// line puts the file's name first.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("it is not {expected}: {why}")]
    NotThatFormat { expected: &'static str, why: String },
    #[error("its format could not be told from its content; say which with --from")]
    UnknownFormat,
    #[error("{at}: {why}")]
    Record { at: String, why: String },
    #[error(
        "{at}: the status \"{status}\" has no column on this board; map it in the config file's import or with --map (columns: {{\"{lower}\": \"doing\"}})"
    )]
    UnknownStatus { at: String, status: String, lower: String },
    #[error("line {line}, column {column}: {why}")]
    Mapping { line: usize, column: usize, why: String },
    #[error("{0}")]
    Board(String),
}

impl ExchangeError {
    /// A refusal about one record: `at` says where it is (`row 12 (SHOP-3)`, `index 4`).
    pub fn record(at: impl Into<String>, why: impl Into<String>) -> ExchangeError {
        ExchangeError::Record { at: at.into(), why: why.into() }
    }
}
