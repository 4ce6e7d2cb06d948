//! Long text in the user's own editor (docs/guide/board-and-keys.md, "Forms"): the text goes into
//! a private temporary file, `$VISUAL`, else `$EDITOR`, else `vi` edits it, and what it left is
//! read back, unless something went wrong, which is said in one sentence and changes nothing.

use std::io::Write;
use std::process::Command;

use thiserror::Error;

/// The most text a field takes back from an editor.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Why the editor's text did not come back.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditorError {
    #[error("the editor `{0}` was not found (set $VISUAL or $EDITOR); the field keeps its text")]
    NotFound(String),
    #[error("the editor `{0}` cannot be run (is it executable?); the field keeps its text")]
    NotExecutable(String),
    #[error("the editor `{0}` ended with {1}; the field keeps its text")]
    Failed(String, String),
    #[error("the editor left binary data, not text; the field keeps its text")]
    Binary,
    #[error("the editor left {0} bytes, more than the 1 MB a field takes; the field keeps its text")]
    TooLong(u64),
    #[error("the terminal could not be handed to the editor; the field keeps its text")]
    Busy,
    #[error("the editor's file cannot be used ({0}); the field keeps its text")]
    File(String),
}

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`, split at blanks (`code --wait`).
pub fn command(visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
    let chosen = [visual, editor].into_iter().flatten().find(|v| !v.trim().is_empty()).unwrap_or("vi");
    chosen.split_whitespace().map(str::to_owned).collect()
}

/// Edits `text` with `command` (its first word the program) and returns what the editor left,
/// without the final newline editors add. The terminal must already be the editor's.
pub fn edit(command: &[String], text: &str) -> Result<String, EditorError> {
    let file_error = |e: std::io::Error| EditorError::File(e.to_string());
    let (program, args) = command.split_first().ok_or_else(|| EditorError::NotFound(String::new()))?;
    // tempfile creates the file readable by its owner only, under a name nobody can predict.
    let mut file =
        tempfile::Builder::new().prefix("twotrack-").suffix(".txt").tempfile().map_err(file_error)?;
    file.write_all(text.as_bytes()).map_err(file_error)?;
    if !text.is_empty() && !text.ends_with('\n') {
        file.write_all(b"\n").map_err(file_error)?;
    }
    file.flush().map_err(file_error)?;
    let status = Command::new(program).args(args).arg(file.path()).status().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => EditorError::NotFound(program.clone()),
        std::io::ErrorKind::PermissionDenied => EditorError::NotExecutable(program.clone()),
        _ => EditorError::File(e.to_string()),
    })?;
    if !status.success() {
        let how = status.code().map_or_else(|| "a signal".to_owned(), |code| format!("status {code}"));
        return Err(EditorError::Failed(program.clone(), how));
    }
    read_back(file.path())
}

/// The file's text if it is text and not too long.
fn read_back(path: &std::path::Path) -> Result<String, EditorError> {
    let file_error = |e: std::io::Error| EditorError::File(e.to_string());
    let size = std::fs::metadata(path).map_err(file_error)?.len();
    if size > MAX_BYTES {
        return Err(EditorError::TooLong(size));
    }
    let bytes = std::fs::read(path).map_err(file_error)?;
    let text = String::from_utf8(bytes).map_err(|_| EditorError::Binary)?;
    if text.contains('\0') {
        return Err(EditorError::Binary);
    }
    let text = text.replace("\r\n", "\n");
    Ok(text.strip_suffix('\n').unwrap_or(&text).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(dir: &tempfile::TempDir, body: &str) -> Vec<String> {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join("editor.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        vec![path.display().to_string()]
    }

    #[test]
    fn visual_then_editor_then_vi() {
        assert_eq!(command(Some("nano"), Some("vim")), ["nano"]);
        assert_eq!(command(Some(" "), Some("code --wait")), ["code", "--wait"]);
        assert_eq!(command(None, None), ["vi"]);
    }

    #[test]
    fn the_text_comes_back_with_what_the_editor_added() {
        let dir = tempfile::tempdir().expect("tempdir");
        let editor = script(&dir, "printf 'second\\r\\n' >> \"$1\"");
        assert_eq!(edit(&editor, "first").as_deref(), Ok("first\nsecond"));
    }

    #[test]
    fn failures_keep_nothing_of_the_editor() {
        let dir = tempfile::tempdir().expect("tempdir");
        let failed = script(&dir, "echo more >> \"$1\"; exit 3");
        assert!(matches!(edit(&failed, "x"), Err(EditorError::Failed(_, how)) if how == "status 3"));
        let binary = script(&dir, "printf 'a\\000b' > \"$1\"");
        assert_eq!(edit(&binary, "x"), Err(EditorError::Binary));
        let long = script(&dir, "head -c 2000000 /dev/zero | tr '\\0' a > \"$1\"");
        assert_eq!(edit(&long, "x"), Err(EditorError::TooLong(2_000_000)));
        let missing = vec!["/nonexistent/editor".to_owned()];
        assert!(matches!(edit(&missing, "x"), Err(EditorError::NotFound(_))));
        let not_executable = dir.path().join("plain.txt");
        std::fs::write(&not_executable, "").expect("write");
        let plain = vec![not_executable.display().to_string()];
        assert!(matches!(edit(&plain, "x"), Err(EditorError::NotExecutable(_))));
    }
}
