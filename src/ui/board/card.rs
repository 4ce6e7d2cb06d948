//! One card: the sprint mark, kind letter, `#id`, the title cut to fit with an ellipsis, marks
//! and the estimate; on two rows, the rest of the title, the timebox or the assignee, and the
//! age in the column. Narrow cards drop their least useful pieces first, never the sprint mark.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::super::text::{self, truncate, width};
use super::super::theme::Theme;
use super::marks::{CardMarks, Mark, kind_letter, priority};
use crate::model::Item;

/// The title keeps at least this many columns before marks give way.
const TITLE_ROOM: usize = 8;

/// The initiative tag takes a longer form than `%M` only where the title keeps this many
/// columns (or all it needs).
const TAG_AFTER_TITLE: usize = 24;

/// The age in the column joins the second row only where the rest of the title keeps this many
/// columns (or all it needs): it is the least useful piece there.
const AGE_AFTER_TITLE: usize = 16;

/// Cards narrower than this wrap their title to the second row's left edge (see
/// `render_title_on_two_rows`).
const NARROW_CARD: usize = 20;

/// An item drawn as a card: one row, or two when its area is two rows high (the title wraps
/// onto the second row, with the timebox or the assignee and the age at its right). Pieces that
/// do not fit drop by [`priority`]; the initiative tag then takes the longest of its forms that
/// fits.
pub struct CardView<'a> {
    pub item: &'a Item,
    pub marks: &'a CardMarks,
    pub selected: bool,
    /// In the visual selection: `▸` leads the card, which reads as selected.
    pub picked: bool,
    pub theme: &'a Theme,
}

/// The visual selection's mark at a card's left edge (ASCII `>`).
pub const PICKED: &str = "▸";
/// The open sprint's mark at a card's left edge (ASCII `*`).
pub const COMMITTED: &str = "●";

impl Widget for CardView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let base = self.base();
        // The selection's bar covers the first row only: moving the selection then rewrites two
        // rows, not four (docs/guide/board-and-keys.md, "Few bytes per key").
        buf.set_style(area, self.theme.card);
        buf.set_style(Rect { height: 1, ..area }, base);
        let area = self.render_lead(area, buf);
        if area.width == 0 {
            return;
        }
        let two_rows = area.height >= 2;
        let width = usize::from(area.width);
        let id = format!("#{} ", self.item.id);
        let (kind, marks) = self.pieces(two_rows, &id, width);
        let mut x = area.x;
        if let Some(k) = &kind {
            (x, _) = buf.set_stringn(x, area.y, &k.text, width, self.style(k.style));
            x += 1;
        }
        let (x, _) = buf.set_stringn(
            x,
            area.y,
            &id,
            width.saturating_sub(usize::from(x - area.x)),
            self.style(self.theme.card_id),
        );
        let used = usize::from(x - area.x);
        let right_width: usize = marks.iter().map(|m| m.width + 1).sum();
        if right_width <= width.saturating_sub(used) {
            let mut rx = area.right() - right_width as u16;
            for mark in &marks {
                (rx, _) = buf.set_stringn(rx + 1, area.y, &mark.text, mark.width, self.style(mark.style));
            }
        }
        let room = width.saturating_sub(used + right_width);
        if two_rows {
            self.render_title_on_two_rows(buf, area, (x, used), room);
        } else {
            buf.set_stringn(x, area.y, truncate(&self.item.title, room), room, base);
        }
    }
}

