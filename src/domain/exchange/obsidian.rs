//! Obsidian Kanban boards (the mgmeyers/obsidian-kanban plugin): a Markdown file with
//! `kanban-plugin` in its front matter, a `## Lane` heading per list, `- [ ]` cards (`- [x]`
//! ticked), `<br>` for a line break inside a card, `**Complete**` under a lane whose cards are
//! done, the archived cards after a `***` rule, and the plugin's `%% kanban:settings` block.
//! Read with pulldown-cmark; twotrack's own export marks each card with a block id `^tt-12`.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::error::ExchangeError;
use super::record::{Batch, Record};
use crate::model::CheckEntry;

const EXPECTED: &str = "an Obsidian Kanban board";

/// The cards of an Obsidian Kanban board; `origin` names the file.
pub fn read(original: &str, origin: &str) -> Result<Batch, ExchangeError> {
    let text = original;
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TASKLISTS);
    // The front matter as blank lines: the plugin writes a blank line after its opening `---`,
    // which a Markdown parser would read as a rule (the archive's marker).
    let blanked = without_front_matter(text);
    let text = blanked.as_str();
    let mut batch = Batch { system: "obsidian", origin: origin.to_owned(), ..Batch::default() };
    let mut state = State::default();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => state.heading = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                state.lane = state.heading.take().map(|h| h.trim().to_owned());
                state.complete = false;
            }
            Event::Text(t) if state.heading.is_some() => {
                state.heading.iter_mut().for_each(|h| h.push_str(&t))
            }
            Event::Text(t) if state.strong && depth == 0 && t.trim() == "Complete" => state.complete = true,
            Event::Start(Tag::Strong) => state.strong = true,
            Event::End(TagEnd::Strong) => state.strong = false,
            Event::Rule if state.lane.is_some() => state.archive = true,
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 1 {
                    state.card = Some((range.start, false));
                }
            }
            Event::TaskListMarker(checked) if depth == 1 => {
                state.card.iter_mut().for_each(|c| c.1 = checked);
            }
            Event::End(TagEnd::Item) => {
                depth = depth.saturating_sub(1);
                if let Some((start, checked)) = state.card.take_if(|_| depth == 0) {
                    let at = format!("line {}", line_of(text, start));
                    batch.records.push(card(&text[start..range.end], checked, &state, at));
                }
            }
            _ => {}
        }
    }
    let lanes = batch.records.iter().any(|r| r.status.is_some());
    if front_matter(original, "kanban-plugin").is_none() && !lanes {
        return Err(ExchangeError::NotThatFormat {
            expected: EXPECTED,
            why: "it has no kanban-plugin front matter and no `## Lane` with cards".into(),
        });
    }
    number_duplicates(&mut batch.records);
    batch.board = front_matter(original, "twotrack-board");
    Ok(batch)
}

#[derive(Default)]
struct State {
    heading: Option<String>,
    lane: Option<String>,
    complete: bool,
    strong: bool,
    archive: bool,
    card: Option<(usize, bool)>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// One card from its Markdown: the first line is the title, `<br>` and continued lines its
/// description, `- [ ]` lines under it its checklist, `#tags` its labels, `[sprint:: name]` its
/// sprint and `[assignee:: name]` its assignee (other inline fields are kept), `^tt-12` its id.
fn card(raw: &str, checked: bool, state: &State, at: String) -> Record {
    let body = raw.trim_start_matches(['-', '*', '+', ' ']);
    let body = body.get(3..).filter(|_| body.starts_with('[')).unwrap_or(body).trim();
    // twotrack's block id ends the card (where Obsidian looks for a block id).
    let (body, id) = match body.rsplit_once(" ^tt-").and_then(|(b, n)| Some((b, n.trim().parse().ok()?))) {
        Some((body, id)) => (body, Some(id)),
        None => (body, None),
    };
    let lines: Vec<String> = body
        .split('\n')
        .flat_map(|l| l.split("<br>").map(|s| s.trim().to_owned()).collect::<Vec<_>>())
        .collect();
    let (first, rest) = lines.split_first().map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
    let mut words: Vec<&str> = Vec::new();
    let mut record =
        Record { at, id, closed: checked || state.complete || state.archive, ..Record::default() };
    let (first, inline) = inline_fields(first);
    for (name, value) in inline {
        if name.eq_ignore_ascii_case("sprint") {
            record.sprint = Some(value.clone()).filter(|v| !v.is_empty());
        } else if name.eq_ignore_ascii_case("assignee") {
            record.assignee = Some(value.clone()).filter(|v| !v.is_empty());
        }
        record.keep(&name, &value);
    }
    for word in first.split(' ').filter(|w| !w.is_empty()) {
        if let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty() && !t.starts_with('#')) {
            record.labels.push(tag.to_owned());
        } else if let Some(date) = word.strip_prefix("@{").and_then(|d| d.strip_suffix('}')) {
            record.keep("due", date);
        } else {
            words.push(word);
        }
    }
    record.title = words.join(" ").trim().to_owned();
    let mut description = Vec::new();
    for line in rest {
        match line.strip_prefix("- [").and_then(|l| l.split_once("] ")) {
            Some((mark, text)) if mark == " " || mark == "x" => {
                record.checklist.push(CheckEntry { text: text.to_owned(), done: mark == "x" })
            }
            _ => description.push(line.as_str()),
        }
    }
    record.description = description.join("\n").trim().to_owned();
    record.status = state.lane.clone();
    if state.archive {
        record.keep("archived", "yes");
    }
    record.key = match record.id {
        Some(id) => format!("tt-{id}"),
        None => record.title.clone(),
    };
    record
}

