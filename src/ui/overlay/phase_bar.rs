//! An initiative's three-segment progress bar: one segment per phase, as wide as the phase's
//! share of the work, filled as far as the phase is done. Each segment starts with its letter
//! (M, E, P), so the bar reads without colour.

use ratatui::text::Span;

use crate::domain::phases::progress::Progress;
use crate::model::Phase;
use crate::ui::theme::Theme;

/// Columns the letters and gaps take: `M `, ` E `, ` P `.
const OVERHEAD: usize = 8;

/// The bar in `width` columns (at least the letters; the segments get what is left).
pub fn bar(progress: &Progress, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let widths = segment_widths(progress, width.saturating_sub(OVERHEAD));
    let mut spans = Vec::new();
    for (phase, cells) in Phase::ALL.into_iter().zip(widths) {
        let gap = if phase == Phase::Mvp { "" } else { " " };
        spans.push(Span::styled(format!("{gap}{} ", phase.letter()), theme.phase(phase)));
        let p = progress.phase(phase);
        let filled =
            if p.total == 0 { 0 } else { (cells as u64 * u64::from(p.done) / u64::from(p.total)) as usize };
        spans.push(Span::styled("█".repeat(filled), theme.phase(phase)));
        spans.push(Span::styled("░".repeat(cells - filled), theme.muted));
    }
    spans
}

/// Cells per phase, proportional to each phase's share of the work (largest remainders get the
/// spare cells); every phase keeps at least one cell when there are three to give, and an
/// initiative without work gets three equal empty segments.
fn segment_widths(progress: &Progress, cells: usize) -> [usize; 3] {
    let totals = Phase::ALL.map(|p| u64::from(progress.phase(p).total));
    let sum: u64 = totals.iter().sum();
    if sum == 0 {
        let (each, spare) = (cells / 3, cells % 3);
        return [each + usize::from(spare > 0), each + usize::from(spare > 1), each];
    }
    let floor = usize::from(cells >= 3);
    let spare = cells - 3 * floor;
    let exact = totals.map(|t| t * spare as u64);
    let mut widths = exact.map(|e| floor + (e / sum) as usize);
    let mut order = [0, 1, 2];
    order.sort_by_key(|i| std::cmp::Reverse(exact[*i] % sum));
    let given: usize = widths.iter().sum();
    for i in order.into_iter().take(cells.saturating_sub(given)) {
        widths[i] += 1;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phases::fixture::board;

    fn progress(items: &[(Phase, Option<u32>, &str)]) -> Progress {
        let b = board(items);
        Progress::of(&b, b.initiative("checkout").expect("checkout"))
    }

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn segments_follow_the_shares_and_fill_with_the_done_work() {
        let p = progress(&[
            (Phase::Mvp, Some(3), "done"),
            (Phase::Enhancement, Some(5), "doing"),
            (Phase::Polish, Some(2), "ready"),
        ]);
        assert_eq!(segment_widths(&p, 20), [6, 10, 4]);
        assert_eq!(text(&bar(&p, 28, &Theme::monochrome())), "M ██████ E ░░░░░░░░░░ P ░░░░");
    }

    #[test]
    fn every_width_is_used_exactly_and_small_phases_stay_visible() {
        let p = progress(&[
            (Phase::Mvp, Some(1), "done"),
            (Phase::Enhancement, Some(98), "doing"),
            (Phase::Polish, Some(1), "ready"),
        ]);
        for cells in 0..60 {
            let widths = segment_widths(&p, cells);
            assert_eq!(widths.iter().sum::<usize>(), cells, "{cells}");
            if cells >= 3 {
                assert!(widths.iter().all(|w| *w >= 1), "{cells}: {widths:?}");
            }
        }
        let empty = progress(&[]);
        assert_eq!(segment_widths(&empty, 10), [4, 3, 3]);
        assert_eq!(text(&bar(&empty, 3, &Theme::monochrome())), "M  E  P ");
    }
}
