//! `twotrack git-setup [--board PATH]`: makes the git repository that holds a board merge it
//! with twotrack (docs/guide/teams-and-git.md, "A board in git"): `.gitattributes` lines that name the merge drivers
//! for the board and its journal, `.gitignore` lines for the files beside the board that belong
//! to one clone (lock, backup, merge note, recovery copies), and the drivers in the clone's git
//! config. Idempotent: what is there already is left as it is; it prints what it did.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{fs, io};

use anyhow::{Context, Result, bail};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The board file in the repository (default: the --file board, else board.ron here).
    #[arg(long, value_name = "PATH")]
    pub board: Option<PathBuf>,
}

/// The merge drivers: `(name, what git shows, the command after the program's path)`.
const DRIVERS: [(&str, &str, &str); 3] = [
    ("twotrack", "twotrack board merge", "merge-file %O %A %B --board %P"),
    // Merging common ancestors (criss-cross histories): nothing to note or to tell.
    ("twotrack-ancestors", "twotrack board merge of common ancestors", "merge-file %O %A %B --quiet"),
    ("twotrack-journal", "twotrack journal merge", "merge-journal %O %A %B"),
];

pub fn run(args: &Args, given: Option<&Path>) -> Result<()> {
    let board = args.board.as_deref().or(given).unwrap_or(Path::new("board.ron"));
    let (top, relative) = locate(board)?;
    let pattern = pattern(&relative)?;
    let mut report = String::new();
    let attributes = [
        format!("{} merge=twotrack", quoted(&pattern)),
        format!("{} merge=twotrack-journal", quoted(&format!("{pattern}.journal"))),
        // The archive is a board file too (docs/FORMAT.md, "The archive"): merged the same way.
        format!("{} merge=twotrack", quoted(&format!("{pattern}.archive.ron"))),
    ];
    ensure_lines(&top.join(".gitattributes"), &attributes, &mut report)?;
    let ignored =
        ["lock", "bak", "conflicts", "recovered-*", "draft-*", "intent", "bak-*", "archive.ron.bak"]
            .map(|suffix| format!("{pattern}.{suffix}"));
    ensure_lines(&top.join(".gitignore"), &ignored, &mut report)?;
    let program = program()?;
    for (name, title, command) in DRIVERS {
        ensure_config(&top, &format!("merge.{name}.name"), title, &mut report)?;
        ensure_config(&top, &format!("merge.{name}.driver"), &format!("{program} {command}"), &mut report)?;
    }
    ensure_config(&top, "merge.twotrack.recursive", "twotrack-ancestors", &mut report)?;
    if !board.exists() {
        let _ = writeln!(report, "note: there is no board at {} yet", board.display());
    }
    report.push_str(
        "Commit .gitattributes and .gitignore; every clone runs `twotrack git-setup` once (git config is \
         not shared by clones).\n",
    );
    crate::cli::print::output::print(&report)?;
    Ok(())
}

/// The work tree's top directory and the board's path in it.
fn locate(board: &Path) -> Result<(PathBuf, PathBuf)> {
    let name = board.file_name().with_context(|| format!("{} does not name a file", board.display()))?;
    let dir = match board.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let dir =
        fs::canonicalize(dir).with_context(|| format!("cannot find the directory of {}", board.display()))?;
    let top = git(&dir, &["rev-parse", "--show-toplevel"]).with_context(|| {
        format!(
            "the board {} is not in a git work tree (give the board's path with --board)",
            board.display()
        )
    })?;
    let top = PathBuf::from(top.trim_end_matches('\n'));
    let top = fs::canonicalize(&top).unwrap_or(top);
    let inside = dir
        .strip_prefix(&top)
        .with_context(|| format!("{} is not inside the git work tree {}", board.display(), top.display()))?;
    Ok((top.clone(), inside.join(name)))
}

