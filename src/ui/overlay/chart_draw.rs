//! The four charts of the charts screen, drawn with ratatui's `Chart`, `BarChart` and
//! `Sparkline`: every series named in a legend above the chart (never inside it, where it would
//! cover the lines it explains), axes with their units and distinct whole numbers, and the
//! numbers the chart shows in words under it, so nothing rests on colour.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart as Plot, Paragraph, Sparkline, Widget, Wrap};

use super::chart_legend::{Legend, Series, Shape};
use crate::app::screens::charts::{Chart, Charts};
use crate::domain::rhythm::flow::{BurnUp, Cfd, CycleTime, Flow, Week};
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;
use crate::words::count;

/// The chart on, in `area`.
pub struct Drawn<'a> {
    pub charts: &'a Charts,
    pub flow: &'a Flow,
    pub theme: &'a Theme,
    /// Braille where the terminal shows it, else plain markers.
    pub marker: Marker,
}

/// Rows the words under a chart may take at most: the chart keeps the rest.
const MAX_WORD_ROWS: usize = 4;

impl Widget for Drawn<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let flow = self.flow;
        let cfd = flow.cfd.iter().find(|c| c.track == self.charts.track);
        let (legend, said) = match self.charts.chart {
            Chart::BurnUp => match &flow.burn_up {
                Some(burn) => (self.burn_up_legend(), burn_up_words(burn)),
                None => (Legend::default(), "No sprint yet: start one to see its burn-up.".to_owned()),
            },
            Chart::Velocity if flow.velocity.is_empty() => (Legend::default(), velocity_words(flow)),
            Chart::Velocity => (self.velocity_legend(), velocity_words(flow)),
            Chart::Flow => match cfd {
                Some(cfd) => (self.cfd_legend(cfd), cfd_words(cfd)),
                None => (Legend::default(), String::new()),
            },
            Chart::CycleTime => (self.cycle_legend(), cycle_words(&flow.cycle)),
        };
        let width = usize::from(area.width);
        let rows = |text: &str| u16::try_from(wrap(text, width, "").len().min(MAX_WORD_ROWS)).unwrap_or(1);
        let legend_rows = if legend.is_empty() { 0 } else { rows(&legend.text()) };
        let [top, plot, words] = Layout::vertical([
            Constraint::Length(legend_rows),
            Constraint::Min(3),
            Constraint::Length(rows(&said)),
        ])
        .areas(area);
        Paragraph::new(legend.line(self.theme)).wrap(Wrap { trim: true }).render(top, buf);
        match self.charts.chart {
            Chart::BurnUp => flow.burn_up.iter().for_each(|burn| self.burn_up(burn, plot, buf)),
            Chart::Velocity => self.velocity(plot, buf),
            Chart::Flow => cfd.iter().for_each(|cfd| self.cfd(cfd, plot, buf)),
            Chart::CycleTime => self.cycle(&flow.cycle, &flow.throughput, plot, buf),
        }
        Paragraph::new(said).style(self.theme.base).wrap(Wrap { trim: true }).render(words, buf);
    }
}

/// The y axis from 0 to a whole number above `max`, with three distinct whole-number labels
/// (0, the middle, the top), so a small board never reads `0 1 1`. Its unit is in the legend
/// above the chart: ratatui writes an axis title inside the plot, over the lines.
fn y_axis(max: f64) -> Axis<'static> {
    // A tenth of headroom, rounded up to an even number so that the middle is whole too.
    let top = ((max * 1.1).ceil() as u32).max(2).next_multiple_of(2);
    let labels = [0, top / 2, top].map(|v| Line::from(v.to_string()));
    Axis::default().bounds([0.0, f64::from(top)]).labels(labels)
}

/// One point a day from `first` over `days` days: the first, middle and last dates under it.
fn x_dates(first: NaiveDate, days: usize) -> Axis<'static> {
    let last_x = days.saturating_sub(1).max(1);
    let date = |x: usize| first + chrono::Duration::days(i64::try_from(x).unwrap_or(0));
    let labels = [date(0), date(last_x / 2), date(last_x)].map(|d| Line::from(d.format("%m-%d").to_string()));
    Axis::default().bounds([0.0, last_x as f64]).labels(labels)
}

