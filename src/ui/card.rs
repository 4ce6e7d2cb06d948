//! One card: kind letter, `#id`, the title cut to fit with an ellipsis, marks and the estimate;
//! on two rows, the rest of the title, the timebox or the assignee, and the age in the column.
//! Narrow cards drop their least useful pieces first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
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
    }
}

/// How much each piece of a card matters. When a card is too narrow for all of them, the least
/// useful drop first (the `#id` and at least a few characters of the title always stay). The
/// order is documented in the README ("Cards"); marks added later slot in by their number.
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
    /// Committed to the open sprint (`●`).
    pub const SPRINT: u8 = 55;
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
}

impl Mark {
    pub fn new(text: impl Into<String>, style: Style, priority: u8) -> Mark {
        Mark { text: text.into(), style, priority }
    }
}

/// What a card shows besides the item's own fields.
pub struct CardMarks {
    /// Marks before the estimate, in the order shown: `[AL]` others have the card selected; `⊘`
    /// blocked; `●` committed to the open sprint; `↳` a follow-up of another item; `[A]` a
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
        if board.in_current_sprint(item) {
            marks.push(Mark::new("●", theme.estimate, priority::SPRINT));
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
            let long = if id.chars().count() > 10 {
                format!("{}…", id.chars().take(9).collect::<String>())
            } else {
                id.clone()
            };
            let short: String = id.chars().take(3).collect();
            let forms = [long, short, String::new()]
                .map(|tag| format!("%{tag}{}{}", if tag.is_empty() { "" } else { ":" }, phase.letter()));
            (forms.to_vec(), theme.phase(phase))
        });
        let days = age::days_in_column(item, now);
        let open = !board.is_done_column(item.track, &item.column);
        let age = (open && days > 0).then(|| (format!("{days}d"), age::label(board, item, now)));
        CardMarks { marks, timebox, initiative, age }
    }

    /// Adds the initials of the others who have this card selected (`[AL]`), first in line.
    pub fn visited_by(mut self, initials: Option<&str>, theme: &Theme) -> CardMarks {
        if let Some(initials) = initials {
            self.marks.insert(0, Mark::new(initials, theme.presence, priority::PRESENCE));
        }
        self
    }
}

/// The title keeps at least this many columns before marks give way.
const TITLE_ROOM: usize = 8;

/// The initiative tag takes a longer form than `%M` only where the title keeps this many
/// columns (or all it needs).
const TAG_AFTER_TITLE: usize = 24;

/// The age in the column joins the second row only where the rest of the title keeps this many
/// columns (or all it needs): it is the least useful piece there.
const AGE_AFTER_TITLE: usize = 16;

