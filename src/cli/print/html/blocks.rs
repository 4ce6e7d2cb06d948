//! A document's sections ([`Doc`](crate::domain::rhythm::doc::Doc)) as HTML: paragraphs,
//! warnings marked `!` in words (never colour alone), sub-headings, lists and tables with a
//! header row. maud escapes every piece of text.

use maud::{Markup, html};

use crate::domain::rhythm::doc::{Block, Section};

/// A section with its heading.
pub fn section(section: &Section) -> Markup {
    html! {
        section {
            h2 { (section.heading) }
            @for one in &section.blocks { (block(one)) }
        }
    }
}

pub fn block(block: &Block) -> Markup {
    html! {
        @match block {
            Block::Para(text) => p { (text) },
            Block::Warning(text) => p.warning { strong { "! " } (text) },
            Block::Sub(text) => h3 { (text) },
            Block::List(items) => ul { @for item in items { li { (item) } } },
            Block::Table { header, rows } => div.scroll {
                table {
                    thead { tr { @for cell in header { th scope="col" { (cell) } } } }
                    tbody {
                        @for row in rows {
                            tr { @for cell in row { td.num[numeric(cell)] { (cell) } } }
                        }
                    }
                }
            },
        }
    }
}

/// Whether a cell is a number (right-aligned).
fn numeric(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_digit()) || cell == "-"
}
