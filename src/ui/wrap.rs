//! Wrapping text into lines of a width, at spaces (a word longer than a line is cut into
//! pieces, between characters), so overlays and notes wrap instead of cutting what they say.

use super::text;

/// `text` in lines of at most `width` cells; every line after the first starts with `indent`.
/// Leading spaces indent the first line, and runs of spaces stay as they are.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    // A pile of combining marks on one letter is drawn as a few (escape::MAX_MARKS).
    let text = &*crate::escape::cap_marks(text);
    let indent_width = text::width(indent);
    let width = width.max(indent_width + 1);
    let mut lines: Vec<String> = Vec::new();
    let body = text.trim_start_matches(' ');
    let mut line = " ".repeat(text.len() - body.len());
    let mut used = line.len();
    // Whether the line holds nothing yet but its indent (it takes a word however long).
    let mut fresh = true;
    let new_line = |lines: &mut Vec<String>, line: &mut String, used: &mut usize| {
        lines.push(std::mem::replace(line, indent.to_owned()));
        *used = indent_width;
    };
    for word in body.split(' ') {
        if !fresh && used + 1 + text::width(word) > width {
            new_line(&mut lines, &mut line, &mut used);
            fresh = true;
        }
        if !fresh {
            line.push(' ');
            used += 1;
        }
        for piece in text::graphemes(word) {
            let cells = text::width(piece);
            if !fresh && used + cells > width {
                new_line(&mut lines, &mut line, &mut used);
            }
            line.push_str(piece);
            used += cells;
            fresh = false;
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::ui::text::width;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("one two three four", 9, ""), ["one two", "three", "four"]);
        assert_eq!(wrap("one two three", 9, "  "), ["one two", "  three"]);
        assert_eq!(wrap("abcdefghij", 4, ""), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5, ""), [""]);
        assert_eq!(wrap("  key  text", 20, ""), ["  key  text"], "leading and inner spaces stay");
        for line in wrap("Terminal too small (20x5): twotrack needs 40x10", 12, " ") {
            assert!(width(&line) <= 12, "{line}");
        }
    }

    #[test]
    fn wide_characters_wrap_by_cells_and_are_never_split() {
        assert_eq!(wrap("数据库迁移到新集群", 7, ""), ["数据库", "迁移到", "新集群"]);
        assert_eq!(wrap("Ship 🚀 emoji support", 7, ""), ["Ship 🚀", "emoji", "support"]);
        assert_eq!(wrap("进行中 ok", 6, "  "), ["进行中", "  ok"]);
        let family = "👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧";
        assert_eq!(wrap(family, 3, ""), ["👩‍👩‍👧", "👩‍👩‍👧", "👩‍👩‍👧"], "one picture, two cells, never cut");
    }
}
