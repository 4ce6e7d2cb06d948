//! Matching items against a search: every word must appear in the item's id, title, tags,
//! assignee, kind, description or initiative, ignoring case, or be an imported item's source key
//! (`gh:123`; `gh:` or `SHOP-` for every key that starts so); `+sprint`, `+backlog` and
//! `+blocked` keep the open sprint's items, the open work outside it, and blocked items.

use crate::model::{Board, Item};

/// A parsed search: lower-cased words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            text: text.trim().to_owned(),
            words: text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// The search as typed (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `item` of `board` matches, the `+` words included.
    pub fn matches_on(&self, board: &Board, item: &Item) -> bool {
        self.words.iter().all(|word| match word.as_str() {
            SPRINT => board.in_current_sprint(item),
            "+backlog" => !board.in_current_sprint(item) && !board.is_done_column(item.track, &item.column),
            "+blocked" => item.blocked.is_some(),
            _ => word_matches(word, item),
        })
    }
}

/// The search that shows only the open sprint's items.
pub const SPRINT: &str = "+sprint";

/// `#12` matches the id, `#tag` a tag, `@name` the assignee, `%initiative` the initiative
/// (see [`initiative_matches`]); other words any text field.
fn word_matches(word: &str, item: &Item) -> bool {
    let has = |text: &str, part: &str| text.to_lowercase().contains(part);
    if let Some(rest) = word.strip_prefix('%') {
        return initiative_matches(rest, item);
    }
    if let Some(rest) = word.strip_prefix('#') {
        return match rest.parse::<u64>() {
            Ok(id) => item.id == id,
            Err(_) => item.tags.iter().any(|t| has(t, rest)),
        };
    }
    if let Some(rest) = word.strip_prefix('@') {
        return item.assignee.as_deref().is_some_and(|a| has(a, rest));
    }
    has(&item.title, word)
        || item.tags.iter().any(|t| has(t, word))
        || item.assignee.as_deref().is_some_and(|a| has(a, word))
        || item.kind.name() == word
        || has(&item.description, word)
        || item.source.as_deref().is_some_and(|s| key_matches(&s.key, word))
}

/// A source key matches whole (`gh:12` is not `gh:123`), or by its prefix when the word ends
/// where a key's number starts (`gh:`, `shop-`).
fn key_matches(key: &str, word: &str) -> bool {
    let key = key.to_lowercase();
    key == word || (word.ends_with([':', '-']) && key.starts_with(word))
}

/// Phased delivery: `%` any item in an initiative, `%check` one whose initiative id contains
/// `check`, `%check:mvp` also in that phase, `%:pol` any initiative's items in that phase (a
/// phase may be shortened to its first letters).
fn initiative_matches(word: &str, item: &Item) -> bool {
    let (Some(initiative), Some(phase)) = (&item.initiative, item.phase) else { return false };
    let (id, wanted_phase) = word.split_once(':').unwrap_or((word, ""));
    initiative.contains(id) && phase.name().starts_with(wanted_phase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::domain::change::{NewItem, ops};
    use crate::model::Board;

    fn item(title: &str, tags: &[&str], assignee: Option<&str>) -> Item {
        let board = Board::new("t");
        let new = NewItem {
            title: title.into(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            assignee: assignee.map(str::to_owned),
            ..NewItem::default()
        };
        match ops::add(&board, new, chrono::DateTime::UNIX_EPOCH).expect("add").edit {
            Edit::Add(item) => *item,
            _ => unreachable!("add makes an Add"),
        }
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let it = item("Export to CSV", &["api"], Some("Alex"));
        for (query, expected) in [
            ("export", true),
            ("CSV export", true),
            ("#api", true),
            ("@alex", true),
            ("alex", true),
            ("feature", true),
            ("#1", true),
            ("#2", false),
            ("export pdf", false),
            ("", true),
            ("%", false),
        ] {
            assert_eq!(Query::new(query).matches_on(&Board::new("t"), &it), expected, "query {query:?}");
        }
    }

    #[test]
    fn a_source_key_is_found_whole_or_by_its_prefix() {
        let mut it = item("Checkout times out", &[], None);
        it.source = Some(Box::new(crate::model::Source {
            system: "github".into(),
            origin: "github.com/acme/shop".into(),
            key: "gh:123".into(),
            ..Default::default()
        }));
        for (query, expected) in
            [("gh:123", true), ("GH:123", true), ("gh:12", false), ("gh:", true), ("jira-", false)]
        {
            assert_eq!(Query::new(query).matches_on(&Board::new("t"), &it), expected, "query {query:?}");
        }
    }

    #[test]
    fn percent_words_find_initiatives_and_phases() {
        let mut it = item("Pay with a saved card", &[], None);
        it.initiative = Some("checkout".into());
        it.phase = Some(crate::model::Phase::Enhancement);
        for (query, expected) in [
            ("%", true),
            ("%checkout", true),
            ("%CHECK", true),
            ("%check:enh", true),
            ("%checkout:enhancement", true),
            ("%:e", true),
            ("%checkout:mvp", false),
            ("%:polish", false),
            ("%search", false),
            ("checkout", false),
            ("%checkout card", true),
        ] {
            assert_eq!(Query::new(query).matches_on(&Board::new("t"), &it), expected, "query {query:?}");
        }
        let plain = item("Pay with a saved card", &[], None);
        assert!(!Query::new("%:mvp").matches_on(&Board::new("t"), &plain));
    }
}

#[cfg(test)]
mod rhythm_tests {
    use super::*;
    use crate::domain::change::{NewItem, ops};
    use crate::domain::rhythm::planning;
    use crate::domain::rhythm::planning::NewSprint;

    #[test]
    fn plus_words_keep_the_sprint_the_backlog_or_the_blocked() {
        let now = chrono::DateTime::UNIX_EPOCH;
        let mut board = Board::new("t");
        for (title, column) in [("in sprint", "ready"), ("backlog", "doing"), ("done", "done")] {
            let new = NewItem { title: title.into(), column: Some(column.into()), ..NewItem::default() };
            board.apply(ops::add(&board, new, now).expect("add").edit).expect("apply");
        }
        let ids = |board: &Board, query: &str| -> Vec<u64> {
            let q = Query::new(query);
            board.items().iter().filter(|it| q.matches_on(board, it)).map(|it| it.id).collect()
        };
        assert!(ids(&board, SPRINT).is_empty(), "no sprint open: nothing is in it");
        let sprint = NewSprint {
            name: Some("S".into()),
            start: now.date_naive(),
            end: now.date_naive(),
            capacity: 1,
            model: crate::model::Model::Split,
            stage: None,
            ..Default::default()
        };
        board.apply(planning::start(&board, sprint).expect("start").edit).expect("apply");
        board.apply(planning::commit(&board, &[1], now).expect("commit").edit).expect("apply");
        board
            .apply(crate::domain::change::blocking::block(&board, 2, "why", now).expect("block").edit)
            .expect("apply");
        assert_eq!(ids(&board, "+sprint"), [1]);
        assert_eq!(ids(&board, "+backlog"), [2]);
        assert_eq!(ids(&board, "+blocked"), [2]);
        assert_eq!(ids(&board, "+sprint backlog"), Vec::<u64>::new());
        assert_eq!(ids(&board, "+SPRINT"), [1], "case does not matter");
    }
}
