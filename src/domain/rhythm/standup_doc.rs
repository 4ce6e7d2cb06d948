//! The standup as a document: what the `standup` command prints (text or Markdown) and the
//! standup view draws.

use super::doc::{Block, Doc, Section};
use super::standup::{Callout, Standup};

const TIME: &str = "%a %Y-%m-%d %H:%M";

/// The most lines a list shows; the rest are counted on one more line, so a standup stays
/// something a team can read together however large the board (the command line's `list`
/// gives everything).
pub const MOST: usize = 15;

/// The first [`MOST`] lines that `lines` gives (of `total`), then how many more there are.
fn capped(lines: impl Iterator<Item = String>, total: usize) -> Vec<String> {
    let mut out: Vec<String> = lines.take(MOST).collect();
    if total > MOST {
        out.push(format!("… and {} more", total - MOST));
    }
    out
}

impl Standup {
    pub fn to_doc(&self) -> Doc {
        let mut intro = vec![format!(
            "Since {} UTC ({}), as of {} UTC",
            self.since.time.format(TIME),
            self.since.why,
            self.now.format(TIME)
        )];
        intro.extend(self.sprint.clone());
        intro.extend(self.goal.as_ref().map(|goal| format!("Sprint goal: {goal}")));
        let mut sections = vec![self.activity()];
        sections.push(Section::new(format!("Blocked ({})", self.blocked.len())).list_or(
            capped(
                self.blocked.iter().map(|c| line(c, &format!("{}d: {}", c.days, c.note), false)),
                self.blocked.len(),
            ),
            "nothing is blocked",
        ));
        sections.push(Section::new(format!("Overdue spikes ({})", self.overdue.len())).list_or(
            capped(
                self.overdue.iter().map(|c| line(c, &format!("{}d overdue, in {}", c.days, c.note), true)),
                self.overdue.len(),
            ),
            "no spike is past its timebox",
        ));
        let days = self.stale_days;
        sections.push(
            Section::new(format!("Not moved for {days} days or more ({})", self.stale.len())).list_or(
                capped(
                    self.stale.iter().map(|c| line(c, &format!("{}d in {}", c.days, c.note), true)),
                    self.stale.len(),
                ),
                &format!("everything in progress moved in the last {days} days"),
            ),
        );
        sections.push(self.in_progress());
        Doc { title: format!("Standup: {}", self.board), intro, sections }
    }

    fn activity(&self) -> Section {
        let mut section = Section::new("What moved, by person");
        if self.people.is_empty() {
            return section.with(Block::Para("nothing was moved, finished or added since then".into()));
        }
        for person in &self.people {
            let moved = person
                .moved
                .iter()
                .map(|m| format!("moved #{} {}: {} → {}", m.item.id, m.item.title, m.from, m.to));
            let finished = person.finished.iter().map(|r| format!("finished #{} {}", r.id, r.title));
            let added = person.added.iter().map(|r| format!("added #{} {}", r.id, r.title));
            let total = person.moved.len() + person.finished.len() + person.added.len();
            let lines = capped(moved.chain(finished).chain(added), total);
            section = section.with(Block::Sub(person.name.clone())).with(Block::List(lines));
        }
        section
    }

    fn in_progress(&self) -> Section {
        let mut section = Section::new("In progress by person");
        if self.in_progress.is_empty() {
            return section.with(Block::Para("nothing is in progress".into()));
        }
        for (who, items) in &self.in_progress {
            let lines = items.iter().map(|c| {
                let blocked = if c.blocked { ", blocked" } else { "" };
                format!("#{} {} ({}, {}d{blocked})", c.item.id, c.item.title, c.note, c.days)
            });
            let lines = capped(lines, items.len());
            section = section
                .with(Block::Sub(who.clone().unwrap_or_else(|| "nobody".into())))
                .with(Block::List(lines));
        }
        section
    }
}

/// "#5 Title — @ana, 5d in Review", with " (blocked)" when `mark` asks for it.
fn line(c: &Callout, rest: &str, mark: bool) -> String {
    let who = c.who.as_ref().map_or_else(|| "nobody".to_owned(), |w| format!("@{w}"));
    let blocked = if mark && c.blocked { " (blocked)" } else { "" };
    format!("#{} {} — {who}, {rest}{blocked}", c.item.id, c.item.title)
}