/// Runs git in `dir`; its output, or an error that says what failed.
fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let out = match Command::new("git").args(args).current_dir(dir).output() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => bail!("git-setup needs git, which is not installed"),
        other => other.with_context(|| format!("cannot run git {}", args.join(" ")))?,
    };
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        bail!("git {} failed: {}", args.join(" "), said.trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The board's path as a pattern of `.gitattributes` and `.gitignore`: `/` between names,
/// wildcards and a leading `#` or `!` taken literally.
fn pattern(relative: &Path) -> Result<String> {
    let text = relative.to_str().with_context(|| format!("{} is not UTF-8 text", relative.display()))?;
    if text.chars().any(char::is_control) {
        bail!("the board's path {text:?} has a control character; git attributes cannot name it");
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if matches!(c, '*' | '?' | '[' | '\\') || (i == 0 && matches!(c, '#' | '!')) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(out)
}

/// A pattern as `.gitattributes` reads it: in C-style quotes when it has a space or a quote.
fn quoted(pattern: &str) -> String {
    if !pattern.contains(|c: char| c.is_whitespace() || c == '"') {
        return pattern.to_owned();
    }
    format!("\"{}\"", pattern.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Adds the `lines` that `file` lacks at its end, saying which were added and which were there.
fn ensure_lines(file: &Path, lines: &[String], report: &mut String) -> Result<()> {
    let what = || format!("cannot update {}", file.display());
    let text = match fs::read_to_string(file) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        other => other.with_context(what)?,
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (updated, added) = with_lines(&text, lines);
    for line in lines {
        let done = if added.contains(line) { "added" } else { "already there" };
        let _ = writeln!(report, "{name}: {done}: {line}");
    }
    if !added.is_empty() {
        fs::write(file, updated).with_context(what)?;
    }
    Ok(())
}

/// `text` with the `lines` it lacks appended (on a line of their own), and those lines.
fn with_lines(text: &str, lines: &[String]) -> (String, Vec<String>) {
    let has = |line: &str| text.lines().any(|l| l.trim() == line);
    let added: Vec<String> = lines.iter().filter(|l| !has(l)).cloned().collect();
    let mut out = text.to_owned();
    if !added.is_empty() && !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for line in &added {
        out.push_str(line);
        out.push('\n');
    }
    (out, added)
}

/// Sets `key` in the repository's config unless it has that value already.
fn ensure_config(top: &Path, key: &str, value: &str, report: &mut String) -> Result<()> {
    // `--get` fails when the key is not set: that is no error here.
    let now = git(top, &["config", "--local", "--get", key]).unwrap_or_default();
    if now.trim_end_matches('\n') == value {
        let _ = writeln!(report, "git config {key}: already there: {value}");
        return Ok(());
    }
    git(top, &["config", "--local", key, value])?;
    let _ = writeln!(report, "git config {key}: set to {value}");
    Ok(())
}

/// How git should call this program: `twotrack` when that is this program on the PATH, else
/// the full path of this program, quoted for the shell.
fn program() -> Result<String> {
    let me = std::env::current_exe().context("cannot tell where this program is")?;
    let me = fs::canonicalize(&me).unwrap_or(me);
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|dir| dir.join("twotrack")).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|candidate| candidate.is_file());
    if on_path.and_then(|p| fs::canonicalize(p).ok()).is_some_and(|p| p == me) {
        return Ok("twotrack".into());
    }
    let text = me.to_str().with_context(|| format!("this program's path {} is not UTF-8", me.display()))?;
    Ok(shell_quoted(text))
}

/// A word the shell reads back as `text`.
fn shell_quoted(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c)) {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_take_wildcards_literally_and_quote_spaces() {
        assert_eq!(pattern(Path::new("board.ron")).expect("plain"), "board.ron");
        assert_eq!(pattern(Path::new("plans/q[1]*.ron")).expect("glob"), "plans/q\\[1]\\*.ron");
        assert_eq!(pattern(Path::new("#team.ron")).expect("hash"), "\\#team.ron");
        assert!(pattern(Path::new("a\nb.ron")).is_err());
        assert_eq!(quoted("board.ron"), "board.ron");
        assert_eq!(quoted("team board.ron"), "\"team board.ron\"");
        assert_eq!(quoted("a \\*.ron"), "\"a \\\\*.ron\"");
    }

    #[test]
    fn lines_are_added_once_at_the_end() {
        let lines = ["board.ron merge=twotrack".to_owned(), "x".to_owned()];
        let (text, added) = with_lines("*.png binary", &lines);
        assert_eq!(text, "*.png binary\nboard.ron merge=twotrack\nx\n");
        assert_eq!(added, lines);
        let (again, added) = with_lines(&text, &lines);
        assert_eq!((again.as_str(), added.len()), (text.as_str(), 0));
        assert_eq!(with_lines("", &lines[1..]).0, "x\n");
    }

    #[test]
    fn program_paths_are_quoted_for_the_shell() {
        assert_eq!(shell_quoted("/usr/bin/twotrack"), "/usr/bin/twotrack");
        assert_eq!(shell_quoted("/home/my dir/it's"), "'/home/my dir/it'\\''s'");
    }
}
