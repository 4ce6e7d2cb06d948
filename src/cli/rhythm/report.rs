//! `report [--sprint NAME] [--markdown | --json | --html [-o FILE] [--force]]`: the sprint
//! review a facilitator pastes or mails to stakeholders. Reads the board; changes nothing (but
//! the file `-o` names).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::phases::initiative_out;
use crate::cli::print::html::{self, Page};
use crate::cli::print::{doc, out_file, output};
use crate::cli::rhythm::{evidence_report, report_json};
use crate::cli::target::open;
use crate::domain::dual_track::discovery_success::Period;
use crate::domain::rhythm::flow::{self, Flow, Replay, Step};
use crate::domain::rhythm::report;
use crate::domain::rhythm::report::Review;
use crate::model::{Board, Timestamp};
use crate::store::journal::Journal;

pub fn run(path: &Path, sprint: Option<&str>, format: Format, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    let review = report::report(&board, sprint, now)?;
    let markdown = match format {
        Format::Json => {
            let named = review.sprint.as_str();
            let sprint = board.sprint(named).ok_or_else(|| anyhow::anyhow!("sprint `{named}` is gone"))?;
            let value = report_json::review(&board, sprint, &review.figures, &review);
            return output::print(&format!("{value:#}\n"));
        }
        Format::Html(to) => {
            let flow = flow_of(path, &board, &review.sprint, now)?;
            let elsewhere = written_elsewhere(&board, &review, false, now);
            let page = html::page(&Page { doc: &review.doc, elsewhere: &elsewhere, flow: &flow })?;
            return deliver(&page, &to);
        }
        Format::Markdown => true,
        Format::Text => false,
    };
    let mut review = review;
    if markdown {
        review.doc.sections.extend(flow::doc::sections(&flow_of(path, &board, &review.sprint, now)?));
    }
    let mut text = if markdown { doc::markdown(&review.doc) } else { doc::text(&review.doc) };
    for section in written_elsewhere(&board, &review, markdown, now) {
        text.push('\n');
        text.push_str(&section);
    }
    output::print(&text)
}

/// The charts' figures of `sprint`: the journal replayed once, up to the end of the day the
/// sprint closed (today while it runs), so a past review never changes.
pub(super) fn flow_of(path: &Path, board: &Board, sprint: &str, now: Timestamp) -> Result<Flow> {
    let sprint = board.sprint(sprint).ok_or_else(|| anyhow::anyhow!("sprint `{sprint}` is gone"))?;
    let day = sprint.figures.as_ref().map_or(now, |f| f.closed.min(now)).date_naive();
    let mut replay = Replay::new(board);
    let journal = Journal::of(path);
    replay.offset = journal.each_since(0, |step: Step| {
        if step.time().date_naive() <= day {
            replay.step(&step);
        }
    })?;
    Ok(Flow::with_burn_up(board, &replay, Some(sprint), day))
}

/// An HTML page on standard output, or into the file `-o` named.
pub(super) fn deliver(page: &str, to: &Destination) -> Result<()> {
    match &to.output {
        None => output::print(page),
        Some(path) => {
            out_file::write(path, page, to.force)?;
            output::println(&format!("wrote {} ({} KB)", path.display(), page.len().div_ceil(1024)))
        }
    }
}

/// How the review is printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Html(Destination),
}

/// Where an HTML page goes: standard output, or a file (replaced only with `force`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    pub output: Option<PathBuf>,
    pub force: bool,
}

/// The sections other capabilities write in text or Markdown themselves, after the review's own:
/// the initiatives (when the board has any) and the acceptance evidence of the sprint's window,
/// both as today's board has them (left out for a close that recorded its own), and what open
/// debt costs now. The review has its own discovery outcomes, so the evidence's
/// version of them is not repeated.
fn written_elsewhere(board: &Board, review: &Review, markdown: bool, now: Timestamp) -> Vec<String> {
    let (phased, evidence) = match markdown {
        true => (initiative_out::Style::Markdown, evidence_report::Style::Markdown),
        false => (initiative_out::Style::Text, evidence_report::Style::Text),
    };
    let period = Period { start: review.from, end: review.to };
    // A close that recorded its items has its initiatives and evidence in the review's own
    // sections as they were then; today's board would tell a different story.
    let recorded = review.closed && review.figures.at_close.is_some();
    let initiatives =
        (!recorded && !board.initiatives().is_empty()).then(|| initiative_out::report_section(board, phased));
    let accepted = (!recorded).then(|| evidence_report::acceptance_evidence(board, period, evidence));
    initiatives
        .into_iter()
        .chain(accepted)
        .chain([evidence_report::debt_interest(board, now, evidence)])
        .collect()
}
