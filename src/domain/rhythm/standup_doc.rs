//! The standup as a document: what the `standup` command prints (text or Markdown) and the
//! standup view draws.

use super::doc::{Block, Doc, Section};
use super::standup::{Callout, Finished, ItemRef, Person, Standup, Work};
use crate::model::Tally;
use crate::words::count;

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
        let mut sections = vec![self.activity(), self.debt(), self.overruns()];
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
            for work in Work::ALL.map(Some).into_iter().chain([None]) {
                let lines = person_lines(person, work);
                if !lines.is_empty() {
                    let heading = format!("{} · {}", person.name, work_heading(work));
                    section = section.with(Block::Sub(heading)).with(Block::List(lines));
                }
            }
        }
        section
    }

    /// The debt logged and repaid since the mark, as the sprint figures count them.
    fn debt(&self) -> Section {
        let (created, repaid) = (&self.debt.created, &self.debt.repaid);
        let net = i64::from(created.points) - i64::from(repaid.points);
        let para = format!("logged {} · repaid {} · net {net:+} points", tally(created), tally(repaid));
        Section::new("Debt since then").with(Block::Para(para))
    }

    /// The items whose follow-ups exceed the debt anticipated for them.
    fn overruns(&self) -> Section {
        let section = Section::new(format!("More debt than anticipated ({})", self.overruns.len()));
        if self.overruns.is_empty() {
            return section.with(Block::Para("no item left more debt than its team expected".into()));
        }
        let lines = self.overruns.iter().map(|o| {
            let who = o.assignee.as_ref().map_or_else(String::new, |w| format!(" — @{w}"));
            format!("{}{who}", o.line())
        });
        section
            .with(Block::Warning(format!(
                "{} left more debt than anticipated (follow-ups logged since {})",
                count(self.overruns.len() as u64, "item"),
                self.overruns_from.format("%a %Y-%m-%d")
            )))
            .with(Block::List(capped(lines, self.overruns.len())))
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

/// A person's lines about one kind of work (`None`: items no longer on the board), capped; only
/// the lines shown are written out, however much a person did.
fn person_lines(person: &Person, work: Option<Work>) -> Vec<String> {
    let of = |r: &ItemRef| r.work == work;
    let moved = person.moved.iter().filter(|m| of(&m.item));
    let finished = person.finished.iter().filter(|f| of(&f.item));
    let added = person.added.iter().filter(|r| of(r));
    let total = moved.clone().count() + finished.clone().count() + added.clone().count();
    let lines = moved
        .map(|m| format!("moved #{} {}: {} → {}", m.item.id, m.item.title, m.from, m.to))
        .chain(finished.map(Finished::line))
        .chain(added.map(|r| format!("added #{} {}", r.id, r.title)));
    capped(lines, total)
}

/// "delivery (stage one)": what a person's group of lines is about.
fn work_heading(work: Option<Work>) -> &'static str {
    match work {
        Some(Work::Delivery) => "delivery (stage one)",
        Some(Work::Refinement) => "refinement (stage two)",
        Some(Work::Spikes) => "spikes (discovery)",
        None => "no longer on the board",
    }
}

/// "2 items (5 points)".
fn tally(t: &Tally) -> String {
    format!("{} ({})", count(t.items, "item"), count(t.points, "point"))
}

/// "#5 Title — @ana, 5d in Review", with " (blocked)" when `mark` asks for it.
fn line(c: &Callout, rest: &str, mark: bool) -> String {
    let who = c.who.as_ref().map_or_else(|| "nobody".to_owned(), |w| format!("@{w}"));
    let blocked = if mark && c.blocked { " (blocked)" } else { "" };
    format!("#{} {} — {who}, {rest}{blocked}", c.item.id, c.item.title)
}
