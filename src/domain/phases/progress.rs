//! How far an initiative has got: done against all of its work (points, or items when none of
//! them is estimated), per phase; the phase it is in, by progress against the 30 % / 70 %
//! boundaries and by which phase still has open work; and the warnings of phased delivery.

use std::collections::HashMap;

use crate::domain::capacity::Basis;
use crate::model::{Board, Boundary, Initiative, Item, ItemId, Phase};
use crate::words::count;

/// The work of one phase of an initiative.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhaseProgress {
    pub items: usize,
    /// Items not in a done column.
    pub open_items: usize,
    /// Open items past the first column of their track: under way.
    pub started: usize,
    /// Done and all work, in the initiative's basis (points or items).
    pub done: u32,
    pub total: u32,
}

/// Why a boundary is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reached {
    /// Every item of the phase that ends there (and of the phases before it) is done.
    Work,
    /// Progress crossed the boundary's percentage.
    Progress,
}

/// Something the team should look at, in the words of the phased-delivery rules.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Enhancement or polish items under way or done while MVP items are open.
    PolishBeforeCore { early: Vec<ItemId>, open_mvp: usize },
    /// The MVP holds more than 30 % of the work (`share` in percent).
    MvpNotMinimal { share: f64, basis: Basis },
    /// A boundary is reached and no decision is recorded for it.
    ReviewDue { boundary: Boundary, reached: Reached },
}

impl Warning {
    /// A stable name for scripts (JSON `kind`).
    pub fn key(&self) -> &'static str {
        match self {
            Warning::PolishBeforeCore { .. } => "polish_before_core",
            Warning::MvpNotMinimal { .. } => "mvp_not_minimal",
            Warning::ReviewDue { .. } => "boundary_review_due",
        }
    }

    /// The boundary a review warning is about.
    pub fn boundary(&self) -> Option<Boundary> {
        match self {
            Warning::ReviewDue { boundary, .. } => Some(*boundary),
            _ => None,
        }
    }

    /// One sentence, starting with the warning's name.
    pub fn message(&self) -> String {
        match self {
            Warning::PolishBeforeCore { early, open_mvp } => {
                // A few ids say which; a long list would only hide the point.
                let ids: Vec<String> = early.iter().take(5).map(|id| format!("#{id}")).collect();
                let mut named = ids.join(", ");
                if early.len() > ids.len() {
                    named.push_str(&format!(" and {} more", early.len() - ids.len()));
                }
                let (verb, items) = if *open_mvp == 1 { ("is", "item") } else { ("are", "items") };
                format!("polish before core: {named} started while {open_mvp} MVP {items} {verb} open")
            }
            Warning::MvpNotMinimal { share, basis } => format!(
                "MVP not minimal: it holds {share:.0}% of the {} (keep it at 30% or less)",
                basis.name()
            ),
            Warning::ReviewDue { boundary, reached } => {
                let why = match reached {
                    Reached::Work => format!("every {} item is done", boundary.ending().label()),
                    Reached::Progress => format!("progress crossed {}%", boundary.percent()),
                };
                format!("boundary review due: {} ({why}), no decision recorded", boundary.label())
            }
        }
    }
}

/// Where an initiative stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub basis: Basis,
    pub done: u32,
    pub total: u32,
    /// Items without an estimate (they count no points when the basis is points).
    pub unestimated: usize,
    /// MVP, enhancement, polish.
    pub phases: [PhaseProgress; 3],
    /// The phase by progress: MVP below 30 %, enhancement from 30 % and below 70 %, polish from
    /// 70 % (a boundary reached exactly counts as crossed).
    pub by_progress: Phase,
    /// The earliest phase with open work; `None` when nothing is open.
    pub by_work: Option<Phase>,
    /// Empty for a stopped or finished initiative.
    pub warnings: Vec<Warning>,
}

impl Progress {
    pub fn of(board: &Board, initiative: &Initiative) -> Progress {
        let items: Vec<&Item> = board
            .items()
            .iter()
            .filter(|it| it.initiative.as_deref() == Some(initiative.id.as_str()))
            .collect();
        Progress::of_items(board, initiative, &items)
    }

