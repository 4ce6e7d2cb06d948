//! `export obsidian|jira-csv|github-json|markdown|csv [-o FILE] [--force]`: the board in
//! another tool's format, on standard output or into a file (never over one without `--force`).

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::cli::print::{out_file, output};
use crate::cli::target;
use crate::domain::exchange::export::Target;
use crate::escape;

/// The arguments of `export`.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    /// obsidian, jira-csv, github-json, markdown or csv.
    #[arg(value_parser = ["obsidian", "jira-csv", "github-json", "markdown", "csv"])]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run(board_path: &Path, args: &Args) -> Result<()> {
    let target = Target::ALL
        .into_iter()
        .find(|t| t.name() == args.format)
        .ok_or_else(|| anyhow!("unknown format {}", args.format))?;
    let board = target::open(board_path)?;
    let text = target.write(&board);
    let Some(path) = &args.output else {
        return to_stdout(target, &text);
    };
    out_file::write(path, &text, args.force)?;
    output::println(&format!(
        "exported {} items to {} ({})",
        board.items().len(),
        path.display(),
        target.name()
    ))
}

/// The export on standard output, escaped for the terminal the way its format allows: CSV
/// keeps its CRLF row ends, JSON escapes the JSON way.
fn to_stdout(target: Target, text: &str) -> Result<()> {
    match target {
        Target::Csv | Target::JiraCsv => {
            let rows: Vec<String> =
                text.split("\r\n").map(|row| escape::for_terminal(row).into_owned()).collect();
            output::print_escaped(&rows.join("\r\n"))
        }
        Target::GithubJson => output::print_escaped(&escape::json(text)),
        Target::Obsidian | Target::Markdown => output::print(text),
    }
}
