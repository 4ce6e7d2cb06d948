//! A command's failure with an exit status of its own (SPEC §5 gives 1 to failures; a merge
//! driver answers git with 1 for "merged, with conflicts recorded" and 2 for "not merged").

/// The message printed on stderr and the status the process exits with.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Exit {
    pub code: u8,
    pub message: String,
}

/// The status for a command's error: its own when it has one, else 1.
pub fn code(err: &anyhow::Error) -> u8 {
    err.downcast_ref::<Exit>().map_or(1, |exit| exit.code)
}
