//! `retro [--sprint NAME] [--last N] [--markdown | --json | --html [-o FILE] [--force]]
//! [--apply]`: the retrospective, and applying its proposed stage-two target (a decision in the
//! journal; undone like any change).

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::cli::print::html::{self, Page};
use crate::cli::print::{doc, json, output};
use crate::cli::rhythm::report::{Destination, deliver, flow_of};
use crate::cli::target::Target;
use crate::domain::rhythm::retro::{self, ratio};
use crate::model::Timestamp;

/// What `retro` was asked for.
pub struct Ask<'a> {
    pub sprint: Option<&'a str>,
    pub last: usize,
    pub markdown: bool,
    pub json: bool,
    pub apply: bool,
    /// `--html`, and where the page goes.
    pub html: Option<Destination>,
}

pub fn run(target: Target, path: &Path, ask: Ask, now: Timestamp) -> Result<()> {
    if ask.apply {
        return apply(target, &ask, now);
    }
    let board = target.open()?;
    let retro = retro::retro(&board, ask.sprint, ask.last, now)?;
    if let Some(to) = &ask.html {
        // The charts as of the close of the last sprint looked back on: its burn-up, the
        // velocity and stage-two share of the sprints before it, the flow of its last weeks.
        let last = retro.sprints.last().map(|(s, _)| s.name.clone());
        let last = last.ok_or_else(|| anyhow!("there is no closed sprint to look back on"))?;
        let flow = flow_of(path, &board, &last, now)?;
        return deliver(&html::page(&Page { doc: &retro.doc, elsewhere: &[], flow: &flow })?, to);
    }
    match (ask.json, ask.markdown) {
        (true, _) => output::println_json(&serde_json::to_string_pretty(&json::retro(&retro))?),
        (false, true) => output::print(&doc::markdown(&retro.doc)),
        (false, false) => output::print(&doc::text(&retro.doc)),
    }
}

/// `--apply`: the proposal, worked out again on the board as it is under the lock.
fn apply(target: Target, ask: &Ask, now: Timestamp) -> Result<()> {
    let board = target.open()?;
    let proposal = retro::retro(&board, ask.sprint, ask.last, now)?.proposal.ok_or_else(no_proposal)?;
    if ratio::accept(&board, &proposal).is_none() {
        return output::println(&format!(
            "the stage-two target is already {}%, as proposed; nothing changed",
            proposal.proposed
        ));
    }
    let op = target.change(now, |board| -> Result<_> {
        let proposal = retro::retro(board, ask.sprint, ask.last, now)?.proposal.ok_or_else(no_proposal)?;
        ratio::accept(board, &proposal).ok_or_else(|| {
            anyhow!("someone set the stage-two target to {}% meanwhile; nothing changed", proposal.proposed)
        })
    })?;
    output::println(&op.summary)
}

fn no_proposal() -> anyhow::Error {
    anyhow!("there is no proposal to apply: nothing was done in these sprints to weigh the debt against")
}
