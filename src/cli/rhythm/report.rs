//! `report [--sprint NAME] [--markdown | --json]`: the sprint review a facilitator pastes to stakeholders.
//! Reads the board; changes nothing.

use std::path::Path;

use anyhow::Result;

use crate::cli::phases::initiative_out;
use crate::cli::print::{doc, output};
use crate::cli::rhythm::{evidence_report, report_json};
use crate::cli::target::open;
use crate::domain::dual_track::discovery_success::Period;
use crate::domain::rhythm::doc::Section;
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
        Format::Markdown => true,
        Format::Text => false,
    };
    let mut review = review;
    if markdown {
        review.doc.sections.extend(charts(path, &board, &review.sprint, now)?);
    }
    let mut text = if markdown { doc::markdown(&review.doc) } else { doc::text(&review.doc) };
    text.push_str(&written_elsewhere(&board, &review, markdown, now));
    output::print(&text)
}

/// The charts of the review's sprint as sections: the journal replayed once, up to the end of
/// the day the sprint closed (today while it runs), so a past review never changes.
fn charts(path: &Path, board: &Board, sprint: &str, now: Timestamp) -> Result<Vec<Section>> {
    let sprint = board.sprint(sprint).ok_or_else(|| anyhow::anyhow!("sprint `{sprint}` is gone"))?;
    let day = sprint.figures.as_ref().map_or(now, |f| f.closed.min(now)).date_naive();
    let mut replay = Replay::new(board);
    let journal = Journal::of(path);
    let (steps, end) = journal.read_since_as::<Step>(0)?;
    let steps: Vec<Step> = steps.into_iter().filter(|s| s.time().date_naive() <= day).collect();
    replay.feed(&steps, end);
    let mut figures = Flow::of(board, &replay, day);
    figures.burn_up = Some(flow::burn_up(&replay, sprint, day));
    Ok(flow::doc::sections(&figures))
}

/// How the review is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// The sections other capabilities write in text or Markdown themselves, after the review's own:
/// the initiatives (when the board has any) and the acceptance evidence of the sprint's window,
/// both as today's board has them (left out for a close that recorded its own), and what open
/// debt costs now. The review has its own discovery outcomes, so the evidence's
/// version of them is not repeated.
fn written_elsewhere(board: &Board, review: &Review, markdown: bool, now: Timestamp) -> String {
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
        .map(|section| format!("\n{section}"))
        .collect()
}
