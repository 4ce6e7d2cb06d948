//! Wrapping text into lines of a width, at spaces (a word longer than a line is cut into
//! pieces), so overlays and notes wrap instead of cutting what they say.

use unicode_width::UnicodeWidthStr;

/// `text` in lines of at most `width` columns; every line after the first starts with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(indent.width() + 1);
    let mut lines: Vec<String> = Vec::new();
    // Leading spaces indent the first line.
    let body = text.trim_start_matches(' ');
    let mut line = " ".repeat(text.len() - body.len());
    // Characters on the current line after its indent.
    let mut used = 0;
    let new_line = |lines: &mut Vec<String>, line: &mut String| {
        lines.push(std::mem::replace(line, indent.to_owned()));
    };
    for word in body.split(' ') {
        if used > 0 && line.width() + 1 + word.width() > width {
            new_line(&mut lines, &mut line);
            used = 0;
        }
        if used > 0 {
            line.push(' ');
        }
        for c in word.chars() {
            if used > 0 && line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                new_line(&mut lines, &mut line);
                used = 0;
            }
            line.push(c);
            used += 1;
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("one two three four", 9, ""), ["one two", "three", "four"]);
        assert_eq!(wrap("one two three", 9, "  "), ["one two", "  three"]);
        assert_eq!(wrap("abcdefghij", 4, ""), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5, ""), [""]);
        assert_eq!(wrap("  key  text", 20, ""), ["  key  text"], "leading and inner spaces stay");
        for line in wrap("Terminal too small (20x5): twotrack needs 40x10", 12, " ") {
            assert!(line.chars().count() <= 12, "{line}");
        }
    }
}
