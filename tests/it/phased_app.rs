//! Phased delivery driven by keys through the real keymap: the initiatives view and details,
//! putting items into phases, the boundary decision form with its refusals, stop with both
//! choices and one undo, warnings announced as they arise, and the screens at 80x24 and 160x48.

use crate::common::{app_on_fixture, app_on_starter, press, screen, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::app::screens::Overlay;
use twotrack::domain::phases::progress::Progress;
use twotrack::model::{Phase, Stage, Status, Verdict};
use twotrack::store::Store;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

fn warnings(app: &App, id: &str) -> Vec<&'static str> {
    let board = app.board();
    let progress = Progress::of(board, board.initiative(id).expect("initiative"));
    progress.warnings.iter().map(|w| w.key()).collect()
}

fn form_error(app: &App) -> Option<String> {
    match app.overlays().last() {
        Some(Overlay::Form(form)) => form.error.clone(),
        _ => None,
    }
}

/// Selects item `id` on the board with the keys a user would press: to its column, its lane,
/// the top of the lane, then down to it.
fn select(app: &mut App, id: u64) {
    let view = app.view();
    let spot = (0..view.column_count()).find_map(|column| {
        Stage::ALL.into_iter().find_map(|stage| {
            view.lane(column, stage).iter().position(|it| *it == id).map(|at| (column, stage, at))
        })
    });
    assert!(spot.is_some(), "item #{id} not found on the board");
    let (column, stage, at) = spot.expect("found");
    for _ in 0..view.column_count() {
        press(app, "h");
    }
    for _ in 0..column {
        press(app, "l");
    }
    if app.selection().stage != stage {
        press(app, "Tab");
    }
    press(app, "g");
    for _ in 0..at {
        press(app, "j");
    }
    assert_eq!(app.selected_item().map(|it| it.id), Some(id), "#{id} selected");
}

#[test]
fn the_view_lists_initiatives_open_first_and_details_read_back() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i");
    assert_eq!(app.mode(), Mode::Initiatives);
    assert_eq!(app.initiative_order(), ["checkout", "search-v2", "onboarding-tour", "legacy-export"]);
    press(&mut app, "j Enter");
    assert_eq!(app.mode(), Mode::Initiative);
    let text = screen(&app, 160, 48);
    assert!(text.contains("search-v2 — Search v2 (active)"), "{text}");
    assert!(text.contains("! polish before core: #15 started while 2 MVP items are open"), "{text}");
    press(&mut app, "Esc k Enter");
    let text = screen(&app, 160, 48);
    assert!(text.contains("2026-11-21 alex · boundary 1 (MVP → enhancement): continue"), "{text}");
    assert!(text.contains("review: Card payments work end to end; address lookup confused people"), "{text}");
    assert!(text.contains("MVP          Pay by card end to end"), "{text}");
    press(&mut app, "Esc i");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn show_items_filters_the_board_to_the_initiative() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i j f");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.view().query.text(), "%search-v2");
    let shown: Vec<u64> = app.view().lane(3, twotrack::model::Stage::One).to_vec();
    assert_eq!(shown, [13], "only the initiative's items show in Ready");
    press(&mut app, "Esc");
    assert!(app.view().query.is_empty());
}

#[test]
fn i_puts_the_selected_item_into_an_initiative_and_phase_and_undo_takes_it_out() {
    let (s, mut app) = app_on_fixture("phased.ron");
    select(&mut app, 1);
    press(&mut app, "I");
    assert_eq!(app.mode(), Mode::Form);
    // The first active initiative is offered, in the phase it is in.
    press(&mut app, "Tab");
    type_text(&mut app, "p");
    press(&mut app, "F2");
    assert_eq!(status(&app), "#1 is polish of checkout");
    let item = app.board().item(1).expect("item");
    assert_eq!((item.initiative.as_deref(), item.phase), (Some("checkout"), Some(Phase::Polish)));
    let saved = Store::load(&s.board).expect("load").1;
    assert_eq!(saved.item(1).and_then(|it| it.phase), Some(Phase::Polish), "saved at once");
    press(&mut app, "I");
    type_text(&mut app, "n");
    press(&mut app, "F2");
    assert_eq!(status(&app), "#1 left initiative checkout");
    press(&mut app, "u u");
    assert_eq!(app.board().item(1).and_then(|it| it.initiative.clone()), None);
}

