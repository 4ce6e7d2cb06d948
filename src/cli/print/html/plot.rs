//! The burn-up and the velocity as SVG, drawn by plotters' SVG backend (which escapes every
//! text and attribute it writes, so a sprint called `</svg><script>` stays text). Series are
//! told apart by line pattern, marker shape and fill, and named in a legend, never by colour
//! alone; days the journal does not cover break the lines, never drop to zero.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::rhythm::flow::{BurnUp, Velocity};

/// Why a chart could not be drawn (plotters' own error, in its words).
#[derive(Debug, thiserror::Error)]
#[error("a chart of the review could not be drawn: {0}")]
pub struct ChartError(String);

/// A drawing step's result: plotters' errors of every kind.
pub(super) type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Every chart's size in SVG units (it scales with the page).
pub const SIZE: (u32, u32) = (640, 300);

pub(super) const INK: RGBColor = RGBColor(33, 37, 41);
pub(super) const ACCENT: RGBColor = RGBColor(25, 90, 160);
pub(super) const MUTED: RGBColor = RGBColor(120, 120, 120);

/// The SVG that `draw` makes on a drawing area of [`SIZE`].
pub(super) fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Drawn) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        draw(&root).and_then(|()| Ok(root.present()?)).map_err(|e| ChartError(e.to_string()))?;
    }
    // Inside HTML the parser puts an `<svg>` in the SVG namespace itself; without the attribute
    // the file holds no address at all (nothing for a reader to mistake for a request).
    Ok(out.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1))
}

/// A chart's plotting area on `root`: the margins and label room every chart of the review has,
/// `x_labels` rows under the x axis, x from 0 to `x` and y from 0 to `y`.
pub(super) fn plane<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    x_labels: u32,
    x: f64,
    y: f64,
) -> Result<
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    Box<dyn std::error::Error>,
> {
    Ok(ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(x_labels)
        .y_label_area_size(48)
        .build_cartesian_2d(0.0..x, 0.0..y)?)
}

/// An axis label for a whole-number tick, and none for the ticks between: a small axis (one item,
/// one point) would otherwise read `0 0 0 1 1 1`, as rounded fractions.
pub(super) fn whole(value: &f64) -> String {
    if (value - value.round()).abs() < 1e-6 { format!("{value:.0}") } else { String::new() }
}

pub(super) fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&INK)
}

/// The covered stretches of `values`: runs of `(x, y)` between gaps.
pub(super) fn runs<T: Copy>(values: impl Iterator<Item = (f64, Option<T>)>) -> Vec<Vec<(f64, T)>> {
    let mut out: Vec<Vec<(f64, T)>> = vec![Vec::new()];
    for (x, v) in values {
        match (v, out.last_mut()) {
            (Some(v), Some(run)) => run.push((x, v)),
            (None, Some(run)) if !run.is_empty() => out.push(Vec::new()),
            _ => {}
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Scope and done points at the end of each day (x: days since the sprint started), and the
/// ideal line from nothing at the start to the scope at the end.
pub fn burn_up(burn: &BurnUp) -> Result<String, ChartError> {
    let length = f64::from(burn.length());
    let points = |pick: fn(&crate::domain::rhythm::flow::Points) -> u32| {
        runs((1u32..).zip(&burn.days).map(|(x, d)| (f64::from(x), d.map(|p| f64::from(pick(&p))))))
    };
    let (scope, done) = (points(|p| p.scope), points(|p| p.done));
    let top = scope.iter().flatten().map(|(_, y)| *y).fold(1.0, f64::max) * 1.15;
    svg(|root| {
        root.fill(&WHITE)?;
        let mut chart = plane(root, 40, length, top)?;
        chart
            .configure_mesh()
            .max_light_lines(0)
            .x_desc("days since the sprint started")
            .y_desc("points")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&whole)
            .label_style(font(13))
            .axis_desc_style(font(14))
            .draw()?;
        if let Some(scope) = burn.scope() {
            let ideal = [(0.0, 0.0), (length, f64::from(scope))];
            chart
                .draw_series(DashedLineSeries::new(ideal, 6, 5, MUTED.stroke_width(2)))?
                .label("ideal (dashed)")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 8, y)], MUTED.stroke_width(2)));
        }
        for (i, run) in scope.iter().enumerate() {
            let line = chart.draw_series(LineSeries::new(run.clone(), INK.stroke_width(2)))?;
            if i == 0 {
                line.label("scope (line, triangles)")
                    .legend(|(x, y)| TriangleMarker::new((x + 8, y), 5, INK.filled()));
            }
            chart.draw_series(run.iter().map(|p| TriangleMarker::new(*p, 5, INK.filled())))?;
        }
        for (i, run) in done.iter().enumerate() {
            let line = chart.draw_series(LineSeries::new(run.clone(), ACCENT.stroke_width(3)))?;
            if i == 0 {
                line.label("done (thick line, circles)")
                    .legend(|(x, y)| Circle::new((x + 8, y), 4, ACCENT.filled()));
            }
            chart.draw_series(run.iter().map(|p| Circle::new(*p, 4, ACCENT.filled())))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(font(13))
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .draw()?;
        Ok(())
    })
}

