//! `twotrack merge-journal BASE OURS THEIRS [-o OUT]`: git's merge driver for the board's
//! journal (README "A board in git"): both sides' lines, once, new ones in time order. Never a
//! conflict, so the exit status is 0 unless a file cannot be read or written.

use std::path::PathBuf;

use anyhow::Result;

use super::merge_io::{self, Output};
use crate::store::journal_merge;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A): replaced by the merged journal unless -o is given.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the merged journal here instead of over OURS (`-` prints it).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<()> {
    let merged = journal_merge::merge(
        &merge_io::read(&args.base)?,
        &merge_io::read(&args.ours)?,
        &merge_io::read(&args.theirs)?,
    );
    Output::of(args.output.as_deref(), &args.ours).write(&merged)
}
