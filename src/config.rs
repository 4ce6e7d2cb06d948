//! The user's configuration file, `twotrack/config.ron` in the per-user config directory (or
//! `--config FILE`): default board file, user name, theme and colour overrides, mouse, ASCII
//! mode, key bindings and the import mapping. `assets/config.ron` is the complete, commented example that
//! docs/guide/configuration.md and `twotrack config --example` show.
//!
//! A file that cannot be read as a whole is an error (it may name the board to use, so guessing
//! could open the wrong board). A key binding or a colour that cannot be used is reported with
//! its line and column and left out: the defaults stay in force for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::app::input::keymap::Keymap;
use crate::app::input::keymap_file;
use crate::app::input::keymap_file::Problem;
use crate::domain::exchange::Mapping;
use crate::domain::exchange::mapping::Table;
use crate::model::Board;
use crate::ui::theme::Theme;

/// The complete commented example.
pub const EXAMPLE: &str = include_str!("../assets/config.ron");

/// What the file says; everything is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    file: Option<String>,
    user: Option<String>,
    theme: Option<String>,
    colours: BTreeMap<String, String>,
    mouse: Option<bool>,
    ascii: Option<bool>,
    label_keeps_place: Option<bool>,
    /// How other tools' labels and statuses map onto the board (`import`), below `--map`.
    import: Option<Table>,
    /// Read by [`Config::keymap`] from the text itself, for positions in reports.
    #[serde(rename = "keymap")]
    _keymap: Option<serde::de::IgnoredAny>,
    /// The file's text and where it was read from, for positions in reports.
    #[serde(skip)]
    source: Option<(PathBuf, String)>,
    /// Why the file at the default location could not be read.
    #[serde(skip)]
    unread: Option<String>,
}

/// Where the config file is read from when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "twotrack").map(|dirs| dirs.config_dir().join("config.ron"))
}

impl Config {
    /// Reads the config: `given` (which must exist), else the default location (which may not).
    pub fn load(given: Option<&Path>) -> Result<Config> {
        let path = match (given, default_path()) {
            (Some(path), _) => path.to_path_buf(),
            (None, Some(path)) => path,
            (None, None) => return Ok(Config::default()),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && given.is_none() => {
                return Ok(Config::default());
            }
            // Someone else's home (a shared account, `sudo -u`): the defaults, and the board
            // screen says why.
            Err(e) if given.is_none() => {
                let unread = format!("config file {} not read ({e}); using the defaults", path.display());
                return Ok(Config { unread: Some(unread), ..Config::default() });
            }
            Err(e) => return Err(e).with_context(|| format!("cannot read config file {}", path.display())),
        };
        Config::parse(&path, text)
    }

    /// Reads config text (`path` names it in messages).
    pub fn parse(path: &Path, text: String) -> Result<Config> {
        let options =
            ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut config: Config = match options.from_str(&text) {
            Ok(config) => config,
            Err(e) => bail!(
                "config file {}: line {}, column {}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            ),
        };
        config.source = Some((path.to_path_buf(), text));
        Ok(config)
    }

    /// The author name the config gives, if any (the session's name is chosen from the
    /// `--user` flag, then `TWOTRACK_USER`, then this, then the login name).
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref().map(str::trim).filter(|u| !u.is_empty())
    }

    /// The board file the config names, with `~/` meaning the home directory.
    pub fn board_file(&self) -> Option<PathBuf> {
        let file = self.file.as_deref()?.trim();
        match file.strip_prefix("~/") {
            Some(rest) => directories::BaseDirs::new().map(|dirs| dirs.home_dir().join(rest)),
            None => Some(PathBuf::from(file)),
        }
    }

    /// Why the config file at the default location could not be read, if it could not.
    pub fn unread(&self) -> Option<&str> {
        self.unread.as_deref()
    }

    pub fn mouse(&self) -> Option<bool> {
        self.mouse
    }

    pub fn ascii(&self) -> Option<bool> {
        self.ascii
    }

    /// After `1`/`2` the selection stays in place (on the card that slides up) instead of going
    /// with the labelled item (docs/guide/configuration.md).
    pub fn label_keeps_place(&self) -> bool {
        self.label_keeps_place.unwrap_or(false)
    }

    /// `mapping` with the config's `import` table laid over it, checked against `board`: a name
    /// that does not exist is an error with its line and column in the config file.
    pub fn import_mapping(&self, mapping: Mapping, board: &Board) -> Result<Mapping> {
        let (Some(table), Some((path, text))) = (&self.import, &self.source) else { return Ok(mapping) };
        let start = keymap_file::find_field(text, "import").unwrap_or(0);
        mapping
            .over(table, text, start, board)
            .map_err(|e| anyhow::anyhow!("config file {}: {e}", path.display()))
    }

    /// The theme to start with: `asked` (a flag) over the config's, else monochrome when
    /// `no_color`; then the config's colour overrides. Overrides that cannot be used are left
    /// out and reported.
    pub fn theme(&self, asked: Option<&str>, no_color: bool) -> Result<(Theme, Vec<String>)> {
        let mut theme =
            Theme::choose(asked.or(self.theme.as_deref()), no_color).map_err(anyhow::Error::msg)?;
        let problems = self.restyle(&mut theme);
        Ok((theme, problems))
    }

