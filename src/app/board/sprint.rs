//! Committing to the open sprint from the board, one item or a visual run: the commit key
//! commits and says so when an item is in already, the uncommit key takes items out, and work
//! whose stage does not fit the sprint's kind (stage one in a refinement sprint, stage two in a
//! delivery sprint) asks first. Every key says what it did.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::{Overlay, Question};
use crate::app::status::Status;
use crate::domain::rhythm::planning;
use crate::model::ItemId;
use crate::words::id_list;

impl App {
    /// `m`: commits the selected item to the open sprint.
    pub(crate) fn commit_selected(&mut self) {
        if let Some(id) = self.selected_or_say() {
            self.commit_items(&[id]);
        }
    }

    /// The uncommit key: takes the selected item out of the open sprint.
    pub(crate) fn uncommit_selected(&mut self) {
        if let Some(id) = self.selected_or_say() {
            self.uncommit_items(&[id]);
        }
    }

    /// The keys bound to `action` on the board, for messages ("X").
    pub(crate) fn board_key(&self, action: Action) -> String {
        self.keymap.short_keys(Mode::Board, &[action]).unwrap_or_else(|| action.name())
    }

    /// Commits `ids` to the open sprint. Items already in it are named and left as they are;
    /// work that does not fit the sprint's kind asks first, naming it.
    pub(crate) fn commit_items(&mut self, ids: &[ItemId]) {
        let Some(sprint) = self.board.current_sprint() else {
            self.commit(planning::commit(&self.board, ids, self.now));
            return;
        };
        let (already, new): (Vec<ItemId>, Vec<ItemId>) =
            ids.iter().partition(|id| self.board.item(**id).is_some_and(|it| sprint.holds(it)));
        let name = sprint.name.clone();
        let out = self.board_key(Action::Uncommit);
        if new.is_empty() {
            let (is, them) = if already.len() == 1 { ("is", "it") } else { ("are", "them") };
            let text =
                format!("{} {is} already in sprint \"{name}\"; {out} takes {them} out", id_list(&already));
            self.status = Some(Status::info(text));
            return;
        }
        let mut op = match planning::commit(&self.board, &new, self.now) {
            Ok(op) => op,
            Err(err) => return self.commit(Err::<crate::domain::change::Op, _>(err)),
        };
        if !already.is_empty() {
            op.summary.push_str(&format!("; {} already in it", id_list(&already)));
        }
        let kind = sprint.kind();
        let misfits: Vec<String> = new
            .iter()
            .filter_map(|id| self.board.item(*id))
            .filter(|it| !kind.takes(it.track, it.stage))
            .map(|it| format!("  #{} {} ({})", it.id, it.title, it.stage.label()))
            .collect();
        if misfits.is_empty() {
            return self.commit_op(op);
        }
        let what = if new.len() == 1 { format!("#{}", new[0]) } else { format!("{} items", new.len()) };
        let wants = match kind {
            crate::model::SprintKind::Refinement => "stage-two",
            _ => "stage-one",
        };
        let (this, does, it, shows) = if misfits.len() == 1 {
            ("this", "does", "it", "shows")
        } else {
            ("these", "do", "they", "show")
        };
        let mut lines = vec![format!("A {} sprint takes {wants} work; {this} {does} not fit:", kind.name())];
        lines.extend(misfits);
        lines.push(format!("Committed, {it} {shows} in the capacity view as mismatched work."));
        let title = format!("Commit {what} to {} sprint \"{name}\"?", kind.name());
        self.overlays.push(Overlay::Confirm(Box::new(Question {
            title,
            lines,
            yes: if new.len() == 1 { "commit it" } else { "commit them" },
            op,
        })));
    }

    /// Takes `ids` out of the open sprint, back to the backlog, and says so with the sprint's
    /// load; items not in it are named and left as they are.
    pub(crate) fn uncommit_items(&mut self, ids: &[ItemId]) {
        let Some(sprint) = self.board.current_sprint() else {
            self.status = Some(Status::info("no sprint is open: nothing is committed"));
            return;
        };
        let (name, capacity) = (sprint.name.clone(), sprint.capacity);
        let (inside, outside): (Vec<ItemId>, Vec<ItemId>) =
            ids.iter().partition(|id| self.board.item(**id).is_some_and(|it| sprint.holds(it)));
        if inside.is_empty() {
            // An item of a closed sprint is refused with the sprint named.
            if let Err(err) = planning::uncommit(&self.board, &outside, self.now) {
                return self.commit(Err::<crate::domain::change::Op, _>(err));
            }
            let is = if outside.len() == 1 { "is" } else { "are" };
            let commit = self.board_key(Action::Commit);
            let text = format!("{} {is} not in sprint \"{name}\"; {commit} commits", id_list(&outside));
            self.status = Some(Status::info(text));
            return;
        }
        let result = planning::uncommit(&self.board, &inside, self.now).map(|mut op| {
            let taken: u32 = inside.iter().filter_map(|id| self.board.item(*id)?.estimate).sum();
            let committed: u32 = self
                .board
                .items()
                .iter()
                .filter(|it| sprint.holds(it))
                .map(|it| it.estimate.unwrap_or(0))
                .fold(0u32, u32::saturating_add)
                .saturating_sub(taken);
            op.summary = format!(
                "took {} out of sprint \"{name}\", back to the backlog ({committed} of {capacity} points committed)",
                id_list(&inside)
            );
            if !outside.is_empty() {
                op.summary.push_str(&format!("; {} not in it", id_list(&outside)));
            }
            op
        });
        self.commit(result);
    }
}