#[test]
fn starting_polish_early_is_announced_and_listed() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    select(&mut app, 13);
    // #13 is an MVP item of search-v2: its own initiative is on offer, so only the phase changes.
    press(&mut app, "I Tab");
    type_text(&mut app, "p");
    press(&mut app, "F2");
    assert_eq!(app.board().item(13).and_then(|it| it.phase), Some(Phase::Polish));
    press(&mut app, "L");
    assert!(
        status(&app).contains("search-v2: polish before core: #13, #15 started while 1 MVP item is open"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_decision_form_refuses_bad_input_keeps_what_was_typed_and_records_a_continue() {
    let (s, mut app) = app_on_fixture("phased.ron");
    select(&mut app, 14);
    press(&mut app, "L L");
    press(&mut app, "y");
    assert!(
        status(&app).contains("search-v2: boundary review due"),
        "finishing the MVP says so: {}",
        status(&app)
    );
    assert!(warnings(&app, "search-v2").contains(&"boundary_review_due"));
    let before = std::fs::read(&s.board).expect("read");
    press(&mut app, "i j d");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    assert_eq!(
        form_error(&app).as_deref(),
        Some("a decision needs a review note: what worked and what didn't")
    );
    assert_eq!(std::fs::read(&s.board).expect("read"), before, "nothing changed");
    type_text(&mut app, "Titles are searchable");
    press(&mut app, "Shift-Tab");
    type_text(&mut app, "p");
    press(&mut app, "F2");
    assert_eq!(
        form_error(&app).as_deref(),
        Some("a pivot needs a plan note saying how the next phase changes")
    );
    // The refusal put the focus on the plan.
    type_text(&mut app, "Search descriptions too");
    press(&mut app, "Tab");
    type_text(&mut app, "the whole team");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Initiatives, "the form closed, the view is back");
    assert_eq!(status(&app), "search-v2: boundary 1 (MVP → enhancement) decided: pivot");
    let search = app.board().initiative("search-v2").expect("search");
    let decision = search.decisions.last().expect("recorded");
    assert_eq!((decision.decision, decision.review.as_str()), (Verdict::Pivot, "Titles are searchable"));
    assert_eq!(
        (decision.plan.as_str(), decision.communicated.as_str()),
        ("Search descriptions too", "the whole team")
    );
    assert!(!decision.author.is_empty());
    assert!(!warnings(&app, "search-v2").contains(&"boundary_review_due"));
    assert_eq!(search.status, Status::Active, "a pivot keeps it active");
    press(&mut app, "u");
    assert!(warnings(&app, "search-v2").contains(&"boundary_review_due"), "undo brings the review back");
}

#[test]
fn stop_asks_what_happens_to_the_open_items_and_one_undo_reverts_either_choice() {
    for (choice, open_after) in [("d", 0), ("b", 3)] {
        let (_s, mut app) = app_on_fixture("phased.ron");
        let before = app.board().clone();
        press(&mut app, "i j d Tab");
        type_text(&mut app, "s");
        press(&mut app, "Tab");
        type_text(&mut app, "Wrong bet");
        press(&mut app, "F2");
        assert_eq!(
            form_error(&app).as_deref(),
            Some(
                "stopping `search-v2` leaves 3 open items: say whether to drop them or move them to the backlog"
            )
        );
        assert_eq!(app.board(), &before, "nothing changed");
        type_text(&mut app, choice);
        press(&mut app, "F2");
        assert_eq!(app.board().initiative("search-v2").map(|i| i.status), Some(Status::Stopped), "{choice}");
        let Some(Overlay::Initiatives(list)) = app.overlays().last() else { panic!("the view is back") };
        assert_eq!(
            app.initiative_order()[list.selected],
            "search-v2",
            "the stopped initiative stays selected"
        );
        let left = [13, 14, 15].iter().filter(|id| app.board().item(**id).is_some()).count();
        assert_eq!(left, open_after, "{choice}");
        press(&mut app, "u");
        assert_eq!(app.board(), &before, "one undo restores everything ({choice})");
    }
}

#[test]
fn adding_and_editing_an_initiative_through_its_forms() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "i");
    let text = screen(&app, 80, 24);
    assert!(text.contains("No initiatives yet."), "{text}");
    press(&mut app, "a");
    press(&mut app, "F2");
    assert_eq!(form_error(&app).as_deref(), Some("an initiative needs a name"));
    type_text(&mut app, "Checkout revamp");
    press(&mut app, "Tab Tab Tab");
    type_text(&mut app, "Pay by card; under 2 s");
    press(&mut app, "F2");
    assert_eq!(status(&app), "added initiative checkout-revamp \"Checkout revamp\"");
    let added = app.board().initiative("checkout-revamp").expect("added");
    assert_eq!(added.criteria.mvp, ["Pay by card", "under 2 s"]);
    press(&mut app, "e Tab Tab");
    type_text(&mut app, "p");
    press(&mut app, "F2");
    assert_eq!(app.board().initiative("checkout-revamp").map(|i| i.status), Some(Status::Paused));
    press(&mut app, "u u");
    assert!(app.board().initiatives().is_empty(), "both undone");
}