    /// Every initiative with its progress, in the board's order, in one pass over the items.
    pub fn all(board: &Board) -> Vec<(&Initiative, Progress)> {
        let mut groups: HashMap<&str, Vec<&Item>> = HashMap::new();
        for item in board.items() {
            if let Some(id) = &item.initiative {
                groups.entry(id.as_str()).or_default().push(item);
            }
        }
        board
            .initiatives()
            .iter()
            .map(|it| {
                (it, Progress::of_items(board, it, groups.get(it.id.as_str()).map_or(&[], Vec::as_slice)))
            })
            .collect()
    }

    /// [`Progress::all`] with the open initiatives first: active, paused, stopped, finished.
    pub fn by_status(board: &Board) -> Vec<(&Initiative, Progress)> {
        let mut all = Progress::all(board);
        all.sort_by_key(|(it, _)| it.status);
        all
    }

    fn of_items(board: &Board, initiative: &Initiative, items: &[&Item]) -> Progress {
        let basis = if items.iter().any(|it| it.estimate.is_some()) { Basis::Points } else { Basis::Items };
        let mut phases: [PhaseProgress; 3] = Default::default();
        let mut early = Vec::new();
        for item in items {
            let Some(phase) = item.phase else { continue };
            let done = board.is_done_column(item.track, &item.column);
            let amount = match basis {
                Basis::Points => item.estimate.unwrap_or(0),
                Basis::Items => 1,
            };
            let p = &mut phases[phase.index()];
            p.items += 1;
            p.total = p.total.saturating_add(amount);
            let first_column = board.track(item.track).columns.first().is_some_and(|c| c.id == item.column);
            if done {
                p.done = p.done.saturating_add(amount);
            } else {
                p.open_items += 1;
                p.started += usize::from(!first_column);
            }
            if phase != Phase::Mvp && (done || !first_column) {
                early.push(item.id);
            }
        }
        let done = phases.iter().map(|p| p.done).fold(0, u32::saturating_add);
        let total = phases.iter().map(|p| p.total).fold(0, u32::saturating_add);
        let crossed =
            |b: Boundary| total > 0 && u64::from(done) * 100 >= u64::from(total) * u64::from(b.percent());
        let by_progress = match (crossed(Boundary::One), crossed(Boundary::Two)) {
            (_, true) => Phase::Polish,
            (true, false) => Phase::Enhancement,
            _ => Phase::Mvp,
        };
        let mut progress = Progress {
            basis,
            done,
            total,
            unestimated: items.iter().filter(|it| it.estimate.is_none()).count(),
            by_work: Phase::ALL.into_iter().find(|p| phases[p.index()].open_items > 0),
            phases,
            by_progress,
            warnings: Vec::new(),
        };
        if initiative.status.is_open() {
            progress.warnings = progress.warnings_for(initiative, early, &crossed);
        }
        progress
    }

