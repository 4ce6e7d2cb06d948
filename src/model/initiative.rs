//! Phased delivery: initiatives (epics) that ship in three phases — MVP, enhancement, polish —
//! with a recorded decision at each of the two boundaries between them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::ItemId;
use super::phase::{Boundary, OpenItems, Phase, Status, Verdict};

/// The decision recorded at a phase boundary: review, decide, plan, communicate.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub boundary: Boundary,
    pub decision: Verdict,
    pub date: NaiveDate,
    pub author: String,
    /// What worked and what didn't.
    pub review: String,
    /// How the next phase is adjusted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan: String,
    /// Who was told.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub communicated: String,
    /// For a stop: what became of the open items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_items: Option<OpenItems>,
    /// For a stop: the open items dropped or moved to the backlog.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemId>,
}

impl Decision {
    /// "2026-11-21 alex · boundary 1 (MVP → enhancement): continue".
    pub fn headline(&self) -> String {
        format!(
            "{} {} · boundary {} ({}): {}",
            self.date,
            self.author,
            self.boundary.number(),
            self.boundary.label(),
            self.decision
        )
    }

    /// The notes that were given, one line each ("review: …"), and what a stop did.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> =
            [("review", &self.review), ("plan", &self.plan), ("communicated", &self.communicated)]
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(name, value)| {
                    format!("{name}: {}", value.split_whitespace().collect::<Vec<_>>().join(" "))
                })
                .collect();
        if let Some(choice) = self.open_items {
            let ids: Vec<String> = self.items.iter().map(|id| format!("#{id}")).collect();
            let what = match choice {
                OpenItems::Drop => "dropped",
                OpenItems::Backlog => "moved to the backlog",
            };
            notes.push(format!("open items {what}: {}", ids.join(", ")));
        }
        notes
    }
}

/// Success criteria per phase: short lines saying when the phase has done its job.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mvp: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enhancement: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub polish: Vec<String>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        self.mvp.is_empty() && self.enhancement.is_empty() && self.polish.is_empty()
    }

    pub fn of(&self, phase: Phase) -> &[String] {
        match phase {
            Phase::Mvp => &self.mvp,
            Phase::Enhancement => &self.enhancement,
            Phase::Polish => &self.polish,
        }
    }

    pub fn of_mut(&mut self, phase: Phase) -> &mut Vec<String> {
        match phase {
            Phase::Mvp => &mut self.mvp,
            Phase::Enhancement => &mut self.enhancement,
            Phase::Polish => &mut self.polish,
        }
    }
}

/// An initiative (an epic) delivered in phases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// A short text id (`checkout`), unique on the board: cards and searches use it.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Criteria::is_empty")]
    pub criteria: Criteria,
    pub status: Status,
    /// Oldest first, as they were recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

impl Initiative {
    /// The latest decision recorded for `boundary`.
    pub fn decision_at(&self, boundary: Boundary) -> Option<&Decision> {
        self.decisions.iter().rev().find(|d| d.boundary == boundary)
    }
}

/// Longest id a name is turned into; `--id` may give a longer one up to [`MAX_ID`].
const SLUG_LENGTH: usize = 16;
/// Longest id accepted at all.
pub const MAX_ID: usize = 32;

/// Whether `id` can be an initiative id: lower-case ASCII letters, digits, `-` and `_`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A short id made from a name ("Checkout revamp!" → `checkout-revamp`), cut at a word break
/// when long; `initiative` when the name has no ASCII letters or digits.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > SLUG_LENGTH {
        let cut = out[..=SLUG_LENGTH].rfind('-').filter(|at| *at >= SLUG_LENGTH / 2).unwrap_or(SLUG_LENGTH);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "initiative".to_owned() } else { out.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_readable_and_valid() {
        for (name, expected) in [
            ("Checkout", "checkout"),
            ("Checkout revamp!", "checkout-revamp"),
            ("  New   onboarding flow 2.0 ", "new-onboarding"),
            ("Überweisungen", "berweisungen"),
            ("日本語", "initiative"),
            ("a-very-long-name-without-breaks-at-all", "a-very-long-name"),
            ("Supercalifragilisticexpialidocious", "supercalifragili"),
        ] {
            let slug = slug(name);
            assert_eq!(slug, expected, "{name}");
            assert!(valid_id(&slug), "{slug}");
        }
        assert!(!valid_id("Checkout"));
        assert!(!valid_id("check out"));
        assert!(!valid_id(""));
    }
}
