//! Structured text for the standup and the sprint review: a title, a few lines of context, and
//! sections of paragraphs, warnings, sub-headings, lists and tables. The command line prints it
//! as plain text or Markdown; the standup view draws it. Pure.

/// A document: what `standup` and `report` produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    /// Lines under the title (what the document covers).
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(String),
    /// Something to act on, shown with `!` (never colour alone).
    Warning(String),
    /// A heading inside a section (a person's name in the standup).
    Sub(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

impl Section {
    pub fn new(heading: impl Into<String>) -> Section {
        Section { heading: heading.into(), blocks: Vec::new() }
    }

    pub fn with(mut self, block: Block) -> Section {
        self.blocks.push(block);
        self
    }

    /// A list, unless there is nothing to list.
    pub fn list(self, items: Vec<String>) -> Section {
        if items.is_empty() { self } else { self.with(Block::List(items)) }
    }

    /// A list, or `empty` as a paragraph when there is nothing to list.
    pub fn list_or(self, items: Vec<String>, empty: &str) -> Section {
        if items.is_empty() {
            self.with(Block::Para(empty.to_owned()))
        } else {
            self.with(Block::List(items))
        }
    }
}

/// A table's rows (header first) as lines with the columns padded to their widest cell; numbers
/// are right-aligned. Widths are display widths, so wide characters line up.
pub fn table_lines(header: &[String], rows: &[Vec<String>]) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let cell = |row: &[String], i: usize| row.get(i).map_or("", String::as_str).to_owned();
    let all: Vec<&[String]> = std::iter::once(header).chain(rows.iter().map(Vec::as_slice)).collect();
    let widths: Vec<usize> =
        (0..header.len()).map(|i| all.iter().map(|r| cell(r, i).width()).max().unwrap_or(0)).collect();
    all.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, width) in widths.iter().enumerate() {
                let text = cell(row, i);
                let pad = " ".repeat(width.saturating_sub(text.width()));
                let numeric = i > 0 && text.starts_with(|c: char| c.is_ascii_digit());
                line.push_str(&if numeric { format!("{pad}{text}  ") } else { format!("{text}{pad}  ") });
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Values as a one-line chart of block characters, `max` being the full block.
pub fn spark(values: &[u64], max: u64) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| {
            let at = v.min(&max).saturating_mul(7).checked_div(max).unwrap_or(0);
            BARS[usize::try_from(at).unwrap_or(0).min(7)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::count;

    #[test]
    fn counts_sparks_and_tables() {
        assert_eq!(
            (count(1u32, "item"), count(0u32, "item"), count(3u32, "point")),
            ("1 item".into(), "0 items".into(), "3 points".into())
        );
        assert_eq!(spark(&[0, 30, 63, 100, 250], 100), "▁▃▅██");
        assert_eq!(spark(&[5], 0), "▁", "no scale: the lowest bar");
        let header = vec!["sprint".to_owned(), "done".to_owned()];
        let rows =
            vec![vec!["Sprint 9".to_owned(), "8".to_owned()], vec!["日本".to_owned(), "10".to_owned()]];
        assert_eq!(table_lines(&header, &rows), ["sprint    done", "Sprint 9     8", "日本        10"]);
    }
}
