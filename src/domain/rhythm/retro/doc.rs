//! The retrospective as a document: open actions first, then the balance, debt by area, where
//! the capacity went, discovery, drag, and the proposed ratio.

use super::{AreaKind, Retro, ratio};
use crate::domain::capacity;
use crate::domain::capacity::TOLERANCE;
use crate::domain::rhythm::doc::{Block, Doc, Section};
use crate::model::{Board, Figures, Item, Tally, Timestamp};
use crate::words::count;

/// How many areas the debt table shows.
const AREAS_SHOWN: usize = 8;

pub(super) fn write(board: &Board, r: &Retro, now: Timestamp) -> Doc {
    let names: Vec<&str> = r.sprints.iter().map(|(s, _)| s.name.as_str()).collect();
    let intro = vec![
        format!(
            "{} looked back on: {} ({} to {}).",
            count(r.sprints.len() as u64, "sprint"),
            names.join(", "),
            r.from.format("%Y-%m-%d"),
            r.to.format("%Y-%m-%d")
        ),
        format!("As of {}.", now.format("%Y-%m-%d %H:%M UTC")),
    ];
    Doc {
        title: format!("Retrospective: {} ({})", names.last().copied().unwrap_or_default(), board.name),
        intro,
        sections: vec![
            actions(r),
            balance(r),
            areas(r),
            capacity(r),
            discovery(r),
            Section::new("Debt in business terms").with(Block::Para(r.drag.line())),
            proposal(r),
        ],
    }
}

/// Whether a share is on its target: the review's one rule (`capacity::on_target`, within
/// [`TOLERANCE`] percentage points), on a close's whole-percent shares.
fn on_target(actual: u8, target: u8) -> bool {
    capacity::on_target(f64::from(actual), target)
}

fn action_line(item: &Item) -> String {
    let owner = item.assignee.as_deref().unwrap_or("no owner");
    format!("#{} {} ({owner}, since {})", item.id, item.title, item.created.format("%Y-%m-%d"))
}

fn actions(r: &Retro) -> Section {
    let mut section = Section::new("Actions from earlier retrospectives");
    section = match r.open_actions.len() {
        0 => section.with(Block::Para("No open actions.".into())),
        n => section
            .with(Block::Warning(format!("{} still open:", count(n as u64, "action"))))
            .list(r.open_actions.iter().map(|it| action_line(it)).collect()),
    };
    if !r.done_actions.is_empty() {
        section = section
            .with(Block::Para("Done since:".into()))
            .list(r.done_actions.iter().map(|it| action_line(it)).collect());
    }
    section.with(Block::Para("New ones: twotrack add \"TITLE\" --kind action --assignee WHO".into()))
}

fn balance(r: &Retro) -> Section {
    let cell = |actual: u8, target: u8| {
        let word = if on_target(actual, target) { "on target" } else { "off" };
        format!("{actual}% of {target}% {word}")
    };
    let rows = r
        .sprints
        .iter()
        .map(|(s, f)| {
            vec![
                s.name.clone(),
                cell(f.stage_two_share, f.target_stage_two),
                cell(f.discovery_share, f.target_discovery),
            ]
        })
        .collect();
    let hits = |pick: fn(&Figures) -> (u8, u8)| {
        r.sprints
            .iter()
            .filter(|(_, f)| {
                let (a, t) = pick(f);
                on_target(a, t)
            })
            .count()
    };
    let n = r.sprints.len();
    let two = hits(|f| (f.stage_two_share, f.target_stage_two));
    let disc = hits(|f| (f.discovery_share, f.target_discovery));
    let summary = format!(
        "Stage two was on target in {two} of {n}, discovery in {disc} of {n} (on target: within {TOLERANCE:.0} percentage points)."
    );
    Section::new("The balance")
        .with(Block::Table { header: vec!["sprint".into(), "stage two".into(), "discovery".into()], rows })
        .with(if two == n && disc == n { Block::Para(summary) } else { Block::Warning(summary) })
}