#[test]
fn i_without_initiatives_says_how_to_make_one() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "I");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(
        status(&app),
        "no active initiative to put #1 into: i shows the initiatives, a there adds one"
    );
}

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut screen = Screen::new(Theme::standard());
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal
}

#[test]
fn initiatives_view_80x24() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i j");
    let terminal = render(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend().to_string());
    // The selected initiative is reversed and warnings carry the warning style beside their `!`.
    let buf = terminal.backend().buffer();
    let find = |needle: &str| {
        (0..24u16).find_map(|y| {
            let line: String = (0..80u16).map(|x| buf[(x, y)].symbol().to_owned()).collect();
            line.find(needle).map(|at| (line[..at].chars().count() as u16, y))
        })
    };
    let (x, y) = find("▶ search-v2").expect("selected initiative");
    assert!(buf[(x + 2, y)].modifier.contains(ratatui::style::Modifier::REVERSED));
    let (x, y) = find("! polish before core").expect("warning");
    assert_eq!(buf[(x, y)].style().fg, Theme::standard().warning.fg);
}

#[test]
fn initiatives_view_160x48() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i");
    insta::assert_snapshot!(render(&app, 160, 48).backend().to_string());
}

#[test]
fn initiative_details_80x24() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i Enter");
    insta::assert_snapshot!(render(&app, 80, 24).backend().to_string());
}

#[test]
fn decision_form_80x24() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    press(&mut app, "i j d");
    insta::assert_snapshot!(render(&app, 80, 24).backend().to_string());
}

#[test]
fn cards_carry_the_initiative_tag_that_fits() {
    let (_s, app) = app_on_fixture("phased.ron");
    let narrow = screen(&app, 80, 24);
    // At 80 columns the selected column is wide enough for a short tag; the others keep at
    // least the phase letter when they show marks at all.
    assert!(narrow.contains("%che:E") || narrow.contains("%E"), "narrow cards keep the phase: {narrow}");
    let wide = screen(&app, 250, 70);
    assert!(wide.contains("%checkout:E"), "wide cards name the initiative: {wide}");
    assert!(wide.contains("%sea:M"), "a longer title keeps its room: {wide}");
}

#[test]
fn the_phased_screens_never_panic_at_any_small_size() {
    let (_s, mut app) = app_on_fixture("phased.ron");
    for (keys, mode) in [
        ("i", Mode::Initiatives),
        ("Enter", Mode::Initiative),
        ("d", Mode::Form),
        ("Esc Esc j", Mode::Initiatives),
        ("Esc I", Mode::Form),
    ] {
        press(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys}");
        for width in [1, 2, 10, 27, 39, 40, 41, 55, 64, 80] {
            for height in [1, 2, 5, 9, 10, 11, 14, 24] {
                render(&app, width, height);
            }
        }
    }
}
