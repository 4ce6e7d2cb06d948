//! How well a few typed letters match an action's description, for the command palette
//! (docs/guide/board-and-keys.md, "Command palette"): an exact prefix first, then the starts of
//! words, then the letters in order anywhere. Case is ignored.

/// How a query matched a text; lower sorts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The text starts with the query ("acc" in "accept this …").
    Prefix,
    /// A later word starts with the query ("filt" in "search and filter"), or the query's
    /// letters are the starts of words in order ("sf" in "sprint filter").
    WordStart,
    /// The query's letters appear in the text in order ("cpt" in "accept").
    Subsequence,
}

/// How `query` (already in lower case, without surrounding blanks) matches `text`, with the
/// byte position where the match starts (earlier sorts first within a rank); `None` when it
/// does not. An empty query matches everything as a prefix.
pub fn rank(query: &str, text: &str) -> Option<(Rank, usize)> {
    let text = text.to_lowercase();
    if text.starts_with(query) {
        return Some((Rank::Prefix, 0));
    }
    let starts = word_starts(&text);
    if let Some(&at) = starts.iter().find(|&&at| text[at..].starts_with(query)) {
        return Some((Rank::WordStart, at));
    }
    if let Some(at) = initials(query, &text, &starts) {
        return Some((Rank::WordStart, at));
    }
    subsequence(query, &text).map(|at| (Rank::Subsequence, at))
}

/// The byte positions where a word starts: after anything that is not a letter or a digit.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut before_was_word = false;
    for (at, c) in text.char_indices() {
        let is_word = c.is_alphanumeric();
        if is_word && !before_was_word {
            starts.push(at);
        }
        before_was_word = is_word;
    }
    starts
}

/// Where the first of the words whose initials spell `query` in order starts (the words need not
/// be next to each other: "sf" matches "show only the sprint's items / everything" at "sprint…").
fn initials(query: &str, text: &str, starts: &[usize]) -> Option<usize> {
    let mut wanted = query.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut first = None;
    for &at in starts {
        let Some(&next) = wanted.peek() else { break };
        if text[at..].starts_with(next) {
            first.get_or_insert(at);
            wanted.next();
        }
    }
    (wanted.peek().is_none() && query.chars().count() > 1).then_some(first).flatten()
}

/// Where the first letter of `query` is found when its letters are looked for in order.
fn subsequence(query: &str, text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let mut first = None;
    for wanted in query.chars() {
        let (at, _) = chars.by_ref().find(|(_, c)| *c == wanted)?;
        first.get_or_insert(at);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_beats_a_word_start_which_beats_letters_in_order() {
        assert_eq!(rank("acc", "accept this item"), Some((Rank::Prefix, 0)));
        assert_eq!(rank("filt", "search and filter"), Some((Rank::WordStart, 11)));
        assert_eq!(rank("cpt", "accept"), Some((Rank::Subsequence, 1)));
        assert!(Rank::Prefix < Rank::WordStart && Rank::WordStart < Rank::Subsequence);
    }

    #[test]
    fn initials_of_words_in_order_count_as_word_starts() {
        assert_eq!(rank("sf", "sprint filter"), Some((Rank::WordStart, 0)));
        assert_eq!(rank("fs", "sprint filter"), None);
    }

    #[test]
    fn case_is_ignored_and_letters_out_of_order_do_not_match() {
        assert_eq!(rank("help", "Help: every key"), Some((Rank::Prefix, 0)));
        assert_eq!(rank("tpecca", "accept"), None);
        assert_eq!(rank("", "anything"), Some((Rank::Prefix, 0)));
    }

    #[test]
    fn a_word_start_after_punctuation_counts() {
        assert_eq!(rank("every", "help: every key"), Some((Rank::WordStart, 6)));
        assert_eq!(rank("pt", "(pt) points"), Some((Rank::WordStart, 1)));
    }
}