/// Draws `item` in `area`: one row, or two when `area` is two rows high (the title wraps onto
/// the second row, with the timebox or the assignee and the age at its right). Pieces that do not
/// fit drop by [`priority`]; the initiative tag then takes the longest of its forms that fits.
pub fn draw_card(buf: &mut Buffer, area: Rect, item: &Item, card: &CardMarks, selected: bool, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let two_rows = area.height >= 2;
    let base = if selected { theme.card_selected } else { theme.card };
    buf.set_style(area, base);
    let style = |s: Style| if selected { base } else { s };
    let width = usize::from(area.width);
    let id = format!("#{} ", item.id);
    let mut kind = Some(Mark::new(kind_letter(item.kind), theme.kind(item.kind), priority::KIND));
    let mut marks: Vec<Mark> = card.marks.clone();
    if let (false, Some((short, _))) = (two_rows, &card.timebox) {
        marks.push(short.clone());
    }
    if let Some(e) = item.estimate {
        marks.push(Mark::new(e.to_string(), theme.estimate, priority::ESTIMATE));
    }
    // The initiative tag competes in its shortest form (`%M`) and widens afterwards.
    if let Some((short, style)) = card.initiative.as_ref().and_then(|(forms, s)| Some((forms.last()?, *s))) {
        marks.insert(0, Mark::new(short.clone(), style, priority::INITIATIVE));
    }
    let title_width = item.title.width().min(TITLE_ROOM);
    let used = |kind: &Option<Mark>, marks: &[Mark]| {
        kind.as_ref().map_or(0, |k| k.text.width() + 1)
            + id.width()
            + marks.iter().map(|m| m.text.width() + 1).sum::<usize>()
    };
    while used(&kind, &marks) + title_width > width {
        // Others' initials never drop: on the narrowest card they take the title's room.
        let lowest_mark = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.priority != priority::PRESENCE)
            .min_by_key(|(_, m)| m.priority)
            .map(|(i, m)| (i, m.priority));
        match (lowest_mark, &kind) {
            (Some((_, p)), Some(k)) if k.priority < p => kind = None,
            (Some((i, _)), _) => _ = marks.remove(i),
            (None, Some(_)) => kind = None,
            (None, None) => break,
        }
    }
    // The tag grows only into room the title does not need (up to a readable length).
    let spare = width.saturating_sub(used(&kind, &marks) + item.title.width().min(TAG_AFTER_TITLE));
    widen_initiative_tag(card, &mut marks, spare);
    let mut x = area.x;
    if let Some(k) = &kind {
        (x, _) = buf.set_stringn(x, area.y, &k.text, width, style(k.style));
        x += 1;
    }
    let (x, _) =
        buf.set_stringn(x, area.y, &id, width.saturating_sub(usize::from(x - area.x)), style(theme.card_id));
    let used = usize::from(x - area.x);
    let right_width: usize = marks.iter().map(|m| m.text.width() + 1).sum();
    let room = width.saturating_sub(used + right_width);
    if right_width <= width.saturating_sub(used) {
        let mut rx = area.right() - right_width as u16;
        for mark in &marks {
            (rx, _) = buf.set_stringn(rx + 1, area.y, &mark.text, mark.text.width(), style(mark.style));
        }
    }
    if !two_rows {
        buf.set_stringn(x, area.y, truncate(&item.title, room), room, base);
        return;
    }
    let (first, rest) = wrap_once(&item.title, room);
    buf.set_stringn(x, area.y, &first, room, base);
    // The rest of the title keeps a few columns: a long note gives way to its short form, and
    // the age shows only where the title keeps more.
    let room = |keep: usize| width.saturating_sub(used + keep.min(rest.width()));
    let (note, note_style) = second_row_note(item, card, (room(AGE_AFTER_TITLE), room(TITLE_ROOM)), theme);
    let note_style = if note.is_empty() { base } else { note_style };
    let room2 = width.saturating_sub(used + note.width());
    buf.set_stringn(x, area.y + 1, truncate(rest, room2), room2, base);
    if !note.is_empty() && note.width() < width {
        buf.set_stringn(
            area.right() - note.width() as u16,
            area.y + 1,
            &note,
            note.width(),
            style(note_style),
        );
    }
}

/// The card's initiative tag (if it kept its place) in the longest form that fits in the
/// `spare` columns left beside the title's room.
fn widen_initiative_tag(card: &CardMarks, marks: &mut [Mark], spare: usize) {
    let Some((forms, _)) = &card.initiative else { return };
    let Some(tag) = marks.iter_mut().find(|m| m.priority == priority::INITIATIVE) else { return };
    let room = tag.text.width() + spare;
    if let Some(form) = forms.iter().find(|form| form.width() <= room) {
        tag.text = form.clone();
    }
}

