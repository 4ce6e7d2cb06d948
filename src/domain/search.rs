//! Matching items against a search: every word must appear in the item's id, title, tags,
//! assignee, kind or description, ignoring case.

use super::item::Item;

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

    pub fn matches(&self, item: &Item) -> bool {
        self.words.iter().all(|word| word_matches(word, item))
    }
}

/// `#12` matches the id, `#tag` a tag, `@name` the assignee; other words any text field.
fn word_matches(word: &str, item: &Item) -> bool {
    let has = |text: &str, part: &str| text.to_lowercase().contains(part);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ops::{self, NewItem};
    use crate::domain::{Board, Edit};

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
        ] {
            assert_eq!(Query::new(query).matches(&it), expected, "query {query:?}");
        }
    }
}