/// The line without its Dataview inline fields (`[name:: value]`), and the fields.
fn inline_fields(line: &str) -> (String, Vec<(String, String)>) {
    let mut rest = String::with_capacity(line.len());
    let mut fields = Vec::new();
    let mut left = line;
    while let Some(open) = left.find('[') {
        let field = left[open + 1..].split_once(']').and_then(|(inside, after)| {
            let (name, value) = inside.split_once("::")?;
            let name = name.trim();
            let plain = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            plain.then(|| ((name.to_owned(), value.trim().to_owned()), after))
        });
        match field {
            Some((field, after)) => {
                rest.push_str(&left[..open]);
                fields.push(field);
                left = after;
            }
            None => {
                rest.push_str(&left[..=open]);
                left = &left[open + 1..];
            }
        }
    }
    rest.push_str(left);
    (rest, fields)
}

/// Cards keyed by their title: a second card of the same title is `title (2)`, so both come in.
fn number_duplicates(records: &mut [Record]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for record in records.iter_mut() {
        let n = seen.entry(record.key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            record.key = format!("{} ({n})", record.key);
        }
    }
}

/// A value of the front matter (`key: value` between the opening `---` lines).
fn front_matter(text: &str, key: &str) -> Option<String> {
    let rest = text.trim_start().strip_prefix("---")?;
    let end = rest.find("\n---")?;
    rest[..end].lines().find_map(|l| Some(l.strip_prefix(key)?.strip_prefix(':')?.trim().to_owned()))
}

/// `text` with its front matter (from a first line `---` to the next `---` line) turned into as
/// many empty lines, so that line numbers stay those of the file.
fn without_front_matter(text: &str) -> String {
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return text.to_owned();
    }
    match lines.position(|l| l.trim_end() == "---") {
        Some(end) => {
            let rest: Vec<&str> = text.split('\n').skip(end + 2).collect();
            format!("{}{}", "\n".repeat(end + 2), rest.join("\n"))
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_fields_leave_the_line_and_brackets_that_are_not_fields_stay() {
        let (rest, fields) = inline_fields("Pay [sprint:: Sprint 3] now [[a link]] [x] [due::2026-01-02]");
        assert_eq!(rest, "Pay  now [[a link]] [x] ");
        assert_eq!(
            fields,
            vec![("sprint".to_owned(), "Sprint 3".to_owned()), ("due".to_owned(), "2026-01-02".to_owned())]
        );
    }

    #[test]
    fn a_card_in_a_sprint_keeps_it_and_its_title_whole() {
        let text = "## Doing\n\n- [ ] Pay the bill #kind/bug [sprint:: Sprint 3] ^tt-7\n";
        let batch = read(text, "board").expect("reads");
        let card = &batch.records[0];
        assert_eq!((card.title.as_str(), card.sprint.as_deref()), ("Pay the bill", Some("Sprint 3")));
        assert_eq!((card.labels.clone(), card.id), (vec!["kind/bug".to_owned()], Some(7)));
    }
}