/// The right end of a card's second row, the longest that fits: the timebox (in words, else
/// short) or the assignee, with the age in the column (`3d in Review`, else `3d`) when that fits
/// in `aged` columns, else without it in `room` columns (the age gives way first).
fn second_row_note(
    item: &Item,
    card: &CardMarks,
    (aged, room): (usize, usize),
    theme: &Theme,
) -> (String, Style) {
    let (firsts, style) = match (&card.timebox, &item.assignee) {
        (Some((short, words)), _) => (vec![words.clone(), short.text.clone()], short.style),
        (None, Some(who)) => (vec![format!("@{who}")], theme.card_id),
        (None, None) => (vec![String::new()], theme.card_id),
    };
    let join = |first: &str, age: Option<&String>| -> String {
        let parts: Vec<&str> =
            Some(first).filter(|f| !f.is_empty()).into_iter().chain(age.map(String::as_str)).collect();
        if parts.is_empty() { String::new() } else { format!(" {}", parts.join(" · ")) }
    };
    let with_age =
        card.age.iter().flat_map(|(short, long)| [long, short]).map(|age| join(&firsts[0], Some(age)));
    let mut without = firsts.iter().map(|first| join(first, None));
    let note = with_age
        .filter(|note| note.width() <= aged)
        .chain(without.clone().filter(|note| note.width() <= room))
        .next()
        .or_else(|| without.next_back())
        .unwrap_or_default();
    (note, style)
}

/// The words of `text` that fit in `width` columns, and the rest (`first` is cut with an
/// ellipsis only when its first word alone is too long).
fn wrap_once(text: &str, width: usize) -> (String, &str) {
    // Widths add up word by word, so a very long title costs no more than the room it gets.
    let mut end = 0;
    let mut used = 0;
    let mut start = 0;
    for (at, _) in text.match_indices(' ').chain(std::iter::once((text.len(), ""))) {
        used += text[start..at].width();
        if used > width {
            break;
        }
        end = at;
        start = at;
    }
    if end == 0 {
        return (truncate(text, width), "");
    }
    (text[..end].to_owned(), text[end..].trim_start())
}

/// `text` in at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    // Measure only as far as the room goes, so a very long text costs no more than a short one.
    let mut measured = 0;
    let fits = text.chars().all(|c| {
        measured += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        measured <= width
    });
    if fits {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    // Cut at a word boundary when that keeps most of the room, so no word is chopped into nonsense.
    if let Some(space) = out.trim_end().rfind(' ')
        && space * 3 >= out.len() * 2
    {
        out.truncate(space);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::domain::change::{NewItem, ops};
    use crate::model::Board;

    fn card_text(width: u16, estimate: Option<u32>) -> String {
        let board = Board::new("t");
        let new = NewItem { title: "Export the board to CSV".into(), estimate, ..NewItem::default() };
        let Edit::Add(item) = ops::add(&board, new, chrono::DateTime::UNIX_EPOCH).expect("add").edit else {
            unreachable!("add makes an Add")
        };
        let theme = Theme::standard();
        let marks = CardMarks::of(&board, &item, chrono::DateTime::UNIX_EPOCH, &theme);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let area = buf.area;
        draw_card(&mut buf, area, &item, &marks, false, &theme);
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn narrow_cards_drop_the_least_useful_pieces_first() {
        assert_eq!(card_text(30, Some(5)), "F #1 Export the board…     □ 5");
        // The kind letter goes first, then the unticked mark; the estimate stays longest.
        assert_eq!(card_text(16, Some(5)), "#1 Export…   □ 5");
        assert_eq!(card_text(11, Some(5)), "#1 Export… ");
        assert_eq!(card_text(8, None), "#1 Expo…");
    }

    #[test]
    fn truncation_marks_the_cut_and_prefers_word_boundaries() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("Export the board to CSV", 12), "Export the…");
        assert_eq!(truncate("Supercalifragilistic", 8), "Superca…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("日本語のタイトル", 7), "日本語…");
    }

    #[test]
    fn wrapping_keeps_whole_words_on_the_first_row() {
        assert_eq!(
            super::wrap_once("Export the board to CSV", 12),
            ("Export the".to_owned(), "board to CSV")
        );
        assert_eq!(super::wrap_once("short", 12), ("short".to_owned(), ""));
        assert_eq!(super::wrap_once("Unbreakablewordhere and more", 8), ("Unbreak…".to_owned(), ""));
    }
}
