//! The review and the retrospective as one self-contained HTML file (docs/guide/rhythm.md, "The
//! review as a web page"): inline CSS and SVG, no script, nothing fetched from anywhere. maud
//! writes the page and escapes every piece of board text by construction; the charts' SVG comes
//! from plotters' SVG backend, which escapes the text it writes too (`plot.rs`, tested).

mod blocks;
mod charts;
mod plot;
mod plot_flow;

use maud::{DOCTYPE, PreEscaped, html};

pub use self::plot::ChartError;
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::flow::Flow;

/// The page's style sheet, inline in every file.
const CSS: &str = include_str!("../../../../assets/review.css");

/// What a page is made of: the document, the sections other parts write as text (initiatives,
/// evidence, debt), and the charts' figures.
pub struct Page<'a> {
    pub doc: &'a Doc,
    /// Each a section as plain text, its heading on the first line.
    pub elsewhere: &'a [String],
    pub flow: &'a Flow,
}

/// The whole HTML file.
pub fn page(page: &Page) -> Result<String, ChartError> {
    let charts = charts::all(page.flow)?;
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="twotrack";
                title { (page.doc.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    h1 { (page.doc.title) }
                    @for line in &page.doc.intro { p.intro { (line) } }
                    @for section in &page.doc.sections { (blocks::section(section)) }
                    @for text in page.elsewhere {
                        @let (heading, body) = text.trim().split_once('\n').unwrap_or((text.trim(), ""));
                        section {
                            h2 { (heading) }
                            @if !body.is_empty() { pre { (body) } }
                        }
                    }
                    section.charts {
                        h2 { "Charts" }
                        @for chart in &charts { (charts::figure(chart)) }
                        @if let Some(why) = charts::rest_on(page.flow) { (why) }
                    }
                }
            }
        }
    };
    Ok(markup.into_string())
}
