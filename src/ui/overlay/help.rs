//! Help: every binding of the current mode, read from the keymap (so a user's own keys show), in
//! sections with headings (on the board also the modes reached from it), and on the board what
//! the top line and every mark mean (with the ASCII stand-ins). Lines wrap to the width the
//! overlay is given, in two columns on a wide screen; a filter keeps the lines that contain it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::keymap::Mode;
use crate::app::screens::help::{Drawn, Help};
use crate::model::Kind;
use crate::ui::ascii::MARKS;
use crate::ui::board::marks::kind_letter;
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

/// What the board shows, in words: the top line, the cards, the marks.
fn legend() -> Vec<String> {
    let kinds = Kind::ALL.iter().map(|k| format!("{} {}", kind_letter(*k), k.name())).collect::<Vec<_>>();
    let mut lines = vec![
        "Top line: planned points of the sprint's capacity (! over when above it), then the discovery \
         and stage-two shares of planned work against their targets (! off when more than 10 pp away; \
         pp = percentage points); 4? or 4 unestimated: planned items without an estimate. While a \
         sprint is open it measures the sprint's committed work (Sprint 14: 26/30 pt), the backlog apart."
            .to_owned(),
        format!("Cards: {}; #id, the title, marks, and the estimate at the right.", kinds.join(", ")),
        "Variants: [A] a variant of an experiment; [A]✓ the winner; [B]✗ a losing variant, archived."
            .to_owned(),
        "[AL]: others on the board have this card selected (their initials); ▶alice in the status \
         bar: alice presents."
            .to_owned(),
        "Initiatives: %checkout:M the item's initiative and phase: M MVP, E enhancement, P polish \
         (narrow cards: %che:M, %M)."
            .to_owned(),
        "Sprints and blocks: ● committed to the open sprint; ⊘ blocked (the column header counts \
         them: Ready 3 ⊘1); 3d in Review on two-row cards: days in the column. Search words \
         +sprint, +backlog and +blocked keep the open sprint's items, the rest, blocked items."
            .to_owned(),
        "Discovery timebox: 3d = 3 days left, !2d = 2 days overdue, ? = open-ended (no outcome or \
         timebox); in words on two-row cards."
            .to_owned(),
        "Narrow cards drop the kind letter first, then the follow-up mark, the days left, the \
         sprint mark and the unticked mark; the estimate, a blocked mark and an overdue timebox \
         stay longest. On two-row cards the days in the column give way first."
            .to_owned(),
        "Lanes: stage one (ship fast) on top, stage two (refinement) below the S2 line; each lane \
         is as tall as what it holds."
            .to_owned(),
        "Column header: name, items (/WIP limit), points; ! when over the limit. A done column \
         that is not selected is a narrow strip with its card count per lane; select it to open it."
            .to_owned(),
        "The line under the board shows the selected card whole. Mouse: a click selects, a double \
         click opens the details, the wheel scrolls; the mouse never changes the board."
            .to_owned(),
        "Marks (and their ASCII stand-ins when the terminal has only ASCII):".to_owned(),
    ];
    lines.extend(MARKS.iter().map(|(mark, ascii, meaning)| format!("  {mark} ({ascii})  {meaning}")));
    lines
}

/// Help on `help.mode`: its sections, filtered and scrolled as `help` says.
pub struct HelpView<'a> {
    pub app: &'a App,
    pub help: &'a Help,
    pub theme: &'a Theme,
}

