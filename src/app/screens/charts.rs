//! The charts screen (docs/guide/rhythm.md, "Charts"): one chart at a time of the sprint's
//! burn-up, velocity by stage, the cumulative flow of one track and cycle time; `j`/`k`/`Tab`
//! step between them and `t` shows the other track's flow. The figures are worked out when the
//! screen opens (the journal replayed from where it was last read), so stepping costs nothing;
//! opened while the first replay is still under way, the screen waits for them without blocking
//! a key (`app/board/charts.rs`).

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::domain::rhythm::flow::Flow;
use crate::model::Track;

/// The charts, in the order `j` steps through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    BurnUp,
    Velocity,
    Flow,
    CycleTime,
}

impl Chart {
    pub const ALL: [Chart; 4] = [Chart::BurnUp, Chart::Velocity, Chart::Flow, Chart::CycleTime];

    pub fn title(self) -> &'static str {
        match self {
            Chart::BurnUp => "Burn-up",
            Chart::Velocity => "Velocity by stage",
            Chart::Flow => "Cumulative flow",
            Chart::CycleTime => "Cycle time",
        }
    }

    /// Its place in [`Chart::ALL`] (what followers are told).
    pub fn index(self) -> usize {
        Chart::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The chart at `index`, wrapping round.
    pub fn at(index: usize) -> Chart {
        Chart::ALL[index % Chart::ALL.len()]
    }
}

#[derive(Debug)]
pub struct Charts {
    pub chart: Chart,
    /// The track whose cumulative flow shows.
    pub track: Track,
    /// The figures; `None` while they are being worked out (the keys work meanwhile).
    pub flow: Option<Box<Flow>>,
}

impl Charts {
    pub fn new(flow: Option<Flow>) -> Charts {
        Charts { chart: Chart::BurnUp, track: Track::Delivery, flow: flow.map(Box::new) }
    }

    pub fn update(&mut self, action: Action, _cx: &Cx) -> Effect {
        let step = |by: usize| Chart::at(self.chart.index() + by);
        match action {
            Action::NextChart => self.chart = step(1),
            Action::PrevChart => self.chart = step(Chart::ALL.len() - 1),
            Action::ChartTrack => {
                self.track = match self.track {
                    Track::Delivery => Track::Discovery,
                    Track::Discovery => Track::Delivery,
                };
                self.chart = Chart::Flow;
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}