impl Drawn<'_> {
    /// The marker of the `i`th line: braille for all, or plain markers taking turns (dots,
    /// blocks), so that neighbouring lines differ in shape as well as colour.
    fn marker(&self, i: usize) -> Marker {
        match (self.marker, i % 2) {
            (Marker::Braille, _) => Marker::Braille,
            (_, 0) => Marker::Dot,
            (_, _) => Marker::Block,
        }
    }

    fn burn_up_series(&self) -> [Series; 3] {
        let t = self.theme;
        [
            Series::new("scope", t.delivery, Shape::Line(self.marker(0))),
            Series::new("done", t.ok, Shape::Line(self.marker(1))),
            // A dot a day in every terminal: braille dots alone would be too faint to see.
            Series::new("ideal", t.muted, Shape::Dots(Marker::Dot)),
        ]
    }

    fn burn_up_legend(&self) -> Legend {
        Legend::new("", self.burn_up_series().to_vec(), "(points at the end of each day)")
    }

    fn burn_up(&self, burn: &BurnUp, area: Rect, buf: &mut Buffer) {
        let known = |pick: fn(&crate::domain::rhythm::flow::Points) -> u32| -> Vec<(f64, f64)> {
            let days = (0u32..).zip(&burn.days);
            days.filter_map(|(i, d)| d.map(|p| (f64::from(i), f64::from(pick(&p))))).collect()
        };
        let (scope, done) = (known(|p| p.scope), known(|p| p.done));
        let ideal: Vec<(f64, f64)> =
            (0..burn.length()).filter_map(|i| burn.ideal(i).map(|v| (f64::from(i), v))).collect();
        let top = scope.iter().map(|p| p.1).fold(0.0, f64::max);
        let [s, d, i] = self.burn_up_series();
        let length = usize::try_from(burn.length()).unwrap_or(usize::MAX);
        Plot::new(vec![s.data(&scope), d.data(&done), i.data(&ideal)])
            .x_axis(x_dates(burn.start, length))
            .y_axis(y_axis(top))
            .legend_position(None)
            .render(area, buf);
    }

    fn velocity_legend(&self) -> Legend {
        let t = self.theme;
        let bars = vec![
            Series::new("bar 1 stage one", t.delivery, Shape::Bar),
            Series::new("bar 2 stage two", t.discovery, Shape::Bar),
        ];
        Legend::new(
            "points done per sprint:",
            bars,
            "· under each sprint its stage-two share: ok, or ! off target",
        )
    }

    fn velocity(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let all = &self.flow.velocity;
        // Each sprint takes two bars of three cells and a gap: as many as fit, the latest kept.
        let fit = usize::from(area.width.saturating_sub(2) / 8).max(1);
        let shown = &all[all.len().saturating_sub(fit)..];
        let mut chart = BarChart::default().bar_width(3).bar_gap(0).group_gap(2).value_style(t.base);
        for v in shown {
            let mark = if v.on_target { "ok" } else { "!" };
            let label = format!("{}%{mark}", v.stage_two_share);
            let bars = [
                Bar::default().value(u64::from(v.stage_one)).label("1").style(t.delivery),
                Bar::default().value(u64::from(v.stage_two)).label("2").style(t.discovery),
            ];
            chart = chart.data(BarGroup::default().label(Line::from(label)).bars(&bars));
        }
        chart.render(area, buf);
    }

    /// The bands from the top line down: each line is the items in its column and every column
    /// after it, so the first line is the whole track and the last done alone.
    fn cfd_series(&self, cfd: &Cfd) -> Vec<Series> {
        let t = self.theme;
        let styles = [t.ok, t.phases[2], t.phases[1], t.phases[0], t.warning, t.muted];
        let n = cfd.columns.len();
        (0..n)
            .map(|c| {
                let style = styles[(n - 1 - c) % styles.len()];
                Series::new(&cfd.columns[c], style, Shape::Line(self.marker(c)))
            })
            .collect()
    }

    fn cfd_legend(&self, cfd: &Cfd) -> Legend {
        Legend::new("top to bottom:", self.cfd_series(cfd), "(items a day)")
    }

    fn cfd(&self, cfd: &Cfd, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Vec<(f64, f64)>> = (0..cfd.columns.len())
            .map(|c| {
                let days = (0u32..).zip(&cfd.days);
                days.filter_map(|(i, row)| {
                    row.as_ref().map(|r| (f64::from(i), f64::from(r[c..].iter().sum::<u32>())))
                })
                .collect()
            })
            .collect();
        let top = lines.first().map_or(0.0, |l| l.iter().map(|p| p.1).fold(0.0, f64::max));
        let sets = self.cfd_series(cfd).into_iter().zip(&lines).map(|(s, data)| s.data(data)).collect();
        Plot::new(sets)
            .x_axis(x_dates(cfd.first, cfd.days.len()))
            .y_axis(y_axis(top))
            .legend_position(None)
            .render(area, buf);
    }

    fn cycle_legend(&self) -> Legend {
        let t = self.theme;
        let bars = vec![
            Series::new("50% median", t.ok, Shape::Bar),
            Series::new("85% 85th percentile", t.warning, Shape::Bar),
        ];
        Legend::new("days from in progress to done:", bars, "")
    }

    fn cycle(&self, times: &[CycleTime], weeks: &[Week], area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let [bars, spark] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
        let tenth = |d: Option<f64>| d.map_or(0, |d| (d * 10.0).round() as u64);
        let mut chart = BarChart::default().bar_width(5).bar_gap(1).group_gap(3).value_style(t.base);
        for c in times {
            let group = [
                Bar::default().value(tenth(c.median)).text_value(days(c.median)).label("50%").style(t.ok),
                Bar::default().value(tenth(c.p85)).text_value(days(c.p85)).label("85%").style(t.warning),
            ];
            chart = chart.data(BarGroup::default().label(Line::from(c.group.label())).bars(&group));
        }
        chart.render(bars, buf);
        let data: Vec<Option<u64>> = weeks.iter().map(|w| w.items.map(u64::from)).collect();
        let spark_title = "Throughput: items done per week, oldest first (gaps: no history)";
        let block = ratatui::widgets::Block::default().title(Line::styled(spark_title, t.field_label));
        Sparkline::default().block(block).data(data).style(t.ok).absent_value_symbol("·").render(spark, buf);
    }
}

