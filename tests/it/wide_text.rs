//! Wide characters on the screen: CJK, emoji and fullwidth letters in column names, titles,
//! assignees, blocked reasons and initiatives (`tests/fixtures/wide.ron`), at 80x24 and at every
//! small size, in UTF-8 and in ASCII mode. Ratatui's buffer keeps the cell after a
//! two-cell character as a blank continuation; anything drawn into it would never show, so
//! "never split" means: every continuation is blank, no wide character starts in a row's last
//! cell, and each row reads exactly as wide as the screen. Titles cut to fit end with `…`
//! (a two-row card may instead go on on its second row, after a word or between ideographs).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use twotrack::app::App;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;
use unicode_width::UnicodeWidthStr;

use crate::common::{app_on_fixture, press};

fn render(app: &App, width: u16, height: u16, ascii: bool) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut screen = Screen::new(Theme::standard());
    screen.ascii = ascii;
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal
}

/// The rows as a terminal shows them: a wide character covers the cell after it.
fn shown_rows(buf: &Buffer) -> Vec<String> {
    let width = usize::from(buf.area.width);
    buf.content
        .chunks(width)
        .map(|row| {
            let mut line = String::new();
            let mut covered = 0;
            for cell in row {
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                covered = cell.symbol().width().saturating_sub(1);
            }
            line
        })
        .collect()
}

/// No wide character split or hidden under, none cut at a row's end, every row exactly as wide
/// as the screen; in ASCII mode, nothing but ASCII.
fn assert_cells_whole(buf: &Buffer, ascii: bool, what: &str) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            let cells = symbol.width().max(1) as u16;
            assert!(x + cells <= area.right(), "{what}: {symbol:?} cut at the end of row {y}");
            for covered in x + 1..x + cells {
                let hidden = buf[(covered, y)].symbol();
                assert_eq!(hidden, " ", "{what}: {hidden:?} drawn under {symbol:?} at ({covered}, {y})");
            }
            if ascii {
                assert!(symbol.is_ascii(), "{what}: {symbol:?} at ({x}, {y}) in ASCII mode");
            }
            x += cells;
        }
    }
    for (y, row) in shown_rows(buf).iter().enumerate() {
        assert_eq!(row.width(), usize::from(area.width), "{what}: row {y} is {row:?}");
    }
}

/// The fixture's titles by id.
fn titles(app: &App) -> Vec<(u64, String)> {
    app.board().items().iter().map(|item| (item.id, item.title.clone())).collect()
}

/// Every card of the board's rows (under the track headers, above the status lines) shows its
/// title whole, or a start of it that ends in `…`, or (on a two-row card) its first words.
fn assert_titles_cut_with_an_ellipsis(app: &App, rows: &[String]) {
    let mut cards = 0;
    for row in &rows[2..rows.len() - 3] {
        for (id, title) in titles(app) {
            let Some(at) = row.find(&format!("#{id} ")) else { continue };
            cards += 1;
            let rest = &row[at + format!("#{id} ").len()..];
            let rest = rest.split(['│', '┃']).next().unwrap_or_default();
            let kept = title
                .char_indices()
                .map(|(i, _)| i)
                .chain([title.len()])
                .rfind(|&i| rest.starts_with(&title[..i]));
            let kept = kept.unwrap_or(0);
            let whole = kept == title.len();
            let cut = rest[kept..].starts_with('…');
            // A two-row card's first row ends where a word does, or between two ideographs.
            let wide = |c: Option<char>| c.is_some_and(|c| c.to_string().width() == 2);
            let word_break = title[..kept].ends_with(' ')
                || title[kept..].starts_with(' ')
                || wide(title[..kept].chars().next_back()) && wide(title[kept..].chars().next());
            assert!(whole || cut || word_break, "#{id} {title:?} shows as {rest:?} in {row:?}");
        }
    }
    assert!(cards >= 4, "the cards are on screen:\n{}", rows.join("\n"));
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

#[test]
fn a_board_of_wide_titles_and_column_names_at_80x24() {
    let (_s, app) = app_on_fixture("wide.ron");
    let terminal = render(&app, 80, 24, false);
    let buf = terminal.backend().buffer();
    assert_cells_whole(buf, false, "80x24");
    let rows = shown_rows(buf);
    assert_titles_cut_with_an_ellipsis(&app, &rows);
    let screen = rows.join("\n");
    // Wide names show whole: with the discovery track folded, `进行中` over its WIP limit fits too.
    for name in ["准备", "結論", "完成", "进行中 2/1 ⊘1"] {
        assert!(screen.contains(name), "the column {name} is named:\n{screen}");
    }
    assert!(screen.contains('…'), "long titles are cut:\n{screen}");
    insta::assert_snapshot!(screen_text(&terminal));
}

#[test]
fn the_same_board_in_ascii_mode() {
    let (_s, app) = app_on_fixture("wide.ron");
    let terminal = render(&app, 80, 24, true);
    assert_cells_whole(terminal.backend().buffer(), true, "ASCII 80x24");
    let screen = screen_text(&terminal);
    assert!(screen.contains('~'), "cuts read as ~ in ASCII:\n{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn overlays_with_wide_text_at_80x24() {
    let (_s, mut app) = app_on_fixture("wide.ron");
    // The item form with a wide title being edited, the debt register, the capacity page
    // (山田's load), the initiatives, and presenter mode with the details under the board.
    for (name, keys) in [
        ("form", "Enter"),
        ("debt", "Esc r"),
        ("capacity", "Esc c"),
        ("initiatives", "Esc i"),
        ("presenter", "Esc P"),
    ] {
        press(&mut app, keys);
        for ascii in [false, true] {
            let terminal = render(&app, 80, 24, ascii);
            assert_cells_whole(terminal.backend().buffer(), ascii, name);
            if !ascii {
                insta::assert_snapshot!(format!("wide_{name}_80x24"), screen_text(&terminal));
            }
        }
    }
}

#[test]
fn wide_characters_stay_whole_at_every_small_size() {
    let (_s, mut app) = app_on_fixture("wide.ron");
    for keys in ["", "l", "l", "j", "L", "Enter"] {
        press(&mut app, keys);
        for width in (30..=100).step_by(3) {
            for height in [8, 10, 13, 24] {
                for ascii in [false, true] {
                    let terminal = render(&app, width, height, ascii);
                    let what = format!("{width}x{height} after {keys:?} (ascii {ascii})");
                    assert_cells_whole(terminal.backend().buffer(), ascii, &what);
                }
            }
        }
    }
}
