//! The cumulative flow and the cycle times as SVG (plotters' SVG backend). Each band of the
//! flow carries its column's name in text at its right end and is shaded differently; days the
//! journal does not cover are left blank, never drawn as zero.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::plot::{ACCENT, ChartError, INK, font, names_under, plane, runs, svg, whole};
use crate::domain::rhythm::flow::{Cfd, CycleTime};

/// The bands' fills, the track's first column lightest.
const SHADES: [RGBColor; 5] = [
    RGBColor(222, 230, 240),
    RGBColor(178, 199, 224),
    RGBColor(120, 160, 205),
    RGBColor(60, 110, 170),
    RGBColor(25, 60, 110),
];

/// A covered stretch of one band: per day, its lower and upper edge.
type Run = Vec<(f64, (f64, f64))>;

/// Items per column per day, stacked: the done column at the bottom, the queue at the top.
pub fn cfd(cfd: &Cfd) -> Result<String, ChartError> {
    let days = cfd.days.len().max(1) as f64;
    let top = cfd.days.iter().flatten().map(|r| r.iter().sum::<u32>()).max().unwrap_or(0).max(1);
    let top = f64::from(top) * 1.1;
    let first = cfd.first;
    // Per column, the runs of covered days with each day's lower and upper edge.
    let bands: Vec<Vec<Run>> = (0..cfd.columns.len())
        .map(|c| {
            runs((0u32..).zip(&cfd.days).map(|(x, row)| {
                let edges = row.as_ref().map(|r| {
                    let below: u32 = r.iter().skip(c + 1).sum();
                    (f64::from(below), f64::from(below + r.get(c).copied().unwrap_or(0)))
                });
                (f64::from(x), edges)
            }))
        })
        .collect();
    svg(|root| {
        root.fill(&WHITE)?;
        let mut chart = plane(root, 40, days, top)?;
        chart
            .configure_mesh()
            .max_light_lines(0)
            .x_desc("day")
            .y_desc("items")
            .x_label_formatter(&|x| {
                (first + chrono::Duration::days(x.round() as i64)).format("%m-%d").to_string()
            })
            .y_label_formatter(&whole)
            .label_style(font(13))
            .axis_desc_style(font(14))
            .draw()?;
        for (c, band) in bands.iter().enumerate() {
            let fill = SHADES[c.min(SHADES.len() - 1)];
            for run in band {
                let upper = run.iter().map(|(x, (_, hi))| (*x, *hi));
                let lower = run.iter().rev().map(|(x, (lo, _))| (*x, *lo));
                let outline: Vec<(f64, f64)> = upper.chain(lower).collect();
                chart.draw_series(std::iter::once(Polygon::new(outline.clone(), fill.filled())))?;
                chart.draw_series(std::iter::once(PathElement::new(outline, INK.stroke_width(1))))?;
            }
        }
        // Each column's name on its band at the last covered day, where the band has items.
        let names = bands.iter().zip(&cfd.columns).filter_map(|(band, name)| {
            let (x, (lo, hi)) = *band.last()?.last()?;
            (hi > lo).then(|| {
                let style = font(12).pos(Pos::new(HPos::Right, VPos::Center));
                Text::new(name.clone(), (x, (lo + hi) / 2.0), style)
            })
        });
        chart.draw_series(names)?;
        Ok(())
    })
}

/// Median (filled) and 85th percentile (outlined) in days per track and stage, with the
/// numbers written over the bars.
pub fn cycle(all: &[CycleTime]) -> Result<String, ChartError> {
    let n = all.len().max(1) as f64;
    let top = all.iter().filter_map(|c| c.p85.or(c.median)).fold(1.0, f64::max) * 1.35;
    svg(|root| {
        root.fill(&WHITE)?;
        let mut chart = plane(root, 30, n, top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .max_light_lines(0)
            .x_label_formatter(&|_| String::new())
            .y_desc("days")
            .y_label_formatter(&whole)
            .label_style(font(13))
            .axis_desc_style(font(14))
            .draw()?;
        let medians =
            all.iter().enumerate().filter_map(|(i, c)| Some(half(i, c.median?, true, ACCENT.filled())));
        chart
            .draw_series(medians)?
            .label("median (filled)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], ACCENT.filled()));
        let p85 =
            all.iter().enumerate().filter_map(|(i, c)| Some(half(i, c.p85?, false, INK.stroke_width(2))));
        chart
            .draw_series(p85)?
            .label("85th percentile (outlined)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], INK.stroke_width(2)));
        chart.draw_series(all.iter().enumerate().map(|(i, c)| {
            let words = match (c.median, c.p85) {
                (Some(m), Some(p)) => format!("{m:.1} / {p:.1} days"),
                _ => "none finished".to_owned(),
            };
            let at = c.p85.map_or(0.0, |p| p) + top * 0.03;
            Text::new(words, (i as f64 + 0.5, at), font(12).pos(Pos::new(HPos::Center, VPos::Bottom)))
        }))?;
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(font(12))
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .draw()?;
        let names: Vec<String> = all.iter().map(|c| c.group.label()).collect();
        names_under(root, &chart, &names)
    })
}

/// One of a group's two bars: the median on the left half, the 85th percentile on the right.
fn half(i: usize, value: f64, left: bool, style: ShapeStyle) -> Rectangle<(f64, f64)> {
    let x = i as f64 + if left { 0.12 } else { 0.5 };
    Rectangle::new([(x, 0.0), (x + 0.38, value)], style)
}
