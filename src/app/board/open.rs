//! The board keys that open a form or a screen, most of them for the selected item: add, edit,
//! estimate, follow-up, accept, variants, entry criteria, promote or drop, block, the initiative
//! label, the definitions of done, the standup and the hand-over chooser. Each says why when it
//! cannot open.

use crate::app::App;
use crate::app::forms;
use crate::app::forms::form::Form;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::app::screens::hand_over::HandOver;
use crate::app::screens::merge_note::MergeNote;
use crate::app::screens::retro::Retro;
use crate::app::screens::standup::Standup;
use crate::app::status::Status;
use crate::domain::change::{OpError, blocking};
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::retro;
use crate::domain::rhythm::standup::{self, Since};
use crate::domain::team::activity::Entry;
use crate::domain::two_stage;
use crate::model::{Item, Stage, Track};
use crate::store::error::sentence;
use crate::store::journal::Journal;

impl App {
    fn open_form(&mut self, form: Form) {
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// Opens what `open` makes for the selected item, or says why it cannot.
    fn open_for_selected(&mut self, open: impl FnOnce(&App, &Item) -> Result<Overlay, String>) {
        let Some(id) = self.selected_or_say() else { return };
        let Some(item) = self.board.item(id) else { return };
        match open(self, item) {
            Ok(overlay) => self.overlays.push(overlay),
            Err(why) => self.status = Some(Status::warning(why)),
        }
    }

    fn form_for_selected(&mut self, form: impl FnOnce(&App, &Item) -> Result<Form, String>) {
        self.open_for_selected(|app, item| form(app, item).map(|f| Overlay::Form(Box::new(f))));
    }

    pub(crate) fn open_new_item_form(&mut self) {
        let column = self.view.column(self.selection.column);
        let def = &self.board.track(column.track).columns[column.index];
        let form = forms::item::new_item(column.track, &def.id, &def.name, self.selection.stage);
        self.open_form(form);
    }

    pub(crate) fn open_edit_item_form(&mut self) {
        // Where no item is selected, the key that adds one is the thing to say.
        let Some(item) = self.selected_item() else {
            let add = self.key_for(Action::Add);
            self.status = Some(Status::info(format!("no item selected here; {add} adds one")));
            return;
        };
        let form = forms::item::edit_item(&self.board, item, self.now);
        self.open_form(form);
    }

    /// `=`: a one-field prompt for the selected item's estimate; Enter saves it.
    pub(crate) fn open_estimate_form(&mut self) {
        self.form_for_selected(|_, item| Ok(forms::estimate::form(item)));
    }

    /// `$`: the debt the selected stage-one delivery item is expected to leave.
    pub(crate) fn open_anticipated_debt_form(&mut self) {
        self.form_for_selected(|_, item| match two_stage::anticipated::applies_to(item) {
            true => Ok(forms::anticipated::form(item)),
            false => Err(format!(
                "anticipated debt is said of stage-one delivery items, and #{} is {} ({} track)",
                item.id,
                item.stage.label(),
                item.track
            )),
        });
    }

    pub(crate) fn open_follow_up_form(&mut self) {
        self.form_for_selected(|_, item| match item.stage {
            Stage::One => Ok(forms::workflow::follow_up(item)),
            Stage::Two => {
                Err(format!("follow-ups are logged for stage-one items, and #{} is stage two", item.id))
            }
        });
    }

    /// `p` and `x`: the form that concludes the selected discovery item.
    pub(crate) fn open_conclude_form(&mut self, promote: bool) {
        self.form_for_selected(|_, item| match (item.track, promote) {
            (Track::Discovery, true) => Ok(forms::workflow::promote(item)),
            (Track::Discovery, false) => Ok(forms::workflow::drop(item)),
            (Track::Delivery, _) => {
                let what = if promote { "promotion" } else { "dropping" };
                Err(format!("{what} is for discovery items, and #{} is in the delivery track", item.id))
            }
        });
    }

    /// `A`: asks on what evidence the selected stage-one item is accepted.
    pub(crate) fn open_accept_form(&mut self) {
        self.form_for_selected(|app, item| match item.stage {
            Stage::One => Ok(forms::evidence::accept(&app.board, item)),
            Stage::Two => Err(OpError::NotStageOne { id: item.id, what: "acceptance is for" }.to_string()),
        });
    }

    /// `V`: asks for the titles of the variants the selected stage-one item is split into.
    pub(crate) fn open_variants_form(&mut self) {
        self.form_for_selected(|app, item| match item.stage {
            Stage::One => Ok(forms::evidence::variants(&app.board, item)),
            Stage::Two => Err(OpError::NotStageOne { id: item.id, what: "variants are made of" }.to_string()),
        });
    }

    /// `E`: the entry criteria of the selected discovery item, to tick.
    pub(crate) fn open_criteria_prompt(&mut self) {
        self.open_for_selected(|app, item| match item.track {
            Track::Discovery => Ok(Overlay::Criteria(Box::new(CriteriaPrompt::new(&app.board, item, false)))),
            Track::Delivery => Err(OpError::CriteriaNotDiscovery(item.id).to_string()),
        });
    }

    /// `b`: asks why the selected item is blocked, or unblocks it when it is.
    pub(crate) fn block_or_unblock(&mut self) {
        let Some(id) = self.selected_or_say() else { return };
        if self.board.item(id).is_some_and(|it| it.blocked.is_some()) {
            return self.on_selected(blocking::unblock);
        }
        let key = self.keymap.short_keys(Mode::Board, &[Action::Block]).unwrap_or_default();
        self.form_for_selected(|_, item| Ok(forms::sprint::block(item, &key)));
    }

    /// `I`: the form that puts the selected item into an initiative and phase.
    pub(crate) fn open_label_form(&mut self) {
        self.form_for_selected(|app, item| {
            if app.board.initiatives().iter().all(|it| !it.status.is_open()) && item.initiative.is_none() {
                let keys = |mode, action| app.keymap.short_keys(mode, &[action]).unwrap_or_default();
                return Err(format!(
                    "no active initiative to put #{} into: {} shows the initiatives, {} there adds one",
                    item.id,
                    keys(Mode::Board, Action::Initiatives),
                    keys(Mode::Initiatives, Action::AddInitiative)
                ));
            }
            Ok(forms::initiative::label(&app.board, item))
        });
    }

    pub(crate) fn open_definition_of_done_form(&mut self) {
        self.open_form(forms::workflow::definition_of_done(&self.board));
    }

    pub(crate) fn open_standup(&mut self) {
        let doc = self.standup_doc();
        self.overlays.push(Overlay::Standup(Box::new(Standup::new(doc))));
    }

    /// The standup as of now: the journal's entries since the mark (or the previous working
    /// day), read from the end of the journal.
    pub(crate) fn standup_doc(&mut self) -> Doc {
        let since = Since::default_for(&self.board, self.now);
        let entries = match Journal::of(self.session.path()).recent(since.time) {
            Ok(entries) => entries,
            Err(err) => {
                self.status = Some(Status::warning(format!("{}; what moved is not shown", sentence(&err))));
                Vec::new()
            }
        };
        standup::build(&self.board, &entries, since, self.now).to_doc()
    }

    /// Reads the standup on top again after a change of its settings, keeping the scroll.
    pub(crate) fn refresh_standup(&mut self) {
        if matches!(self.overlays.last(), Some(Overlay::Standup(_))) {
            let fresh = self.standup_doc();
            if let Some(Overlay::Standup(standup)) = self.overlays.last_mut() {
                standup.doc = fresh;
            }
        }
    }

    /// Opens the retrospective of the last closed sprints, or says why there is none.
    pub(crate) fn open_retro(&mut self) {
        match retro::retro(&self.board, None, retro::LAST, self.now) {
            Ok(r) => self.overlays.push(Overlay::Retro(Box::new(Retro::new(r.doc)))),
            Err(err) => self.status = Some(Status::warning(err.to_string())),
        }
    }

    /// The retrospective of the last closed sprints (`None`: no sprint has closed).
    pub(crate) fn retro_doc(&self) -> Option<Doc> {
        retro::retro(&self.board, None, retro::LAST, self.now).ok().map(|r| r.doc)
    }

    /// Works the retrospective on top out again after a change, keeping the scroll.
    pub(crate) fn refresh_retro(&mut self) {
        let fresh = self.retro_doc();
        if let (Some(Overlay::Retro(screen)), Some(doc)) = (self.overlays.last_mut(), fresh) {
            screen.doc = doc;
        }
    }

    /// Opens the note of a merge (nothing when `entries` is empty).
    pub fn show_merge_note(&mut self, entries: Vec<Entry>) {
        if !entries.is_empty() {
            self.overlays.push(Overlay::MergeNote(Box::new(MergeNote { entries, selected: 0 })));
        }
    }

    /// The hand-over key: choose who presents next.
    pub(crate) fn open_hand_over(&mut self) {
        if !self.display.presenting {
            let key = self.key_for(Action::Presenter);
            self.status =
                Some(Status::info(format!("only the presenter hands presenting over; {key} presents")));
            return;
        }
        let Some(first) = self.presence.peers().first() else {
            self.status = Some(Status::info("nobody else is on the board to hand presenting to"));
            return;
        };
        let selected = first.session.clone();
        self.overlays.push(Overlay::HandOver(HandOver { selected }));
    }
}
