//! Geometry of the board: which columns show and how wide ([`plan_columns`]), how a column's
//! height is shared by its lanes ([`lane_rows`], [`lane_areas`]), and which cards of a lane
//! show ([`lane_window`]). These are the board's own allocation rules, not splits a ratatui
//! `Layout` expresses: pure functions of sizes and the selection, so they are tested without a
//! terminal. The board then cuts its columns side by side with a `Layout` of the chosen widths.

use ratatui::layout::Rect;

/// When the columns cannot all be this narrow (borders included), the board scrolls sideways.
pub const MIN_COLUMN_WIDTH: u16 = 10;

/// When every column can be this wide, none is collapsed.
pub const COMFORTABLE_WIDTH: u16 = 24;

/// The width every open column gets before the other track folds (`fold.rs`) and before the
/// selected column widens: two rows of a card then show at least 20 characters of its title.
pub const READABLE_WIDTH: u16 = 17;

/// The width the selected column asks for, so its cards' titles read (borders included).
pub const SELECTED_WIDTH: u16 = 32;

/// A done column that is not selected collapses to a strip this wide, showing its counts.
pub const STRIP_WIDTH: u16 = 6;

/// Below this size the board cannot be drawn usefully.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// One screen column as the board shows it, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnSlot {
    pub column: usize,
    pub width: u16,
    /// A collapsed done column: counts only, until it is selected.
    pub strip: bool,
}

/// Lays the columns out in `width`: all of them at once when they fit (done columns that are not
/// selected collapse to strips first, then the selected column takes the width its cards need
/// and the others share the rest), else as many as fit, scrolled to the selection (see
/// [`fit_columns`]). `done(c)` says whether screen column `c` is a done column.
pub fn plan_columns(
    columns: std::ops::Range<usize>,
    done: impl Fn(usize) -> bool,
    selected: usize,
    first: usize,
    track_start: usize,
    width: u16,
) -> (Vec<ColumnSlot>, usize) {
    let n = columns.len() as u16;
    if n == 0 || width == 0 {
        return (Vec::new(), columns.start);
    }
    if n * COMFORTABLE_WIDTH <= width {
        let widths = share(width, n, None);
        return (place(columns.clone(), |_| false, &widths), columns.start);
    }
    let strip = |c: usize| done(c) && c != selected;
    let strips = columns.clone().filter(|c| strip(*c)).count() as u16;
    let rest = width.saturating_sub(strips * STRIP_WIDTH);
    let open = n - strips;
    if open == 0 || open * MIN_COLUMN_WIDTH > rest {
        return fit_columns(columns, selected, first, track_start, width);
    }
    let equal = rest / open;
    let widths = if equal >= SELECTED_WIDTH || !columns.contains(&selected) {
        share(rest, open, None)
    } else {
        // The selected column widens only as far as the others keep their readable width.
        let floor = if equal >= READABLE_WIDTH { READABLE_WIDTH } else { MIN_COLUMN_WIDTH };
        let wide = SELECTED_WIDTH.min(rest - (open - 1) * floor).max(equal);
        let at = columns.clone().filter(|c| !strip(*c)).position(|c| c == selected);
        share(rest, open, at.map(|i| (i, wide)))
    };
    let mut open_widths = widths.into_iter();
    let all: Vec<u16> = columns
        .clone()
        .map(|c| if strip(c) { STRIP_WIDTH } else { open_widths.next().unwrap_or(MIN_COLUMN_WIDTH) })
        .collect();
    (place(columns.clone(), strip, &all), columns.start)
}

/// `total` shared by `count` columns, the remainder spread over the first ones; `fixed` gives
/// one column (by position) its own width first.
fn share(total: u16, count: u16, fixed: Option<(usize, u16)>) -> Vec<u16> {
    let (others, left) = match fixed {
        Some((_, w)) => (count - 1, total - w),
        None => (count, total),
    };
    let each = left.checked_div(others).unwrap_or(0);
    let extra = left.checked_rem(others).unwrap_or(0);
    let mut spread = (0..others).map(|i| each + u16::from(i < extra));
    (0..usize::from(count))
        .map(|i| match fixed {
            Some((at, w)) if at == i => w,
            _ => spread.next().unwrap_or(0),
        })
        .collect()
}

fn place(columns: std::ops::Range<usize>, strip: impl Fn(usize) -> bool, widths: &[u16]) -> Vec<ColumnSlot> {
    columns.zip(widths).map(|(column, &width)| ColumnSlot { column, width, strip: strip(column) }).collect()
}