    /// Puts the config's colour overrides on `theme` (presenter mode's theme gets them too);
    /// returns the overrides that could not be used, located.
    pub fn restyle(&self, theme: &mut Theme) -> Vec<String> {
        let mut problems = Vec::new();
        for (role, spec) in &self.colours {
            if let Err(message) = theme.set_role(role, spec) {
                problems.push(self.report(&format!("\"{role}\""), &message));
            }
        }
        problems
    }

    /// The default keymap with the user's bindings over it; bindings that cannot be used are
    /// left out and reported with their line and column.
    pub fn keymap(&self) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default_keymap();
        let Some((path, text)) = &self.source else { return (keymap, Vec::new()) };
        let Some(start) = keymap_file::find_map(text, "keymap") else { return (keymap, Vec::new()) };
        let entries = match keymap_file::scan(text, start) {
            Ok(entries) => entries,
            Err(problem) => return (keymap, vec![located(path, &problem)]),
        };
        let (user, problems) = Keymap::from_entries(&entries);
        keymap.merge(&user);
        (keymap, problems.iter().map(|p| located(path, p)).collect())
    }

    /// A problem with the setting written as `needle`, where it first stands in the file.
    fn report(&self, needle: &str, message: &str) -> String {
        match &self.source {
            Some((path, text)) => {
                let (line, column) = keymap_file::position(text, text.find(needle).unwrap_or(0));
                located(path, &Problem { line, column, message: message.to_owned() })
            }
            None => message.to_owned(),
        }
    }
}

fn located(path: &Path, problem: &Problem) -> String {
    format!("config file {}: {problem}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::input::action::Action;
    use crate::app::input::keymap::Mode;

    fn parse(text: &str) -> Config {
        Config::parse(Path::new("config.ron"), text.to_owned()).expect("parses")
    }

    #[test]
    fn the_example_is_a_valid_config_without_problems() {
        let config = parse(EXAMPLE);
        let (keymap, problems) = config.keymap();
        assert!(problems.is_empty(), "{problems:?}");
        let n: crate::app::input::keymap::KeyBinding = "n".parse().expect("key");
        assert!(keymap.keys_for(Mode::Board, Action::Add).contains(&n));
        let (theme, problems) = config.theme(None, false).expect("theme");
        assert!(problems.is_empty(), "{problems:?}");
        let mut presenting = theme.for_presenting();
        config.restyle(&mut presenting);
        assert_eq!(
            presenting.card_selected,
            crate::ui::theme_roles::parse_style("bold black on lightyellow").expect("style")
        );
        assert_eq!(config.mouse(), Some(true));
        let board = Board::new("t");
        let mapping = config.import_mapping(Mapping::default(), &board).expect("the example's mapping");
        assert_eq!(mapping.columns.get("waiting for qa").map(String::as_str), Some("review"));
    }

    #[test]
    fn an_import_mapping_naming_what_the_board_lacks_is_located_in_the_config() {
        let config =
            parse("(\n  theme: \"default\",\n  import: (\n    columns: {\"parked\": \"qa\"},\n  ),\n)");
        let err = config.import_mapping(Mapping::default(), &Board::new("t")).expect_err("no column qa");
        assert_eq!(
            err.to_string(),
            "config file config.ron: line 4, column 25: the board has no column `qa`"
        );
        let err = Config::parse(Path::new("c.ron"), "(import: (colums: {}))".to_owned()).expect_err("typo");
        assert!(err.to_string().contains("line 1, column") && err.to_string().contains("colums"), "{err}");
    }

    #[test]
    fn bad_bindings_are_reported_where_they_stand_and_the_defaults_stay() {
        let text = "(\n  keymap: {\n    board: [\n      (\"q\", add),\n      (\"q\", delete),\n      (\"w\", fly),\n    ],\n  },\n)";
        let (keymap, problems) = parse(text).keymap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("line 5, column 7") && problems[0].contains("bound twice"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("line 6, column 7") && problems[1].contains("no action `fly`"),
            "{problems:?}"
        );
        let q: crate::app::input::keymap::KeyBinding = "q".parse().expect("key");
        assert!(keymap.keys_for(Mode::Board, Action::Add).contains(&q), "the first binding holds");
        assert!(keymap.keys_for(Mode::Board, Action::Quit).contains(&"Ctrl-c".parse().expect("key")));
    }

    #[test]
    fn a_broken_file_is_an_error_with_its_place() {
        let err = Config::parse(Path::new("c.ron"), "(\n  mouse: maybe,\n)".to_owned()).expect_err("bad");
        assert!(err.to_string().contains("line 2, column"), "{err}");
        let err = Config::parse(Path::new("c.ron"), "(colour: {})".to_owned()).expect_err("unknown field");
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn a_bad_colour_is_reported_and_left_out() {
        let config = parse("(\n  colours: {\n    \"warning\": \"shiny\",\n  },\n)");
        let (theme, problems) = config.theme(None, false).expect("theme");
        assert_eq!(theme.warning, Theme::standard().warning);
        let mut presenting = theme.for_presenting();
        assert_eq!(config.restyle(&mut presenting).len(), 1);
        assert!(problems[0].contains("line 3, column 5"), "{problems:?}");
    }
}
