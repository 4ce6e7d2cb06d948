//! The charts as document sections for the Markdown review (docs/guide/rhythm.md, "Charts in
//! the review"): each chart a small table of its numbers and a line of block characters, so a
//! wiki paste still shows the trend. Days and weeks the journal does not cover are `-` in the
//! tables and `·` in the lines, never zero.

use super::{BurnUp, Cfd, Flow, Velocity};
use crate::domain::rhythm::doc::{Block, Section, spark};

/// One section per chart; without any history only velocity (recorded at each close) and why
/// the others are missing.
pub fn sections(flow: &Flow) -> Vec<Section> {
    let mut out = vec![velocity(&flow.velocity)];
    if flow.first_day.is_some() {
        out.insert(0, burn_up(flow.burn_up.as_ref()));
        out.extend(flow.cfd.iter().map(cfd));
        out.push(cycle(flow));
    }
    out.extend(rest_on(flow));
    out
}

/// What the charts rest on: where the journal's history starts and what it left out (none:
/// nothing to say).
pub fn rest_on(flow: &Flow) -> Option<Section> {
    let missing = flow.missing();
    let (first, rest) = missing.split_first()?;
    Some(Section::new("What the charts rest on").with(Block::Para(first.clone())).list(rest.to_vec()))
}

/// Values as a line of blocks, gaps as `·`.
fn gapped(values: &[Option<u64>]) -> String {
    let max = values.iter().flatten().copied().max().unwrap_or(0);
    values.iter().map(|v| v.map_or_else(|| "·".to_owned(), |v| spark(&[v], max))).collect()
}

fn or_gap(value: Option<u32>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// The burn-up's numbers, a day a row.
pub fn burn_up(burn: Option<&BurnUp>) -> Section {
    let Some(burn) = burn else {
        return Section::new("Burn-up").with(Block::Para("No sprint yet.".into()));
    };
    let done: Vec<Option<u64>> = burn.days.iter().map(|d| d.map(|p| u64::from(p.done))).collect();
    let rows = (0u32..)
        .zip(&burn.days)
        .map(|(i, day)| {
            let date = burn.start + chrono::Duration::days(i64::from(i));
            let ideal = burn.ideal(i).map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
            vec![date.to_string(), or_gap(day.map(|p| p.scope)), or_gap(day.map(|p| p.done)), ideal]
        })
        .collect();
    Section::new(format!("Burn-up: {}", burn.sprint))
        .with(Block::Para(format!("done points by day {}", gapped(&done))))
        .with(Block::Table { header: ["day", "scope", "done", "ideal"].map(String::from).to_vec(), rows })
}

/// Velocity by stage and the stage-two share, a closed sprint a row.
pub fn velocity(all: &[Velocity]) -> Section {
    let section = Section::new("Velocity by stage");
    if all.is_empty() {
        return section.with(Block::Para("No closed sprint yet.".into()));
    }
    let done: Vec<Option<u64>> = all.iter().map(|v| Some(u64::from(v.done()))).collect();
    let share: Vec<Option<u64>> = all.iter().map(|v| Some(u64::from(v.stage_two_share))).collect();
    let rows = all
        .iter()
        .map(|v| {
            vec![
                v.sprint.clone(),
                v.stage_one.to_string(),
                v.stage_two.to_string(),
                v.discovery.to_string(),
                format!("{}%", v.stage_two_share),
                format!("{}%", v.target_stage_two),
                if v.on_target { "on target" } else { "off target" }.to_owned(),
            ]
        })
        .collect();
    let header = ["sprint", "stage one", "stage two", "discovery", "stage-two share", "target", ""];
    section
        .with(Block::Para(format!("points done {} · stage-two share {}", gapped(&done), gapped(&share))))
        .with(Block::Table { header: header.map(String::from).to_vec(), rows })
}

/// The cumulative flow once a week (the last day included), so the table stays small.
pub fn cfd(cfd: &Cfd) -> Section {
    let total: Vec<Option<u64>> =
        cfd.days.iter().map(|d| d.as_ref().map(|r| r.iter().map(|n| u64::from(*n)).sum())).collect();
    let last = cfd.days.len().saturating_sub(1);
    let rows = (0..cfd.days.len())
        .filter(|i| (last - i).is_multiple_of(7))
        .map(|i| {
            let date = cfd.first + chrono::Duration::days(i as i64);
            let counts =
                cfd.columns.iter().enumerate().map(|(c, _)| or_gap(cfd.days[i].as_ref().map(|r| r[c])));
            std::iter::once(date.to_string()).chain(counts).collect()
        })
        .collect();
    let header = std::iter::once("day".to_owned()).chain(cfd.columns.iter().cloned()).collect();
    Section::new(format!("Cumulative flow: {} track", cfd.track))
        .with(Block::Para(format!("items on the track by day {}", gapped(&total))))
        .with(Block::Table { header, rows })
}

/// Cycle time per track and stage, and throughput per week.
pub fn cycle(flow: &Flow) -> Section {
    let days = |d: Option<f64>| d.map_or_else(|| "-".to_owned(), |d| format!("{d:.1}"));
    let rows = flow
        .cycle
        .iter()
        .map(|c| vec![c.group.label(), c.items.to_string(), days(c.median), days(c.p85)])
        .collect();
    let weeks: Vec<Option<u64>> = flow.throughput.iter().map(|w| w.items.map(u64::from)).collect();
    Section::new("Cycle time and throughput")
        .with(Block::Table {
            header: ["items of", "finished", "median days", "85th percentile days"]
                .map(String::from)
                .to_vec(),
            rows,
        })
        .with(Block::Para(format!("items done per week, oldest first {}", gapped(&weeks))))
}
