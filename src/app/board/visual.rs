//! The visual selection (`v`): a run of cards in one column, both lanes, from the card where it
//! started to the selected card. Commit, uncommit, stage labels, moves and an assignee apply to
//! the whole run as one undo step, then the selection ends; `Esc` ends it with nothing changed.
//! Its mode (`Mode::Visual`) carries out only those keys: any other is refused, never carried
//! out on one card of the run.

use crate::app::App;
use crate::app::forms;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::help::Help;
use crate::app::screens::{Overlay, Question};
use crate::app::status::Status;
use crate::domain::change::run;
use crate::domain::change::{Op, OpError, ops};
use crate::domain::two_stage;
use crate::model::{Board, ItemId, Stage, Timestamp};
use crate::words::id_list;

/// Where a visual selection started: its first card, wherever the view puts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visual {
    anchor: ItemId,
}

impl App {
    /// `v`: starts a visual selection at the selected card.
    pub(crate) fn start_visual(&mut self) {
        if let Some(anchor) = self.selected_or_say() {
            self.visual = Some(Visual { anchor });
            self.say_picked();
        }
    }

    /// The items of the visual selection, top to bottom: the selected column's cards (stage-one
    /// lane, then stage-two lane) from where it started to the selected card. Empty when no
    /// selection is made, or when its first card no longer shows in the selected column.
    pub fn picked_ids(&self) -> Vec<ItemId> {
        let Some(visual) = self.visual else { return Vec::new() };
        let col = self.selection.column;
        let column: Vec<ItemId> =
            Stage::ALL.into_iter().flat_map(|s| self.view.lane(col, s).iter().copied()).collect();
        let at = |id: Option<ItemId>| column.iter().position(|i| Some(*i) == id);
        match (at(Some(visual.anchor)), at(self.selection.item(&self.view))) {
            (Some(a), Some(b)) => column[a.min(b)..=a.max(b)].to_vec(),
            _ => Vec::new(),
        }
    }

    /// Carries out a key of the visual selection (the table of `Mode::Visual`); false for
    /// any other action.
    pub(crate) fn visual_action(&mut self, action: Action) -> bool {
        let ids = self.picked_ids();
        if ids.is_empty() && action != Action::Close {
            self.visual = None;
            self.status = Some(Status::warning(
                "the selection's first card left this column (someone moved it?): the selection ended",
            ));
            return true;
        }
        match action {
            Action::SelectDown => _ = self.selection.down(&self.view),
            Action::SelectUp => _ = self.selection.up(&self.view),
            Action::Commit => self.end_then(|app| app.commit_items(&ids)),
            Action::Uncommit => self.end_then(|app| app.uncommit_items(&ids)),
            Action::StageOne => {
                self.run(&ids, "labelled stage one", |b, id, now| ops::set_stage(b, id, Stage::One, now))
            }
            Action::StageTwo => {
                self.run(&ids, "labelled stage two", |b, id, now| ops::set_stage(b, id, Stage::Two, now))
            }
            Action::ToggleStage => self.run(&ids, "moved to the other stage", |b, id, now| {
                let stage = b.item(id).map_or(Stage::One, |it| it.stage.other());
                ops::set_stage(b, id, stage, now)
            }),
            Action::MoveLeft => self.move_run(&ids, -1),
            Action::MoveRight => self.move_run(&ids, 1),
            Action::Assign => {
                let form = forms::assign::form(&self.board, &ids);
                self.end_then(|app| app.overlays.push(Overlay::Form(Box::new(form))));
            }
            Action::Help => return self.help_over_visual(),
            Action::Close => {
                self.visual = None;
                self.status = Some(Status::info("selection ended; nothing changed"));
            }
            _ => return false,
        }
        if matches!(action, Action::SelectDown | Action::SelectUp) {
            self.say_picked();
        }
        true
    }

    fn help_over_visual(&mut self) -> bool {
        self.overlays.push(Overlay::Help(Box::new(Help::new(Mode::Visual))));
        true
    }

