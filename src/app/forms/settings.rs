//! The settings form: the board's name, the capacity (the open sprint's while one is open: the
//! sprint has one capacity), the two target shares, the WIP limits of each track and column
//! (empty means no limit), and the severity weights of debt interest.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::settings::{Settings, clean_name};
use crate::model::{Board, CapacityPolicy, Severity, Track};

fn number(n: Option<u32>) -> Input {
    Input::line(&n.map(|n| n.to_string()).unwrap_or_default())
}

pub fn settings(board: &Board) -> Form {
    let s = Settings::of(board);
    // While a sprint is open its capacity is the one that counts; the board's default (for the
    // next sprint) is set when that sprint starts, so the form never shows two numbers.
    let capacity = match board.current_sprint() {
        Some(sprint) => Field::new(
            FieldKey::Capacity,
            format!("Capacity of {}", sprint.name),
            number(Some(sprint.capacity)),
        ),
        None => Field::new(FieldKey::Capacity, "Capacity (points per sprint)", number(Some(s.policy.points))),
    };
    let mut fields = vec![
        Field::new(FieldKey::Name, "Board name", Input::line(&s.name)),
        capacity,
        Field::new(
            FieldKey::DiscoveryTarget,
            "Discovery target %",
            number(Some(s.policy.discovery_share.into())),
        ),
        Field::new(
            FieldKey::StageTwoTarget,
            "Stage-two target %",
            number(Some(s.policy.stage_two_share.into())),
        ),
    ];
    for track in Track::ALL {
        fields.push(Field::new(
            FieldKey::TrackLimit(track),
            format!("WIP {track} track"),
            number(s.track_limit(track)),
        ));
        for (index, column) in board.track(track).columns.iter().enumerate() {
            fields.push(Field::new(
                FieldKey::ColumnLimit(track, index),
                format!("WIP {}", column.name),
                number(column.wip_limit),
            ));
        }
    }
    for severity in Severity::ALL {
        fields.push(Field::new(
            FieldKey::InterestWeight(severity),
            format!("Interest weight, {severity} debt"),
            number(Some(s.interest.of(Some(severity)))),
        ));
    }
    let mut form = Form::new(
        Purpose::Settings,
        "Name, capacity, WIP limits and debt interest".into(),
        "Targets are percentages of planned points; leave a WIP limit empty for none".into(),
        fields,
    );
    if let Some(sprint) = board.current_sprint() {
        form.notes.push(format!(
            "The capacity is {}'s, in points; the next sprint's is chosen when it starts",
            sprint.name
        ));
    }
    form
}

/// The settings the form asks for, or the field to fix and why.
pub fn values(form: &Form, board: &Board) -> Result<Settings, (usize, String)> {
    let required = |key: FieldKey| -> Result<u32, (usize, String)> {
        form.number(key)?.ok_or_else(|| (form.position(key), "this value is needed".to_owned()))
    };
    let share = |key: FieldKey| -> Result<u8, (usize, String)> {
        let n = required(key)?;
        u8::try_from(n).ok().filter(|n| *n <= 100).ok_or_else(|| {
            (form.position(key), format!("a target share is a percentage from 0 to 100, not {n}"))
        })
    };
    let name = clean_name(&form.value(FieldKey::Name))
        .map_err(|e| (form.position(FieldKey::Name), e.to_string()))?;
    let capacity = required(FieldKey::Capacity)?;
    let sprint_capacity = board.current_sprint().map(|_| capacity);
    let policy = CapacityPolicy {
        points: if sprint_capacity.is_some() { board.capacity.points } else { capacity },
        discovery_share: share(FieldKey::DiscoveryTarget)?,
        stage_two_share: share(FieldKey::StageTwoTarget)?,
    };
    let mut track_limits = [None, None];
    let mut column_limits = [Vec::new(), Vec::new()];
    for (slot, track) in Track::ALL.into_iter().enumerate() {
        track_limits[slot] = form.number(FieldKey::TrackLimit(track))?;
        for index in 0..board.track(track).columns.len() {
            column_limits[slot].push(form.number(FieldKey::ColumnLimit(track, index))?);
        }
    }
    let mut interest = board.interest_weights();
    for severity in Severity::ALL {
        interest = interest.with(severity, required(FieldKey::InterestWeight(severity))?);
    }
    Ok(Settings { name, policy, sprint_capacity, track_limits, column_limits, interest })
}
