//! Help: every binding of the current mode, read from the keymap (so a user's own keys show),
//! and on the board what the top line and every mark mean (with the ASCII stand-ins). Lines
//! wrap to the width the overlay is given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::keymap::Mode;
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

/// The keys of `mode`, scrolled down `scroll` lines.
pub struct HelpView<'a> {
    pub app: &'a App,
    pub mode: Mode,
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (mode, theme) = (self.mode, self.theme);
        let lines = self.lines(usize::from(area.width.saturating_sub(2)));
        let inner_height = area.height.saturating_sub(2);
        let max_scroll = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(inner_height);
        let scroll = self.scroll.min(max_scroll);
        let mut block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(format!(" Help: {} keys ", mode.title()), theme.overlay_title));
        if max_scroll > 0 {
            let below = max_scroll - scroll;
            let mark = if below > 0 { format!(" ↓ {below} more lines ") } else { " end ".to_owned() };
            block = block.title_bottom(Line::styled(mark, theme.overlay_title).right_aligned());
        }
        Paragraph::new(lines).block(block).scroll((scroll, 0)).render(area, buf);
    }
}

impl HelpView<'_> {
    /// Every binding (keys, then what they do) wrapped to `inner_width`, and on the board the
    /// legend.
    fn lines(&self, inner_width: usize) -> Vec<Line<'static>> {
        let (mode, theme) = (self.mode, self.theme);
        let bindings = self.app.keymap().bindings(mode);
        let key_width = bindings
            .iter()
            .map(|(_, keys)| keys.iter().map(|k| text::width(&k.to_string()) + 2).sum::<usize>())
            .max()
            .unwrap_or(0)
            .min(inner_width / 3);
        let mut lines: Vec<Line> = Vec::new();
        let indent = " ".repeat(key_width + 2);
        for (action, keys) in &bindings {
            let keys = keys.iter().map(ToString::to_string).collect::<Vec<_>>().join("  ");
            let row = format!("  {}{}", text::pad(&keys, key_width), action.describe());
            for (i, row) in wrap(&row, inner_width, &indent).into_iter().enumerate() {
                // The keys are the first `key_width + 2` cells of the first row.
                let keys_end = if i == 0 { text::prefix(&row, key_width + 2).len() } else { 0 };
                let (head, tail) = row.split_at(keys_end);
                lines.push(Line::from(vec![
                    Span::styled(head.to_owned(), theme.hint_key),
                    Span::styled(tail.to_owned(), theme.base),
                ]));
            }
        }
        if mode == Mode::Board {
            lines.push(Line::default());
            lines.push(Line::styled("  On the board", theme.overlay_title));
            for text in legend() {
                push_wrapped(&mut lines, &format!("  {text}"), inner_width, theme.hint_text);
            }
        }
        lines
    }
}

fn push_wrapped(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    lines.extend(wrap(text, width, "    ").into_iter().map(|row| Line::styled(row, style)));
}
