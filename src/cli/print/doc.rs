//! A [`Doc`] (standup, sprint review) printed as plain text for a terminal or as Markdown for a
//! chat or meeting notes. Each builds one `String`, printed at once.

use std::fmt::Write;

use crate::domain::rhythm::doc::{Block, Doc, table_lines};

pub fn text(doc: &Doc) -> String {
    let mut out = format!("{}\n", doc.title);
    for line in &doc.intro {
        let _ = writeln!(out, "{line}");
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n{}", section.heading);
        for block in &section.blocks {
            match block {
                Block::Para(text) => _ = writeln!(out, "  {text}"),
                Block::Warning(text) => _ = writeln!(out, "  ! {text}"),
                Block::Sub(text) => _ = writeln!(out, "  {text}"),
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "    - {item}");
                    }
                }
                Block::Table { header, rows } => {
                    for line in table_lines(header, rows) {
                        let _ = writeln!(out, "  {line}");
                    }
                }
            }
        }
    }
    out
}

pub fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n", escape(&doc.title));
    for line in &doc.intro {
        let _ = write!(out, "\n{}\n", escape(line));
    }
    for section in &doc.sections {
        let _ = write!(out, "\n## {}\n", escape(&section.heading));
        for block in &section.blocks {
            match block {
                Block::Para(text) => _ = write!(out, "\n{}\n", escape(text)),
                Block::Warning(text) => _ = write!(out, "\n**! {}**\n", escape(text)),
                Block::Sub(text) => _ = write!(out, "\n### {}\n", escape(text)),
                Block::List(items) => {
                    out.push('\n');
                    for item in items {
                        let _ = writeln!(out, "- {}", escape(item));
                    }
                }
                Block::Table { header, rows } => {
                    let line = |cells: &[String]| {
                        let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
                        format!("| {} |\n", cells.join(" | "))
                    };
                    out.push('\n');
                    out.push_str(&line(header));
                    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                    for row in rows {
                        out.push_str(&line(row));
                    }
                }
            }
        }
    }
    out
}

/// Text as Markdown shows it literally: the characters that would format it are escaped, and a
/// `#` that starts the text when it would make a heading (`# x`, `##`; `#12` is no heading).
fn escape(text: &str) -> String {
    let text = text.replace('\n', " ");
    let heading = text.starts_with('#') && !text[1..].starts_with(|c: char| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') || (i == 0 && heading) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rhythm::doc::Section;

    fn doc() -> Doc {
        Doc {
            title: "Review: *Sprint* 1".into(),
            intro: vec!["from a to b".into()],
            sections: vec![
                Section::new("Figures")
                    .with(Block::Table {
                        header: vec!["".into(), "points".into()],
                        rows: vec![vec!["stage two".into(), "12".into()], vec!["a|b".into(), "3".into()]],
                    })
                    .with(Block::Warning("stage two skipped twice".into())),
                Section::new("People")
                    .with(Block::Sub("ana".into()))
                    .with(Block::List(vec!["#1 x_y <z>".into()])),
            ],
        }
    }

    #[test]
    fn plain_text_aligns_tables_and_marks_warnings() {
        assert_eq!(
            text(&doc()),
            "Review: *Sprint* 1\nfrom a to b\n\nFigures\n             points\n  stage two      12\n  a|b             3\n  \
             ! stage two skipped twice\n\nPeople\n  ana\n    - #1 x_y <z>\n"
        );
    }

    #[test]
    fn markdown_escapes_what_would_format_and_keeps_tables_whole() {
        assert_eq!(
            markdown(&doc()),
            "# Review: \\*Sprint\\* 1\n\nfrom a to b\n\n## Figures\n\n|  | points |\n|---|---|\n| stage two | 12 |\n\
             | a\\|b | 3 |\n\n**! stage two skipped twice**\n\n## People\n\n### ana\n\n- #1 x\\_y \\<z\\>\n"
        );
        assert_eq!(escape("#12 is\nmine"), "#12 is mine");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
    }
}
