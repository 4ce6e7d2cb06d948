//! `twotrack merge-file BASE OURS THEIRS [-o OUT] [--board PATH] [--quiet]`: git's merge driver
//! for the board file (docs/guide/teams-and-git.md, "A board in git"). The three versions are merged as boards, not
//! as text (`domain::team::merge::merge3`, our side winning conflicts, their new items renumbered
//! where both sides took an id), and the result is written in the board's own layout, exactly
//! as a save would write it. Conflicts and renumbered items are listed on stderr and noted
//! beside the board for its screen and journal. Exit status: 0 merged, 1 merged with conflicts
//! recorded (our values kept: the file is always a valid board), 2 nothing merged.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::exit::Exit;
use crate::cli::git::merge_io;
use crate::cli::git::merge_io::Output;
use crate::cli::print::output;
use crate::domain::team::activity::Stamp;
use crate::domain::team::merge::{Side, merge3, report};
use crate::model::Board;
use crate::store::written::Written;
use crate::store::{BoardLock, archive, beside, format, merge_note};

/// Ours wins conflicts; their new items are renumbered where both sides took an id.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: merge_io::Versions,
    /// The board this merge is for (git's %P): conflicts are noted beside it for its board
    /// screen and journal (default: OUT).
    #[arg(long, value_name = "PATH")]
    pub board: Option<PathBuf>,
    /// Do not list conflicts on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// The three versions read as boards (`base` is `None` when empty), and our version's text so
/// that the items that did not change keep their bytes.
struct Loaded {
    base: Option<Board>,
    ours: (Board, Written),
    theirs: Board,
}

pub fn run(args: &Args, stamp: &Stamp) -> Result<()> {
    let not_merged = |err: anyhow::Error| Exit { code: 2, message: format!("{err:#}; nothing was merged") };
    let output = args.versions.output().map_err(not_merged)?;
    let versions = read(args).map_err(not_merged)?;
    let mut base = versions.base.unwrap_or_else(|| added_on_both_sides(&versions.ours.0));
    if args.board.as_deref().is_some_and(archive::is_archive) {
        // An archive's ids were given by the board: an item one side archived is never
        // renumbered as if that side had just taken its id (docs/FORMAT.md, "The archive").
        let top = |b: &Board| b.items().last().map_or(0, |it| it.id + 1).max(b.next_id);
        base.next_id = top(&base).max(top(&versions.ours.0)).max(top(&versions.theirs));
    }
    let merged = merge3(&base, &versions.ours.0, &versions.theirs, Side::Ours)
        .map_err(|err| not_merged(err.into()))?;
    let written = Written::new(&merged.board, Some(&versions.ours.1))
        .map_err(|message| not_merged(anyhow::anyhow!("the merged board would not read back: {message}")))?;
    output.write(written.bytes()).map_err(not_merged)?;
    let lines = report::lines(&merged, Side::Ours);
    if !args.quiet && !lines.is_empty() {
        output::eprint(&lines.iter().map(|l| format!("twotrack: {l}\n")).collect::<String>());
    }
    let written_to = match &output {
        Output::File(path) => Some(path.as_path()),
        Output::Stdout | Output::Ours(_) => None,
    };
    let note = args.board.as_deref().or(written_to);
    let mut noted = String::new();
    if let Some(board) = note.filter(|_| !lines.is_empty()) {
        let entries = report::entries(&merged, Side::Ours, stamp);
        let noted_beside = || -> Result<()> {
            let lock = BoardLock::acquire(board)?;
            Ok(merge_note::add(board, &entries, &lock)?)
        };
        match noted_beside() {
            Ok(()) => {
                noted = format!("; noted in {} for the board screen", merge_note::path(board).display())
            }
            Err(err) => output::eprintln(&format!(
                "twotrack: warning: the conflicts were not noted beside the board: {err:#}"
            )),
        }
    }
    match merged.conflicts.len() + merged.stranded.len() {
        0 => Ok(()),
        n => Err(Exit {
            code: 1,
            message: format!(
                "merged with {n} conflict{}: our values kept, theirs not applied{noted}",
                if n == 1 { "" } else { "s" }
            ),
        }
        .into()),
    }
}

/// Reads the three versions; errors name them as "ours" and "theirs" of the board (git's
/// temporary file names would tell nobody anything).
fn read(args: &Args) -> Result<Loaded> {
    let label = |path: &Path, side: &str| match &args.board {
        Some(board) => PathBuf::from(format!("{} ({side})", board.display())),
        None => path.to_path_buf(),
    };
    let text = |path: &Path| -> Result<Option<Vec<u8>>> {
        let bytes = merge_io::read(path)?;
        Ok((!bytes.iter().all(u8::is_ascii_whitespace)).then_some(bytes))
    };
    let paths = &args.versions;
    let empty = |path: &Path, side: &str| {
        format!("{} is empty; expected a twotrack board", label(path, side).display())
    };
    let ours_bytes = text(&paths.ours)?.with_context(|| empty(&paths.ours, "ours"))?;
    let ours = format::read(&label(&paths.ours, "ours"), ours_bytes)?;
    // The base and their version are mostly our text: only the items whose text differs are
    // read, side by side.
    let beside = |path: &Path, side: &str| -> Result<Option<Board>> {
        let Some(bytes) = text(path)? else { return Ok(None) };
        Ok(Some(beside::read(&label(path, side), bytes, &ours.0, &ours.1)?))
    };
    let (base, theirs) = std::thread::scope(|scope| {
        let base = scope.spawn(|| beside(&paths.base, "base"));
        let theirs = beside(&paths.theirs, "theirs");
        let base = base.join().unwrap_or_else(|_| Err(anyhow::anyhow!("reading base failed")));
        (base, theirs)
    });
    let base = base?;
    let theirs = theirs?.with_context(|| empty(&paths.theirs, "theirs"))?;
    Ok(Loaded { base, ours, theirs })
}

/// The common version when both sides added the board file: a new board with nothing on it, so
/// that every setting the sides chose differently is a conflict (ours kept).
fn added_on_both_sides(ours: &Board) -> Board {
    Board::new(&ours.name)
}