/// Rows of a column's stage-one lane, whether the separator fits, and rows of its stage-two lane,
/// shared by what each lane holds (`need_one`, `need_two` rows): an empty lane keeps one row;
/// when both do not fit, they share in proportion, each keeping up to three rows.
pub fn lane_rows(inner: u16, need_one: u16, need_two: u16) -> (u16, bool, u16) {
    if inner < 3 {
        return (inner, false, 0);
    }
    let avail = inner - 1;
    let (one, two) = (need_one.max(1), need_two.max(1));
    if one + two <= avail {
        return (one, true, avail - one);
    }
    let (least_one, least_two) = (one.min(3), two.min(3));
    if least_one + least_two > avail {
        let half = avail.div_ceil(2);
        return (half, true, avail - half);
    }
    let proportional = (u32::from(avail) * u32::from(one) / u32::from(one + two)) as u16;
    let rows_one = proportional.clamp(least_one, avail - least_two);
    (rows_one, true, avail - rows_one)
}

/// A column's inside cut into its stage-one lane, the separator line (none when it does not
/// fit) and its stage-two lane, top to bottom, by [`lane_rows`]. Stacked here rather than by a
/// `Layout`: the heights are already exact, and a cached `Layout` lookup per column cost 3 µs a
/// frame (measured with `cargo bench --bench board`).
pub fn lane_areas(inner: Rect, need_one: u16, need_two: u16) -> [Rect; 3] {
    let (one, separator, two) = lane_rows(inner.height, need_one, need_two);
    let separator = u16::from(separator);
    [
        Rect { height: one, ..inner },
        Rect { y: inner.y + one, height: separator, ..inner },
        Rect { y: inner.y + one + separator, height: two, ..inner },
    ]
}

/// The columns that fit in `width` (after the gutter), starting at `first` unless that hides
/// `selected`; then the view moves to show the selected column and as much of its track
/// (which begins at `track_start`) as fits. Returns the slots and the new first column.
pub fn fit_columns(
    columns: std::ops::Range<usize>,
    selected: usize,
    first: usize,
    track_start: usize,
    width: u16,
) -> (Vec<ColumnSlot>, usize) {
    let count = columns.len();
    if count == 0 || width == 0 {
        return (Vec::new(), columns.start);
    }
    let fit = usize::from(width / MIN_COLUMN_WIDTH).clamp(1, count);
    let selected = selected.clamp(columns.start, columns.end - 1);
    let mut first = first.clamp(columns.start, columns.end - fit);
    if selected < first || selected >= first + fit {
        first = track_start
            .clamp((selected + 1).saturating_sub(fit), selected)
            .clamp(columns.start, columns.end - fit);
    }
    let each = width / fit as u16;
    let extra = width % fit as u16;
    let slots = (0..fit)
        .map(|i| {
            // Spread the remainder over the first columns so the board fills the width.
            let width = each + u16::from((i as u16) < extra);
            ColumnSlot { column: first + i, width, strip: false }
        })
        .collect();
    (slots, first)
}

/// The part of a lane that shows: cards from `offset`, how many, and whether "more" marks are
/// drawn above and below them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaneWindow {
    pub offset: usize,
    pub count: usize,
    pub more_above: bool,
    pub more_below: bool,
}

