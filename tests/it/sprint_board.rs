//! The sprint on the board screen: committed cards marked in every column at every size and in
//! ASCII, commit and uncommit that say what they did, the visual selection as one undo step,
//! the question before mismatched work, counts under the sprint filter, and the capacity view's
//! room left.

use crate::common::{self, Sandbox, press, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::model::{Board, ItemId, Stage, Track};
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

/// The 60-item board of a planning, with an open sprint and the first card of every column
/// committed (the rest not): a committed card in every column, beside uncommitted ones.
fn planning() -> (Sandbox, Vec<ItemId>) {
    let s = Sandbox::new();
    let mut store = twotrack::store::Store::open(&s.board, common::now()).expect("create").store;
    let board = twotrack::generate::board(60, 7);
    store.save(&board).expect("save");
    s.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "40"]).ok();
    let firsts = first_of_each_column(&board);
    let args: Vec<String> =
        ["commit".to_owned()].into_iter().chain(firsts.iter().map(ItemId::to_string)).collect();
    s.run(&args.iter().map(String::as_str).collect::<Vec<_>>()).ok();
    (s, firsts)
}

/// The top card of each column, lane by lane, discovery's columns then delivery's.
fn first_of_each_column(board: &Board) -> Vec<ItemId> {
    let lanes = twotrack::model::Lanes::build(board);
    Track::ALL
        .into_iter()
        .flat_map(|track| (0..board.track(track).columns.len()).map(move |column| (track, column)))
        .filter_map(|(track, column)| {
            Stage::ALL.into_iter().find_map(|stage| {
                lanes.lane(twotrack::model::LaneKey { track, column, stage }).first().copied()
            })
        })
        .collect()
}

fn render(app: &App, width: u16, height: u16, ascii: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut screen = Screen::new(Theme::standard());
    screen.ascii = ascii;
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal.backend().to_string()
}

/// Whether card `#id` shows on the board (between the top line and the preview) with `mark`
/// in the four cells before its `#id` (`▸●F #5`, `●#5` on a narrow card); `None` when no card
/// of it shows (a collapsed done column).
fn marked(screen: &str, id: ItemId, mark: char) -> Option<bool> {
    let lines: Vec<&str> = screen.lines().collect();
    let board_rows = &lines[2..lines.len().saturating_sub(3)];
    let needle = format!("#{id}");
    let mut seen = None;
    for line in board_rows {
        let chars: Vec<char> = line.chars().collect();
        for at in 0..chars.len() {
            let here: String = chars[at..].iter().take(needle.chars().count()).collect();
            let ends = chars.get(at + needle.chars().count()).is_none_or(|c| !c.is_ascii_digit());
            if here == needle && ends {
                let before = &chars[at.saturating_sub(4)..at];
                let has = before.contains(&mark);
                seen = Some(seen.unwrap_or(false) || has);
            }
        }
    }
    seen
}

/// Every committed card that shows carries the mark and no other card does; at least `least`
/// committed cards show.
fn assert_marks(screen: &str, app: &App, mark: char, least: usize, what: &str) {
    let board = app.board();
    let mut shown = 0;
    for item in board.items() {
        let Some(has) = marked(screen, item.id, mark) else { continue };
        let committed = board.in_current_sprint(item);
        assert_eq!(has, committed, "{what}: #{} committed {committed}, marked {has}:\n{screen}", item.id);
        shown += usize::from(committed);
    }
    assert!(shown >= least, "{what}: {shown} committed cards show, not {least}:\n{screen}");
}

