//! `twotrack merge-journal BASE OURS THEIRS [-o OUT]`: git's merge driver for the board's
//! journal (docs/guide/teams-and-git.md, "A board in git"): both sides' lines, once, new ones in time order. Never a
//! conflict, so the exit status is 0 unless a file cannot be read or written.

use anyhow::Result;

use crate::cli::git::merge_io;
use crate::store::journal_merge;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: merge_io::Versions,
}

pub fn run(args: &Args) -> Result<()> {
    let v = &args.versions;
    let merged = journal_merge::merge(
        &merge_io::read(&v.base)?,
        &merge_io::read(&v.ours)?,
        &merge_io::read(&v.theirs)?,
    );
    v.output()?.write(&merged)
}
