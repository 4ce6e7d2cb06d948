//! The four charts of the charts screen, drawn with ratatui's `Chart`, `BarChart` and
//! `Sparkline`: every series named in the legend or beside its bars, axes with their units, and
//! the numbers the chart shows in a line of words under it, so nothing rests on colour.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Chart as Plot, Dataset, GraphType, LegendPosition, Paragraph, Sparkline,
    Widget, Wrap,
};

use crate::app::screens::charts::{Chart, Charts};
use crate::domain::rhythm::flow::{BurnUp, Cfd, CycleTime, Flow, Week};
use crate::ui::theme::Theme;
use crate::words::count;

/// The chart on, in `area`.
pub struct Drawn<'a> {
    pub charts: &'a Charts,
    pub flow: &'a Flow,
    pub theme: &'a Theme,
    pub marker: Marker,
}

impl Widget for Drawn<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let flow = self.flow;
        let [plot, words] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
        let said = match self.charts.chart {
            Chart::BurnUp => match &flow.burn_up {
                Some(burn) => self.burn_up(burn, plot, buf),
                None => "No sprint yet: start one to see its burn-up.".to_owned(),
            },
            Chart::Velocity => self.velocity(plot, buf),
            Chart::Flow => {
                let cfd = flow.cfd.iter().find(|c| c.track == self.charts.track);
                cfd.map_or_else(String::new, |cfd| self.cfd(cfd, plot, buf))
            }
            Chart::CycleTime => self.cycle(&flow.cycle, &flow.throughput, plot, buf),
        };
        Paragraph::new(said).style(self.theme.base).wrap(Wrap { trim: true }).render(words, buf);
    }
}

/// Points as the chart's y values.
fn pts(n: u32) -> f64 {
    f64::from(n)
}

/// Axis labels: the lowest, middle and highest value.
fn y_labels(top: f64) -> Vec<Line<'static>> {
    [0.0, top / 2.0, top].iter().map(|v| Line::from(format!("{v:.0}"))).collect()
}

fn date_labels(first: NaiveDate, last: NaiveDate) -> Vec<Line<'static>> {
    vec![Line::from(first.format("%m-%d").to_string()), Line::from(last.format("%m-%d").to_string())]
}

impl Drawn<'_> {
    fn dataset<'d>(
        &self,
        name: String,
        data: &'d [(f64, f64)],
        style: Style,
        kind: GraphType,
    ) -> Dataset<'d> {
        Dataset::default().name(name).marker(self.marker).graph_type(kind).style(style).data(data)
    }

    fn burn_up(&self, burn: &BurnUp, area: Rect, buf: &mut Buffer) -> String {
        let t = self.theme;
        let known = |pick: fn(&crate::domain::rhythm::flow::Points) -> u32| -> Vec<(f64, f64)> {
            (0u32..).zip(&burn.days).filter_map(|(i, d)| d.map(|p| (f64::from(i), pts(pick(&p))))).collect()
        };
        let (scope, done) = (known(|p| p.scope), known(|p| p.done));
        let ideal: Vec<(f64, f64)> =
            (0..burn.length()).filter_map(|i| burn.ideal(i).map(|v| (f64::from(i), v))).collect();
        let top = scope.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
        let last = f64::from(burn.length().saturating_sub(1)).max(1.0);
        let sets = vec![
            self.dataset("scope (points)".into(), &scope, t.delivery, GraphType::Line),
            self.dataset("done (points)".into(), &done, t.ok, GraphType::Line),
            self.dataset("ideal (points)".into(), &ideal, t.muted, GraphType::Scatter),
        ];
        Plot::new(sets)
            .x_axis(
                Axis::default().title("day").bounds([0.0, last]).labels(date_labels(burn.start, burn.end)),
            )
            .y_axis(Axis::default().title("points").bounds([0.0, top]).labels(y_labels(top)))
            .legend_position(Some(LegendPosition::TopLeft))
            .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
            .render(area, buf);
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

    fn velocity(&self, area: Rect, buf: &mut Buffer) -> String {
        let t = self.theme;
        let all = &self.flow.velocity;
        let Some(last) = all.last() else {
            return "No closed sprint yet: velocity shows from the first close.".to_owned();
        };
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
        let verdict = if last.on_target { "on target" } else { "off target" };
        format!(
            "{}: {} + {} points, stage two {}% against {}% ({verdict}). Points done per sprint: bar 1 stage one, bar 2 stage two; under them the stage-two share (ok, or ! off target).",
            last.sprint, last.stage_one, last.stage_two, last.stage_two_share, last.target_stage_two
        )
    }

    fn cfd(&self, cfd: &Cfd, area: Rect, buf: &mut Buffer) -> String {
        let t = self.theme;
        let styles = [t.ok, t.phases[2], t.phases[1], t.phases[0], t.warning, t.muted];
        // Bands stacked from the last column (done) up: each line is the items in its column and
        // every column after it.
        let n = cfd.columns.len();
        let lines: Vec<Vec<(f64, f64)>> = (0..n)
            .map(|c| {
                (0u32..)
                    .zip(&cfd.days)
                    .filter_map(|(i, row)| {
                        row.as_ref().map(|r| (f64::from(i), f64::from(r[c..].iter().sum::<u32>())))
                    })
                    .collect()
            })
            .collect();
        let top = lines.first().map_or(1.0, |l| l.iter().map(|p| p.1).fold(1.0, f64::max)) * 1.1;
        let sets = (0..n)
            .map(|c| {
                let style = styles[(n - 1 - c) % styles.len()];
                self.dataset(format!("{} (items)", cfd.columns[c]), &lines[c], style, GraphType::Line)
            })
            .collect();
        let last_day = cfd.first + chrono::Duration::days(cfd.days.len() as i64 - 1);
        let x = Axis::default().title("day").bounds([0.0, (cfd.days.len().max(2) - 1) as f64]);
        Plot::new(sets)
            .x_axis(x.labels(date_labels(cfd.first, last_day)))
            .y_axis(Axis::default().title("items").bounds([0.0, top]).labels(y_labels(top)))
            .legend_position(Some(LegendPosition::TopLeft))
            .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(70)))
            .render(area, buf);
        let today = cfd.days.last().and_then(Option::as_ref);
        let counts = today.map_or_else(
            || "no history for today".to_owned(),
            |r| cfd.columns.iter().zip(r).map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", "),
        );
        format!("Today: {counts}. Items per column of the {} track, stacked, done at the bottom.", cfd.track)
    }

    fn cycle(&self, times: &[CycleTime], weeks: &[Week], area: Rect, buf: &mut Buffer) -> String {
        let t = self.theme;
        let [bars, spark] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
        let tenth = |d: Option<f64>| d.map_or(0, |d| (d * 10.0).round() as u64);
        let days = |d: Option<f64>| d.map_or_else(|| "-".to_owned(), |d| format!("{d:.1}d"));
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
        let parts: Vec<String> = times
            .iter()
            .map(|c| {
                let n = count(u64::from(c.items), "item");
                format!("{} {} / {} ({n})", c.group.label(), days(c.median), days(c.p85))
            })
            .collect();
        format!("Days from in progress to done, median / 85th percentile: {}.", parts.join("; "))
    }
}
