//! The current time, which `TWOTRACK_NOW` can pin (for demos, tests and "what if" checks).

use anyhow::{Context, Result};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, SubsecRound, Utc};

use crate::model::Timestamp;

/// Now, to the second: from `TWOTRACK_NOW` (RFC 3339 or a date) when set, else the system clock.
pub fn now() -> Result<Timestamp> {
    match std::env::var("TWOTRACK_NOW") {
        Ok(text) if !text.trim().is_empty() => parse(text.trim()).with_context(|| {
            format!("TWOTRACK_NOW is `{text}`, which is not a date (2026-11-21) or an RFC 3339 time")
        }),
        _ => Ok(Utc::now().trunc_subsecs(0)),
    }
}

fn parse(text: &str) -> Result<Timestamp> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc).trunc_subsecs(0));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")?;
    Ok(date.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc())
}

/// A moment a user names on the command line (`--since WHEN`), as of `now`: a date (its start,
/// UTC), a date and time (`2026-11-20 14:00`, `2026-11-20T14:00`, with seconds or without), an
/// RFC 3339 time, a time today (`09:30`), or a length back from now (`30m`, `2h`, `1d`, `1w`).
/// `standup --since` and `log --since` both read it.
pub fn parse_when(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let text = text.trim();
    let fail = || {
        format!(
            "`{text}` is not a time: give a date (2026-11-20), a time (2026-11-20 14:00, or 09:30 for today), \
             or a length back from now (2h, 1d, 1w)"
        )
    };
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc));
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date.and_time(NaiveTime::MIN).and_utc());
    }
    for format in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(time.and_utc());
        }
    }
    if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M") {
        return Ok(now.date_naive().and_time(time).and_utc());
    }
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let count: i64 = number.trim().parse().ok().filter(|n| *n >= 0).ok_or_else(fail)?;
    let length = match unit {
        "m" => Duration::try_minutes(count),
        "h" => Duration::try_hours(count),
        "d" => Duration::try_days(count),
        "w" => Duration::try_weeks(count),
        _ => None,
    };
    length.and_then(|l| now.checked_sub_signed(l)).ok_or_else(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(parse("2026-11-21").expect("date").to_rfc3339(), "2026-11-21T09:00:00+00:00");
        assert_eq!(
            parse("2026-11-21T10:30:00+01:00").expect("time").to_rfc3339(),
            "2026-11-21T09:30:00+00:00"
        );
        assert!(parse("tomorrow").is_err());
    }

    #[test]
    fn when_is_a_date_a_time_or_a_length_back() {
        let now = parse("2026-11-21T10:00:00Z").expect("now");
        for (text, expected) in [
            ("2026-11-20", "2026-11-20T00:00:00+00:00"),
            ("2026-11-20 14:30", "2026-11-20T14:30:00+00:00"),
            ("2026-11-20T14:30", "2026-11-20T14:30:00+00:00"),
            ("2026-11-20T14:30:15", "2026-11-20T14:30:15+00:00"),
            ("2026-11-20 14:30:15", "2026-11-20T14:30:15+00:00"),
            ("2026-11-20T14:30:00+01:00", "2026-11-20T13:30:00+00:00"),
            ("09:30", "2026-11-21T09:30:00+00:00"),
            ("2h", "2026-11-21T08:00:00+00:00"),
            ("30m", "2026-11-21T09:30:00+00:00"),
            (" 1d ", "2026-11-20T10:00:00+00:00"),
            ("1w", "2026-11-14T10:00:00+00:00"),
        ] {
            assert_eq!(parse_when(text, now).map(|t| t.to_rfc3339()), Ok(expected.to_owned()), "{text}");
        }
        for text in ["", "yesterday", "-2h", "2y", "2x", "2026-13-01", "99999999999999w", "25:00"] {
            assert!(parse_when(text, now).expect_err(text).contains("is not a time"), "{text}");
        }
    }

    /// `log --since` (which reads the same words) as it was first tested.
    #[test]
    fn log_since_reads_dates_times_and_lengths_back_from_now() {
        let now = DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("now").to_utc();
        let at = |t: &str| parse_when(t, now).expect(t).to_rfc3339();
        assert_eq!(at("2h"), "2026-11-21T08:00:00+00:00");
        assert_eq!(at("1d"), "2026-11-20T10:00:00+00:00");
        assert_eq!(at("1w"), "2026-11-14T10:00:00+00:00");
        assert_eq!(at("30m"), "2026-11-21T09:30:00+00:00");
        assert_eq!(at("2026-11-01"), "2026-11-01T00:00:00+00:00");
        assert_eq!(at("2026-11-01T14:30"), "2026-11-01T14:30:00+00:00");
        assert_eq!(at("08:15"), "2026-11-21T08:15:00+00:00");
        assert_eq!(at("2026-11-01T14:30:00+01:00"), "2026-11-01T13:30:00+00:00");
        for bad in ["yesterday", "2x", "", "99999999999999w"] {
            assert!(parse_when(bad, now).is_err(), "{bad}");
        }
    }
}
