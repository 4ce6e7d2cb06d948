//! The sprint's own sections of the review: its figures, the trend of the last sprints, the
//! debt stage two paid back, and what discovery concluded.

use super::{Context, TREND_SPRINTS};
use crate::domain::capacity::on_target;
use crate::domain::rhythm::doc::{Block, Section, spark};
use crate::domain::rhythm::figures::stage_two_skipped_twice;
use crate::model::{ItemId, Rollover, Split};
use crate::words::count;

/// Committed against done by track and stage; the shares against their targets; what rolled over.
pub fn figures(c: &Context) -> Option<Section> {
    let f = &c.figures;
    let row = |name: &str, pick: fn(&Split) -> u32| {
        vec![name.to_owned(), pick(&f.committed).to_string(), pick(&f.done).to_string()]
    };
    let table = Block::Table {
        header: vec!["points".into(), "committed".into(), "done".into()],
        rows: vec![
            row("discovery", |s| s.discovery),
            row("delivery", |s| s.delivery),
            row("stage one", |s| s.stage_one),
            row("stage two", |s| s.stage_two),
            row("total", |s| s.total),
        ],
    };
    let mut section = Section::new("The sprint in figures")
        .with(Block::Para(format!(
            "{} of {} committed points done, against a capacity of {}.",
            f.done.total, f.committed.total, c.sprint.capacity
        )))
        .with(table);
    for (name, actual, target) in [
        ("Stage-two share", f.stage_two_share, f.target_stage_two),
        ("Discovery share", f.discovery_share, f.target_discovery),
    ] {
        let line = format!("{name} of the work done: {actual}% against a target of {target}%");
        let by = i16::from(actual) - i16::from(target);
        section = section.with(match !on_target(f64::from(actual), target) {
            true => Block::Warning(format!(
                "{line}: off target, {} {}",
                count(by.unsigned_abs(), "percentage point"),
                if by > 0 { "above" } else { "below" }
            )),
            false => Block::Para(format!("{line}: on target.")),
        });
    }
    let unfinished = count(f.rolled_over.len() as u64, "unfinished item");
    let id_list = |ids: &[ItemId]| c.named(ids);
    let list = id_list(&f.rolled_over);
    let moved = match (f.rolled_over.len(), f.rollover, c.closed) {
        (0, _, _) => "Nothing was left unfinished.".to_owned(),
        (_, _, false) => format!("Not done yet: {list}."),
        (_, Rollover::Next, true) if !f.to_backlog.is_empty() => {
            let on: Vec<_> = f.rolled_over.iter().copied().filter(|id| !f.went_to_backlog(*id)).collect();
            format!(
                "{unfinished}: {} rolled over to the next sprint ({}), {} went back to the backlog ({}).",
                on.len(),
                id_list(&on),
                f.to_backlog.len(),
                id_list(&f.to_backlog)
            )
        }
        (_, Rollover::Next, true) => format!("{unfinished} rolled over to the next sprint: {list}."),
        (_, Rollover::Backlog, true) => format!("{unfinished} went back to the backlog: {list}."),
    };
    Some(section.with(Block::Para(moved)))
}

/// The last sprints side by side, with the stage-two share as a small chart.
pub fn trend(c: &Context) -> Option<Section> {
    if c.history.len() < 2 {
        return None;
    }
    let rows = c
        .history
        .iter()
        .map(|(sprint, f)| {
            vec![
                sprint.name.clone(),
                format!("{} of {}", f.done.total, f.committed.total),
                format!("{}% ({}%)", f.stage_two_share, f.target_stage_two),
                format!("{}% ({}%)", f.discovery_share, f.target_discovery),
                f.debt_repaid.points.to_string(),
                f.open_debt.points.to_string(),
            ]
        })
        .collect();
    let shares: Vec<u64> = c.history.iter().map(|(_, f)| u64::from(f.stage_two_share)).collect();
    let mut section =
        Section::new(format!("Trend over the last {} sprints", c.history.len().min(TREND_SPRINTS)))
            .with(Block::Table {
                header: vec![
                    "sprint".into(),
                    "points done".into(),
                    "stage two (target)".into(),
                    "discovery (target)".into(),
                    "debt repaid".into(),
                    "open debt".into(),
                ],
                rows,
            })
            .with(Block::Para(format!("Stage-two share, sprint by sprint: {}", spark(&shares, 100))));
    if stage_two_skipped_twice(c.history.iter().map(|(_, f)| f)) {
        section = section
            .with(Block::Warning("stage two skipped twice: no refinement in the last two sprints".into()));
    }
    Some(section)
}

