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
/// Columns at least this wide share the width equally, whichever is selected.
pub const READABLE_WIDTH: u16 = 17;

/// The width the selected column asks for when the columns are narrower than
/// [`READABLE_WIDTH`], so its cards' titles read (borders included).
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
/// selected collapse to strips first, then the open columns share the rest: equally when each can
/// be [`READABLE_WIDTH`] wide, else the selected one widens), else as many as fit, scrolled to the selection (see
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
    // When every open column reads (two rows of at least 20 characters of a title), they share
    // the width equally: the widths then stay put as the selection moves, so a key redraws only
    // the cells that change (README, "Bytes per key"). Narrower, the selected column widens only
    // as far as the others keep the least width.
    let widths = if equal >= READABLE_WIDTH || !columns.contains(&selected) {
        share(rest, open, None)
    } else {
        let wide = SELECTED_WIDTH.min(rest - (open - 1) * MIN_COLUMN_WIDTH).max(equal);
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
#[path = "layout_tests.rs"]
mod tests;