#[test]
fn a_committed_card_is_marked_in_every_column_at_every_size_and_in_ascii() {
    let (s, firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    // Every column but the two done columns, collapsed to a count unless selected or presenting;
    // at 80x24 the discovery track (two open columns) is folded to its counts too.
    let everyday = [(80, 24, firsts.len() - 4), (120, 40, firsts.len() - 2)];
    for (width, height, least) in everyday {
        let screen = render(&app, width, height, false);
        assert_marks(&screen, &app, '●', least, &format!("{width}x{height}"));
        insta::assert_snapshot!(format!("committed_{width}x{height}"), screen);
    }
    let ascii = render(&app, 80, 24, true);
    assert_marks(&ascii, &app, '*', firsts.len() - 4, "ASCII 80x24");
    insta::assert_snapshot!("committed_ascii_80x24", ascii);
    press(&mut app, "P");
    for (width, height) in [(100, 30), (120, 40)] {
        let screen = render(&app, width, height, false);
        assert_marks(&screen, &app, '●', firsts.len() - 2, &format!("presenter {width}x{height}"));
        insta::assert_snapshot!(format!("committed_presenter_{width}x{height}"), screen);
    }
    let ascii = render(&app, 120, 40, true);
    assert_marks(&ascii, &app, '*', firsts.len() - 2, "ASCII presenter 120x40");
    insta::assert_snapshot!("committed_ascii_presenter_120x40", ascii);
    // A done column opens when selected: its committed card is marked too.
    press(&mut app, "l l l");
    let done = app.selected_item().map(|it| it.id).expect("a card in the done column");
    assert!(firsts.contains(&done), "its first card is committed");
    let screen = render(&app, 100, 30, false);
    assert_eq!(marked(&screen, done, '●'), Some(true), "{screen}");
    // With a done column open, six open columns do not read in 100 cells: the discovery track
    // (two open columns) folds to its counts, Done's committed card shows.
    assert_marks(&screen, &app, '●', firsts.len() - 3, "presenter 100x30, Done open");
}

#[test]
fn m_on_a_committed_item_changes_nothing_and_says_so_and_x_takes_it_out() {
    let (s, firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    let id = app.selected_item().map(|it| it.id).expect("a card is selected");
    assert!(firsts.contains(&id), "the first card of the first column is committed");
    let before = s.read();
    press(&mut app, "m");
    assert_eq!(s.read(), before, "the file is untouched");
    assert!(app.board().item(id).is_some_and(|it| app.board().in_current_sprint(it)));
    let said = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert_eq!(said, format!("#{id} is already in sprint \"Sprint 1\"; X takes it out"));
    press(&mut app, "u");
    assert_eq!(app.status().map(|st| st.text.as_str()), Some("nothing to undo"), "m made no step");
    press(&mut app, "X");
    assert!(app.board().item(id).is_some_and(|it| it.sprint.is_none()), "X uncommits");
    let said = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert!(
        said.starts_with(&format!("took #{id} out of sprint \"Sprint 1\", back to the backlog")),
        "{said}"
    );
    press(&mut app, "X");
    let said = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert_eq!(said, format!("#{id} is not in sprint \"Sprint 1\"; m commits"), "X again says so");
    press(&mut app, "m");
    assert!(app.board().item(id).is_some_and(|it| app.board().in_current_sprint(it)), "m commits");
}

/// The selected column's cards, top to bottom (stage-one lane, then stage-two lane).
fn column_cards(app: &App) -> Vec<ItemId> {
    let col = (0..app.view().column_count())
        .find(|&c| {
            Stage::ALL
                .into_iter()
                .any(|s| app.view().lane(c, s).contains(&app.selected_item().expect("selected").id))
        })
        .expect("the selected card's column");
    Stage::ALL.into_iter().flat_map(|s| app.view().lane(col, s).to_vec()).collect()
}

#[test]
fn a_visual_run_commits_in_one_undo_step_and_marks_its_cards_in_text() {
    let (s, _firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    // The delivery track's first column: enough cards for a run of four.
    press(&mut app, "g");
    let cards = column_cards(&app);
    assert!(cards.len() >= 4, "{cards:?}");
    press(&mut app, "v j j j");
    assert_eq!(app.mode(), Mode::Visual);
    assert_eq!(app.picked_ids(), cards[..4]);
    let screen = render(&app, 120, 40, false);
    for id in &cards[..4] {
        assert!(marked(&screen, *id, '▸') == Some(true), "#{id} is marked as selected:\n{screen}");
    }
    assert!(marked(&screen, cards[4], '▸') != Some(true), "#{} is not:\n{screen}", cards[4]);
    let before = s.read();
    let committed_before: Vec<bool> =
        cards[..4].iter().map(|id| app.board().item(*id).is_some_and(|it| it.sprint.is_some())).collect();
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Board, "the selection ends");
    let saved = twotrack::store::Store::load(&s.board).expect("load").1;
    for id in &cards[..4] {
        assert!(saved.item(*id).is_some_and(|it| saved.in_current_sprint(it)), "#{id} committed and saved");
    }
    let said = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert!(said.starts_with("committed #"), "{said}");
    press(&mut app, "u");
    let undone: Vec<bool> =
        cards[..4].iter().map(|id| app.board().item(*id).is_some_and(|it| it.sprint.is_some())).collect();
    assert_eq!(undone, committed_before, "one undo takes the whole run back");
    assert_eq!(s.read(), before, "and the file is as before, byte for byte");
}

#[test]
fn stages_moves_and_an_assignee_apply_to_the_whole_run_as_one_step_each() {
    let (s, _firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    press(&mut app, "g v j j");
    let run = app.picked_ids();
    assert_eq!(run.len(), 3);
    let item = |app: &App, id: ItemId| app.board().item(id).expect("item").clone();
    let before: Vec<_> = run.iter().map(|id| item(&app, *id)).collect();
    press(&mut app, "2");
    assert!(run.iter().all(|id| item(&app, *id).stage == Stage::Two), "all stage two");
    press(&mut app, "u");
    assert!(run.iter().zip(&before).all(|(id, b)| item(&app, *id).stage == b.stage), "one undo");
    press(&mut app, "g v j j");
    assert_eq!(app.picked_ids(), run, "the same run again");
    press(&mut app, "L");
    let moved: Vec<String> = run.iter().map(|id| item(&app, *id).column).collect();
    assert!(moved.iter().all(|c| *c == moved[0] && *c != before[0].column), "all moved on: {moved:?}");
    press(&mut app, "u");
    assert!(run.iter().zip(&before).all(|(id, b)| item(&app, *id).column == b.column), "one undo");
    press(&mut app, "g v j j");
    assert_eq!(app.picked_ids(), run, "the same run again");
    press(&mut app, "@");
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "kim");
    press(&mut app, "F2");
    assert!(run.iter().all(|id| item(&app, *id).assignee.as_deref() == Some("kim")), "all kim");
    let said = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert!(said.starts_with("3 items assigned to kim in one step"), "{said}");
    press(&mut app, "u");
    assert!(run.iter().zip(&before).all(|(id, b)| item(&app, *id).assignee == b.assignee), "one undo");
}

#[test]
fn esc_ends_a_run_with_nothing_changed_and_other_keys_are_refused_not_done_to_one_card() {
    let (s, _firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    let before = s.read();
    press(&mut app, "v j d");
    assert_eq!(app.mode(), Mode::Visual, "d does not delete one card of the run");
    assert!(app.status().is_some_and(|st| st.text.contains("does nothing")), "{:?}", app.status());
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.status().map(|st| st.text.as_str()), Some("selection ended; nothing changed"));
    assert_eq!(s.read(), before);
}

#[test]
fn stage_one_work_into_a_refinement_sprint_asks_first() {
    let s = Sandbox::new().with_starter();
    s.run(&[
        "sprint",
        "start",
        "Polish",
        "--end",
        "2w",
        "--capacity",
        "20",
        "--model",
        "alternating",
        "--stage",
        "2",
    ])
    .ok();
    let mut app = common::app_at(&s, common::NOW);
    let id = app.selected_item().map(|it| it.id).expect("selected");
    assert_eq!(app.board().item(id).map(|it| it.stage), Some(Stage::One));
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Confirm, "stage one into a refinement sprint asks");
    press(&mut app, "n");
    assert!(app.board().item(id).is_some_and(|it| it.sprint.is_none()), "no: nothing committed");
    press(&mut app, "m y");
    assert!(app.board().item(id).is_some_and(|it| it.sprint.as_deref() == Some("Polish")), "yes commits");
    press(&mut app, "c");
    let screen = render(&app, 120, 40, false);
    assert!(screen.contains(&format!("! 1 stage-one item in this refinement sprint: #{id}")), "{screen}");
    assert!(screen.contains("stage one over its room by 1 pt"), "{screen}");
    // Stage-two work fits: no question.
    press(&mut app, "Esc");
    press(&mut app, "Tab");
    let two = app.selected_item().filter(|it| it.stage == Stage::Two).map(|it| it.id);
    let two = two.expect("the column's stage-two lane has a card");
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Board);
    assert!(app.board().item(two).is_some_and(|it| it.sprint.as_deref() == Some("Polish")));
}