/// From this inner width help shows two columns of lines side by side.
const TWO_COLUMNS: usize = 150;

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (help, theme) = (self.help, self.theme);
        let inner_width = usize::from(area.width.saturating_sub(2));
        let columns: u16 = if inner_width >= TWO_COLUMNS { 2 } else { 1 };
        let column_width = (inner_width + 1) / usize::from(columns) - usize::from(columns - 1);
        let filter = help.filter_text();
        let (lines, (shown, total)) = self.lines(column_width, &filter);
        let rows = area.height.saturating_sub(2);
        let page = rows.saturating_mul(columns);
        let max_scroll = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(page);
        help.drawn.set(Drawn { max_scroll, page });
        let scroll = help.scroll.min(max_scroll);
        let mut title = format!(" Help: {} keys ", help.mode.title());
        if help.filtering || !filter.is_empty() {
            let cursor = if help.filtering { "▏" } else { "" };
            title.push_str(&format!("· /{filter}{cursor} ({shown} of {total}) "));
        }
        let mut block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title));
        if max_scroll > 0 {
            let below = max_scroll - scroll;
            let mark = if below > 0 { format!(" ↓ {below} more lines ") } else { " end ".to_owned() };
            block = block.title_bottom(Line::styled(mark, theme.overlay_title).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let mut rest = lines.into_iter().skip(usize::from(scroll));
        for c in 0..columns {
            let x = inner.x + c * (column_width as u16 + 1);
            let column = Rect { x, width: (column_width as u16).min(inner.right() - x), ..inner };
            Paragraph::new(rest.by_ref().take(usize::from(rows)).collect::<Vec<_>>()).render(column, buf);
        }
    }
}

impl HelpView<'_> {
    /// The sections' bindings (keys, then what they do) and on the board the legend, wrapped to
    /// `width`; with a filter only the lines that contain it. Also how many bindings and legend
    /// lines show, of how many.
    fn lines(&self, width: usize, filter: &str) -> (Vec<Line<'static>>, (usize, usize)) {
        let (mode, theme) = (self.help.mode, self.theme);
        let keep = |text: &str| filter.is_empty() || text.to_lowercase().contains(filter);
        let mut lines: Vec<Line> = Vec::new();
        let (mut shown, mut total) = (0, 0);
        for section in sections(mode) {
            let bindings = self.app.keymap().bindings(section);
            let rows: Vec<String> = bindings
                .iter()
                .map(|(action, keys)| {
                    let keys = keys.iter().map(ToString::to_string).collect::<Vec<_>>().join("  ");
                    format!("{keys}\t{}", action.describe())
                })
                .collect();
            total += rows.len();
            let kept: Vec<&String> = rows.iter().filter(|row| keep(row)).collect();
            if kept.is_empty() {
                continue;
            }
            shown += kept.len();
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(format!("  {} keys", section.title()), theme.overlay_title));
            let key_width = kept
                .iter()
                .map(|row| text::width(row.split('\t').next().unwrap_or("")) + 2)
                .max()
                .unwrap_or(0)
                .min(width / 3);
            let indent = " ".repeat(key_width + 2);
            for row in kept {
                let (keys, what) = row.split_once('\t').unwrap_or((row, ""));
                let row = format!("  {}{what}", text::pad(keys, key_width));
                for (i, row) in wrap(&row, width, &indent).into_iter().enumerate() {
                    // The keys are the first `key_width + 2` cells of the first row.
                    let keys_end = if i == 0 { text::prefix(&row, key_width + 2).len() } else { 0 };
                    let (head, tail) = row.split_at(keys_end);
                    lines.push(Line::from(vec![
                        Span::styled(head.to_owned(), theme.hint_key),
                        Span::styled(tail.to_owned(), theme.base),
                    ]));
                }
            }
        }
        if mode == Mode::Board {
            let legend = legend();
            total += legend.len();
            let kept: Vec<String> = legend.into_iter().filter(|l| keep(l)).collect();
            shown += kept.len();
            if !kept.is_empty() {
                lines.push(Line::default());
                lines.push(Line::styled("  On the board", theme.overlay_title));
            }
            for text in kept {
                push_wrapped(&mut lines, &format!("  {text}"), width, theme.hint_text);
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled(format!("  nothing in help contains \"{filter}\""), theme.hint_text));
        }
        (lines, (shown, total))
    }
}

/// The modes whose keys help shows, in order: on the board also those of the modes reached
/// from it (a visual selection, a form, the search prompt, help itself).
fn sections(mode: Mode) -> Vec<Mode> {
    match mode {
        Mode::Board => vec![Mode::Board, Mode::Visual, Mode::Form, Mode::Search, Mode::Help],
        other => vec![other],
    }
}

fn push_wrapped(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    lines.extend(wrap(text, width, "    ").into_iter().map(|row| Line::styled(row, style)));
}