fn areas(r: &Retro) -> Section {
    let section = Section::new("Where debt grows fastest");
    let Some(worst) = r.areas.first() else {
        return section.with(Block::Para("No debt was logged or repaid in these sprints.".into()));
    };
    let head = match worst.net() {
        n if n > 0 => Block::Warning(format!(
            "Debt grows fastest in {} {}: {n} pt more logged than repaid.",
            worst.kind.name(),
            worst.name
        )),
        _ => Block::Para("Debt grew in no area: every area repaid at least what it logged.".into()),
    };
    let tally = |t: Tally| format!("{} pt ({})", t.points, count(t.items, "item"));
    let rows = r
        .areas
        .iter()
        .take(AREAS_SHOWN)
        .map(|a| {
            let net = match a.net() {
                n if n > 0 => format!("+{n} pt"),
                n => format!("{n} pt"),
            };
            vec![format!("{} {}", a.kind.name(), a.name), tally(a.created), tally(a.repaid), net]
        })
        .collect();
    let untagged = r.areas.iter().all(|a| a.kind == AreaKind::Feature);
    let section = section.with(head).with(Block::Table {
        header: vec!["area".into(), "logged".into(), "repaid".into(), "growth".into()],
        rows,
    });
    match untagged {
        true => section.with(Block::Para("Tags and initiatives on debt items show more areas.".into())),
        false => section,
    }
}

fn capacity(r: &Retro) -> Section {
    let section = Section::new("Where the capacity went");
    if r.sprints.iter().all(|(_, f)| f.spent.is_none()) {
        return section.with(Block::Para(
            "Not recorded for these sprints: they closed before twotrack kept it (every close records it now).".into(),
        ));
    }
    let header = ["sprint", "features", "bugs", "debt", "discovery", "other"].map(String::from).to_vec();
    let rows = r
        .sprints
        .iter()
        .map(|(s, f)| {
            let mut row = vec![s.name.clone()];
            match &f.spent {
                Some(spent) => row.extend(shares(&spent.parts())),
                None => row.push("not recorded".into()),
            }
            row
        })
        .collect();
    section
        .with(Block::Para("Shares of the points done (of the items when none was estimated).".into()))
        .with(Block::Table { header, rows })
}

/// Each part's share of the whole in whole percent: of the points, or of the items when no
/// point was done.
fn shares(parts: &[(&'static str, Tally)]) -> Vec<String> {
    let points: u32 = parts.iter().map(|(_, t)| t.points).sum();
    let by_items = points == 0;
    let whole = u64::from(if by_items { parts.iter().map(|(_, t)| t.items).sum() } else { points });
    parts
        .iter()
        .map(|(_, t)| {
            let part = u64::from(if by_items { t.items } else { t.points });
            format!("{}%", (part * 100 + whole / 2).checked_div(whole).unwrap_or(0))
        })
        .collect()
}

fn discovery(r: &Retro) -> Section {
    let d = &r.discovery;
    let decided = d.decided.len();
    let section = Section::new("Discovery");
    if decided == 0 {
        return section.with(Block::Para("No discovery work was decided in these sprints.".into()));
    }
    let on_time = d.on_time_percent().map(|p| format!(" ({p:.0}%)")).unwrap_or_default();
    section.with(Block::Para(format!(
        "{} decided: {} on time{on_time}, {} late, {} without a timebox; {} promoted, {} dropped, {} concluded otherwise; {}.",
        count(decided as u64, "discovery item"),
        d.on_time,
        d.late,
        d.no_timebox,
        d.promoted,
        d.dropped,
        d.concluded,
        d.median_words()
    )))
}

fn proposal(r: &Retro) -> Section {
    let section = Section::new("The proposed ratio");
    let Some(p) = &r.proposal else {
        return section.with(Block::Para(
            "No proposal: nothing was done in these sprints, so there is no velocity to weigh the debt against.".into(),
        ));
    };
    let head = match p.proposed == p.current {
        true => format!("Keep the stage-two target at {}%.", p.current),
        false => format!("Proposed stage-two target: {}% (now {}%).", p.proposed, p.current),
    };
    let how = match p.proposed == p.current {
        true => "Nothing to apply; another target is set in the capacity view.".to_owned(),
        false => format!(
            "Accept it on the retro screen or with twotrack retro --apply, or set another in the capacity view. The rule: repay open debt within {} sprints, between {}% and {}%.",
            ratio::HORIZON,
            ratio::FLOOR,
            ratio::CEILING
        ),
    };
    section.with(Block::Para(head)).with(Block::Para(p.reason.clone())).with(Block::Para(how))
}