/// Done points per closed sprint, stage one (outlined) under stage two (filled), over the
/// stage-two share (circles) against its target (a dash) per sprint. Categories are drawn on
/// plain numbers (`i..i+1` is sprint `i`) and named under their bars by [`names_under`].
pub fn velocity(all: &[Velocity]) -> Result<String, ChartError> {
    let n = all.len().max(1) as f64;
    let top = f64::from(all.iter().map(Velocity::done).max().unwrap_or(0).max(1)) * 1.2;
    svg(|root| {
        root.fill(&WHITE)?;
        let (upper, lower) = root.split_vertically(180);
        let mut bars = ChartBuilder::on(&upper)
            .margin(8)
            .x_label_area_size(22)
            .y_label_area_size(48)
            .build_cartesian_2d(0.0..n, 0.0..top)?;
        bars.configure_mesh()
            .disable_x_mesh()
            .max_light_lines(0)
            .x_label_formatter(&|_| String::new())
            .y_desc("points done")
            .y_label_formatter(&whole)
            .label_style(font(12))
            .axis_desc_style(font(13))
            .draw()?;
        let stage_one = all
            .iter()
            .enumerate()
            .map(|(i, v)| bar(i, 0.0, f64::from(v.stage_one), 0.15, INK.stroke_width(2)));
        bars.draw_series(stage_one)?
            .label("stage one (outlined)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], INK.stroke_width(2)));
        let stage_two = all
            .iter()
            .enumerate()
            .map(|(i, v)| bar(i, f64::from(v.stage_one), f64::from(v.done()), 0.15, ACCENT.filled()));
        bars.draw_series(stage_two)?
            .label("stage two (filled)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], ACCENT.filled()));
        bars.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(font(12))
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .draw()?;
        let names: Vec<String> = all.iter().map(|v| short(&v.sprint)).collect();
        names_under(root, &bars, &names)?;
        share(&lower, all, n)
    })
}

/// A bar over category `i` from `from` to `to`, `inset` of its width left free on each side.
fn bar(i: usize, from: f64, to: f64, inset: f64, style: ShapeStyle) -> Rectangle<(f64, f64)> {
    let x = i as f64;
    Rectangle::new([(x + inset, from), (x + 1.0 - inset, to)], style)
}

/// Each category's name under the middle of its bar, written on the whole drawing area.
pub(super) fn names_under<X, Y>(
    root: &DrawingArea<SVGBackend, Shift>,
    chart: &ChartContext<SVGBackend, Cartesian2d<X, Y>>,
    names: &[String],
) -> Drawn
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let (left, top) = root.get_base_pixel();
    for (i, name) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        let style = font(12).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(name.clone(), (x - left, y - top + 6), style))?;
    }
    Ok(())
}

/// The lower panel of the velocity: each sprint's stage-two share as a circle, its target as a
/// dash, and both in words.
fn share(area: &DrawingArea<SVGBackend, Shift>, all: &[Velocity], n: f64) -> Drawn {
    let mut chart =
        ChartBuilder::on(area).margin(8).y_label_area_size(48).build_cartesian_2d(0.0..n, 0.0..115.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .x_label_formatter(&|_| String::new())
        .y_labels(3)
        .y_desc("stage two %")
        .y_label_formatter(&whole)
        .label_style(font(12))
        .axis_desc_style(font(13))
        .draw()?;
    chart.draw_series(all.iter().enumerate().map(|(i, v)| {
        let (x, target) = (i as f64, f64::from(v.target_stage_two));
        PathElement::new([(x + 0.15, target), (x + 0.85, target)], MUTED.stroke_width(3))
    }))?;
    let circles = all
        .iter()
        .enumerate()
        .map(|(i, v)| Circle::new((i as f64 + 0.5, f64::from(v.stage_two_share)), 5, ACCENT.filled()));
    chart.draw_series(circles)?;
    chart.draw_series(all.iter().enumerate().map(|(i, v)| {
        let mark = if v.on_target { "on" } else { "off" };
        let words = format!("{}% of {}% {mark}", v.stage_two_share, v.target_stage_two);
        Text::new(words, (i as f64 + 0.5, 112.0), font(11).pos(Pos::new(HPos::Center, VPos::Top)))
    }))?;
    Ok(())
}

/// A sprint's name cut to fit under its bar.
pub(super) fn short(name: &str) -> String {
    const MAX: usize = 12;
    match name.chars().count() > MAX {
        true => format!("{}…", name.chars().take(MAX - 1).collect::<String>()),
        false => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::whole;

    #[test]
    fn only_whole_ticks_are_labelled() {
        let labels: Vec<String> = [0.0, 0.2, 0.5, 1.0, 1.2, 14.0].iter().map(whole).collect();
        assert_eq!(labels, ["0", "", "", "1", "", "14"]);
    }
}