/// Which cards of a lane of `len` cards show in `rows` rows, keeping `selected` in view and
/// moving as little as possible from `offset`.
pub fn lane_window(len: usize, rows: usize, offset: usize, selected: Option<usize>) -> LaneWindow {
    if len <= rows {
        return LaneWindow { offset: 0, count: len, more_above: false, more_below: false };
    }
    if rows < 3 {
        // Too small for "more" marks: show what fits around the selection.
        let sel = selected.unwrap_or(offset).min(len - 1);
        let offset = offset.clamp(sel.saturating_sub(rows.saturating_sub(1)), sel).min(len - rows.min(len));
        return LaneWindow { offset, count: rows, more_above: false, more_below: false };
    }
    let window = |offset: usize| {
        let above = offset > 0;
        let room = rows - usize::from(above);
        if offset + room >= len {
            LaneWindow { offset, count: len - offset, more_above: above, more_below: false }
        } else {
            LaneWindow { offset, count: room - 1, more_above: above, more_below: true }
        }
    };
    // The last offset that still fills the lane: from there to the end fits under a top mark.
    let last = len - (rows - 1);
    let mut w = window(offset.min(last));
    if let Some(sel) = selected.map(|s| s.min(len - 1)) {
        if sel < w.offset {
            w = window(sel);
        }
        while sel >= w.offset + w.count {
            w = window(w.offset + (sel + 1 - (w.offset + w.count)));
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_columns_fit_when_wide_enough() {
        let (slots, first) = fit_columns(0..7, 3, 0, 3, 7 * MIN_COLUMN_WIDTH + 5);
        assert_eq!((slots.len(), first), (7, 0));
        assert_eq!(slots.iter().map(|s| s.width).sum::<u16>(), 7 * MIN_COLUMN_WIDTH + 5);
        assert_eq!(slots.iter().map(|s| s.column).collect::<Vec<_>>(), (0..7).collect::<Vec<_>>());
    }

    /// The starter board's columns: discovery's third and delivery's fourth are done.
    fn done(c: usize) -> bool {
        c == 2 || c == 6
    }

    #[test]
    fn at_80_columns_every_column_shows_and_the_selected_one_is_wide() {
        for selected in 0..7 {
            let (slots, _) = plan_columns(0..7, done, selected, 0, 3, 80);
            assert_eq!(slots.len(), 7, "all seven columns at 80 columns");
            assert_eq!(slots.iter().map(|s| s.width).sum::<u16>(), 80);
            let chosen = slots.iter().find(|s| s.column == selected).expect("selected shows");
            assert!(!chosen.strip && chosen.width >= 24, "{selected}: {chosen:?}");
            for slot in &slots {
                assert_eq!(slot.strip, done(slot.column) && slot.column != selected);
                assert!(slot.width >= if slot.strip { STRIP_WIDTH } else { MIN_COLUMN_WIDTH });
            }
        }
    }

    /// The board cuts its columns' areas with a `Layout` of these widths, side by side: they
    /// must fill the width exactly, at every width and selection.
    #[test]
    fn the_columns_always_fill_the_width_they_are_given() {
        for width in 1..300 {
            for range in [0..7, 3..7, 0..3] {
                for selected in range.clone() {
                    let (slots, _) = plan_columns(range.clone(), done, selected, 0, range.start, width);
                    assert_eq!(slots.iter().map(|s| s.width).sum::<u16>(), width, "{width} {selected}");
                }
            }
        }
    }

    #[test]
    fn wide_screens_give_every_column_the_same_width() {
        let (slots, _) = plan_columns(0..7, done, 3, 0, 3, 200);
        assert!(slots.iter().all(|s| !s.strip && (28..=29).contains(&s.width)), "{slots:?}");
        let (slots, _) = plan_columns(0..7, done, 3, 0, 3, 120);
        assert_eq!(slots.len(), 7);
        assert!(slots.iter().filter(|s| !s.strip).all(|s| s.width >= 16), "{slots:?}");
    }

    #[test]
    fn too_many_columns_scroll_instead() {
        let (slots, first) = plan_columns(0..12, |_| false, 11, 0, 0, 80);
        assert!(slots.len() < 12 && slots.iter().any(|s| s.column == 11), "{slots:?} {first}");
    }

    #[test]
    fn lanes_share_the_height_by_what_they_hold() {
        assert_eq!(lane_rows(20, 12, 0), (12, true, 7), "an empty stage-two lane keeps only what is left");
        assert_eq!(lane_rows(20, 2, 3), (2, true, 17));
        let (one, _, two) = lane_rows(20, 30, 10);
        assert_eq!(one + two, 19);
        assert!(one > two && two >= 3, "{one} {two}");
        assert_eq!(lane_rows(4, 9, 9), (2, true, 1));
        assert_eq!(lane_rows(2, 9, 9), (2, false, 0));
        for inner in 0..30 {
            for a in 0..40 {
                for b in 0..40 {
                    let (one, sep, two) = lane_rows(inner, a, b);
                    assert_eq!(one + u16::from(sep) + two, inner, "{inner} {a} {b}");
                }
            }
        }
    }

    #[test]
    fn lanes_stack_inside_the_column_without_gap_or_overlap() {
        let inner = Rect::new(3, 4, 20, 15);
        let [one, separator, two] = lane_areas(inner, 4, 2);
        assert_eq!((one, separator, two.y), (Rect::new(3, 4, 20, 4), Rect::new(3, 8, 20, 1), 9));
        assert_eq!(two.bottom(), inner.bottom());
        for height in 0..30 {
            let inner = Rect::new(1, 2, 9, height);
            let [one, separator, two] = lane_areas(inner, 7, 3);
            assert_eq!((one.y, separator.y, two.y), (2, one.bottom(), separator.bottom()), "{height}");
            assert_eq!(two.bottom(), inner.bottom(), "{height}");
        }
    }

    #[test]
    fn narrow_screens_scroll_to_keep_the_selection() {
        let width = 3 * MIN_COLUMN_WIDTH;
        let (slots, first) = fit_columns(0..7, 0, 0, 0, width);
        assert_eq!((slots.len(), first), (3, 0));
        // Crossing into delivery (which starts at column 3) shows delivery from its start.
        let (slots, first) = fit_columns(0..7, 3, 0, 3, width);
        assert_eq!(first, 3);
        assert_eq!(slots.iter().map(|s| s.column).collect::<Vec<_>>(), [3, 4, 5]);
        // Moving inside the window does not scroll.
        let (_, first) = fit_columns(0..7, 4, 3, 3, width);
        assert_eq!(first, 3);
        // Past the right edge within a track: scroll just enough.
        let (_, first) = fit_columns(0..7, 6, 3, 3, width);
        assert_eq!(first, 4);
        // Back into discovery: the whole of discovery shows.
        let (_, first) = fit_columns(0..7, 2, 4, 0, width);
        assert_eq!(first, 0);
    }

    #[test]
    fn any_jump_keeps_the_selection_in_view() {
        // Several keys can arrive between two frames, so the selection may jump anywhere.
        for width in
            [1, MIN_COLUMN_WIDTH, 2 * MIN_COLUMN_WIDTH, 3 * MIN_COLUMN_WIDTH + 7, 10 * MIN_COLUMN_WIDTH]
        {
            for (range, track_starts) in [(0..7, [0, 3]), (3..7, [3, 3]), (0..3, [0, 0])] {
                for selected in range.clone() {
                    for first in 0..8 {
                        let track_start = if selected < 3 { track_starts[0] } else { track_starts[1] };
                        let (slots, new_first) =
                            fit_columns(range.clone(), selected, first, track_start, width);
                        assert!(slots.iter().any(|s| s.column == selected), "{width} {selected} {first}");
                        assert!(range.contains(&new_first));
                    }
                }
            }
        }
    }

    #[test]
    fn zoomed_ranges_and_tiny_widths() {
        let (slots, first) = fit_columns(3..7, 5, 0, 3, 2 * MIN_COLUMN_WIDTH);
        assert_eq!(first, 4);
        assert_eq!(slots.len(), 2);
        let (slots, _) = fit_columns(0..7, 6, 0, 3, 5);
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[0].column, 6);
        assert!(fit_columns(0..0, 0, 0, 0, 80).0.is_empty());
    }

    #[test]
    fn short_lanes_show_everything() {
        assert_eq!(
            lane_window(3, 5, 2, Some(1)),
            LaneWindow { offset: 0, count: 3, more_above: false, more_below: false }
        );
    }

    #[test]
    fn long_lanes_follow_the_selection_with_marks() {
        let w = lane_window(20, 6, 0, Some(0));
        assert_eq!(w, LaneWindow { offset: 0, count: 5, more_above: false, more_below: true });
        let w = lane_window(20, 6, 0, Some(5));
        assert!(w.offset <= 5 && 5 < w.offset + w.count && w.more_above && w.more_below, "{w:?}");
        let w = lane_window(20, 6, 0, Some(19));
        assert_eq!(w, LaneWindow { offset: 15, count: 5, more_above: true, more_below: false });
        // Every selection is visible, whatever the previous offset.
        for offset in 0..20 {
            for sel in 0..20 {
                let w = lane_window(20, 6, offset, Some(sel));
                assert!(w.offset <= sel && sel < w.offset + w.count, "offset {offset} sel {sel}: {w:?}");
                let used = w.count + usize::from(w.more_above) + usize::from(w.more_below);
                assert!(used <= 6, "{w:?}");
            }
        }
    }

    #[test]
    fn tiny_lanes_never_panic() {
        for rows in 0..3 {
            for sel in 0..5 {
                let w = lane_window(5, rows, 3, Some(sel));
                assert!(w.count <= rows);
            }
        }
    }
}