#[test]
fn under_the_sprint_filter_every_count_is_the_sprints() {
    let (s, firsts) = planning();
    let mut app = common::app_at(&s, common::NOW);
    press(&mut app, "M");
    let view = app.view();
    let mut shown = 0;
    for col in 0..view.column_count() {
        let lanes: usize = Stage::ALL.into_iter().map(|st| view.lane(col, st).len()).sum();
        assert_eq!(view.totals(col).count, lanes, "column {col} counts what it shows");
        shown += lanes;
    }
    assert_eq!(shown, firsts.len());
    let overdue = firsts
        .iter()
        .filter_map(|id| app.board().item(*id))
        .filter(|it| twotrack::domain::dual_track::timebox::overdue(app.board(), it, view.today))
        .count();
    let whole = app
        .board()
        .items()
        .iter()
        .filter(|it| twotrack::domain::dual_track::timebox::overdue(app.board(), it, view.today))
        .count();
    assert!(overdue < whole, "the board has overdue work outside the sprint: {overdue} of {whole}");
    assert_eq!(view.overdue, overdue, "overdue discovery work is the sprint's too");
    let screen = render(&app, 120, 40, false);
    let headers = screen.lines().nth(1).unwrap_or_default();
    assert!(headers.contains("sprint: "), "the track headers say whose count it is: {headers}");
    let top = screen.lines().next().unwrap_or_default();
    assert!(!top.contains("backlog"), "the hidden backlog is not counted on the top line: {top}");
}

