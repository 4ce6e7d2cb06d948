//! `report [--sprint NAME] [--markdown]`: the sprint review a facilitator pastes to stakeholders.
//! Reads the board; changes nothing.

use std::path::Path;

use anyhow::Result;

use crate::cli::phases::initiative_out;
use crate::cli::print::{doc, output};
use crate::cli::rhythm::evidence_report;
use crate::cli::target::open;
use crate::domain::dual_track::discovery_success::Period;
use crate::domain::rhythm::report;
use crate::domain::rhythm::report::Review;
use crate::model::{Board, Timestamp};

pub fn run(path: &Path, sprint: Option<&str>, markdown: bool, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    let review = report::report(&board, sprint, now)?;
    let mut text = if markdown { doc::markdown(&review.doc) } else { doc::text(&review.doc) };
    text.push_str(&written_elsewhere(&board, &review, markdown, now));
    output::print(&text)
}

/// The sections other capabilities write in text or Markdown themselves, after the review's own:
/// the initiatives (when the board has any), the acceptance evidence of the sprint's window and
/// what open debt costs now. The review has its own discovery outcomes, so the evidence's
/// version of them is not repeated.
fn written_elsewhere(board: &Board, review: &Review, markdown: bool, now: Timestamp) -> String {
    let (phased, evidence) = match markdown {
        true => (initiative_out::Style::Markdown, evidence_report::Style::Markdown),
        false => (initiative_out::Style::Text, evidence_report::Style::Text),
    };
    let period = Period { start: review.from, end: review.to };
    let initiatives =
        (!board.initiatives().is_empty()).then(|| initiative_out::report_section(board, phased));
    initiatives
        .into_iter()
        .chain([
            evidence_report::acceptance_evidence(board, period, evidence),
            evidence_report::debt_interest(board, now, evidence),
        ])
        .map(|section| format!("\n{section}"))
        .collect()
}
