//! The board's settings as one value (its name, the capacity policy or the open sprint's
//! capacity, WIP limits and debt interest weights), the edit that changes them from one value to
//! another as a single undoable step, and renaming the board.

use super::edit::Edit;
use super::ops::{Op, OpError};
use crate::escape::is_bidi_control;
use crate::model::{Board, CapacityPolicy, InterestWeights, Severity, Sprint, Track};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The board's name (what heads the board screen, the standup and the review).
    pub name: String,
    pub policy: CapacityPolicy,
    /// The open sprint's capacity, while a sprint is open: the one capacity that counts then
    /// (the policy's points are the next sprint's default).
    pub sprint_capacity: Option<u32>,
    /// WIP limit per track, discovery then delivery.
    pub track_limits: [Option<u32>; 2],
    /// WIP limit per column, per track.
    pub column_limits: [Vec<Option<u32>>; 2],
    /// The severity weights of debt interest.
    pub interest: InterestWeights,
}

fn slot(track: Track) -> usize {
    Track::ALL.iter().position(|t| *t == track).unwrap_or(0)
}

impl Settings {
    pub fn of(board: &Board) -> Settings {
        let columns = |t: Track| board.track(t).columns.iter().map(|c| c.wip_limit).collect();
        Settings {
            name: board.name.clone(),
            policy: board.capacity.clone(),
            sprint_capacity: board.current_sprint().map(|s| s.capacity),
            track_limits: Track::ALL.map(|t| board.track(t).wip_limit),
            column_limits: Track::ALL.map(columns),
            interest: board.interest_weights(),
        }
    }

    pub fn track_limit(&self, track: Track) -> Option<u32> {
        self.track_limits[slot(track)]
    }

    pub fn column_limits(&self, track: Track) -> &[Option<u32>] {
        &self.column_limits[slot(track)]
    }
}

/// The edit that makes the board's weights `new`, or `None` when they are the weights already.
/// The defaults are stored as absent, so a board that keeps them writes nothing new.
pub fn set_weights(board: &Board, new: InterestWeights) -> Option<Edit> {
    (new != board.interest_weights())
        .then(|| Edit::SetInterestWeights((new != InterestWeights::default()).then_some(new)))
}

/// The edit from the board's settings to `new`, naming what changed.
pub fn change(board: &Board, new: &Settings) -> Result<Op, OpError> {
    for share in [new.policy.discovery_share, new.policy.stage_two_share] {
        if share > 100 {
            return Err(OpError::BadShare(share));
        }
    }
    let old = Settings::of(board);
    let mut edits = Vec::new();
    let mut words = Vec::new();
    let name = clean_name(&new.name)?;
    if name != old.name {
        words.push(format!("name \"{}\" → \"{name}\"", old.name));
        edits.push(Edit::SetName(name));
    }
    if let (Some(sprint), Some(to)) = (board.current_sprint(), new.sprint_capacity)
        && sprint.capacity != to
    {
        words.push(format!("{} capacity {} pt → {to} pt", sprint.name, sprint.capacity));
        let changed = Sprint { capacity: to, ..sprint.clone() };
        edits.push(Edit::SetSprint { name: sprint.name.clone(), sprint: Some(Box::new(changed)) });
    }
    let limit = |l: Option<u32>| l.map_or("none".to_owned(), |n| n.to_string());
    if old.policy != new.policy {
        let (a, b) = (&old.policy, &new.policy);
        for (name, from, to, unit) in [
            ("capacity", a.points, b.points, " pt"),
            ("discovery target", a.discovery_share.into(), b.discovery_share.into(), "%"),
            ("stage-two target", a.stage_two_share.into(), b.stage_two_share.into(), "%"),
        ] {
            if from != to {
                words.push(format!("{name} {from}{unit} → {to}{unit}"));
            }
        }
        edits.push(Edit::SetPolicy(new.policy.clone()));
    }
    for track in Track::ALL {
        if old.track_limit(track) != new.track_limit(track) {
            words.push(format!(
                "{track} WIP {} → {}",
                limit(old.track_limit(track)),
                limit(new.track_limit(track))
            ));
            edits.push(Edit::SetWipLimit { track, column: None, limit: new.track_limit(track) });
        }
        let columns = &board.track(track).columns;
        for (index, (from, to)) in old.column_limits(track).iter().zip(new.column_limits(track)).enumerate() {
            if from != to {
                words.push(format!("{} WIP {} → {}", columns[index].name, limit(*from), limit(*to)));
                edits.push(Edit::SetWipLimit { track, column: Some(index), limit: *to });
            }
        }
    }
    if let Some(edit) = set_weights(board, new.interest) {
        for severity in Severity::ALL {
            let (from, to) = (old.interest.of(Some(severity)), new.interest.of(Some(severity)));
            if from != to {
                words.push(format!("{severity} debt interest weight {from} → {to}"));
            }
        }
        edits.push(edit);
    }
    let summary = if words.is_empty() { "no changes to the settings".to_owned() } else { words.join(", ") };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// A board's name as it is kept: control characters (bidi controls too) dropped, white space
/// made single spaces; refused when nothing is left.
pub fn clean_name(name: &str) -> Result<String, OpError> {
    let kept: String = name
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let name = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() { Err(OpError::EmptyName) } else { Ok(name) }
}

/// Renames the board (one undoable step, journaled as a change of the settings).
pub fn rename(board: &Board, name: &str) -> Result<Op, OpError> {
    let name = clean_name(name)?;
    if name == board.name {
        return Ok(Op {
            edit: Edit::Batch(Vec::new()),
            summary: format!("the board is already called \"{name}\""),
        });
    }
    let summary = format!("board renamed from \"{}\" to \"{name}\"", board.name);
    Ok(Op { edit: Edit::SetName(name), summary })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_become_one_batch_that_undoes_as_one() {
        let mut board = Board::new("t");
        let before = board.clone();
        let mut new = Settings::of(&board);
        new.policy.stage_two_share = 25;
        new.track_limits[1] = Some(6);
        new.column_limits[1][1] = Some(3);
        new.interest = new.interest.with(Severity::Critical, 10);
        let op = change(&board, &new).expect("valid");
        assert_eq!(
            op.summary,
            "stage-two target 30% → 25%, delivery WIP none → 6, In progress WIP none → 3, \
             critical debt interest weight 8 → 10"
        );
        let inverse = board.apply(op.edit).expect("apply");
        assert_eq!(Settings::of(&board), new);
        board.apply(inverse).expect("undo");
        assert_eq!(board, before);
    }

    #[test]
    fn unchanged_settings_make_no_edit_and_shares_stay_percentages() {
        let board = Board::new("t");
        let same = Settings::of(&board);
        assert!(change(&board, &same).expect("valid").edit.is_noop());
        let mut bad = same;
        bad.policy.discovery_share = 120;
        assert_eq!(change(&board, &bad), Err(OpError::BadShare(120)));
    }
}