impl CardView<'_> {
    fn base(&self) -> Style {
        if self.selected || self.picked { self.theme.card_selected } else { self.theme.card }
    }

    /// The marks that never give way, in the card's first cells: `▸` in the visual selection,
    /// `●` committed to the open sprint. Returns the area left for the rest of the card.
    fn render_lead(&self, area: Rect, buf: &mut Buffer) -> Rect {
        let lead: Vec<(&str, Style)> = [
            (self.picked, PICKED, self.theme.card_selected),
            (self.marks.committed, COMMITTED, self.style(self.theme.estimate)),
        ]
        .into_iter()
        .filter_map(|(on, mark, style)| on.then_some((mark, style)))
        .collect();
        let mut x = area.x;
        for (mark, style) in lead {
            if x < area.right() {
                (x, _) = buf.set_stringn(x, area.y, mark, 1, style);
            }
        }
        Rect { x, width: area.right() - x, ..area }
    }

    /// A piece's own style, or the bar's on a selected card's first row (which reads as one
    /// reversed bar).
    fn style(&self, own: Style) -> Style {
        if self.selected { self.base() } else { own }
    }

    /// The kind letter (unless it gave way) and the marks at the right, in order, that fit in
    /// `width` beside `id` and the title's least room.
    fn pieces(&self, two_rows: bool, id: &str, width: usize) -> (Option<Mark>, Vec<Mark>) {
        let (item, card, theme) = (self.item, self.marks, self.theme);
        let mut kind = Some(Mark::new(kind_letter(item.kind), theme.kind(item.kind), priority::KIND));
        let mut marks: Vec<Mark> = card.marks.clone();
        if let (false, Some((short, _))) = (two_rows, &card.timebox) {
            marks.push(short.clone());
        }
        if let Some(e) = item.estimate {
            marks.push(Mark::new(e.to_string(), theme.estimate, priority::ESTIMATE));
        }
        // The initiative tag competes in its shortest form (`%M`) and widens afterwards.
        if let Some((short, style)) =
            card.initiative.as_ref().and_then(|(forms, s)| Some((forms.last()?, *s)))
        {
            marks.insert(0, Mark::new(short.clone(), style, priority::INITIATIVE));
        }
        let title_width = text::width(&item.title);
        let used = |kind: &Option<Mark>, marks: &[Mark]| {
            kind.as_ref().map_or(0, |k| k.width + 1)
                + text::width(id)
                + marks.iter().map(|m| m.width + 1).sum::<usize>()
        };
        while used(&kind, &marks) + title_width.min(TITLE_ROOM) > width {
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
        let spare = width.saturating_sub(used(&kind, &marks) + title_width.min(TAG_AFTER_TITLE));
        widen_initiative_tag(card, &mut marks, spare);
        (kind, marks)
    }

    /// The title's first words at `x` in `room` cells, the rest under them with the second
    /// row's note (timebox or assignee, age) at the right. `used` is the cells before `x`.
    fn render_title_on_two_rows(&self, buf: &mut Buffer, area: Rect, (x, used): (u16, usize), room: usize) {
        let base = self.base();
        let width = usize::from(area.width);
        let title = crate::escape::cap_marks(&self.item.title);
        let (first, rest) = wrap_once(&title, room);
        buf.set_stringn(x, area.y, &first, room, base);
        // A narrow card's second row starts at its left edge and gives the note room only beside
        // the whole rest of the title: two rows then show 20 characters of it (the readable-titles
        // rule, docs/guide/board-and-keys.md). Elsewhere the rest keeps a few columns: a long note
        // gives way to its short form, and the age shows only where the title keeps more.
        let narrow = width < NARROW_CARD;
        let (x2, used) = if narrow { (area.x, 0) } else { (x, used) };
        let rest_width = text::width(rest);
        let room =
            |keep: usize| width.saturating_sub(used + if narrow { rest_width } else { keep.min(rest_width) });
        let (note, note_style) =
            second_row_note(self.item, self.marks, (room(AGE_AFTER_TITLE), room(TITLE_ROOM)), self.theme);
        let note = if narrow && text::width(&note) + rest_width > width { String::new() } else { note };
        // The second row keeps the card's own look whether it is selected or not.
        let plain = self.theme.card;
        let note_style = if note.is_empty() { plain } else { note_style };
        let note_width = text::width(&note);
        let room2 = width.saturating_sub(used + note_width);
        buf.set_stringn(x2, area.y + 1, truncate(rest, room2), room2, plain);
        if !note.is_empty() && note_width < width {
            let at = area.right() - note_width as u16;
            buf.set_stringn(at, area.y + 1, &note, note_width, note_style);
        }
    }
}

