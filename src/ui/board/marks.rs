//! What a card shows besides the item's own fields: the sprint mark at its left edge, its marks
//! (blocked, follow-up, variant, unticked, others' initials), the timebox, the initiative tag and
//! the age, each ranked by how much it matters so that a narrow card drops the least useful first.

use ratatui::style::Style;

use super::super::text;
use super::super::theme::Theme;
use crate::domain::dual_track::timebox::Standing;
use crate::domain::dual_track::{timebox, variants};
use crate::domain::query::age;
use crate::model::{Board, Item, Kind, Timestamp};

/// The letter that marks a kind on a card (the help legend explains them).
pub fn kind_letter(kind: Kind) -> &'static str {
    match kind {
        Kind::Feature => "F",
        Kind::Spike => "S",
        Kind::Enabler => "E",
        Kind::Debt => "D",
        Kind::Bug => "B",
        Kind::Action => "A",
    }
}

/// How much each piece of a card matters. When a card is too narrow for all of them, the least
/// useful drop first (the `#id` and at least a few characters of the title always stay). The
/// order is documented in docs/guide/board-and-keys.md ("Cards under pressure"); marks added later slot in by their number.
pub mod priority {
    /// The timebox has passed (`!2d`): the loudest thing a card says.
    pub const OVERDUE: u8 = 90;
    /// Blocked (`⊘`): the work cannot move until someone acts.
    pub const BLOCKED: u8 = 88;
    /// Who else has the card selected (`[AL]`): what a facilitator points at, so it never drops
    /// (on the narrowest card it takes the title's room).
    pub const PRESENCE: u8 = 85;
    /// The estimate, in points.
    pub const ESTIMATE: u8 = 80;
    /// Definition of done not fully ticked (`□`).
    pub const UNTICKED: u8 = 60;
    // Committed to the open sprint (`●`) is not ranked here: it never gives way (see
    // `CardMarks::committed`), so the room can see the sprint in every column at every size.
    /// Days left in the timebox, or open-ended (`3d`, `?`).
    pub const TIMEBOX: u8 = 50;
    /// A stage-two follow-up of another item (`↳`).
    pub const FOLLOW_UP: u8 = 40;
    /// The variant letter of an experiment (`[A]`, `[B]✗`).
    pub const VARIANT: u8 = 45;
    /// The initiative tag and phase letter (`%checkout:M`, at least `%M`).
    pub const INITIATIVE: u8 = 35;
    /// The kind letter (`F`, `S`, ...).
    pub const KIND: u8 = 30;
    // The age in the column (`3d in Review`, then `3d`) is not ranked here: it shows only on a
    // two-row card's second row, where it gives way before the timebox or the assignee beside
    // it (`second_row_note`).
}

/// A mark on a card: a short text the help legend explains, how loud it is, and how much it
/// matters (see [`priority`]).
#[derive(Clone, Debug)]
pub struct Mark {
    pub text: String,
    pub style: Style,
    pub priority: u8,
    /// The cells `text` takes, measured once: a narrow card weighs its marks again for each
    /// one it drops.
    pub width: usize,
}

impl Mark {
    pub fn new(text: impl Into<String>, style: Style, priority: u8) -> Mark {
        let text = text.into();
        let width = text::width(&text);
        Mark { text, style, priority, width }
    }
}

/// What a card shows besides the item's own fields.
pub struct CardMarks {
    /// `●` (ASCII `*`): committed to the open sprint. Drawn in the card's first cell, before the
    /// kind letter and the `#id`, and never dropped: a narrow card gives a title cell for it.
    /// Before this, it ranked among the marks at the right and gave way to the estimate, so it
    /// showed only on the wide selected column's cards.
    pub committed: bool,
    /// Marks before the estimate, in the order shown: `[AL]` others have the card selected; `⊘`
    /// blocked; `↳` a follow-up of another item; `[A]` a
    /// variant of an experiment (`[A]✓` its winner, `[B]✗` a losing one); `□` unticked
    /// definition-of-done entries remain (quiet while under way, a warning once done).
    pub marks: Vec<Mark>,
    /// For open discovery items, the timebox: short (`3d`, `!2d`, `?`) for one-row cards, in
    /// words (`3d left`, `2d overdue`, `open-ended`) for two-row cards.
    pub timebox: Option<(Mark, String)>,
    /// Phased delivery: the initiative tag and phase letter, longest form first (`%checkout:M`,
    /// `%che:M`, `%M`); a card shows the longest that leaves its title room.
    pub initiative: Option<(Vec<String>, Style)>,
    /// How long an open item has sat in its column, for two-row cards: short (`3d`) and long
    /// (`3d in Review`); absent under a day.
    pub age: Option<(String, String)>,
}

impl CardMarks {
    pub fn of(board: &Board, item: &Item, now: Timestamp, theme: &Theme) -> CardMarks {
        let today = now.date_naive();
        let mut marks = Vec::new();
        if item.blocked.is_some() {
            marks.push(Mark::new("⊘", theme.error, priority::BLOCKED));
        }
        if item.follow_up_of.is_some() {
            marks.push(Mark::new("↳", theme.estimate, priority::FOLLOW_UP));
        }
        if let Some(mark) = variants::mark(item) {
            let style = if variants::is_lost(item) { theme.muted } else { theme.estimate };
            marks.push(Mark::new(mark, style, priority::VARIANT));
        }
        let entries = board.definition_of_done.for_stage(item.stage);
        if entries.iter().any(|text| !item.checklist.iter().any(|e| e.done && e.text == *text)) {
            let done = board.is_done_column(item.track, &item.column);
            marks.push(Mark::new("□", if done { theme.warning } else { theme.muted }, priority::UNTICKED));
        }
        let timebox = timebox::standing(board, item, today).map(|standing| {
            let (style, rank) = match standing {
                Standing::Overdue(_) => (theme.error, priority::OVERDUE),
                Standing::OpenEnded | Standing::Left(0) => (theme.warning, priority::TIMEBOX),
                Standing::Left(_) => (theme.hint_text, priority::TIMEBOX),
            };
            (Mark::new(standing.short(), style, rank), standing.label())
        });
        let initiative = item.initiative.as_ref().zip(item.phase).map(|(id, phase)| {
            let long = if text::width(id) > 10 { format!("{}…", text::prefix(id, 9)) } else { id.clone() };
            let short = text::prefix(id, 3).to_owned();
            let forms = [long, short, String::new()]
                .map(|tag| format!("%{tag}{}{}", if tag.is_empty() { "" } else { ":" }, phase.letter()));
            (forms.to_vec(), theme.phase(phase))
        });
        let days = age::days_in_column(item, now);
        let open = !board.is_done_column(item.track, &item.column);
        let age = (open && days > 0).then(|| (format!("{days}d"), age::label(board, item, now)));
        CardMarks { committed: board.in_current_sprint(item), marks, timebox, initiative, age }
    }

    /// Adds the initials of the others who have this card selected (`[AL]`), first in line.
    pub fn visited_by(mut self, initials: Option<&str>, theme: &Theme) -> CardMarks {
        if let Some(initials) = initials {
            self.marks.insert(0, Mark::new(initials, theme.presence, priority::PRESENCE));
        }
        self
    }
}
