//! The board layout: column widths, the fold, two-row cards at every size.

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
    for width in [1, MIN_COLUMN_WIDTH, 2 * MIN_COLUMN_WIDTH, 3 * MIN_COLUMN_WIDTH + 7, 10 * MIN_COLUMN_WIDTH]
    {
        for (range, track_starts) in [(0..7, [0, 3]), (3..7, [3, 3]), (0..3, [0, 0])] {
            for selected in range.clone() {
                for first in 0..8 {
                    let track_start = if selected < 3 { track_starts[0] } else { track_starts[1] };
                    let (slots, new_first) = fit_columns(range.clone(), selected, first, track_start, width);
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