/// The card's initiative tag (if it kept its place) in the longest form that fits in the
/// `spare` columns left beside the title's room.
fn widen_initiative_tag(card: &CardMarks, marks: &mut [Mark], spare: usize) {
    let Some((forms, _)) = &card.initiative else { return };
    let Some(tag) = marks.iter_mut().find(|m| m.priority == priority::INITIATIVE) else { return };
    let room = tag.width + spare;
    if let Some(form) = forms.iter().find(|form| text::width(form) <= room) {
        *tag = Mark::new(form.clone(), tag.style, tag.priority);
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
        .filter(|note| width(note) <= aged)
        .chain(without.clone().filter(|note| width(note) <= room))
        .next()
        .or_else(|| without.next_back())
        .unwrap_or_default();
    (note, style)
}

/// The words of `title` that fit in `room` columns, and the rest (a first word too long for the
/// row breaks with a hyphen; below four columns it is cut with an ellipsis).
fn wrap_once(title: &str, room: usize) -> (String, &str) {
    // Widths add up word by word, so a very long title costs no more than the room it gets.
    let mut end = 0;
    let mut used = 0;
    let mut start = 0;
    for (at, _) in title.match_indices(' ').chain(std::iter::once((title.len(), ""))) {
        used += width(&title[start..at]);
        if used > room {
            break;
        }
        end = at;
        start = at;
    }
    if end == 0 {
        // Ideographs break between any two, so a title of them goes on on the second row; a
        // spaced word too long for the row is cut.
        let first = text::prefix(title, room);
        let (kept, next) = (first.graphemes(true).next_back(), title[first.len()..].graphemes(true).next());
        if kept.is_some_and(text::is_wide) && next.is_some_and(text::is_wide) {
            return (first.to_owned(), &title[first.len()..]);
        }
        // A spaced word too long for the row breaks with a hyphen and goes on on the second row,
        // so a narrow card still shows two rows of its title.
        let head = text::prefix(title, room.saturating_sub(1));
        if room >= 4 && !head.is_empty() {
            return (format!("{head}-"), &title[head.len()..]);
        }
        return (truncate(title, room), "");
    }
    (title[..end].to_owned(), title[end..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::domain::change::{NewItem, ops};
    use crate::model::Board;

    fn card_text(title: &str, width: u16, estimate: Option<u32>) -> String {
        let board = Board::new("t");
        let new = NewItem { title: title.into(), estimate, ..NewItem::default() };
        let Edit::Add(item) = ops::add(&board, new, chrono::DateTime::UNIX_EPOCH).expect("add").edit else {
            unreachable!("add makes an Add")
        };
        let theme = Theme::standard();
        let marks = CardMarks::of(&board, &item, chrono::DateTime::UNIX_EPOCH, &theme);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let area = buf.area;
        CardView { item: &item, marks: &marks, selected: false, picked: false, theme: &theme }
            .render(area, &mut buf);
        // As the terminal shows it: the cell after a wide character is covered by it.
        let mut shown = String::new();
        let mut covered = 0;
        for cell in &buf.content {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            shown.push_str(cell.symbol());
            covered = text::width(cell.symbol()).saturating_sub(1);
        }
        shown
    }

    #[test]
    fn narrow_cards_drop_the_least_useful_pieces_first() {
        let title = "Export the board to CSV";
        assert_eq!(card_text(title, 30, Some(5)), "F #1 Export the board…     □ 5");
        // The kind letter goes first, then the unticked mark; the estimate stays longest.
        assert_eq!(card_text(title, 16, Some(5)), "#1 Export…   □ 5");
        assert_eq!(card_text(title, 11, Some(5)), "#1 Export… ");
        assert_eq!(card_text(title, 8, None), "#1 Expo…");
    }

    #[test]
    fn wide_titles_are_cut_between_characters_with_an_ellipsis() {
        // 29 cells: `F #1 ` and ` □ 5` leave 20 for the title: 9 wide characters and `…` take
        // 19, and the 20th cell stays blank rather than hold half a character.
        let title = "数据库迁移到新集群的第二阶段工作";
        assert_eq!(card_text(title, 29, Some(5)), "F #1 数据库迁移到新集群…  □ 5");
        assert_eq!(card_text(title, 30, Some(5)), "F #1 数据库迁移到新集群的… □ 5");
        assert_eq!(card_text("Ship 🚀 emoji support", 16, None), "F #1 Ship 🚀…  □");
    }

    #[test]
    fn wrapping_keeps_whole_words_on_the_first_row() {
        assert_eq!(wrap_once("Export the board to CSV", 12), ("Export the".to_owned(), "board to CSV"));
        assert_eq!(wrap_once("short", 12), ("short".to_owned(), ""));
        assert_eq!(
            wrap_once("Unbreakablewordhere and more", 8),
            ("Unbreak-".to_owned(), "ablewordhere and more")
        );
        assert_eq!(wrap_once("Unbreakable", 3), ("Un…".to_owned(), ""));
        assert_eq!(wrap_once("数据库 迁移到新集群", 8), ("数据库".to_owned(), "迁移到新集群"));
        assert_eq!(
            wrap_once("数据库迁移到新集群", 9),
            ("数据库迁".to_owned(), "移到新集群"),
            "ideographs break anywhere"
        );
    }
}