/// Days as the cycle-time chart writes them (`-`: no item to tell).
fn days(d: Option<f64>) -> String {
    d.map_or_else(|| "-".to_owned(), |d| format!("{d:.1}d"))
}

fn burn_up_words(burn: &BurnUp) -> String {
    let day = burn.days.len();
    match burn.days.last().copied().flatten() {
        Some(p) => format!(
            "{}: day {day} of {}, {} of {} points done (ideal by today {:.0}).",
            burn.sprint,
            burn.length(),
            p.done,
            p.scope,
            burn.ideal(u32::try_from(day).unwrap_or(1).saturating_sub(1)).unwrap_or(0.0)
        ),
        None => format!("{}: the journal does not cover its days yet.", burn.sprint),
    }
}

fn velocity_words(flow: &Flow) -> String {
    let Some(last) = flow.velocity.last() else {
        return "No closed sprint yet: velocity shows from the first close.".to_owned();
    };
    let verdict = if last.on_target { "on target" } else { "off target" };
    format!(
        "{}: {} + {} points, stage two {}% against {}% ({verdict}).",
        last.sprint, last.stage_one, last.stage_two, last.stage_two_share, last.target_stage_two
    )
}

fn cfd_words(cfd: &Cfd) -> String {
    let today = cfd.days.last().and_then(Option::as_ref);
    let counts = today.map_or_else(
        || "no history for today".to_owned(),
        |r| cfd.columns.iter().zip(r).map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", "),
    );
    format!(
        "Today: {counts} ({} track; each line counts the items in its column and the columns under it).",
        cfd.track
    )
}

fn cycle_words(times: &[CycleTime]) -> String {
    let parts: Vec<String> = times
        .iter()
        .map(|c| {
            format!(
                "{} {} / {} ({})",
                c.group.label(),
                days(c.median),
                days(c.p85),
                count(u64::from(c.items), "item")
            )
        })
        .collect();
    format!("Median / 85th percentile: {}.", parts.join("; "))
}
