//! Adding a list of items from pasted text: one item per line, without list bullets or
//! numbers, in a column and lane, edited in a form before they are added.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::{NewItem, Op, OpError, ops};
use crate::model::{Board, Column, Kind, Stage, Timestamp, Track};

/// The titles in pasted text: one per non-blank line, without list bullets or numbers.
pub fn titles(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim();
            let unnumbered = line
                .split_once(['.', ')'])
                .filter(|(n, rest)| {
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with(' ')
                })
                .map_or(line, |(_, rest)| rest);
            let unbulleted = unnumbered
                .strip_prefix("- [ ] ")
                .or_else(|| unnumbered.strip_prefix(['-', '*', '•', '+']).filter(|r| r.starts_with(' ')))
                .unwrap_or(unnumbered);
            unbulleted.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The form that adds one item per title in a column and lane (also rebuilt from a draft).
pub fn form((track, column, stage): (Track, &Column, Stage), titles: &[String]) -> Form {
    let kind = if track == Track::Discovery { Kind::Spike } else { Kind::Feature };
    let kinds = Kind::ALL.iter().map(|k| k.name()).collect();
    Form::new(
        Purpose::NewItems { track, column: column.id.clone(), stage },
        match titles.len() {
            1 => "Add 1 pasted item".to_owned(),
            n => format!("Add {n} pasted items"),
        },
        format!("Each line becomes an item in {}, {}; edit the list, then save", column.name, stage.label()),
        vec![
            Field::new(FieldKey::Titles, "Titles, one per line", Input::text(&titles.join("\n"))),
            Field::new(FieldKey::Kind, "Kind", Input::choice(kinds, kind.name())),
        ],
    )
}

/// The items the pasted-items form adds, as one step, or the field to fix.
pub fn op(
    form: &Form,
    board: &Board,
    (track, column, stage): (Track, &str, Stage),
    now: Timestamp,
) -> Result<Result<Op, OpError>, (usize, String)> {
    let titles = titles(&form.value(FieldKey::Titles));
    if titles.is_empty() {
        return Err((form.position(FieldKey::Titles), "write at least one title, one per line".into()));
    }
    let kind = form.value(FieldKey::Kind).parse::<Kind>().ok();
    let news = titles
        .into_iter()
        .map(|title| NewItem {
            title,
            track: Some(track),
            column: Some(column.to_owned()),
            stage: Some(stage),
            kind,
            ..NewItem::default()
        })
        .collect();
    Ok(ops::add_many(board, news, now))
}

#[cfg(test)]
mod tests {
    use super::titles;

    #[test]
    fn lines_become_titles_without_bullets() {
        let text = "Fix the dashboard\n\n- Export to CSV\n* Rate   limit\n  3. Third thing\n10) Tenth\n- [ ] A task\n3.5 points is not a number\n";
        assert_eq!(
            titles(text),
            [
                "Fix the dashboard",
                "Export to CSV",
                "Rate limit",
                "Third thing",
                "Tenth",
                "A task",
                "3.5 points is not a number"
            ]
        );
        assert!(titles("  \n\n").is_empty());
    }
}