#[test]
fn the_capacity_view_shows_the_room_left_the_goal_and_work_outside_the_sprint() {
    let (s, firsts) = planning();
    let mut text = s.text();
    text = text.replacen(
        "model: split,",
        "model: split,\n            goal: Some(\"Checkout works for guests\"),",
        1,
    );
    s.write(text);
    let mut app = common::app_at(&s, common::NOW);
    let room = app.view().room.clone().expect("a sprint is open");
    let committed: u32 =
        firsts.iter().filter_map(|id| app.board().item(*id)?.estimate).fold(0, u32::saturating_add);
    assert_eq!(room.stage_one.committed + room.stage_two.committed, committed);
    assert_eq!(room.stage_one.target + room.stage_two.target, 40);
    press(&mut app, "c");
    for (width, height) in [(120, 40), (80, 24)] {
        let screen = render(&app, width, height, false);
        assert!(screen.contains("Goal        Checkout works for guests"), "{width}x{height}:\n{screen}");
        let outside = format!("! {} in progress, not in the sprint: #", room.outside.len());
        assert!(!room.outside.is_empty() && screen.contains(&outside), "{width}x{height}:\n{screen}");
        assert!(screen.contains("Room left"), "{width}x{height}:\n{screen}");
        insta::assert_snapshot!(format!("capacity_room_{width}x{height}"), screen);
    }
    let wide = render(&app, 120, 40, false);
    assert!(wide.contains(&room.stage_two.of_part("stage two")), "{wide}");
}
