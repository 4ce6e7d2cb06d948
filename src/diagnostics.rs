//! Diagnostics for whoever investigates a problem: a log of what twotrack decided quietly (fast
//! load declined, temporary files of killed saves removed, lock waits, merges with another
//! writer's save, watcher errors). Off unless asked for: `--log FILE`, or `TWOTRACK_LOG=LEVEL`
//! (`error`, `warn`, `info`, `debug`, `trace`) for `twotrack.log` in the per-user state
//! directory. Nothing goes to the terminal: the board screen owns it.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use tracing::level_filters::LevelFilter;

/// Where the log goes when `TWOTRACK_LOG` asks for one and `--log` gives no file.
pub fn default_log_file() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "twotrack")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("twotrack.log"))
}

/// Starts logging if `--log FILE` or `TWOTRACK_LOG` asks for it; the level is `TWOTRACK_LOG`'s
/// (default `debug` with `--log`).
pub fn init(file: Option<&Path>) -> Result<()> {
    let level = std::env::var("TWOTRACK_LOG").ok().filter(|v| !v.trim().is_empty());
    let path = match (file, &level) {
        (Some(file), _) => file.to_path_buf(),
        (None, Some(_)) => {
            default_log_file().context("cannot find a directory for the log; pass --log FILE")?
        }
        (None, None) => return Ok(()),
    };
    let level = match level.as_deref().map(str::trim) {
        None => LevelFilter::DEBUG,
        Some(name) => name.parse::<LevelFilter>().map_err(|_| {
            anyhow::anyhow!("TWOTRACK_LOG={name} is not a level (error, warn, info, debug or trace)")
        })?,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && file.is_none()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the log directory {}", dir.display()))?;
    }
    let log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| format!("cannot open the log file {}", path.display()))?;
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(log))
        .with_ansi(false)
        .with_max_level(level)
        .try_init()
        .map_err(|e| anyhow::anyhow!("cannot start the log: {e}"))?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), pid = std::process::id(), "twotrack started");
    Ok(())
}
