//! The standup as a document: what the `standup` command prints (text or Markdown) and the
//! standup view draws.

use super::doc::{Block, Doc, Section};
use super::standup::{Callout, Standup};

const TIME: &str = "%a %Y-%m-%d %H:%M";

impl Standup {
    pub fn to_doc(&self) -> Doc {
        let mut intro = vec![format!(
            "Since {} UTC ({}), as of {} UTC",
            self.since.time.format(TIME),
            self.since.why,
            self.now.format(TIME)
        )];
        intro.extend(self.sprint.clone());
        let mut sections = vec![self.activity()];
        sections.push(Section::new(format!("Blocked ({})", self.blocked.len())).list_or(
            self.blocked.iter().map(|c| line(c, &format!("{}d: {}", c.days, c.note), false)).collect(),
            "nothing is blocked",
        ));
        sections.push(
            Section::new(format!("Overdue spikes ({})", self.overdue.len())).list_or(
                self.overdue
                    .iter()
                    .map(|c| line(c, &format!("{}d overdue, in {}", c.days, c.note), true))
                    .collect(),
                "no spike is past its timebox",
            ),
        );
        let days = self.stale_days;
        sections.push(
            Section::new(format!("Not moved for {days} days or more ({})", self.stale.len())).list_or(
                self.stale.iter().map(|c| line(c, &format!("{}d in {}", c.days, c.note), true)).collect(),
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
            let mut lines: Vec<String> = person
                .moved
                .iter()
                .map(|m| format!("moved #{} {}: {} → {}", m.item.id, m.item.title, m.from, m.to))
                .collect();
            lines.extend(person.finished.iter().map(|r| format!("finished #{} {}", r.id, r.title)));
            lines.extend(person.added.iter().map(|r| format!("added #{} {}", r.id, r.title)));
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
            let lines = items
                .iter()
                .map(|c| {
                    let blocked = if c.blocked { ", blocked" } else { "" };
                    format!("#{} {} ({}, {}d{blocked})", c.item.id, c.item.title, c.note, c.days)
                })
                .collect();
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
