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

fn word_matches(word: &str, item: &Item) -> bool {
    if let Some(id) = word.strip_prefix('#').and_then(|n| n.parse::<u64>().ok()) {
        return item.id == id || item.tags.iter().any(|t| t.to_lowercase() == word[1..]);
    }
    let has = |text: &str| text.to_lowercase().contains(word);
    has(&item.title)
        || item.tags.iter().any(|t| has(t))
        || item
            .assignee
            .as_deref()
            .is_some_and(|a| has(a) || word.strip_prefix('@').is_some_and(|w| a.to_lowercase().contains(w)))
        || item.kind.name() == word
        || has(&item.description)
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
