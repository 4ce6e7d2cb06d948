//! The debt register: open debt items by severity and repayment cost (their estimate) or by the
//! interest they have accrued, with totals, how much debt was created and repaid lately, how
//! its interest moved, and its drag.

use std::str::FromStr;

use chrono::{Days, Duration, NaiveDate};

use super::drag::{self, Drag};
use super::interest;
use crate::domain::dual_track::variants;
use crate::model::{Board, InterestWeights, Item, Kind, Severity, Timestamp};

/// How far back "lately" reaches.
pub const WINDOW_DAYS: i64 = 14;

/// The order of the register's open items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most severe first, then the largest cost.
    #[default]
    Severity,
    /// The most interest accrued first.
    Interest,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Severity => "severity",
            Sort::Interest => "interest",
        }
    }
}

impl FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "severity" => Ok(Sort::Severity),
            "interest" => Ok(Sort::Interest),
            other => Err(format!("unknown sort `{other}` (expected severity or interest)")),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Register<'b> {
    /// Open debt in the register's order (see [`Sort`]); no severity and no estimate last.
    pub open: Vec<&'b Item>,
    /// Open items and summed cost per severity, `None` (unrated) last.
    pub by_severity: Vec<(Option<Severity>, usize, u32)>,
    pub total_cost: u32,
    /// Open debt items without an estimate (their cost is unknown).
    pub unestimated: usize,
    /// Debt items created within the window (still on the board).
    pub created: usize,
    /// Debt items that entered a done column within the window (losing variants never count).
    pub repaid: usize,
    /// The day ages and interest are counted to, and the weights interest is counted with.
    pub today: NaiveDate,
    pub weights: InterestWeights,
    /// The interest of all open debt.
    pub total_interest: u64,
    /// The interest of the debt that was open a window ago, as it stood then.
    pub interest_before: u64,
    pub sort: Sort,
    /// What open debt drags, in points per sprint and paid so far (and money where set).
    pub drag: Drag,
}

pub fn register(board: &Board, now: Timestamp) -> Register<'_> {
    let since = now - Duration::days(WINDOW_DAYS);
    let today = now.date_naive();
    let weights = board.interest_weights();
    let debt: Vec<&Item> = board.items().iter().filter(|it| it.kind == Kind::Debt).collect();
    let is_open = |it: &&Item| !board.is_done_column(it.track, &it.column);
    let open: Vec<&Item> = debt.iter().copied().filter(is_open).collect();
    let mut by_severity: Vec<(Option<Severity>, usize, u32)> = Vec::new();
    for severity in Severity::ALL.iter().rev().map(|s| Some(*s)).chain([None]) {
        let mine: Vec<&&Item> = open.iter().filter(|it| it.severity == severity).collect();
        if !mine.is_empty() {
            let cost = mine.iter().map(|it| it.estimate.unwrap_or(0)).fold(0u32, u32::saturating_add);
            by_severity.push((severity, mine.len(), cost));
        }
    }
    let before = today.checked_sub_days(Days::new(WINDOW_DAYS.unsigned_abs())).unwrap_or(today);
    let mut register = Register {
        total_cost: by_severity.iter().map(|(_, _, c)| *c).fold(0, u32::saturating_add),
        unestimated: open.iter().filter(|it| it.estimate.is_none()).count(),
        created: debt.iter().filter(|it| it.created >= since).count(),
        repaid: debt
            .iter()
            .filter(|it| !is_open(it) && !variants::is_lost(it) && it.finished.is_some_and(|f| f >= since))
            .count(),
        total_interest: open
            .iter()
            .map(|it| interest::interest(&weights, it, today))
            .fold(0, u64::saturating_add),
        interest_before: interest::total_on(board, before),
        open,
        by_severity,
        today,
        weights,
        sort: Sort::Severity,
        drag: drag::drag(board, now),
    };
    register.sort_by(Sort::Severity);
    register
}

impl Register<'_> {
    /// Puts the open items in `sort`'s order.
    pub fn sort_by(&mut self, sort: Sort) {
        self.sort = sort;
        let (today, weights) = (self.today, self.weights);
        let severity_first = |it: &&Item| {
            (
                std::cmp::Reverse(it.severity),
                std::cmp::Reverse(it.estimate.unwrap_or(0)),
                it.estimate.is_none(),
                it.id,
            )
        };
        match sort {
            Sort::Severity => self.open.sort_by_key(severity_first),
            Sort::Interest => self.open.sort_by_key(|it| {
                (std::cmp::Reverse(interest::interest(&weights, it, today)), severity_first(it))
            }),
        }
    }

    /// The register in `sort`'s order.
    pub fn sorted(mut self, sort: Sort) -> Self {
        self.sort_by(sort);
        self
    }

    /// Days since `item` was logged.
    pub fn age(&self, item: &Item) -> i64 {
        interest::age_days(item, self.today)
    }

    /// The interest `item` has accrued.
    pub fn interest(&self, item: &Item) -> u64 {
        interest::interest(&self.weights, item, self.today)
    }

    /// The age of the oldest open debt item.
    pub fn oldest(&self) -> Option<i64> {
        self.open.iter().map(|it| self.age(it)).max()
    }

    /// Open debt items of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.iter().find(|(s, _, _)| *s == Some(severity)).map_or(0, |(_, n, _)| *n)
    }

    /// How total interest moved over the window, in words: "up 96 in 14 days".
    pub fn trend(&self) -> String {
        let (now, then) = (self.total_interest, self.interest_before);
        match now.cmp(&then) {
            std::cmp::Ordering::Greater => format!("up {} in {WINDOW_DAYS} days", now - then),
            std::cmp::Ordering::Less => format!("down {} in {WINDOW_DAYS} days", then - now),
            std::cmp::Ordering::Equal => format!("unchanged in {WINDOW_DAYS} days"),
        }
    }

    /// The register for stakeholders, in one sentence: "12 debt items, 3 critical, oldest 41
    /// days; interest 1240, up 180 in 14 days".
    pub fn in_words(&self) -> String {
        let count = match self.open.len() {
            0 => return "no open debt items".to_owned(),
            1 => "1 debt item".to_owned(),
            n => format!("{n} debt items"),
        };
        let oldest = match self.oldest().unwrap_or(0) {
            1 => "1 day".to_owned(),
            n => format!("{n} days"),
        };
        format!(
            "{count}, {} critical, oldest {oldest}; interest {}, {}",
            self.count(Severity::Critical),
            self.total_interest,
            self.trend()
        )
    }
}

#[cfg(test)]
#[path = "debt_tests.rs"]
mod tests;