    fn warnings_for(
        &self,
        initiative: &Initiative,
        early: Vec<ItemId>,
        crossed: &dyn Fn(Boundary) -> bool,
    ) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let open_mvp = self.phase(Phase::Mvp).open_items;
        if open_mvp > 0 && !early.is_empty() {
            warnings.push(Warning::PolishBeforeCore { early, open_mvp });
        }
        let mvp = self.phase(Phase::Mvp).total;
        if self.total > 0 && u64::from(mvp) * 100 > u64::from(self.total) * 30 {
            let share = f64::from(mvp) * 100.0 / f64::from(self.total);
            warnings.push(Warning::MvpNotMinimal { share, basis: self.basis });
        }
        for boundary in Boundary::ALL {
            if initiative.decision_at(boundary).is_some() {
                continue;
            }
            let reached = if self.work_done_through(boundary.ending()) {
                Some(Reached::Work)
            } else {
                crossed(boundary).then_some(Reached::Progress)
            };
            if let Some(reached) = reached {
                warnings.push(Warning::ReviewDue { boundary, reached });
            }
        }
        warnings
    }

    /// Whether `phase` has items and they, and every item of the phases before it, are done.
    fn work_done_through(&self, phase: Phase) -> bool {
        self.phase(phase).items > 0
            && Phase::ALL[..=phase.index()].iter().all(|p| self.phase(*p).open_items == 0)
    }

    pub fn phase(&self, phase: Phase) -> &PhaseProgress {
        &self.phases[phase.index()]
    }

    /// Done work in percent of all work, to one decimal; 0 with no work at all.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (f64::from(self.done) * 1000.0 / f64::from(self.total)).round() / 10.0
        }
    }

    /// The phase new work joins by default: the earliest with open work, else the one reached
    /// by progress.
    pub fn current(&self) -> Phase {
        self.by_work.unwrap_or(self.by_progress)
    }

    /// The phase in words: "enhancement", or "MVP by open work, enhancement by progress" when
    /// the two disagree, "no open work (polish by progress)", "MVP (no work yet)".
    pub fn standing_words(&self) -> String {
        let by_progress = self.by_progress.label();
        match self.by_work {
            _ if self.phases.iter().all(|p| p.items == 0) => format!("{by_progress} (no work yet)"),
            Some(work) if work == self.by_progress => by_progress.to_owned(),
            Some(work) => format!("{} by open work, {by_progress} by progress", work.label()),
            None => format!("no open work ({by_progress} by progress)"),
        }
    }

    /// `done/total` in this progress's unit: `8/13 pt` or `2/5 items`.
    pub fn amount(&self, done: u32, total: u32) -> String {
        match self.basis {
            Basis::Points => format!("{done}/{total} pt"),
            Basis::Items => format!("{done}/{total} items"),
        }
    }

    /// "42% (13/31 pt done); 2 items without an estimate".
    pub fn done_words(&self) -> String {
        let mut words = format!("{}% ({} done)", self.percent(), self.amount(self.done, self.total));
        if self.unestimated > 0 && self.basis == Basis::Points {
            words.push_str(&format!("; {} without an estimate", count(self.unestimated, "item")));
        }
        words
    }

    /// "3/5 pt done, 1 open item (1 under way), 50% of the work".
    pub fn phase_words(&self, phase: Phase) -> String {
        let p = self.phase(phase);
        let mut words =
            format!("{} done, {}", self.amount(p.done, p.total), count(p.open_items, "open item"));
        if p.started > 0 {
            words.push_str(&format!(" ({} under way)", p.started));
        }
        words.push_str(&format!(", {:.0}% of the work", self.share(phase)));
        words
    }

    /// The share of all work planned in `phase`, in percent.
    pub fn share(&self, phase: Phase) -> f64 {
        if self.total == 0 { 0.0 } else { f64::from(self.phase(phase).total) * 100.0 / f64::from(self.total) }
    }

    /// The boundary a decision would most likely be about: the first one due, else the first
    /// without a decision, else the second.
    pub fn next_boundary(&self, initiative: &Initiative) -> Boundary {
        self.warnings
            .iter()
            .find_map(Warning::boundary)
            .or_else(|| Boundary::ALL.into_iter().find(|b| initiative.decision_at(*b).is_none()))
            .unwrap_or(Boundary::Two)
    }
}

/// The warnings of every initiative, to compare before and after a change.
pub type Snapshot = Vec<(String, Vec<Warning>)>;

pub fn snapshot(board: &Board) -> Snapshot {
    Progress::all(board).into_iter().map(|(it, p)| (it.id.clone(), p.warnings)).collect()
}

/// The warnings `board` has that `before` did not ("checkout: polish before core: …"), so a
/// change that starts polish early or finishes the MVP says so at once. A warning that only
/// changed its numbers is not new; polish-before-core is new when another item started early.
pub fn news(before: &Snapshot, board: &Board) -> Vec<String> {
    let known = |id: &str, warning: &Warning| {
        before.iter().filter(|(b, _)| b == id).flat_map(|(_, ws)| ws).any(|old| match (old, warning) {
            (Warning::PolishBeforeCore { early: was, .. }, Warning::PolishBeforeCore { early, .. }) => {
                early.iter().all(|id| was.contains(id))
            }
            _ => old.key() == warning.key() && old.boundary() == warning.boundary(),
        })
    };
    snapshot(board)
        .into_iter()
        .flat_map(|(id, warnings)| warnings.into_iter().map(move |w| (id.clone(), w)))
        .filter(|(id, w)| !known(id, w))
        .map(|(id, w)| format!("{id}: {}", w.message()))
        .collect()
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
