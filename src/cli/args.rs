//! The command line's argument groups (the options of `add`, `list`, `edit`, `config` and the
//! `sprint` subcommands) and the parsers that turn typed values into domain values: a bad value
//! is a usage error that says what was expected.

use clap::{Args, Subcommand};

use crate::domain::two_stage::debt::Sort;
use crate::model::{DonePolicy, ItemId, Kind, Model, Rollover, Severity, Stage, Track};

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ConfigArgs {
    /// Print the path of the config file that is read.
    #[arg(long)]
    pub path: bool,
    /// Print a complete commented example config file.
    #[arg(long)]
    pub example: bool,
}

/// Making an item done past the unticked entries of an enforced definition of done.
#[derive(Debug, Args)]
pub struct ForceArgs {
    /// Done even though an enforced definition of done has unticked entries (needs --reason).
    #[arg(long)]
    pub force: bool,
    /// Why it is done anyway: the item, the journal and the review keep it.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

impl ForceArgs {
    /// The reason to force with: `None` without `--force`; with `--force` and no `--reason` an
    /// empty one, which the domain refuses in its own words ("needs a reason"). A reason
    /// without `--force` is refused: it would say why nothing was forced.
    pub fn reason(&self) -> Result<Option<&str>, String> {
        match (self.force, self.reason.as_deref()) {
            (true, reason) => Ok(Some(reason.unwrap_or(""))),
            (false, None) => Ok(None),
            (false, Some(_)) => {
                Err("--reason says why a done is forced: give --force with it; nothing was changed".into())
            }
        }
    }
}

/// `policy`: the board's policies.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Whether a stage's definition of done warns (the default) or is enforced: moving an item
    /// into a done column or accepting it with unticked entries is then refused unless forced
    /// with a reason. Without a policy it prints the policies.
    Dod {
        /// 1 or 2 (without one: both stages).
        #[arg(value_parser = parse_stage)]
        stage: Option<Stage>,
        /// warn or enforce.
        #[arg(value_parser = parse_done_policy, requires = "stage")]
        policy: Option<DonePolicy>,
    },
    /// What a point of work is worth, so debt's drag is also told as money ("≈ €4,800"): an
    /// amount and its currency (`800 €`, `1200 CHF`); `none` clears it; without one it prints it.
    PointValue {
        /// A whole amount, or `none`.
        amount: Option<String>,
        /// The currency as the team writes it: `€`, `$`, `EUR`.
        currency: Option<String>,
    },
    /// Archive, at each sprint close, the done items of sprints closed more than N sprints ago
    /// (`off`, the default, never archives by itself); without N it prints the policy.
    ArchiveAfter {
        /// A number of closed sprints to keep on the board, or `off`.
        after: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct EditArgs {
    #[arg(value_parser = parse_id)]
    pub id: ItemId,
    /// A new title.
    #[arg(long)]
    pub title: Option<String>,
    /// A new estimate in points (`none` clears it).
    #[arg(long, value_parser = parse_estimate_or_none)]
    pub estimate: Option<NewEstimate>,
    /// The tags, replacing the old ones; repeat for more (`--tag ""` clears them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Option<Vec<String>>,
    /// Who works on it (`""` for nobody).
    #[arg(long)]
    pub assignee: Option<String>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// feature, spike, enabler, debt, bug or action.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// low, medium, high or critical.
    #[arg(long, value_parser = parse_severity)]
    pub severity: Option<Severity>,
    /// Stage one: the points of debt the team expects the item to leave (`none` clears it).
    #[arg(long, value_name = "POINTS", allow_hyphen_values = true)]
    pub anticipated_debt: Option<String>,
    /// Debt: the points per sprint it costs the team while open (`none` clears it).
    #[arg(long, value_name = "POINTS", allow_hyphen_values = true)]
    pub drag: Option<String>,
}

/// What a sprint is, for `sprint start` and for the next sprint a `sprint close` starts; what
/// is not given follows the last sprint (for a close, the closed one) and the cadence.
#[derive(Debug, Args)]
pub struct SprintArgs {
    /// The last day: a date (2026-12-04) or a length with the first day included (2w is 14
    /// days, 10d is 10) (default: as long as the last sprint was planned, else 2w).
    #[arg(long)]
    pub end: Option<String>,
    /// Points the team can take on, a whole number (default: the last sprint's, else the
    /// board's capacity).
    #[arg(long, allow_hyphen_values = true)]
    pub capacity: Option<String>,
    /// split (both stages every sprint, at the board's targets), cycle (N delivery sprints,
    /// then one refinement sprint; `alternating` is the 1:1 cycle) or stage (the stage chosen
    /// per sprint) (default: the last sprint's, else split).
    #[arg(long, value_parser = parse_model)]
    pub model: Option<Model>,
    /// Cycle model: delivery sprints before each refinement sprint, 1 to 9 (default: the last
    /// sprint's, else 1).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub delivery_sprints: Option<String>,
    /// Cycle and stage models: the sprint's stage, 1 or 2 (default: the cycle's next, else 1).
    #[arg(long, value_parser = parse_stage)]
    pub stage: Option<Stage>,
    /// What the sprint is for, in one line.
    #[arg(long)]
    pub goal: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SprintCommand {
    /// Start a sprint (from today unless --start says otherwise); no other may be open.
    Start {
        /// The sprint's name, unique on the board (default: by its kind, "Sprint 4",
        /// "Delivery 3", "Refinement 1").
        name: Option<String>,
        /// The first day (default: today).
        #[arg(long)]
        start: Option<String>,
        #[command(flatten)]
        sprint: SprintArgs,
    },
    /// Close the open sprint: record its figures, send unfinished items on or back, start the
    /// next the day after (closing early ends the sprint today).
    Close {
        /// Where unfinished items go: next (the next sprint) or backlog.
        #[arg(long, default_value = "next", value_parser = parse_rollover)]
        rollover: Rollover,
        /// Unfinished items that go back to the backlog whatever --rollover says (7,12,15).
        #[arg(long, value_name = "ID,...", value_delimiter = ',', value_parser = parse_id)]
        backlog: Vec<ItemId>,
        /// The next sprint's name (default: by its kind, "Delivery 3", "Refinement 1").
        #[arg(long, value_name = "NAME")]
        next: Option<String>,
        #[command(flatten)]
        sprint: SprintArgs,
    },
    /// List the sprints with their dates, gaps between them, and the figures recorded when
    /// they closed.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The item's title.
    pub title: String,
    /// discovery or delivery (default: the column's track, else delivery).
    #[arg(long, value_parser = parse_track)]
    pub track: Option<Track>,
    /// 1 or 2 (default 1).
    #[arg(long, value_parser = parse_stage)]
    pub stage: Option<Stage>,
    /// The column, by id or name in any case (default: the first column of the track).
    #[arg(long)]
    pub column: Option<String>,
    /// feature, spike, enabler, debt, bug or action (default: spike in discovery, feature in delivery).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Estimate in whole points.
    #[arg(long, value_parser = parse_estimate)]
    pub estimate: Option<u32>,
    /// A tag; repeat for more.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Who works on it.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Longer text.
    #[arg(long)]
    pub description: Option<String>,
    /// For debt: low, medium, high or critical.
    #[arg(long, value_parser = parse_severity)]
    pub severity: Option<Severity>,
    /// Stage one: the points of debt the team expects the item to leave.
    #[arg(long, value_name = "POINTS", allow_hyphen_values = true)]
    pub anticipated_debt: Option<String>,
    /// For discovery: the question to answer.
    #[arg(long)]
    pub question: Option<String>,
    /// For discovery: the outcome expected.
    #[arg(long)]
    pub outcome: Option<String>,
    /// For discovery: the decide-by date, as a date (2026-12-01) or a length (5d, 2w).
    #[arg(long)]
    pub timebox: Option<String>,
    /// For discovery: the entry criteria that put it there (by name or number), or `none`.
    #[arg(long, num_args = 1.., value_name = "CRITERION")]
    pub criteria: Vec<String>,
    /// Phased delivery: the initiative the item belongs to (its id or name).
    #[arg(long, value_name = "ID")]
    pub initiative: Option<String>,
    /// Its phase: mvp, enhancement or polish (default: the phase the initiative is in).
    #[arg(long, requires = "initiative")]
    pub phase: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print a JSON array instead of text (the same as `--format json`).
    #[arg(long)]
    pub json: bool,
    /// text, markdown, csv or json.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// Only items of this assignee (case does not matter).
    #[arg(long)]
    pub assignee: Option<String>,
    /// Only items with this tag (case does not matter).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only this track.
    #[arg(long, value_parser = parse_track)]
    pub track: Option<Track>,
    /// Only this stage (1 or 2).
    #[arg(long, value_parser = parse_stage)]
    pub stage: Option<Stage>,
    /// Only this column (by id or name, in any case).
    #[arg(long)]
    pub column: Option<String>,
    /// Only blocked items.
    #[arg(long)]
    pub blocked: bool,
    /// Only items committed to this sprint.
    #[arg(long, value_name = "NAME")]
    pub sprint: Option<String>,
    /// List the archived items (<board>.archive.ron) instead of the board's.
    #[arg(long)]
    pub archived: bool,
}

/// How `list` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Markdown,
    Csv,
    Json,
}

pub(super) fn parse_id(text: &str) -> Result<ItemId, String> {
    text.trim_start_matches('#')
        .parse::<ItemId>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| format!("`{text}` is not an item id (a positive number such as 7 or #7)"))
}

pub(super) fn parse_estimate(text: &str) -> Result<u32, String> {
    text.trim().parse::<u32>().map_err(|_| {
        format!("`{text}` is not an estimate: an estimate is a whole number of points, such as 3 or 8")
    })
}

/// An estimate to set, or none to clear it (`edit --estimate none`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewEstimate(pub Option<u32>);

pub(super) fn parse_estimate_or_none(text: &str) -> Result<NewEstimate, String> {
    if text.trim().eq_ignore_ascii_case("none") || text.trim().is_empty() {
        return Ok(NewEstimate(None));
    }
    parse_estimate(text).map(|e| NewEstimate(Some(e)))
}

pub(super) fn parse_stage(text: &str) -> Result<Stage, String> {
    text.parse()
}

pub(super) fn parse_done_policy(text: &str) -> Result<DonePolicy, String> {
    text.parse()
}

pub(super) fn parse_track(text: &str) -> Result<Track, String> {
    text.parse()
}

pub(super) fn parse_kind(text: &str) -> Result<Kind, String> {
    text.parse()
}

pub(super) fn parse_severity(text: &str) -> Result<Severity, String> {
    text.parse()
}

pub(super) fn parse_sort(text: &str) -> Result<Sort, String> {
    text.parse()
}

pub(super) fn parse_model(text: &str) -> Result<Model, String> {
    text.parse()
}

pub(super) fn parse_rollover(text: &str) -> Result<Rollover, String> {
    text.parse()
}

/// `retro`: the retrospective of the last closed sprints (docs/guide/rhythm.md).
#[derive(Debug, Args)]
pub struct RetroArgs {
    /// The last sprint to look back on (default: the last closed one).
    #[arg(long, value_name = "NAME")]
    pub sprint: Option<String>,
    /// How many closed sprints to look back on.
    #[arg(long, value_name = "N", default_value_t = crate::domain::rhythm::retro::LAST)]
    pub last: usize,
    /// Print Markdown (for a wiki or the meeting's notes).
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// Print JSON (for scripts).
    #[arg(long)]
    pub json: bool,
    /// Make the proposed stage-two target the board's (a decision in the journal; `u` undoes it).
    #[arg(long, conflicts_with_all = ["json", "markdown", "html"])]
    pub apply: bool,
    #[command(flatten)]
    pub html: HtmlArgs,
}

/// `report`: the sprint review (docs/guide/rhythm.md).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The sprint to review (default: the last closed one, else the open one).
    #[arg(long, value_name = "NAME")]
    pub sprint: Option<String>,
    /// Print Markdown (to paste to stakeholders).
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// Print JSON (for scripts; docs/guide/command-line.md lists its keys).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub html: HtmlArgs,
}

/// `--html [-o FILE] [--force]` of `report` and `retro`: one self-contained web page.
#[derive(Debug, Args)]
pub struct HtmlArgs {
    /// Write one self-contained HTML page with the charts (to mail, open offline, print on A4).
    #[arg(long, conflicts_with_all = ["json", "markdown"])]
    pub html: bool,
    /// Write the page to this file instead of standard output.
    #[arg(short, long, value_name = "FILE", requires = "html")]
    pub output: Option<std::path::PathBuf>,
    /// Replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}
