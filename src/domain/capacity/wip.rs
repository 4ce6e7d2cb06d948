//! Work-in-progress limits: how full a column or a track is against its limit. A track's limit
//! counts the items in all of its columns that are not done.

use crate::model::{Board, Track};

/// Items against a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    pub count: usize,
    pub limit: Option<u32>,
}

impl Load {
    pub fn over(&self) -> bool {
        self.limit.is_some_and(|limit| self.count > limit as usize)
    }

    /// `3/4`, or `3` without a limit.
    pub fn label(&self) -> String {
        match self.limit {
            Some(limit) => format!("{}/{limit}", self.count),
            None => self.count.to_string(),
        }
    }
}

/// The items in the column `index` of `track` against its limit.
pub fn column_load(board: &Board, track: Track, index: usize) -> Load {
    let column = &board.track(track).columns[index];
    let count = board.items().iter().filter(|it| it.track == track && it.column == column.id).count();
    Load { count, limit: column.wip_limit }
}

/// The items in the track's not-done columns against the track's limit.
pub fn track_load(board: &Board, track: Track) -> Load {
    let def = board.track(track);
    let open: Vec<&str> = def.columns.iter().filter(|c| !c.done).map(|c| c.id.as_str()).collect();
    let count =
        board.items().iter().filter(|it| it.track == track && open.contains(&it.column.as_str())).count();
    Load { count, limit: def.wip_limit }
}

/// Warnings for the column (and its track) that `track`/`column` names, when over a limit:
/// moving or adding into a full column is allowed, but the user is told.
pub fn warnings(board: &Board, track: Track, column: &str) -> Vec<String> {
    let def = board.track(track);
    let Some(index) = def.columns.iter().position(|c| c.id == column) else { return Vec::new() };
    let mut out = Vec::new();
    let load = column_load(board, track, index);
    if load.over() {
        out.push(format!("{} is over its WIP limit ({})", def.columns[index].name, load.label()));
    }
    let load = track_load(board, track);
    if load.over() && !def.columns[index].done {
        out.push(format!("the {track} track is over its WIP limit ({})", load.label()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::domain::change::{NewItem, ops};

    fn board_with_doing(n: usize) -> Board {
        let mut board = Board::new("t");
        for i in 0..n {
            let new =
                NewItem { title: format!("item {i}"), column: Some("doing".into()), ..NewItem::default() };
            let op = ops::add(&board, new, chrono::DateTime::UNIX_EPOCH).expect("add");
            board.apply(op.edit).expect("apply");
        }
        board
    }

    #[test]
    fn column_and_track_limits_count_what_they_should() {
        let mut board = board_with_doing(3);
        board
            .apply(Edit::SetWipLimit { track: Track::Delivery, column: Some(1), limit: Some(2) })
            .expect("limit");
        board
            .apply(Edit::SetWipLimit { track: Track::Delivery, column: None, limit: Some(3) })
            .expect("limit");
        assert_eq!(column_load(&board, Track::Delivery, 1), Load { count: 3, limit: Some(2) });
        assert_eq!(track_load(&board, Track::Delivery).label(), "3/3");
        assert_eq!(warnings(&board, Track::Delivery, "doing"), ["In progress is over its WIP limit (3/2)"]);
        // Done items do not count against the track.
        let op = ops::move_to_column(&board, 1, "done", chrono::DateTime::UNIX_EPOCH).expect("move");
        board.apply(op.edit).expect("apply");
        assert_eq!(track_load(&board, Track::Delivery).count, 2);
        assert!(warnings(&board, Track::Delivery, "doing").is_empty());
    }

    #[test]
    fn setting_a_limit_is_undone_by_its_inverse() {
        let mut board = Board::new("t");
        let before = board.clone();
        let inverse = board
            .apply(Edit::SetWipLimit { track: Track::Discovery, column: Some(0), limit: Some(1) })
            .expect("limit");
        assert_eq!(board.discovery.columns[0].wip_limit, Some(1));
        board.apply(inverse).expect("undo");
        assert_eq!(board, before);
        assert!(
            board.apply(Edit::SetWipLimit { track: Track::Discovery, column: Some(9), limit: None }).is_err()
        );
    }
}
