//! Each chart of the review as a figure: its SVG with a `<title>` and a `<desc>` in words, and
//! beside it the table of its numbers (the Markdown review's own section, `flow::doc`), so
//! nothing rests on the picture alone. Without any history only the velocity (recorded at each
//! close) is drawn, and the page says why the others are missing.

use maud::{Markup, PreEscaped, html};

use super::blocks;
use super::plot::{self, ChartError, SIZE};
use super::plot_flow;
use crate::domain::rhythm::doc::{Block, Section};
use crate::domain::rhythm::flow::{self, BurnUp, Cfd, Flow, Velocity, doc};

/// One chart: what it is called and says in words, its SVG, its numbers.
pub struct Chart {
    pub id: String,
    pub desc: String,
    /// Plotters' SVG: every text in it was escaped by plotters (`plot.rs`).
    pub svg: Option<String>,
    pub numbers: Section,
}

/// The charts of `flow`, in the order of the Markdown review.
pub fn all(flow: &Flow) -> Result<Vec<Chart>, ChartError> {
    let mut out = Vec::new();
    if flow.first_day.is_some() {
        out.push(burn_up(flow.burn_up.as_ref())?);
    }
    out.push(velocity(&flow.velocity)?);
    if flow.first_day.is_some() {
        for one in &flow.cfd {
            out.push(cfd(one)?);
        }
        out.push(Chart {
            id: "chart-cycle".into(),
            desc: cycle_words(flow),
            svg: Some(plot_flow::cycle(&flow.cycle)?),
            numbers: doc::cycle(flow),
        });
    }
    Ok(out)
}

fn burn_up(burn: Option<&BurnUp>) -> Result<Chart, ChartError> {
    let numbers = doc::burn_up(burn);
    let Some(burn) = burn else {
        return Ok(Chart { id: "chart-burn-up".into(), desc: String::new(), svg: None, numbers });
    };
    let last = burn.days.iter().rev().flatten().next();
    let known = burn.days.iter().flatten().count();
    let state = match last {
        Some(p) => format!("{} of {} points done on the last day known", p.done, p.scope),
        None => "the journal covers none of its days".to_owned(),
    };
    let desc = format!(
        "Scope and done points of {} at the end of each day from {} to {}, with the ideal line; {} of {} days known; {state}.",
        burn.sprint,
        burn.start,
        burn.end,
        known,
        burn.days.len()
    );
    Ok(Chart { id: "chart-burn-up".into(), desc, svg: Some(plot::burn_up(burn)?), numbers })
}

fn velocity(all: &[Velocity]) -> Result<Chart, ChartError> {
    let numbers = doc::velocity(all);
    if all.is_empty() {
        return Ok(Chart { id: "chart-velocity".into(), desc: String::new(), svg: None, numbers });
    }
    let on = all.iter().filter(|v| v.on_target).count();
    let desc = format!(
        "Points done per closed sprint, stage one and stage two, for the last {} sprints, and each sprint's stage-two share against its target: {} of {} on target.",
        all.len(),
        on,
        all.len()
    );
    Ok(Chart { id: "chart-velocity".into(), desc, svg: Some(plot::velocity(all)?), numbers })
}

fn cfd(one: &Cfd) -> Result<Chart, ChartError> {
    let days = one.days.len();
    let known = one.days.iter().flatten().count();
    let desc = format!(
        "Items in each column of the {} track ({}) per day over {days} days from {}; {known} of them known.",
        one.track,
        one.columns.join(", "),
        one.first
    );
    Ok(Chart {
        id: format!("chart-flow-{}", one.track.name()),
        desc,
        svg: Some(plot_flow::cfd(one)?),
        numbers: doc::cfd(one),
    })
}

fn cycle_words(flow: &Flow) -> String {
    let groups: Vec<String> = flow
        .cycle
        .iter()
        .map(|c| match (c.median, c.p85) {
            (Some(m), Some(p)) => format!("{}: median {m:.1} days, 85th percentile {p:.1}", c.group.label()),
            _ => format!("{}: none finished", c.group.label()),
        })
        .collect();
    format!("Days from first entering an in-progress column to done. {}.", groups.join("; "))
}

/// A chart as a figure: the heading, the SVG (titled and described), the table beside it.
pub fn figure(chart: &Chart) -> Markup {
    let (title_id, desc_id) = (format!("{}-title", chart.id), format!("{}-desc", chart.id));
    let (width, height) = SIZE;
    let (words, tables): (Vec<&Block>, Vec<&Block>) =
        chart.numbers.blocks.iter().partition(|b| !matches!(b, Block::Table { .. }));
    html! {
        section.chart id=(chart.id) {
            h3 { (chart.numbers.heading) }
            @for block in &words { (blocks::block(block)) }
            div.pair {
                @if let Some(svg) = &chart.svg {
                    svg.plot role="img" aria-labelledby={ (title_id) " " (desc_id) }
                        viewBox={ "0 0 " (width) " " (height) } width=(width) height=(height) {
                        title id=(title_id) { (chart.numbers.heading) }
                        desc id=(desc_id) { (chart.desc) }
                        (PreEscaped(svg))
                    }
                }
                div.numbers { @for table in &tables { (blocks::block(table)) } }
            }
        }
    }
}

/// Why charts are missing or rest on less than the whole sprint, when they do.
pub fn rest_on(flow: &Flow) -> Option<Markup> {
    flow::doc::rest_on(flow).map(|section| blocks::section(&section))
}