/// What stage two paid back, item by item: the part of the review to celebrate.
pub fn debt_repaid(c: &Context) -> Option<Section> {
    let f = &c.figures;
    // The scope is said in words: this counts debt finished in the sprint's window whether it
    // was committed or not, where the table counts committed work only.
    let head = match f.debt_repaid.items {
        0 => "No debt item was finished in the sprint's window.".to_owned(),
        n => format!(
            "Debt items finished in the sprint's window, committed to it or not: {} paid back in {}:",
            count(f.debt_repaid.points, "point"),
            count(n, "item")
        ),
    };
    let items = f.repaid.iter().map(|id| c.debt_line(*id)).collect();
    Some(Section::new("Debt repaid").with(Block::Para(head)).list(items).with(Block::Para(format!(
        "Debt logged during the sprint: {}, {}. Open debt at the end: {}, {}.",
        count(f.debt_created.items, "item"),
        count(f.debt_created.points, "point"),
        count(f.open_debt.items, "item"),
        count(f.open_debt.points, "point")
    ))))
}

/// The spikes concluded: promoted into which items (and what was learned), dropped and why.
pub fn discovery_outcomes(c: &Context) -> Option<Section> {
    let f = &c.figures;
    let board = c.board;
    let title =
        |id: ItemId| board.item(id).map_or_else(|| "(deleted since)".to_owned(), |it| it.title.clone());
    let mut lines: Vec<String> = f
        .promoted
        .iter()
        .map(|id| {
            let into: Vec<String> = board
                .items()
                .iter()
                .filter(|it| it.promoted_from == Some(*id))
                .map(|it| format!("#{} {}", it.id, it.title))
                .collect();
            let learned = board
                .item(*id)
                .and_then(|it| it.learned.clone())
                .map(|l| format!("; learned: {l}"))
                .unwrap_or_default();
            format!(
                "#{id} {} → promoted into {}{learned}",
                title(*id),
                if into.is_empty() { "nothing left on the board".into() } else { into.join(", ") }
            )
        })
        .collect();
    lines.extend(f.dropped.iter().map(|id| {
        let why =
            board.item(*id).and_then(|it| it.drop_reason.clone()).unwrap_or_else(|| "no reason kept".into());
        format!("#{id} {} → dropped: {why}", title(*id))
    }));
    let head = format!(
        "{} concluded: {} promoted, {} dropped.",
        count(f.spikes_concluded, "discovery item"),
        f.promoted.len(),
        f.dropped.len()
    );
    Some(Section::new("Discovery outcomes").with(Block::Para(head)).list(lines))
}

/// The initiatives as they stood at the close (a closed sprint that recorded them); the
/// command line prints today's initiatives for an open sprint and for an older close.
pub fn initiatives_at_close(c: &Context) -> Option<Section> {
    let at_close = c.figures.at_close.as_ref().filter(|_| c.closed)?;
    if at_close.initiatives.is_empty() {
        return None;
    }
    let lines = at_close
        .initiatives
        .iter()
        .map(|it| {
            format!(
                "{} ({}): {}, {} of {} done",
                it.name,
                it.id,
                it.status.name(),
                it.done,
                count(it.items, "item")
            )
        })
        .collect();
    Some(Section::new("Initiatives at the close").list(lines))
}