    /// Ends the selection, then does what its key asked.
    fn end_then(&mut self, then: impl FnOnce(&mut App)) {
        self.visual = None;
        then(self);
    }

    /// `N selected` and the keys that act on them, on the status line.
    fn say_picked(&mut self) {
        let ids = self.picked_ids();
        let keys = |a: &[Action]| self.keymap.short_keys(Mode::Visual, a).unwrap_or_default();
        let text = format!(
            "{} selected ({}): {} commit · {} take out · {} stage · {} move · {} assignee · {} ends",
            ids.len(),
            shortened(&ids),
            keys(&[Action::Commit]),
            keys(&[Action::Uncommit]),
            keys(&[Action::StageOne, Action::StageTwo, Action::ToggleStage]),
            keys(&[Action::MoveLeft, Action::MoveRight]),
            keys(&[Action::Assign]),
            keys(&[Action::Close]),
        );
        self.status = Some(Status::info(text));
    }

    /// `op` made to every item of the run as one step; a refusal for any item refuses the run
    /// and keeps the selection, so it can be made smaller.
    fn run<E: From<OpError> + std::fmt::Display>(
        &mut self,
        ids: &[ItemId],
        what: &str,
        op: impl Fn(&Board, ItemId, Timestamp) -> Result<Op, E>,
    ) {
        match run::each(&self.board, ids, self.now, what, op) {
            Ok(op) => self.end_then(|app| app.commit_op(op)),
            Err(err) => self.refuse_run(ids, &err),
        }
    }

    fn refuse_run(&mut self, ids: &[ItemId], err: &dyn std::fmt::Display) {
        let text = format!("{err}: nothing changed ({} still selected)", ids.len());
        self.status = Some(Status::warning(text));
    }

    /// `H`/`L` on the run: each item through the same op as a single move. Into a done column,
    /// items with unticked definition-of-done entries ask once, listing them.
    fn move_run(&mut self, ids: &[ItemId], delta: isize) {
        let target = self.board.item(ids[0]).and_then(|it| {
            let columns = &self.board.track(it.track).columns;
            let here = columns.iter().position(|c| c.id == it.column)?;
            columns.get(here.checked_add_signed(delta)?)
        });
        let what = target.map_or_else(|| "moved".to_owned(), |c| format!("moved to {}", c.name));
        let into_done = target.filter(|c| c.done).map(|c| c.name.clone());
        let op = match run::each(&self.board, ids, self.now, &what, |b, id, now| {
            ops::step_column(b, id, delta, now)
        }) {
            Ok(op) => op,
            Err(err) => return self.refuse_run(ids, &err),
        };
        let unticked: Vec<String> = ids
            .iter()
            .filter_map(|id| self.board.item(*id))
            .filter_map(|item| {
                let open = two_stage::unticked(&self.board, item);
                (!open.is_empty())
                    .then(|| format!("  #{} {}: [ ] {}", item.id, item.title, open.join(", [ ] ")))
            })
            .collect();
        match into_done {
            Some(column) if !unticked.is_empty() => {
                let mut lines = vec!["Their definitions of done have unticked entries:".to_owned()];
                lines.extend(unticked);
                let title = format!("Move {} items to {column}?", ids.len());
                let question = Question { title, lines, yes: "move them", op };
                self.end_then(|app| app.overlays.push(Overlay::Confirm(Box::new(question))));
            }
            _ => self.end_then(|app| app.commit_op(op)),
        }
    }
}

/// The ids of a run as far as a status line holds them (`#4, #5, … #60`).
fn shortened(ids: &[ItemId]) -> String {
    match ids {
        [first, .., last] if ids.len() > 4 => format!("#{first} … #{last}"),
        _ => id_list(ids),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_are_shortened_on_the_status_line() {
        assert_eq!(shortened(&[4]), "#4");
        assert_eq!(shortened(&[4, 5, 6, 7]), "#4, #5, #6, #7");
        assert_eq!(shortened(&[4, 5, 6, 7, 9]), "#4 … #9");
    }
}
