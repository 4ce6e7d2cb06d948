//! The settings form: sprint capacity, the two target shares, the WIP limits of each track and
//! column (empty means no limit), and the severity weights of debt interest.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::settings::Settings;
use crate::model::{Board, CapacityPolicy, Severity, Track};

fn number(n: Option<u32>) -> Input {
    Input::line(&n.map(|n| n.to_string()).unwrap_or_default())
}

pub fn settings(board: &Board) -> Form {
    let s = Settings::of(board);
    let mut fields = vec![
        Field::new(FieldKey::Capacity, "Capacity (points per sprint)", number(Some(s.policy.points))),
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
    Form::new(
        Purpose::Settings,
        "Capacity, WIP limits and debt interest".into(),
        "Targets are percentages of planned points; leave a WIP limit empty for none".into(),
        fields,
    )
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
    let policy = CapacityPolicy {
        points: required(FieldKey::Capacity)?,
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
    Ok(Settings { policy, track_limits, column_limits, interest })
}
