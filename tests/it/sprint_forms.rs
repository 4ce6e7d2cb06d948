//! The start and close forms through the real keymap: a cycle with its N, an end typed as a
//! length, a goal; closing early with one item sent back and a warning of the other stage's work.

use crate::common::{Sandbox, app_at, app_on_starter, press, screen, type_text};
use twotrack::app::input::keymap::Mode;
use twotrack::store::Store;

fn saved(s: &Sandbox) -> twotrack::model::Board {
    Store::load(&s.board).expect("load").1
}

fn status(app: &twotrack::app::App) -> String {
    app.status().map(|st| st.text.clone()).unwrap_or_default()
}

#[test]
fn the_start_form_takes_a_cycle_its_n_an_end_as_a_length_and_a_goal() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "c n");
    let form = screen(&app, 100, 30);
    for label in
        ["End (date, 2w, 10d)", "2w", "Model", "Delivery sprints (cycle)", "Stage (cycle, stage)", "Goal"]
    {
        assert!(form.contains(label), "{label}: {form}");
    }
    // Name, start, end: a length of ten days.
    press(&mut app, "Tab Tab Ctrl-u");
    type_text(&mut app, "10d");
    // Capacity, model: the cycle, of twelve delivery sprints first.
    press(&mut app, "Tab Tab Right Tab Ctrl-u");
    type_text(&mut app, "12");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "refused, the form stays open");
    assert_eq!(status(&app), "a cycle has 1 to 9 delivery sprints before each refinement sprint, not `12`");
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "3");
    press(&mut app, "Tab Tab");
    type_text(&mut app, "Ship the CSV export");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Capacity, "{}", status(&app));
    let board = saved(&s);
    let sprint = board.current_sprint().expect("started");
    assert_eq!(
        (sprint.name.as_str(), sprint.start.to_string(), sprint.end.to_string()),
        ("Delivery 1", "2026-11-21".to_owned(), "2026-11-30".to_owned()),
        "named by its kind; ten days, the first included"
    );
    assert_eq!((sprint.delivery_sprints, sprint.goal.as_deref()), (Some(3), Some("Ship the CSV export")));
    assert!(
        status(&app).ends_with("delivery sprint, 3:1 cycle); goal: Ship the CSV export"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_close_form_sends_each_unfinished_item_its_own_way_and_warns_of_the_other_stage() {
    let s = Sandbox::new().with_starter();
    s.run(&["sprint", "start", "--model", "cycle", "--delivery-sprints", "3", "--capacity", "20"]).ok();
    s.run(&["commit", "5", "7"]).ok();
    let mut app = app_at(&s, "2026-11-25T10:00:00Z");
    press(&mut app, "c x");
    let form = screen(&app, 120, 40);
    assert!(form.contains("Close sprint \"Delivery 1\""), "{form}");
    assert!(form.contains("ends it early, on 2026-11-25; the next starts 2026-11-26"), "{form}");
    assert!(form.contains("#7 is stage two work in delivery sprint \"Delivery 2\""), "{form}");
    assert!(
        form.contains("#5 s1 5pt")
            && form.contains("◀ next sprint: Export the board to CSV ▶")
            && form.contains("#7 s2 2pt"),
        "{form}"
    );
    // #5 on, #7 (the second field) back to the backlog.
    press(&mut app, "Tab Right F2");
    assert!(status(&app).starts_with("closed sprint \"Delivery 1\" on 2026-11-25"), "{}", status(&app));
    let board = saved(&s);
    assert_eq!(board.item(5).and_then(|it| it.sprint.as_deref()), Some("Delivery 2"));
    assert_eq!(board.item(7).and_then(|it| it.sprint.as_deref()), None, "sent back to the backlog");
    let next = board.current_sprint().expect("next");
    assert_eq!((next.start.to_string(), next.delivery_sprints), ("2026-11-26".to_owned(), Some(3)));
    assert_eq!(board.sprint("Delivery 1").map(|sp| sp.end.to_string()).as_deref(), Some("2026-11-25"));
}

#[test]
fn rolling_work_of_the_other_stage_on_asks_first() {
    let s = Sandbox::new().with_starter();
    s.run(&["sprint", "start", "--model", "cycle", "--capacity", "20"]).ok();
    s.run(&["commit", "5", "7"]).ok();
    let mut app = app_at(&s, "2026-11-25T10:00:00Z");
    press(&mut app, "c x F2");
    assert_eq!(app.mode(), Mode::Confirm, "{}", status(&app));
    let question = screen(&app, 100, 30);
    assert!(question.contains("Roll work of the other stage into the next sprint?"), "{question}");
    assert!(question.contains("#5 is stage one work in refinement sprint \"Refinement 1\""), "{question}");
    press(&mut app, "Esc");
    assert_eq!(status(&app), "nothing changed");
    assert_eq!(saved(&s).current_sprint().map(|sp| sp.name.clone()).as_deref(), Some("Delivery 1"));
    assert_eq!(app.mode(), Mode::Capacity, "back in the capacity view");
    press(&mut app, "x F2 y");
    assert!(status(&app).starts_with("closed sprint \"Delivery 1\" on 2026-11-25"), "{}", status(&app));
    let board = saved(&s);
    assert_eq!(board.item(5).and_then(|it| it.sprint.as_deref()), Some("Refinement 1"), "sent on as asked");
}
