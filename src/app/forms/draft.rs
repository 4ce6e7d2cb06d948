//! Drafts: a form's text is kept in the user's draft file when the session ends by a signal
//! (a dropped SSH connection, `kill`) or loses its terminal while the form is open; the user's
//! next session says so and `N` reopens the form as it was.

use serde::{Deserialize, Serialize};

use crate::app::forms::form::{FieldKey, Form, Purpose, Value};
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::model::{Item, Timestamp};
use crate::store::drafts::Draft;
use crate::store::error::{DraftError, sentence};

/// What a draft file holds.
#[derive(Debug, Serialize, Deserialize)]
struct Kept {
    author: String,
    time: Timestamp,
    /// The form's title ("Edit #6"), to say what the draft is.
    title: String,
    purpose: Purpose,
    fields: Vec<(FieldKey, Value)>,
    /// The item as the form opened it, so reopening keeps comparing with what the user saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opened: Option<Item>,
}

impl App {
    fn draft(&self) -> Draft {
        Draft::of(self.session.path(), self.session.author())
    }

    /// Writes the open form (if anything was typed in it) to this user's draft file.
    pub(crate) fn keep_draft(&mut self) {
        let Some(form) = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Form(form) if form.edited => Some(form),
            _ => None,
        }) else {
            return;
        };
        let kept = Kept {
            author: self.session.author().to_owned(),
            time: self.now,
            title: form.title.clone(),
            purpose: form.purpose.clone(),
            fields: form.values(),
            opened: form.opened.as_deref().cloned(),
        };
        let written = serde_json::to_string_pretty(&kept)
            .map_err(DraftError::from)
            .and_then(|t| self.draft().write(&t));
        let note = match written {
            Ok(()) => format!(
                "the open form \"{}\" was kept as a draft in {}",
                kept.title,
                self.draft().path().display()
            ),
            Err(err) => {
                format!("the open form \"{}\" could not be kept as a draft: {}", kept.title, sentence(&err))
            }
        };
        self.leaving.note = Some(match self.leaving.note.take() {
            Some(before) => format!("{before}; {note}"),
            None => note,
        });
    }

    /// At start: says that a draft from an earlier session is waiting, and how to reopen it.
    pub fn offer_draft(&mut self) {
        if self.session.read_only_reason().is_some() {
            return;
        }
        let Some(kept) = self.read_draft() else { return };
        let key = self.keymap.short_keys(Mode::Board, &[Action::ReopenDraft]).unwrap_or_else(|| "N".into());
        let notice = format!(
            "your form \"{}\" of {} was kept as a draft — {key} reopens it",
            kept.title,
            kept.time.format("%m-%d %H:%M")
        );
        self.status = Some(Status::warning(notice.clone()));
        self.recent.draft_notice = Some(notice);
    }

    /// Whether a draft waits to be reopened (the hints then list its key).
    pub fn draft_waiting(&self) -> bool {
        self.recent.draft_notice.is_some()
    }

    /// `text` on the status line, after the draft notice while a draft waits: the notice stays
    /// until the draft is reopened, sharing its line (docs/guide/teams-and-git.md, "Drafts").
    pub(crate) fn say_beside_draft(&mut self, text: String) {
        self.status = Some(match &self.recent.draft_notice {
            Some(notice) => Status::warning(format!("{notice} · {text}")),
            None => Status::info(text),
        });
    }

    fn read_draft(&self) -> Option<Kept> {
        serde_json::from_str(&self.draft().read()?).ok()
    }

    /// `N`: reopens the kept form with its text; the draft file is then removed (the text is in
    /// the form again, and kept again if this session ends the same way).
    pub(crate) fn reopen_draft(&mut self) {
        if !self.may_change("drafts are not reopened") {
            return;
        }
        let Some(kept) = self.read_draft() else {
            self.status = Some(Status::info("no draft is waiting"));
            return;
        };
        let Some(mut form) = self.form_for(&kept.purpose) else {
            self.status = Some(Status::warning(format!(
                "the draft \"{}\" is for an item that no longer exists; it stays in {}",
                kept.title,
                self.draft().path().display()
            )));
            return;
        };
        form.restore(&kept.fields);
        form.draft = true;
        if let Some(opened) = kept.opened {
            form.opened = Some(Box::new(opened));
        }
        self.overlays.push(Overlay::Form(Box::new(form)));
        self.draft().remove();
        self.recent.draft_notice = None;
        self.status = Some(Status::info(format!("reopened the draft \"{}\"", kept.title)));
    }

    /// A fresh form for `purpose` on the board as it is now.
    fn form_for(&self, purpose: &Purpose) -> Option<Form> {
        let today = self.now.date_naive();
        let item = |id| self.board.item(id);
        Some(match purpose {
            Purpose::NewItem { track, column, stage } => {
                let name = self.board.column(*track, column)?.name.clone();
                forms::item::new_item(*track, column, &name, *stage)
            }
            Purpose::EditItem(id) => forms::item::edit_item(&self.board, item(*id)?, self.now),
            Purpose::Settings => forms::settings::settings(&self.board),
            Purpose::FollowUp(id) => forms::workflow::follow_up(item(*id)?),
            Purpose::DefinitionOfDone => forms::workflow::definition_of_done(&self.board),
            Purpose::Promote(id) => forms::workflow::promote(item(*id)?),
            Purpose::Drop(id) => forms::workflow::drop(item(*id)?),
            Purpose::NewItems { track, column, stage } => {
                let def = self.board.column(*track, column)?;
                forms::paste::form((*track, def, *stage), &[])
            }
            Purpose::Accept(id) => crate::app::forms::evidence::accept(&self.board, item(*id)?),
            Purpose::Variants(id) => crate::app::forms::evidence::variants(&self.board, item(*id)?),
            Purpose::Estimate(id) => forms::estimate::form(item(*id)?),
            Purpose::AnticipatedDebt(id) => forms::anticipated::form(item(*id)?),
            Purpose::NewInitiative => crate::app::forms::initiative::new_initiative(),
            Purpose::EditInitiative(id) => {
                crate::app::forms::initiative::edit_initiative(self.board.initiative(id)?)
            }
            Purpose::Decide(id) => {
                crate::app::forms::initiative::decide(&self.board, self.board.initiative(id)?)
            }
            Purpose::Label(id) => crate::app::forms::initiative::label(&self.board, item(*id)?),
            Purpose::StartSprint => {
                let commit = self.keymap.short_keys(Mode::Board, &[Action::Commit]).unwrap_or_default();
                crate::app::forms::sprint::start(&self.board, today, &commit)
            }
            Purpose::CloseSprint => {
                crate::app::forms::sprint::close(&self.board, self.board.current_sprint()?, self.now)
            }
            Purpose::Assign(ids) => crate::app::forms::assign::form(&self.board, ids),
            Purpose::Block(id) => {
                let key = self.keymap.short_keys(Mode::Board, &[Action::Block]).unwrap_or_default();
                crate::app::forms::sprint::block(item(*id)?, &key)
            }
            Purpose::ForceMove { .. } | Purpose::ForceAccept { .. } => self.force_form(purpose.clone())?,
        })
    }
}
