//! `import FILE [--from FORMAT] [--dry-run] [--map FILE]`: another tool's items onto the board
//! as one change (one undo step, one journal group), or with `--dry-run` the plan only.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::plan_text;
use crate::cli::print::output;
use crate::cli::target;
use crate::config::Config;
use crate::domain::exchange::mapping::Table;
use crate::domain::exchange::{self, ExchangeError, Format, Mapping, Plan};
use crate::domain::team::merge::Conflict;
use crate::model::{Board, Timestamp};
use crate::session::{self, Session, Writer};
use crate::store::location::{self, BoardPath, Fresh};

/// The arguments of `import`.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    /// The file to import: `gh issue list --json …` output, a Jira or Linear CSV export, a Trello
    /// board's JSON, an Obsidian Kanban board, or twotrack's own `list --json`.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// The file's format (default: told from its content).
    #[arg(long, value_name = "FORMAT", value_parser = ["github", "jira", "linear", "trello", "obsidian", "twotrack"])]
    pub from: Option<String>,
    /// Print what the import would do, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A RON table of labels and statuses to track, stage, kind and column, over the defaults
    /// and the config file's `import` mapping.
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
}

/// The largest file read: far above any export people make, below what would exhaust memory.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

pub fn run(
    location: &BoardPath,
    writer: &Writer,
    args: &Args,
    config: &Config,
    now: Timestamp,
) -> Result<()> {
    let text = read_text(&args.input)?;
    let name =
        args.input.file_stem().map_or_else(|| "import".to_owned(), |s| s.to_string_lossy().into_owned());
    let format = match args.from.as_deref().and_then(Format::named) {
        Some(format) => format,
        None => Format::detect(&text).map_err(|e| about(&args.input, &e))?,
    };
    let batch = format.read(&text, &name).map_err(|e| about(&args.input, &e))?;
    let map = match &args.map {
        Some(path) => {
            let text = read_text(path)?;
            Some((Table::parse(&text).map_err(|e| about(path, &e))?, text, path))
        }
        None => None,
    };
    // The defaults, the config file's `import` over them, `--map` over both.
    let mapping = |board: &Board| -> Result<Mapping> {
        let mapping = config
            .import_mapping(Mapping::default(), board)
            .map_err(|e| anyhow!("{e}; nothing was imported"))?;
        match &map {
            Some((table, text, path)) => mapping.over(table, text, 0, board).map_err(|e| about(path, &e)),
            None => Ok(mapping),
        }
    };
    let plan_on = |board: &Board| -> Result<Plan> {
        exchange::plan(board, &batch, &mapping(board)?, now).map_err(|e| about(&args.input, &e))
    };
    if args.dry_run {
        let board = match location.path.exists() {
            true => target::open(&location.path)?,
            false => location::fresh_board(now, &empty()),
        };
        let plan = plan_on(&board)?;
        let authors = session::authors_of(&location.path, &conflicts(&plan));
        return output::print(&format!("{}dry run: nothing was changed\n", plan_text::text(&plan, &authors)));
    }
    let locked = Session::lock_or_create_as(location, writer.clone(), now, &empty())?;
    let plan = plan_on(locked.board())?;
    let conflicts = conflicts(&plan);
    let authors = session::authors_of(locked.path(), &conflicts);
    let text = plan_text::text(&plan, &authors);
    if let Some(err) = locked.apply_noting(plan.op, conflicts.into_iter().zip(authors).collect(), now)? {
        output::eprintln(&format!(
            "twotrack: warning: the import was saved, but not recorded in the journal: {}",
            crate::store::error::sentence(&err)
        ));
    }
    output::print(&text)
}

/// The plan's conflicts as the journal records them: this board's value kept, the source's lost.
fn conflicts(plan: &Plan) -> Vec<Conflict> {
    plan.conflicts
        .iter()
        .map(|c| Conflict {
            item: Some(c.id),
            field: c.field.to_owned(),
            kept: c.local.clone(),
            lost: c.source.clone(),
        })
        .collect()
}

/// A new board for an import is empty: no demo items among the imported ones.
fn empty() -> Fresh {
    Fresh { name: None, empty: true }
}

/// The whole file as text, named in the one sentence when it cannot be.
fn read_text(path: &Path) -> Result<String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| anyhow!("cannot read {shown}: {}", lower(&e)))?;
    if meta.is_dir() {
        return Err(anyhow!("cannot read {shown}: it is a directory"));
    }
    if meta.len() > MAX_BYTES {
        return Err(anyhow!("cannot read {shown}: it is larger than {} MB", MAX_BYTES / 1024 / 1024));
    }
    let bytes = std::fs::read(path).map_err(|e| anyhow!("cannot read {shown}: {}", lower(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow!("cannot read {shown}: it is not UTF-8 text (byte {})", e.utf8_error().valid_up_to())
    })
}

fn lower(err: &std::io::Error) -> String {
    let text = err.to_string();
    text.split(" (os error").next().unwrap_or(&text).to_lowercase()
}

/// The error as one sentence starting with the file's name.
fn about(path: &Path, err: &ExchangeError) -> anyhow::Error {
    anyhow!("{}: {err}; nothing was imported", path.display())
}
