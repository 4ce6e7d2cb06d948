//! The series of the charts screen's charts and the legend above each chart: every series'
//! sample stroke, drawn in its style with its marker, then its name, so a series is told apart
//! by its name and its shape (dots or blocks where the terminal has no braille) as well as by
//! its colour. The legend sits above the chart: a box inside it would cover the lines it names.

use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Dataset, GraphType};

use crate::ui::theme::Theme;

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A line through the points.
    Line(Marker),
    /// A point a day, unjoined.
    Dots(Marker),
    /// Bars of a bar chart.
    Bar,
}

/// One series: its name, style and shape.
#[derive(Clone, Debug)]
pub struct Series {
    name: String,
    style: Style,
    shape: Shape,
}

impl Series {
    pub fn new(name: &str, style: Style, shape: Shape) -> Series {
        Series { name: name.to_owned(), style, shape }
    }

    /// The series as a chart's dataset of `data` (named in the legend above, not in the chart).
    pub fn data<'d>(&self, data: &'d [(f64, f64)]) -> Dataset<'d> {
        let (kind, marker) = match self.shape {
            Shape::Line(marker) => (GraphType::Line, marker),
            Shape::Dots(marker) => (GraphType::Scatter, marker),
            Shape::Bar => (GraphType::Bar, Marker::Block),
        };
        Dataset::default().marker(marker).graph_type(kind).style(self.style).data(data)
    }

    /// A short stroke that looks like the series on the chart.
    fn sample(&self) -> &'static str {
        match self.shape {
            Shape::Bar | Shape::Line(Marker::Block) => "██",
            Shape::Line(Marker::Braille) => "──",
            Shape::Line(_) => "••",
            Shape::Dots(Marker::Braille) => "· ·",
            Shape::Dots(_) => "• •",
        }
    }
}

/// The legend of one chart: words before the series, the series, words after.
#[derive(Clone, Debug, Default)]
pub struct Legend {
    lead: &'static str,
    series: Vec<Series>,
    tail: &'static str,
}

impl Legend {
    pub fn new(lead: &'static str, series: Vec<Series>, tail: &'static str) -> Legend {
        Legend { lead, series, tail }
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The legend as the screen draws it.
    pub fn line(&self, theme: &Theme) -> Line<'static> {
        let mut spans = Vec::new();
        if !self.lead.is_empty() {
            spans.push(Span::styled(format!("{} ", self.lead), theme.field_label));
        }
        for s in &self.series {
            spans.push(Span::styled(s.sample(), s.style));
            spans.push(Span::styled(format!(" {}  ", s.name), theme.base));
        }
        if !self.tail.is_empty() {
            spans.push(Span::styled(self.tail, theme.muted));
        }
        Line::from(spans)
    }

    /// The legend's text, to know how many rows it takes.
    pub fn text(&self) -> String {
        let series: String = self.series.iter().map(|s| format!("{} {}  ", s.sample(), s.name)).collect();
        format!("{} {series}{}", self.lead, self.tail).trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_has_its_own_sample_and_the_text_names_every_series() {
        let s = |name, shape| Series::new(name, Style::new(), shape);
        let legend = Legend::new(
            "lines:",
            vec![
                s("scope", Shape::Line(Marker::Dot)),
                s("done", Shape::Line(Marker::Block)),
                s("ideal", Shape::Dots(Marker::Dot)),
            ],
            "(points)",
        );
        assert_eq!(legend.text(), "lines: •• scope  ██ done  • • ideal  (points)");
        let braille = s("ideal", Shape::Dots(Marker::Braille));
        assert_ne!(braille.sample(), s("scope", Shape::Line(Marker::Braille)).sample());
        assert!(Legend::default().is_empty());
    }
}
