//! Commands about twotrack itself rather than a board: `config --path | --example`,
//! `completions SHELL` and `man`, generated from the clap definition so they never drift.

use anyhow::{Context, Result, bail};

use super::{Cli, ConfigArgs};
use crate::config;

pub fn config(cli: &Cli, args: &ConfigArgs) -> Result<()> {
    if args.example {
        return crate::cli::print::output::print(config::EXAMPLE);
    }
    let path = match &cli.config {
        Some(path) => path.clone(),
        None => match config::default_path() {
            Some(path) => path,
            None => bail!("there is no config directory (no home directory); use --config FILE"),
        },
    };
    let state = if path.exists() {
        ""
    } else {
        " (not there yet; `twotrack config --example` prints one to start from)"
    };
    crate::cli::print::output::println(&format!("{}{state}", path.display()))
}

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = super::definition();
    clap_complete::generate(shell, &mut command, "twotrack", &mut std::io::stdout());
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::definition()).render(&mut out).context("cannot write the manual page")?;
    std::io::Write::write_all(&mut std::io::stdout(), &out).context("cannot print the manual page")
}
